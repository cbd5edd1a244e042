"""Flowing platypus content (paragraphs, tables) over as many pages as it needs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame
from reportlab.platypus.doctemplate import LayoutError


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
