"""App. 3 certificate (§29) with the §33 additions: valid-until date and a QR code.

A4 landscape, double border; heading as the form shows it (official name in Kazakh on the
left, logo in the centre, in Russian on the right, then "СЕРТИФИКАТ"); body in the course
language; head's signature line, stamp place, registration number and issue date.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from bot.documents.fonts import SANS, SERIF, SERIF_BOLD
from bot.documents.layout import (
    LANDSCAPE,
    MM,
    draw_border,
    draw_fitted,
    draw_lines,
    draw_org_header,
    draw_qr,
    draw_signature,
    esc,
    new_canvas,
)
from bot.documents.texts import (
    BILINGUAL,
    T,
    head_title,
    hours_phrase,
    long_date,
    ru_past,
    short_date,
)
from domain.documents import CertificateDoc

BLUE = (0.06, 0.25, 0.45)


def certificate_body(doc: CertificateDoc) -> str:
    t = T[doc.lang]
    hours = hours_phrase(doc.academic_hours, doc.lang)
    passed = ru_past(doc.holder_gender, "прошел", "прошла", "прошел(ла)")
    return t["cert_body"].format(topic=esc(doc.topic), hours=hours, passed=passed)


def draw_certificate(canvas: Canvas, doc: CertificateDoc) -> None:
    """Draw one certificate page on ``canvas`` (the caller starts/ends the page)."""
    t = T[doc.lang]
    w, h = LANDSCAPE
    canvas.setPageSize(LANDSCAPE)
    draw_border(canvas, LANDSCAPE)
    left, right = 22 * MM, w - 22 * MM
    draw_org_header(canvas, doc.organization, left, right, h - 16 * MM, 22 * MM)

    canvas.setFillColorRGB(*BLUE)
    canvas.setFont(SERIF_BOLD, 34)
    canvas.drawCentredString(w / 2, h - 54 * MM, BILINGUAL["certificate"])
    canvas.setFillColorRGB(0, 0, 0)

    canvas.setFont(SERIF, 13)
    canvas.drawCentredString(w / 2, h - 65 * MM, t["cert_lead"])
    text_w = 215 * MM
    x = (w - text_w) / 2
    draw_lines(
        canvas,
        doc.holder_full_name,
        x,
        h - 68 * MM,
        text_w,
        17 * MM,
        font=SERIF_BOLD,
        max_size=22,
        min_size=11,
        valign="middle",
    )
    draw_fitted(
        canvas,
        certificate_body(doc),
        x,
        h - 88 * MM,
        text_w,
        36 * MM,
        font=SERIF,
        max_size=14,
        min_size=8,
    )
    if doc.follows_number:
        canvas.setFont(SERIF, 8.5)
        follows = t["follows"].format(number=doc.follows_number)
        canvas.drawCentredString(w / 2, h - 128 * MM, follows)

    qr_size = 34 * MM
    qr_x, qr_y = right - qr_size, 19 * MM
    draw_qr(canvas, doc.verification_url, qr_x, qr_y, qr_size)
    canvas.setFont(SANS, 6.5)
    canvas.drawCentredString(qr_x + qr_size / 2, qr_y - 3 * MM, t["verify"])

    draw_signature(
        canvas,
        title=head_title(doc.organization, doc.lang),
        name=doc.organization.head_name,
        signature_caption=t["signature"],
        stamp=BILINGUAL["stamp"],
        x=left + 4 * MM,
        y=62 * MM,
        width=qr_x - left - 14 * MM,
    )
    canvas.setFont(SERIF, 10)
    lines = (
        f"{t['reg_number']} {doc.number}",
        f"{t['issued_on']} {long_date(doc.issued_on, doc.lang)}",
        t["valid_until"].format(date=short_date(doc.valid_until)),
    )
    for i, line in enumerate(lines):
        canvas.drawString(left + 4 * MM, 31 * MM - i * 5.5 * MM, line)


def render_certificate(doc: CertificateDoc) -> bytes:
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{BILINGUAL['certificate']} {doc.number}", LANDSCAPE)
    draw_certificate(canvas, doc)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
