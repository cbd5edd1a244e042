"""§38 effectiveness report as an XLSX workbook: the period's consultation figures, the
follow-up survey's figures per wave, and the comments (no names: a comment is an opinion on
the course, not a record about a person)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot.files.nobd_xlsx import _safe

__all__ = ["render_effectiveness_xlsx"]


def render_effectiveness_xlsx(
    sheet_title: str,
    figures: Sequence[tuple[str, int]],
    wave_headers: Sequence[str],
    wave_rows: Sequence[Sequence[object]],
    comments_title: str,
    comments: Sequence[tuple[int, str]],
) -> bytes:
    """Sheet 1: ``figures`` (label, value), a blank row, then ``wave_headers`` and one row per
    wave; sheet 2: the comments (wave, text). Labels come translated from the handler."""
    from openpyxl import Workbook  # only admins export
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title[:31]
    for label, value in figures:
        sheet.append([_safe(label), value])
    sheet.append([])
    sheet.append(list(wave_headers))
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in wave_rows:
        sheet.append([round(v, 2) if isinstance(v, float) else v for v in row])
    sheet.column_dimensions["A"].width = 40
    notes = workbook.create_sheet(comments_title[:31])
    for wave, text in comments:
        notes.append([wave, _safe(text)])
    notes.column_dimensions["B"].width = 100
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
