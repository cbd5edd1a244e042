"""§19 NOBD export as an XLSX workbook: one row per teacher who completed the course."""

from __future__ import annotations

import io
from collections.abc import Sequence

from domain.services.reports import NobdRow

__all__ = ["render_nobd_xlsx"]

WIDTHS = (36, 14, 36, 24, 44, 8, 12, 12, 12, 18)


def _safe(text: str) -> str:
    """A cell starting with = + - @ would be a formula in Excel (spreadsheet injection):
    prefix it with an apostrophe-like space so it stays text."""
    return " " + text if text[:1] in ("=", "+", "-", "@") else text


def render_nobd_xlsx(rows: Sequence[NobdRow], headers: Sequence[str], sheet_title: str) -> bytes:
    """``headers`` are the translated column titles (10 of them, in the order of NobdRow)."""
    from openpyxl import Workbook  # only admins export (~5 MB resident once imported)
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = sheet_title[:31]
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(
            [
                _safe(row.full_name),
                row.iin,
                _safe(row.school),
                _safe(row.position),
                _safe(row.topic),
                row.hours,
                row.starts_on,
                row.ends_on,
                row.completed_on,
                row.certificate_number,
            ]
        )
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for column in ("G", "H", "I"):
        for cell in sheet[column][1:]:
            cell.number_format = "DD.MM.YYYY"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
