"""The appendix's module table (App. 4), drawn straight on the canvas.

A platypus ``Table`` of ``Paragraph`` cells spent about a millisecond per appendix in
reportlab's Python layout code, most of a certificate's render time. This draws the same
table with plain canvas calls: the same column widths, paddings, fonts, grid and header
shading, lines broken where ``Paragraph`` breaks them, and rows continued on further pages
with the header row repeated. A cell with a word wider than its column (which ``Paragraph``
splits mid-word) or a soft hyphen is still left to a ``Paragraph``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.doctemplate import LayoutError
from reportlab.platypus.paragraph import split as paragraph_words

from bot.documents.layout import LAYOUT_CACHE, esc, style

FONT_SIZE = 9.5
PLAIN_LEADING = 12.0  # a table's leading for string cells (TableStyle FONTSIZE keeps it)
WRAPPED_LEADING = FONT_SIZE * 1.25  # the leading of layout.style(), as Paragraph cells had
PAD_X, PAD_TOP, PAD_BOTTOM = 6.0, 3.0, 4.0
GRID_WIDTH = 0.5
HEADER_BACKGROUND = (0.92, 0.94, 0.97)
FUZZ = rl_config._FUZZ  # platypus's tolerance when deciding whether a block fits


@functools.lru_cache(maxsize=LAYOUT_CACHE)
def wrap_words(
    text: str, font: str, size: float, width: float
) -> tuple[tuple[str, float], ...] | None:
    """Greedy word wrap by ``Paragraph``'s rule: words split at the same whitespace, and a line
    may exceed ``width`` by ``spaceShrinkage`` of a space per word already on it. Returns the
    lines with their natural widths, or ``None`` when ``Paragraph`` would do something else:
    split a word wider than ``width``, or hyphenate at a soft hyphen. Memoized: a cohort's
    appendices list the same modules."""
    if "\xad" in text:
        return None
    space = stringWidth(" ", font, size)
    shrink = rl_config.spaceShrinkage * space
    lines: list[tuple[str, float]] = []
    line: list[str] = []
    used = -space
    for word in paragraph_words(text):
        word_w = stringWidth(word, font, size)
        if word_w > width:
            return None
        if line and used + space + word_w > width + shrink * len(line):
            lines.append((" ".join(line), used))
            line, used = [word], word_w
        else:
            line.append(word)
            used += space + word_w
    if line:
        lines.append((" ".join(line), used))
    return tuple(lines)


class Cell:
    """One cell's content; ``height`` is what it needs of the row, paddings included."""

    height: float

    def draw(self, canvas: Canvas, x: float, bottom: float, width: float, row_h: float) -> None:
        raise NotImplementedError


class Plain(Cell):
    """A one-line string cell, centred, laid out as a Table lays out a plain string."""

    def __init__(self, text: str, font: str) -> None:
        self.text, self.font = text, font
        self.height = PLAIN_LEADING + PAD_TOP + PAD_BOTTOM

    def draw(self, canvas: Canvas, x: float, bottom: float, width: float, row_h: float) -> None:
        if self.text:
            baseline = bottom + (PAD_BOTTOM + row_h - PAD_TOP + PLAIN_LEADING) / 2 - FONT_SIZE
            canvas.setFont(self.font, FONT_SIZE)
            canvas.drawCentredString(x + width / 2, baseline, self.text)


class Wrapped(Cell):
    """Lines wrapped inside the padded column, vertically centred in the row. A line a little
    wider than the column (see :func:`wrap_words`) has its spaces narrowed to fit, as
    ``Paragraph`` does."""

    def __init__(
        self, lines: Sequence[tuple[str, float]], inner: float, font: str, *, centred: bool
    ) -> None:
        self.lines, self.inner, self.font, self.centred = tuple(lines), inner, font, centred
        self.height = len(self.lines) * WRAPPED_LEADING + PAD_TOP + PAD_BOTTOM

    def draw(self, canvas: Canvas, x: float, bottom: float, width: float, row_h: float) -> None:
        block = len(self.lines) * WRAPPED_LEADING
        baseline = bottom + (row_h + PAD_BOTTOM - PAD_TOP + block) / 2 - FONT_SIZE
        canvas.setFont(self.font, FONT_SIZE)
        for line, line_w in self.lines:
            spaces = line.count(" ") + line.count("\xa0")
            if line_w > self.inner + 1e-8 and spaces:
                shrink = (self.inner - line_w) / spaces
                canvas.drawString(x + PAD_X, baseline, line, wordSpace=shrink)
            elif self.centred:
                canvas.drawCentredString(x + PAD_X + self.inner / 2, baseline, line)
            else:
                canvas.drawString(x + PAD_X, baseline, line)
            baseline -= WRAPPED_LEADING


class Flowed(Cell):
    """The rare cell left to a ``Paragraph`` (see the module docstring)."""

    def __init__(self, para: Paragraph, para_h: float) -> None:
        self.para, self.para_h = para, para_h
        self.height = para_h + PAD_TOP + PAD_BOTTOM

    def draw(self, canvas: Canvas, x: float, bottom: float, width: float, row_h: float) -> None:
        y = bottom + (row_h + PAD_BOTTOM - PAD_TOP + self.para_h) / 2 - self.para_h
        self.para.drawOn(canvas, x + PAD_X, y)


def text_cell(text: str, font: str, width: float, *, centred: bool) -> Cell:
    """Plain (unescaped) text wrapped in a column ``width`` wide (paddings included)."""
    inner = width - 2 * PAD_X
    lines = wrap_words(text, font, FONT_SIZE, inner)
    if lines is not None:
        return Wrapped(lines, inner, font, centred=centred)
    para = Paragraph(esc(text), style(font, FONT_SIZE, "center" if centred else "left"))
    _, para_h = para.wrap(inner, 100_000)
    return Flowed(para, para_h)


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    height: float

    @classmethod
    def of(cls, cells: Sequence[Cell]) -> Row:
        return cls(tuple(cells), max(cell.height for cell in cells))


@dataclass
class TableFlow:
    """Draws header + rows from ``top`` down, starting new pages at ``bottom``.

    ``new_page()`` ends the page, draws the next one's furniture and returns its top y.
    """

    canvas: Canvas
    x: float
    col_widths: Sequence[float]
    bottom: float
    new_page: Callable[[], float]

    def draw(self, header: Row, rows: Sequence[Row], top: float) -> float:
        """Draw the table from ``top``; returns the y below it, on the page where it ends.

        As platypus does: the whole table if it fits (within FUZZ), else as many rows as fit
        under the header, the rest on the next page under a repeated header."""
        pending = list(rows)
        y = top
        fresh_page = False
        while pending:
            room = y - self.bottom
            count = self._rows_that_fit(header, pending, room)
            if count:
                self._draw_rows([header, *pending[:count]], y)
                y -= header.height + sum(row.height for row in pending[:count])
                pending = pending[count:]
                if not pending:
                    break
            elif fresh_page:
                raise LayoutError("a module table row is taller than an empty page")
            y = self.new_page()
            fresh_page = count == 0
        return y

    @staticmethod
    def _rows_that_fit(header: Row, rows: Sequence[Row], room: float) -> int:
        if room <= 0:
            return 0
        if header.height + sum(row.height for row in rows) <= room + FUZZ:
            return len(rows)
        used = header.height
        if used > room:
            return 0
        for count, row in enumerate(rows):
            if used + row.height > room:
                return count
            used += row.height
        return len(rows)

    def _draw_rows(self, rows: Sequence[Row], top: float) -> None:
        canvas = self.canvas
        widths = self.col_widths
        xs = [self.x]
        for w in widths:
            xs.append(xs[-1] + w)
        ys = [top]
        for row in rows:
            ys.append(ys[-1] - row.height)
        canvas.saveState()
        canvas.setFillColorRGB(*HEADER_BACKGROUND)
        canvas.rect(xs[0], ys[1], xs[-1] - xs[0], rows[0].height, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        for row, row_bottom in zip(rows, ys[1:], strict=True):
            for cell, cell_x, width in zip(row.cells, xs[:-1], widths, strict=True):
                cell.draw(canvas, cell_x, row_bottom, width, row.height)
        canvas.setLineWidth(GRID_WIDTH)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        canvas.setStrokeColorRGB(0, 0, 0)
        segments = [(xs[0], y, xs[-1], y) for y in ys]
        segments += [(x, ys[0], x, ys[-1]) for x in xs]
        canvas.lines(segments)
        canvas.restoreState()
