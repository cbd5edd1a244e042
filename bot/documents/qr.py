"""The §33 QR code, drawn as vector squares (``qrcode`` computes the matrix)."""

from __future__ import annotations

import functools
import re

import qrcode
from reportlab.pdfgen.canvas import Canvas

_DARK_RUN = re.compile("1+")


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """A QR code at (x, y), ``size`` wide with the quiet zone inside. The squares are written
    in module units (small integers), one rectangle per run of dark modules in a row."""
    modules, path = qr_path(payload)
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    module = size / modules
    canvas.transform(module, 0, 0, module, x, y)
    canvas.addLiteral(path)
    canvas.restoreState()


@functools.lru_cache(maxsize=256)
def qr_path(payload: str) -> tuple[int, str]:
    """The symbol's width in modules (quiet zone included) and its PDF path operators.

    Encoded once per payload: re-rendering a certificate (a second download, the appendix
    PDF beside it) reuses the path."""
    # A fixed mask pattern: choosing the "best" of 8 costs ~50 ms per code in pure Python,
    # and every mask gives a valid code that phone cameras and zbar read.
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, mask_pattern=4)
    qr.add_data(payload)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    ops = []
    for row_index, row in enumerate(matrix):
        bottom = n - 1 - row_index
        line = "".join("1" if dark else "0" for dark in row)
        for run in _DARK_RUN.finditer(line):
            ops.append(f"{run.start()} {bottom} {run.end() - run.start()} 1 re")
    ops.append("f")
    return n, "\n".join(ops)
