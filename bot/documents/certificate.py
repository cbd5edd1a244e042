"""App. 3 certificate (§29) with the §33 additions: valid-until date and a QR code.

A4 landscape, double border; heading as the form shows it (official name in Kazakh on the
left, logo in the centre, in Russian on the right, then "СЕРТИФИКАТ"); body in the course
language; head's signature line, stamp place, registration number and issue date.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from bot.documents.certificate_page import (
    HEIGHT,
    WIDTH,
    draw_certificate_footer,
    draw_holder_and_body,
    start_certificate_page,
)
from bot.documents.fonts import SERIF
from bot.documents.layout import LANDSCAPE, MM, esc, new_canvas
from bot.documents.texts import BILINGUAL, T, hours_phrase, long_date, ru_past, valid_until
from domain.documents import CertificateDoc


def certificate_body(doc: CertificateDoc) -> str:
    t = T[doc.lang]
    hours = hours_phrase(doc.academic_hours, doc.lang)
    passed = ru_past(doc.holder_gender, "прошел", "прошла", "прошел(ла)")
    return t["cert_body"].format(topic=esc(doc.topic), hours=hours, passed=passed)


def draw_certificate(canvas: Canvas, doc: CertificateDoc) -> None:
    """Draw one certificate page on ``canvas`` (the caller starts/ends the page)."""
    t = T[doc.lang]
    start_certificate_page(canvas, doc.organization, [(54, BILINGUAL["certificate"])], 34)
    canvas.setFont(SERIF, 13)
    canvas.drawCentredString(WIDTH / 2, HEIGHT - 65 * MM, t["cert_lead"])
    draw_holder_and_body(
        canvas, doc.holder_full_name, certificate_body(doc), name_top=68, body_top=88, body_h=36
    )
    if doc.follows_number:
        canvas.setFont(SERIF, 8.5)
        follows = t["follows"].format(number=doc.follows_number)
        canvas.drawCentredString(WIDTH / 2, HEIGHT - 128 * MM, follows)
    lines = (
        f"{t['reg_number']} {doc.number}",
        f"{t['completed_on']} {long_date(doc.completed_on, doc.lang)}",  # §33: both dates
        f"{t['issued_on']} {long_date(doc.issued_on, doc.lang)}",
        valid_until(doc.valid_until, doc.lang),
    )
    draw_certificate_footer(canvas, doc.organization, doc.lang, doc.verification_url, lines)


def render_certificate(doc: CertificateDoc) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{BILINGUAL['certificate']} {doc.number}", LANDSCAPE)
    draw_certificate(canvas, doc)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
