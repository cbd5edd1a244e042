"""§31 listening reference ("справка о прослушивании курса") for listeners who did not pass.

The Rules leave the form free; this one states the course, the period, attendance, the
final-assessment result, why no certificate was issued, and the four options §31 gives.
A4 portrait, the organization's names as in the certificate header.
"""

from __future__ import annotations

import io
from decimal import Decimal

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph, Spacer

from bot.documents.flowing import Drawn, flow
from bot.documents.fonts import SERIF, SERIF_BOLD
from bot.documents.furniture import draw_org_header, draw_signature
from bot.documents.layout import MM, PORTRAIT, draw_fitted, esc, new_canvas, style
from bot.documents.texts import (
    T,
    head_title,
    hours_phrase,
    long_date,
    ru_past,
    ru_points,
    short_date,
)
from domain.documents import ListeningReferenceDoc

MARGIN = 20 * MM
WIDTH = PORTRAIT[0] - 2 * MARGIN


def number_text(value: Decimal | int | float) -> str:
    """42 → "42", 42.5 → "42,5" (comma decimal separator in kk and ru)."""
    text = f"{Decimal(str(value)).normalize():f}"
    return text.replace(".", ",")


def attendance_percent(doc: ListeningReferenceDoc) -> str:
    if doc.sessions_total <= 0:
        return "0"
    percent = Decimal(doc.sessions_attended * 100) / Decimal(doc.sessions_total)
    return number_text(percent.quantize(Decimal("0.1")))


def reference_paragraphs(doc: ListeningReferenceDoc) -> list[str]:
    t = T[doc.lang]
    g = doc.holder_gender
    body = t["ref_body"].format(
        pronoun=ru_past(g, "Он", "Она", "Он(а)"),
        listened=ru_past(g, "прослушал", "прослушала", "прослушал(а)"),
        topic=esc(doc.topic),
        hours=hours_phrase(doc.academic_hours, doc.lang),
        start=short_date(doc.period_start),
        end=short_date(doc.period_end),
    )
    # the name after a colon, in the nominative: no declension needed in either language
    lead = f"{t['ref_given']} <b>{esc(doc.holder_full_name)}</b>. "
    attendance = t["ref_attendance"].format(
        attended=doc.sessions_attended,
        total=doc.sessions_total,
        percent=attendance_percent(doc),
    )
    if doc.score is None:
        score = t["ref_no_score"]
    else:
        maximum = number_text(doc.max_score)
        if doc.lang == "ru":
            maximum = ru_points(maximum)
        score = t["ref_score"].format(score=number_text(doc.score), max=maximum)
    reason = t["ref_reason"].format(reason=esc(doc.reason_not_passed.rstrip(". ")))
    return [lead + body, attendance, score, reason]


def render_listening_reference(doc: ListeningReferenceDoc) -> bytes:
    t = T[doc.lang]
    w, h = PORTRAIT
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, t["ref_title"], PORTRAIT)
    draw_org_header(canvas, doc.organization, MARGIN, w - MARGIN, h - 14 * MM, 20 * MM)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, h - 37 * MM, w - MARGIN, h - 37 * MM)
    y = draw_fitted(
        canvas,
        f"<b>{esc(t['ref_title'])}</b>",
        MARGIN + 10 * MM,
        h - 46 * MM,
        WIDTH - 20 * MM,
        14 * MM,
        font=SERIF_BOLD,
        max_size=13,
        min_size=9,
    )
    canvas.setFont(SERIF, 11)
    number = t["ref_number"].format(number=doc.number, date=long_date(doc.issued_on, doc.lang))
    canvas.drawCentredString(w / 2, y - 6 * MM, number)

    body = style(SERIF, 12, "justify", 17)
    item = style(SERIF, 11, "justify", 15)
    flowables: list = []
    for markup in reference_paragraphs(doc):
        flowables += [Paragraph(markup, body), Spacer(1, 2 * MM)]
    flowables += [Spacer(1, 3 * MM), Paragraph(t["ref_options"], body), Spacer(1, 1 * MM)]
    for i in range(1, 5):
        flowables.append(Paragraph(f"{i}) {t[f'ref_option_{i}']}", item))

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

    flowables += [Spacer(1, 12 * MM), Drawn(WIDTH, 36 * MM, sign)]
    first_top = y - 14 * MM

    def frame_for_page(page: int) -> Frame:
        top = first_top if page == 0 else h - 20 * MM
        return Frame(MARGIN, 18 * MM, WIDTH, top - 18 * MM, 0, 0, 0, 0)

    flow(canvas, flowables, frame_for_page, lambda page: None)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
