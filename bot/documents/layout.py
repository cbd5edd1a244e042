"""Page geometry, the canvas every document is drawn on, and text that fits a box.

Every renderer draws on a reportlab ``Canvas`` created by :func:`new_canvas` (``invariant=1``,
so identical input gives identical bytes). User-supplied text only reaches Paragraph markup
through :func:`esc`.

Fitting text (trying font sizes until the wrapped text fits) is most of a page's layout
work, and much of what a cohort's certificates print is the same on every one of them
(organization names, head's name, topic and hours, module names), so the fitted layouts
are memoized. What is cached is immutable (line tuples) or copied before drawing (a wrapped
``Paragraph``), so renders in several threads never share mutable state.
"""

from __future__ import annotations

import copy
import functools
import io
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from bot.documents.fonts import SERIF, register_fonts

PORTRAIT = A4
LANDSCAPE = (A4[1], A4[0])
MM = 72 / 25.4
MIN_FONT_FLOOR = 4.0  # below the caller's minimum only if nothing else fits (never clip)
LAYOUT_CACHE = 512  # fitted texts kept per process (a few cohorts' worth)

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


def _smaller(size: float, min_size: float) -> float:
    """The next font size to try: half points down to the minimum, then quarter points."""
    return max(size - (0.5 if size > min_size else 0.25), MIN_FONT_FLOOR)


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
    para, h = _fitted_paragraph(markup, width, height, font, max_size, min_size, align)
    return copy.copy(para), h  # drawing sets attributes on the paragraph: never share it


@functools.lru_cache(maxsize=LAYOUT_CACHE)
def _fitted_paragraph(
    markup: str,
    width: float,
    height: float,
    font: str,
    max_size: float,
    min_size: float,
    align: str,
) -> tuple[Paragraph, float]:
    size = max_size
    while True:
        para = Paragraph(markup, style(font, size, align))
        _, h = para.wrap(width, height)
        if h <= height or size <= MIN_FONT_FLOOR:
            return para, h
        size = _smaller(size, min_size)


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


@functools.lru_cache(maxsize=LAYOUT_CACHE)
def fit_lines(
    text: str, font: str, max_size: float, min_size: float, width: float, height: float
) -> tuple[float, tuple[str, ...]] | None:
    """The font size and lines of plain text wrapped at spaces and shrunk until it fits
    ``width`` × ``height``; ``None`` when one word is wider than the box even at the floor
    size (a Paragraph then splits it)."""
    size = max_size
    while True:
        lines = simpleSplit(text, font, size, width) or [""]
        if len(lines) * size * 1.25 <= height or size <= MIN_FONT_FLOOR:
            break
        size = _smaller(size, min_size)
    if max(stringWidth(line, font, size) for line in lines) > width:
        return None
    return size, tuple(lines)


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
    fitted = fit_lines(text, font, max_size, min_size, width, height)
    if fitted is None:
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
    size, lines = fitted
    leading = size * 1.25
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
