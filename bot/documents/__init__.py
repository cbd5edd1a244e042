"""PDF documents of the Rules (Order No. 95), rendered from ``domain.documents`` objects.

Every ``render_*`` function returns the bytes of an A4 PDF with the DejaVu fonts embedded;
identical input gives identical bytes. ``bot.documents.samples.render_sample`` renders
fictional samples for ``biliktilik render``.
"""

from __future__ import annotations

import io

from bot.documents.appendix import draw_appendix, render_appendix
from bot.documents.application import render_application
from bot.documents.certificate import draw_certificate, render_certificate
from bot.documents.internship import render_enterprise_reference, render_internship_certificate
from bot.documents.layout import LANDSCAPE, new_canvas
from bot.documents.order import render_enrollment_order
from bot.documents.reference import render_listening_reference
from bot.documents.texts import BILINGUAL
from domain.documents import AppendixDoc, CertificateDoc

__all__ = [
    "render_appendix",
    "render_application",
    "render_certificate",
    "render_certificate_with_appendix",
    "render_enrollment_order",
    "render_enterprise_reference",
    "render_internship_certificate",
    "render_listening_reference",
]


def render_certificate_with_appendix(cert: CertificateDoc, appendix: AppendixDoc) -> bytes:
    """One PDF: page 1 the certificate (landscape), then the appendix (portrait)."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, f"{BILINGUAL['certificate']} {cert.number}", LANDSCAPE)
    draw_certificate(canvas, cert)
    canvas.showPage()
    draw_appendix(canvas, appendix)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
