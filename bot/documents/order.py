"""§16, §18 enrollment order of the head of the Organization, with the list of listeners.

Letterhead as Kazakh orders are printed: the organization's name and "БҰЙРЫҚ" on the left,
its Russian name and "ПРИКАЗ" on the right; then date, number and city; the body follows
the order's language. The list of listeners continues over as many pages as it needs.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table, TableStyle

from bot.documents.flowing import Drawn, flow
from bot.documents.fonts import SANS_BOLD, SERIF, SERIF_BOLD
from bot.documents.furniture import draw_signature
from bot.documents.layout import MM, PORTRAIT, draw_fitted, esc, new_canvas, style
from bot.documents.texts import (
    BILINGUAL,
    T,
    dated,
    head_title,
    hours_phrase,
    long_date,
    short_date,
)
from domain.documents import EnrollmentOrderDoc

MARGIN = 20 * MM
WIDTH = PORTRAIT[0] - 2 * MARGIN


def letters_text(doc: EnrollmentOrderDoc) -> str:
    t = T[doc.lang]
    return "; ".join(
        t["order_letter"].format(
            department=esc(letter.department),
            date=short_date(letter.dated),
            number=esc(letter.number),
        )
        for letter in doc.basis_letters
    )


def order_paragraphs(doc: EnrollmentOrderDoc) -> list[str]:
    t = T[doc.lang]
    item_1 = t["order_item_1"].format(
        topic=esc(doc.topic),
        hours=hours_phrase(doc.academic_hours, doc.lang),
        cohort=esc(doc.cohort),
        start=short_date(doc.starts_on),
        end=short_date(doc.ends_on),
    )
    preamble = t["order_preamble"].format(letters=letters_text(doc))
    items = [item_1.partition(" ")[2], t["order_item_2"].partition(" ")[2]]
    base = doc.internship_base
    if base is not None:  # §30: the internship rests on a memorandum of cooperation
        items.insert(
            1,
            t["order_internship"].format(
                enterprise=esc(base.enterprise_name),
                date=short_date(base.memorandum_date),
                number=esc(base.memorandum_number),
            ),
        )
    items.append(t["order_item_3"].partition(" ")[2])
    return [preamble, *(f"{n}. {item}" for n, item in enumerate(items, start=1))]


def teachers_table(doc: EnrollmentOrderDoc) -> Table:
    t = T[doc.lang]
    head = style(SERIF_BOLD, 9.5, "center")
    cell = style(SERIF, 9.5, "left")
    rows: list[list[object]] = [
        [Paragraph(t[k], head) for k in ("col_no", "col_name", "col_school", "col_position")]
    ]
    for i, teacher in enumerate(doc.teachers, start=1):
        rows.append(
            [
                Paragraph(str(i), style(SERIF, 9.5, "center")),
                Paragraph(esc(teacher.full_name), cell),
                Paragraph(esc(teacher.school), cell),
                Paragraph(esc(teacher.position), cell),
            ]
        )
    table = Table(rows, colWidths=[10 * MM, 60 * MM, 55 * MM, WIDTH - 125 * MM], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), SERIF),  # else Helvetica, not embedded
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.94, 0.97)),
            ]
        )
    )
    return table


def draw_letterhead(canvas: Canvas, doc: EnrollmentOrderDoc) -> float:
    w, h = PORTRAIT
    col_w = WIDTH / 2 - 8 * MM
    org = doc.organization
    for name, word, x in (
        (org.name_kk, BILINGUAL["order_kk"], MARGIN),
        (org.name_ru, BILINGUAL["order_ru"], w - MARGIN - col_w),
    ):
        draw_fitted(
            canvas,
            f"<b>{esc(name)}</b>",
            x,
            h - 15 * MM,
            col_w,
            16 * MM,
            font=SANS_BOLD,
            max_size=10,
            min_size=6,
            valign="middle",
        )
        canvas.setFont(SANS_BOLD, 14)
        canvas.drawCentredString(x + col_w / 2, h - 39 * MM, word)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN, h - 44 * MM, w - MARGIN, h - 44 * MM)
    canvas.setFont(SERIF, 11)
    y = h - 52 * MM
    canvas.drawString(MARGIN, y, long_date(doc.dated, doc.lang))
    canvas.drawRightString(w - MARGIN, y, f"№ {doc.number}")
    if org.city:
        canvas.drawCentredString(w / 2, y - 6 * MM, T[doc.lang]["order_city"].format(city=org.city))
    return y - 14 * MM


def render_enrollment_order(doc: EnrollmentOrderDoc) -> bytes:
    t = T[doc.lang]
    w, h = PORTRAIT
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{BILINGUAL['order_ru']} № {doc.number}", PORTRAIT)
    y = draw_letterhead(canvas, doc)
    y = draw_fitted(
        canvas,
        f"<b>{esc(t['order_title'])}</b>",
        MARGIN,
        y,
        WIDTH * 0.6,
        14 * MM,
        font=SERIF,
        max_size=12,
        min_size=9,
        align="left",
    )
    body = style(SERIF, 12, "justify", 17)
    flowables: list[Flowable] = []
    for markup in order_paragraphs(doc):
        flowables += [Paragraph(markup, body), Spacer(1, 2.5 * MM)]

    def sign(c: Canvas) -> None:
        draw_signature(
            c,
            title=head_title(doc.organization, doc.lang),
            name=doc.organization.head_name,
            signature_caption=t["signature"],
            stamp=t["stamp"],
            x=0,
            y=30 * MM,
            width=WIDTH,
        )

    flowables += [Spacer(1, 8 * MM), Drawn(WIDTH, 36 * MM, sign)]
    first_top = y - 6 * MM
    pages = [0]

    def frame_for_page(page: int) -> Frame:
        top = first_top if page == 0 else h - 20 * MM
        return Frame(MARGIN, 18 * MM, WIDTH, top - 18 * MM, 0, 0, 0, 0)

    def start_page(page: int) -> None:
        pages[0] += 1
        canvas.setFont(SERIF, 8)
        canvas.drawRightString(w - MARGIN, h - 12 * MM, f"№ {doc.number}, {pages[0] + 1}")

    flow(canvas, flowables, frame_for_page, start_page)
    if doc.teachers:
        # The list is the order's annex: it starts on a page of its own.
        canvas.showPage()
        start_page(1)
        annex = t["order_annex"].format(date=dated(doc.dated, doc.lang), number=esc(doc.number))
        listing: list[Flowable] = [
            Paragraph(annex, style(SERIF, 10, "right")),
            Spacer(1, 6 * MM),
            Paragraph(f"<b>{esc(t['order_list'])}</b>", style(SERIF, 12, "center")),
            Spacer(1, 4 * MM),
            teachers_table(doc),
        ]
        flow(canvas, listing, lambda page: frame_for_page(page + 1), start_page)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
