"""The page App. 3 (certificate) and App. 6 (internship certificate) share.

A4 landscape in a double frame: the organization header, a blue heading, the holder's name
and the body text in the middle; at the bottom the QR code (§33) on the right, the head's
signature with the stamp place, and the registration lines on the left.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from bot.documents.fonts import SANS, SERIF, SERIF_BOLD
from bot.documents.furniture import draw_border, draw_org_header, draw_signature
from bot.documents.layout import LANDSCAPE, MM, draw_fitted, draw_lines
from bot.documents.qr import draw_qr
from bot.documents.texts import BILINGUAL, T, head_title
from domain.documents import Lang, OrganizationInfo

BLUE = (0.06, 0.25, 0.45)
WIDTH, HEIGHT = LANDSCAPE
LEFT, RIGHT = 22 * MM, WIDTH - 22 * MM
TEXT_W = 215 * MM  # the holder's name and the body
QR_SIZE = 34 * MM


def start_certificate_page(
    canvas: Canvas, org: OrganizationInfo, headings: Sequence[tuple[float, str]], size: float
) -> None:
    """Frame, organization header and the heading lines, each given as (mm from the top,
    text)."""
    canvas.setPageSize(LANDSCAPE)
    draw_border(canvas, LANDSCAPE)
    draw_org_header(canvas, org, LEFT, RIGHT, HEIGHT - 16 * MM, 22 * MM)
    canvas.setFillColorRGB(*BLUE)
    canvas.setFont(SERIF_BOLD, size)
    for from_top, text in headings:
        canvas.drawCentredString(WIDTH / 2, HEIGHT - from_top * MM, text)
    canvas.setFillColorRGB(0, 0, 0)


def draw_holder_and_body(
    canvas: Canvas, name: str, body: str, *, name_top: float, body_top: float, body_h: float
) -> None:
    """The holder's name (plain text) in a 17 mm band and the body (Paragraph markup) below,
    both shrunk to fit; tops in mm from the top of the page."""
    x = (WIDTH - TEXT_W) / 2
    draw_lines(
        canvas,
        name,
        x,
        HEIGHT - name_top * MM,
        TEXT_W,
        17 * MM,
        font=SERIF_BOLD,
        max_size=22,
        min_size=11,
        valign="middle",
    )
    draw_fitted(
        canvas,
        body,
        x,
        HEIGHT - body_top * MM,
        TEXT_W,
        body_h * MM,
        font=SERIF,
        max_size=14,
        min_size=8,
    )


def draw_certificate_footer(
    canvas: Canvas,
    org: OrganizationInfo,
    lang: Lang,
    verification_url: str | None,
    lines: Sequence[str],
) -> None:
    """QR code with its caption (when there is a URL to verify), the head's signature block
    left of it, and ``lines`` (registration number, dates) at the bottom left."""
    t = T[lang]
    signature_right = RIGHT
    if verification_url:
        qr_x, qr_y = RIGHT - QR_SIZE, 19 * MM
        draw_qr(canvas, verification_url, qr_x, qr_y, QR_SIZE)
        canvas.setFont(SANS, 6.5)
        canvas.drawCentredString(qr_x + QR_SIZE / 2, qr_y - 3 * MM, t["verify"])
        signature_right = qr_x - 10 * MM
    draw_signature(
        canvas,
        title=head_title(org, lang),
        name=org.head_name,
        signature_caption=t["signature"],
        stamp=BILINGUAL["stamp"],
        x=LEFT + 4 * MM,
        y=62 * MM,
        width=signature_right - LEFT - 4 * MM,
    )
    canvas.setFont(SERIF, 10)
    for i, line in enumerate(lines):
        canvas.drawString(LEFT + 4 * MM, 31 * MM - i * 5.5 * MM, line)
