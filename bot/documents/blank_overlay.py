"""§29 (2025 wording): the print overlay for a security blank and its calibration page.

The paper certificate is a blank from the state supplier with the form printed on it; the bot
prints only the variable data (name, topic, hours, dates, number, QR) at the positions the
organization set (``BLANK_FIELDS`` and ``BLANK_OFFSET_X_MM`` / ``BLANK_OFFSET_Y_MM`` settings,
millimetres from the sheet's top-left corner). The calibration page prints a millimetre grid
and the boxes where the fields will go: printed on plain paper and laid over a blank against
the light, it shows how far to move them.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

from reportlab.pdfgen.canvas import Canvas

from bot.documents.fonts import SANS, SERIF, SERIF_BOLD
from bot.documents.layout import LANDSCAPE, MM, draw_lines, new_canvas
from bot.documents.qr import draw_qr
from bot.documents.texts import short_date
from domain.documents import BlankOverlayDoc, FieldBox

__all__ = [
    "DEFAULT_FIELDS",
    "FIELD_NAMES",
    "render_blank_overlay",
    "render_calibration_page",
]

WIDTH, HEIGHT = LANDSCAPE

#: A4 landscape, laid out like the App. 3 form (the blank is printed from the same form).
DEFAULT_FIELDS: dict[str, FieldBox] = {
    "name": FieldBox(40, 66, 217, 17),
    "topic": FieldBox(40, 88, 217, 24),
    "hours": FieldBox(40, 114, 217, 8),
    "number": FieldBox(22, 164, 110, 7),
    "issued": FieldBox(22, 172, 110, 7),
    "valid": FieldBox(22, 180, 110, 7),
    "qr": FieldBox(241, 154, 34, 34),
}
FIELD_NAMES = tuple(DEFAULT_FIELDS)


def _placed(
    fields: Mapping[str, FieldBox], dx: float, dy: float
) -> dict[str, tuple[float, float, float, float]]:
    """Each field's box in points: (x, y_top, width, height), shifted by the offsets."""
    boxes = {**DEFAULT_FIELDS, **fields}
    return {
        name: (
            (box.x_mm + dx) * MM,
            HEIGHT - (box.y_mm + dy) * MM,
            box.width_mm * MM,
            box.height_mm * MM,
        )
        for name, box in boxes.items()
    }


def _values(doc: BlankOverlayDoc) -> dict[str, str]:
    """The variable data, as the blank's blanks take it (the form prints the words)."""
    return {
        "name": doc.holder_full_name,
        "topic": doc.topic,
        "hours": str(doc.academic_hours),
        "number": doc.number,
        "issued": short_date(doc.issued_on),
        "valid": short_date(doc.valid_until) if doc.valid_until else "",
    }


def render_blank_overlay(
    doc: BlankOverlayDoc,
    fields: Mapping[str, FieldBox] | None = None,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
) -> bytes:
    """One A4 landscape page with only the variable data, to be printed onto the blank."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, doc.number, LANDSCAPE)
    boxes = _placed(fields or {}, offset_x_mm, offset_y_mm)
    values = _values(doc)
    for name, (x, top, width, height) in boxes.items():
        if name == "qr":
            size = min(width, height)
            draw_qr(canvas, doc.verification_url, x, top - size, size)
            continue
        text = values.get(name, "")
        if not text:
            continue
        big = name in ("name", "topic")
        draw_lines(
            canvas,
            text,
            x,
            top,
            width,
            height,
            font=SERIF_BOLD if name == "name" else SERIF,
            max_size=20 if name == "name" else (14 if big else 11),
            min_size=8 if big else 6,
            align="center" if name in ("name", "topic", "hours") else "left",
            valign="middle",
        )
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _grid(canvas: Canvas) -> None:
    """Lines every 5 mm (every 10 mm darker, labelled in mm from the top-left corner)."""
    canvas.setFont(SANS, 5)
    for mm in range(0, int(WIDTH / MM) + 1, 5):
        canvas.setStrokeGray(0.55 if mm % 10 == 0 else 0.85)
        canvas.setLineWidth(0.3 if mm % 10 == 0 else 0.15)
        canvas.line(mm * MM, 0, mm * MM, HEIGHT)
        if mm % 10 == 0:
            canvas.drawString(mm * MM + 0.5 * MM, HEIGHT - 3 * MM, str(mm))
    for mm in range(0, int(HEIGHT / MM) + 1, 5):
        canvas.setStrokeGray(0.55 if mm % 10 == 0 else 0.85)
        canvas.setLineWidth(0.3 if mm % 10 == 0 else 0.15)
        canvas.line(0, HEIGHT - mm * MM, WIDTH, HEIGHT - mm * MM)
        if mm % 10 == 0 and mm:
            canvas.drawString(1 * MM, HEIGHT - mm * MM - 2 * MM, str(mm))


def render_calibration_page(
    title: str,
    legend: Mapping[str, str],
    fields: Mapping[str, FieldBox] | None = None,
    offset_x_mm: float = 0.0,
    offset_y_mm: float = 0.0,
) -> bytes:
    """The millimetre grid with each field's box (dashed, named by ``legend``) where the
    overlay would print it with these settings, and the offsets in use."""
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, title, LANDSCAPE)
    _grid(canvas)
    canvas.setStrokeColorRGB(0.8, 0.1, 0.1)
    canvas.setFillColorRGB(0.8, 0.1, 0.1)
    canvas.setLineWidth(0.6)
    canvas.setDash(2, 1.5)
    for name, (x, top, width, height) in _placed(fields or {}, offset_x_mm, offset_y_mm).items():
        canvas.rect(x, top - height, width, height, stroke=1, fill=0)
        canvas.setFont(SANS, 7)
        label = f"{legend.get(name, name)} ({x / MM:.0f}; {HEIGHT / MM - top / MM:.0f} mm)"
        canvas.drawString(x + 1 * MM, top - 3 * MM, label)
    canvas.setDash()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(SERIF, 9)
    canvas.drawString(20 * MM, 8 * MM, f"{title}: X {offset_x_mm:+.1f} mm, Y {offset_y_mm:+.1f} mm")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
