"""App. 4 appendix to the certificate (§29): modules of the programme, hours and grades.

A4 portrait. Heading in both languages ("СЕРТИФИКАТҚА ҚОСЫМША" / "ПРИЛОЖЕНИЕ К
СЕРТИФИКАТУ"), body in the course language; the module table continues on further pages
when it is long (header row repeated), and the signature block follows the table.
"""

from __future__ import annotations

import io

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from bot.documents.fonts import SERIF, SERIF_BOLD
from bot.documents.furniture import draw_org_header, draw_signature
from bot.documents.layout import MM, PORTRAIT, draw_fitted, draw_lines, esc, new_canvas
from bot.documents.module_table import (
    FONT_SIZE,
    FUZZ,
    PAD_X,
    Cell,
    Plain,
    Row,
    TableFlow,
    text_cell,
)
from bot.documents.texts import BILINGUAL, T, head_title, long_date, ru_past
from domain.documents import AppendixDoc

MARGIN = 20 * MM
WIDTH = PORTRAIT[0] - 2 * MARGIN
BOTTOM = 18 * MM  # the lowest the table and the signature block go on a page
COLUMNS = (12 * MM, WIDTH - 72 * MM, 30 * MM, 30 * MM)  # №, module, hours, grade
GAP = 8 * MM  # between the table and the signature block
SIGNATURE_H = 50 * MM


def appendix_body(doc: AppendixDoc) -> str:
    showed = ru_past(doc.holder_gender, "показал", "показала", "показал(а)")
    return T[doc.lang]["appendix_body"].format(topic=esc(doc.topic), showed=showed)


def module_rows(doc: AppendixDoc) -> tuple[Row, list[Row]]:
    """The header row and the body rows (modules, then the total) of the module table."""
    t = T[doc.lang]
    keys = ("col_no", "col_module", "col_hours", "col_grade")
    header = Row.of(
        [
            text_cell(t[key], SERIF_BOLD, w, centred=True)
            for key, w in zip(keys, COLUMNS, strict=True)
        ]
    )
    _, module_w, _, grade_w = COLUMNS
    rows = []
    for i, module in enumerate(doc.modules, start=1):
        # a grade is a word or two: one plain line unless it is too wide for its column
        if stringWidth(module.grade, SERIF, FONT_SIZE) <= grade_w - 2 * PAD_X:
            grade: Cell = Plain(module.grade, SERIF)
        else:
            grade = text_cell(module.grade, SERIF, grade_w, centred=True)
        name = text_cell(module.name, SERIF, module_w, centred=False)
        rows.append(Row.of([Plain(str(i), SERIF), name, Plain(str(module.hours), SERIF), grade]))
    total = text_cell(t["total"], SERIF_BOLD, module_w, centred=False)
    hours = Plain(str(doc.total_hours), SERIF_BOLD)
    rows.append(Row.of([Plain("", SERIF), total, hours, Plain("", SERIF)]))
    return header, rows


def draw_signature_block(canvas: Canvas, doc: AppendixDoc, y_top: float) -> None:
    """Head's signature, stamp place, registration number and issue date, SIGNATURE_H tall."""
    t = T[doc.lang]
    canvas.saveState()
    canvas.translate(MARGIN, y_top - SIGNATURE_H)
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
    canvas.restoreState()


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

    def next_page() -> float:
        """Continuation pages: the certificate number top right, content from 20 mm down."""
        canvas.showPage()
        canvas.setPageSize(PORTRAIT)
        canvas.setFont(SERIF, 8)
        canvas.drawRightString(w - MARGIN, h - 12 * MM, f"№ {doc.certificate_number}")
        return h - 20 * MM

    y = TableFlow(canvas, MARGIN, COLUMNS, BOTTOM, next_page).draw(*module_rows(doc), y - 4 * MM)
    # The gap, then the signature block: each goes to the next page when it does not fit.
    if not fits(y, GAP):
        y = next_page()
    y -= GAP
    if not fits(y, SIGNATURE_H):
        y = next_page()
    draw_signature_block(canvas, doc, y)


def fits(y: float, height: float) -> bool:
    """Whether a block ``height`` tall fits below ``y`` (platypus's Frame rule)."""
    return y - BOTTOM > 0 and y - height >= BOTTOM - FUZZ


def render_appendix(doc: AppendixDoc) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{BILINGUAL['appendix_ru']} {doc.certificate_number}", PORTRAIT)
    draw_appendix(canvas, doc)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
