"""App. 4 appendix to the certificate (§29): modules of the programme, hours and grades.

A4 portrait. Heading in both languages ("СЕРТИФИКАТҚА ҚОСЫМША" / "ПРИЛОЖЕНИЕ К
СЕРТИФИКАТУ"), body in the course language; the module table continues on further pages
when it is long (header row repeated), and the signature block follows the table.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Spacer, Table, TableStyle

from bot.documents.fonts import SERIF, SERIF_BOLD
from bot.documents.layout import (
    MM,
    PORTRAIT,
    Drawn,
    draw_fitted,
    draw_lines,
    draw_org_header,
    draw_signature,
    esc,
    flow,
    new_canvas,
    style,
)
from bot.documents.texts import BILINGUAL, T, head_title, long_date, ru_past
from domain.documents import AppendixDoc

MARGIN = 20 * MM
WIDTH = PORTRAIT[0] - 2 * MARGIN


def appendix_body(doc: AppendixDoc) -> str:
    showed = ru_past(doc.holder_gender, "показал", "показала", "показал(а)")
    return T[doc.lang]["appendix_body"].format(topic=esc(doc.topic), showed=showed)


def module_table(doc: AppendixDoc) -> Table:
    t = T[doc.lang]
    head = style(SERIF_BOLD, 9.5, "center")
    cell = style(SERIF, 9.5, "left")
    num = style(SERIF, 9.5, "center")
    rows: list[list[object]] = [
        [Paragraph(esc(t[key]), head) for key in ("col_no", "col_module", "col_hours", "col_grade")]
    ]
    grade_w = 30 * MM - 12  # column minus paddings

    def short(text: str) -> object:
        """Plain strings are laid out far faster than Paragraphs; wrap only when needed."""
        if stringWidth(text, SERIF, 9.5) <= grade_w:
            return text
        return Paragraph(esc(text), num)

    for i, module in enumerate(doc.modules, start=1):
        rows.append(
            [str(i), Paragraph(esc(module.name), cell), str(module.hours), short(module.grade)]
        )
    rows.append(["", Paragraph(f"<b>{esc(t['total'])}</b>", cell), str(doc.total_hours), ""])
    table = Table(rows, colWidths=[12 * MM, WIDTH - 72 * MM, 30 * MM, 30 * MM], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else Helvetica, not embedded
                ("FONTNAME", (2, -1), (2, -1), SERIF_BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 9.5),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
                ("ALIGN", (2, 1), (-1, -1), "CENTER"),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.94, 0.97)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def signature_block(doc: AppendixDoc) -> Drawn:
    t = T[doc.lang]

    def draw(canvas: Canvas) -> None:
        draw_signature(
            canvas,
            title=head_title(doc.organization, doc.lang),
            name=doc.organization.head_name,
            signature_caption=t["signature"],
            stamp=BILINGUAL["stamp"],
            x=0,
            y=44 * MM,
            width=WIDTH,
        )
        canvas.setFont(SERIF, 10)
        canvas.drawString(0, 10 * MM, f"{t['reg_number']} {doc.certificate_number}")
        if doc.issued_on is not None:
            canvas.drawString(0, 4 * MM, f"{t['issued_on']} {long_date(doc.issued_on, doc.lang)}")

    return Drawn(WIDTH, 50 * MM, draw)


def draw_appendix(canvas: Canvas, doc: AppendixDoc) -> None:
    """Draw the appendix from a fresh page on ``canvas``; the caller ends the last page."""
    w, h = PORTRAIT
    canvas.setPageSize(PORTRAIT)
    draw_org_header(canvas, doc.organization, MARGIN, w - MARGIN, h - 14 * MM, 20 * MM)
    canvas.setFont(SERIF_BOLD, 14)
    canvas.drawCentredString(w / 2, h - 44 * MM, BILINGUAL["appendix_kk"])
    canvas.drawCentredString(w / 2, h - 51 * MM, BILINGUAL["appendix_ru"])
    canvas.setFont(SERIF, 11)
    canvas.drawCentredString(w / 2, h - 58 * MM, f"№ {doc.certificate_number}")
    y = draw_lines(
        canvas,
        doc.holder_full_name,
        MARGIN,
        h - 63 * MM,
        WIDTH,
        12 * MM,
        font=SERIF_BOLD,
        max_size=15,
        min_size=8,
        valign="middle",
    )
    y = draw_fitted(
        canvas,
        appendix_body(doc),
        MARGIN,
        y - 2 * MM,
        WIDTH,
        26 * MM,
        font=SERIF,
        max_size=11.5,
        min_size=7,
        align="justify",
    )
    first_top = y - 4 * MM

    def frame_for_page(page: int) -> Frame:
        top = first_top if page == 0 else h - 20 * MM
        return Frame(
            MARGIN,
            18 * MM,
            WIDTH,
            top - 18 * MM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            showBoundary=0,
        )

    def start_page(page: int) -> None:
        canvas.setPageSize(PORTRAIT)
        canvas.setFont(SERIF, 8)
        canvas.drawRightString(w - MARGIN, h - 12 * MM, f"№ {doc.certificate_number}")

    flow(
        canvas,
        [module_table(doc), Spacer(1, 8 * MM), signature_block(doc)],
        frame_for_page,
        start_page,
    )


def render_appendix(doc: AppendixDoc) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{BILINGUAL['appendix_ru']} {doc.certificate_number}", PORTRAIT)
    draw_appendix(canvas, doc)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
