"""Page furniture the Rules' forms share: the organization header, the head's signature
block with the stamp place, and the certificates' double frame."""

from __future__ import annotations

import functools

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from bot.documents.fonts import SANS_BOLD, SERIF
from bot.documents.layout import MM, draw_lines
from domain.documents import OrganizationInfo


@functools.lru_cache(maxsize=16)
def _logo(path: str) -> ImageReader:
    return ImageReader(path)


def draw_org_header(
    canvas: Canvas, org: OrganizationInfo, x0: float, x1: float, y_top: float, height: float
) -> float:
    """App. 3/4/6 header: official name in Kazakh (left), logo (centre), in Russian (right)."""
    logo_w = 26 * MM
    col_w = (x1 - x0 - logo_w) / 2 - 4 * MM
    for text, x in ((org.name_kk, x0), (org.name_ru, x1 - col_w)):
        draw_lines(
            canvas,
            text,
            x,
            y_top,
            col_w,
            height,
            font=SANS_BOLD,
            max_size=10,
            min_size=6,
            valign="middle",
        )
    if org.logo_path:
        side = min(logo_w, height)
        canvas.drawImage(
            _logo(org.logo_path),
            (x0 + x1 - side) / 2,
            y_top - side,
            side,
            side,
            preserveAspectRatio=True,
            anchor="c",
            mask="auto",
        )
    return y_top - height


def draw_signature(
    canvas: Canvas,
    *,
    title: str,
    name: str,
    signature_caption: str,
    stamp: str,
    x: float,
    y: float,
    width: float,
) -> None:
    """Head's title and name over a signature line, "(подпись)" below, stamp place (a dashed
    circle) to the right. (x, y) is the baseline of the title."""
    canvas.setFont(SERIF, 10)
    canvas.drawString(x, y, title)
    name_w = width * 0.55
    line_y = y - 22
    draw_lines(
        canvas,
        name,
        x,
        line_y + 16,
        name_w,
        14,
        font=SERIF,
        max_size=11,
        min_size=7,
        align="left",
        valign="middle",
    )
    sig_x = x + name_w + 6 * MM
    sig_w = width * 0.2
    canvas.setLineWidth(0.6)
    canvas.line(x, line_y, x + name_w, line_y)
    canvas.line(sig_x, line_y, sig_x + sig_w, line_y)
    canvas.setFont(SERIF, 7)
    canvas.drawCentredString(sig_x + sig_w / 2, line_y - 9, signature_caption)
    radius = 12 * MM
    cx = sig_x + sig_w + 8 * MM + radius
    canvas.saveState()
    canvas.setDash(2, 2)
    canvas.setLineWidth(0.5)
    canvas.setStrokeColorRGB(0.45, 0.45, 0.45)
    canvas.circle(cx, line_y + 4, radius, stroke=1, fill=0)
    canvas.restoreState()
    lines = stamp.split("\n")
    # the widest line stays inside the circle (the bilingual wording has four lines)
    widest = max(canvas.stringWidth(line, SERIF, 7) for line in lines)
    size = min(7.0, 7.0 * 1.6 * radius / widest)
    leading = min(8.5, 1.5 * radius / len(lines))
    canvas.setFont(SERIF, size)
    for i, line in enumerate(lines):
        canvas.drawCentredString(cx, line_y + 2 + (len(lines) / 2 - 0.5 - i) * leading, line)


def draw_border(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    """A double frame for certificates."""
    w, h = pagesize
    canvas.saveState()
    canvas.setStrokeColorRGB(0.06, 0.25, 0.45)
    canvas.setLineWidth(3)
    canvas.rect(8 * MM, 8 * MM, w - 16 * MM, h - 16 * MM)
    canvas.setLineWidth(0.8)
    canvas.rect(10.5 * MM, 10.5 * MM, w - 21 * MM, h - 21 * MM)
    canvas.restoreState()
