"""Shared drawing helpers: escaped paragraphs that fit a box, QR codes, headers, signatures.

Every renderer draws on a reportlab ``Canvas`` created by :func:`new_canvas` (``invariant=1``,
so identical input gives identical bytes). User-supplied text only reaches Paragraph markup
through :func:`esc`.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph
from reportlab.platypus.doctemplate import LayoutError

from bot.documents.fonts import SANS_BOLD, SERIF, register_fonts
from domain.documents import OrganizationInfo

PORTRAIT = A4
LANDSCAPE = (A4[1], A4[0])
MM = 72 / 25.4
MIN_FONT_FLOOR = 4.0  # below the caller's minimum only if nothing else fits (never clip)

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def esc(text: object) -> str:
    """Escape user text for Paragraph markup (``<b>Ivan</b> & Co`` prints literally)."""
    return escape(str(text))


def new_canvas(buffer: io.BytesIO, title: str, pagesize: tuple[float, float]) -> Canvas:
    register_fonts()
    canvas = Canvas(
        buffer,
        pagesize=pagesize,
        invariant=1,
        pageCompression=1,
        initialFontName=SERIF,  # no unembedded Helvetica in the page resources
        initialFontSize=10,
    )
    canvas.setTitle(title)
    canvas.setAuthor("Biliktilik")
    canvas.setCreator("Biliktilik")
    return canvas


@functools.lru_cache(maxsize=512)
def style(
    font: str = SERIF, size: float = 11, align: str = "left", leading: float | None = None
) -> ParagraphStyle:
    return ParagraphStyle(
        f"{font}-{size}-{align}-{leading}",
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else size * 1.25,
        alignment=ALIGN[align],
    )


def fit_paragraph(
    markup: str,
    width: float,
    height: float,
    *,
    font: str = SERIF,
    max_size: float = 12,
    min_size: float = 7,
    align: str = "center",
) -> tuple[Paragraph, float]:
    """The largest font size (max → min, then down to MIN_FONT_FLOOR) at which the wrapped
    text fits ``width`` × ``height``. Returns the paragraph and its height. Long words are
    split by reportlab, so nothing runs past the box."""
    size = max_size
    while True:
        para = Paragraph(markup, style(font, size, align))
        _, h = para.wrap(width, height)
        if h <= height or size <= MIN_FONT_FLOOR:
            return para, h
        size = max(size - (0.5 if size > min_size else 0.25), MIN_FONT_FLOOR)


def draw_fitted(
    canvas: Canvas,
    markup: str,
    x: float,
    y_top: float,
    width: float,
    height: float,
    *,
    valign: str = "top",
    **kwargs: object,
) -> float:
    """Draw :func:`fit_paragraph` inside the box whose top-left corner is (x, y_top);
    returns the y just below the drawn text."""
    para, h = fit_paragraph(markup, width, height, **kwargs)  # type: ignore[arg-type]
    offset = (height - h) / 2 if valign == "middle" else 0.0
    para.drawOn(canvas, x, y_top - offset - h)
    return y_top - offset - h


def draw_lines(
    canvas: Canvas,
    text: str,
    x: float,
    y_top: float,
    width: float,
    height: float,
    *,
    font: str = SERIF,
    max_size: float = 12,
    min_size: float = 7,
    align: str = "center",
    valign: str = "top",
) -> float:
    """Plain (unescaped) text wrapped at spaces and shrunk to fit the box, drawn line by line
    (several times faster than a Paragraph). Falls back to :func:`draw_fitted` when a single
    word is wider than the box even at the floor size. Returns the y below the text."""
    size = max_size
    while True:
        lines = simpleSplit(text, font, size, width) or [""]
        leading = size * 1.25
        fits = len(lines) * leading <= height
        if fits or size <= MIN_FONT_FLOOR:
            break
        size = max(size - (0.5 if size > min_size else 0.25), MIN_FONT_FLOOR)
    if max(stringWidth(line, font, size) for line in lines) > width:
        return draw_fitted(
            canvas,
            esc(text),
            x,
            y_top,
            width,
            height,
            font=font,
            max_size=max_size,
            min_size=min_size,
            align=align,
            valign=valign,
        )
    block = len(lines) * leading
    top = y_top - ((height - block) / 2 if valign == "middle" else 0.0)
    canvas.setFont(font, size)
    for i, line in enumerate(lines):
        baseline = top - size - i * leading
        if align == "center":
            canvas.drawCentredString(x + width / 2, baseline, line)
        elif align == "right":
            canvas.drawRightString(x + width, baseline, line)
        else:
            canvas.drawString(x, baseline, line)
    return top - block


def draw_text(
    canvas: Canvas, markup: str, x: float, y_top: float, width: float, st: ParagraphStyle
) -> float:
    """Draw a paragraph that may take as many lines as it needs; returns the y below it."""
    para = Paragraph(markup, st)
    _, h = para.wrap(width, 10_000)
    para.drawOn(canvas, x, y_top - h)
    return y_top - h


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """A QR code (``qrcode`` computes the matrix) drawn as vector squares at (x, y), with the
    quiet zone inside ``size``. The squares are written in module units (small integers)."""
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    matrix = _qr_matrix(payload)
    module = size / len(matrix)
    canvas.transform(module, 0, 0, module, x, y)
    canvas.addLiteral(_qr_path(matrix))
    canvas.restoreState()


def _qr_path(matrix: tuple[tuple[bool, ...], ...]) -> str:
    """PDF path operators: one rectangle per run of dark modules in a row, then fill."""
    ops = []
    n = len(matrix)
    for row_index, row in enumerate(matrix):
        bottom = n - 1 - row_index
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                ops.append(f"{start} {bottom} {col - start} 1 re")
            else:
                col += 1
    ops.append("f")
    return "\n".join(ops)


@functools.lru_cache(maxsize=256)
def _qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    # A fixed mask pattern: choosing the "best" of 8 costs ~50 ms per code in pure Python,
    # and every mask gives a valid code that phone cameras and zbar read.
    import qrcode  # with the first document, not with the bot (~2 MB)

    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, mask_pattern=4)
    qr.add_data(payload)
    qr.make(fit=True)
    return tuple(tuple(row) for row in qr.get_matrix())


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
    canvas.setFont(SERIF, 7)
    for i, line in enumerate(lines):
        canvas.drawCentredString(cx, line_y + 2 + (len(lines) / 2 - 0.5 - i) * 8.5, line)


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


def flow(
    canvas: Canvas,
    flowables: Sequence[Flowable],
    frame_for_page: Callable[[int], Frame],
    start_page: Callable[[int], None],
) -> None:
    """Lay flowables out over as many pages as they need, splitting tables (and long
    paragraphs) across pages. ``start_page(n)`` draws page furniture; page 0 is already
    started by the caller. Raises ``LayoutError`` for a block taller than an empty page."""
    pending = list(flowables)
    page = 0
    while pending:
        frame = frame_for_page(page)
        placed = 0
        while pending:
            if frame.add(pending[0], canvas, trySplit=0):
                pending.pop(0)
                placed += 1
                continue
            parts = frame.split(pending[0], canvas)
            if parts and frame.add(parts[0], canvas, trySplit=0):
                pending[0:1] = parts[1:]
                placed += 1
            break
        if not placed:
            raise LayoutError(f"{pending[0].__class__.__name__} does not fit on an empty page")
        if pending:
            canvas.showPage()
            page += 1
            start_page(page)


class Drawn(Flowable):
    """A fixed-size block drawn by a function (signature blocks inside flowing documents)."""

    def __init__(self, width: float, height: float, draw: Callable[[Canvas], None]) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self._draw = draw

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self._draw(self.canv)
