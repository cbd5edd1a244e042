"""The §33 QR code, drawn as vector squares (``qrcode`` computes the matrix)."""

from __future__ import annotations

import functools
import re

import qrcode
from qrcode.util import MODE_8BIT_BYTE, QRData
from reportlab.pdfgen.canvas import Canvas

_DARK_RUN = re.compile(b"\x01+")  # a run of dark modules in bytes(row)


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
    data = payload.encode("utf-8")
    # Byte mode at the smallest version that holds it, decided once per length: qrcode's own
    # search (fit=True, mode segmentation) is a fifth of its time and picks the same symbol
    # for URLs like ours. A fixed mask pattern: choosing the "best" of 8 costs ~50 ms per
    # code in pure Python, and every mask gives a valid code that phone cameras and zbar read.
    qr = _qr_code(_byte_mode_version(len(data)))
    qr.add_data(QRData(data, mode=MODE_8BIT_BYTE))
    qr.make(fit=False)
    matrix = qr.get_matrix()
    n = len(matrix)
    ops = []
    for row_index, row in enumerate(matrix):
        bottom = n - 1 - row_index
        for run in _DARK_RUN.finditer(bytes(row)):
            ops.append(f"{run.start()} {bottom} {run.end() - run.start()} 1 re")
    ops.append("f")
    return n, "\n".join(ops)


def _qr_code(version: int | None) -> qrcode.QRCode:
    return qrcode.QRCode(
        version=version,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=4,
        mask_pattern=4,
    )


@functools.cache
def _byte_mode_version(length: int) -> int:
    qr = _qr_code(None)
    qr.add_data(QRData(b"\0" * length, mode=MODE_8BIT_BYTE))
    qr.make(fit=True)
    return int(qr.version)
