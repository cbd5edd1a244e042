"""Reading an uploaded XLSX or CSV file into rows of text, with their spreadsheet row numbers.

The one entry point is :func:`read_table`::

    table = read_table(data, "list.xlsx")          # may raise SpreadsheetError
    table.headers                                   # ["ФИО", "ИИН", ...] as the file spells them
    for row_number, cells in table.rows:            # cells: {header: "text"}; "" when empty
        ...

Validation of the cells is ``domain.spreadsheet_rows`` (pure, shared by the enrollment-list,
schedule and scores imports). ``SpreadsheetError.key`` is a message id of
``locales/*/admin-spreadsheets.ftl`` and ``SpreadsheetError.params`` its placeholders, so a
handler answers with ``i18n.get(error.key, **error.params)``.

Cells are returned as text: dates as ``YYYY-MM-DD``, times as ``HH:MM``, whole numbers without
``.0`` (an IIN typed as a number stays 12 digits only if it has no leading zero — the
validator reports it). Formulas are kept as their source (``=...``): openpyxl is opened with
``data_only=False`` precisely so the validator can refuse them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

import charset_normalizer

__all__ = ["MAX_BYTES", "MAX_ROWS", "SpreadsheetError", "Table", "read_table"]

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
EMPTY_ROWS_FACTOR = 5


class SpreadsheetError(ValueError):
    """The file cannot be read as a table; ``key``/``params`` are the translated answer."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def read_table(
    data: bytes, filename: str, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS
) -> Table:
    """XLSX (first sheet) or CSV (UTF-8, UTF-8 with BOM, or cp1251; ``,`` ``;`` or tab).

    The first non-empty row is the header; fully empty rows are skipped; row numbers are the
    spreadsheet's own (1-based), so an error message points at the row the admin sees.
    """
    if len(data) > max_bytes:
        raise SpreadsheetError("sheet-error-too-big", max_mb=max_bytes // (1024 * 1024))
    if not data.strip():
        raise SpreadsheetError("sheet-error-empty")
    name = filename.lower()
    if name.endswith(".xlsx"):
        raw_rows = _xlsx_rows(data, max_rows)
    elif name.endswith((".csv", ".txt")):
        raw_rows = _csv_rows(data)
    else:
        raise SpreadsheetError("sheet-error-type")
    return _table(raw_rows, max_rows)


def _table(raw_rows: Any, max_rows: int) -> Table:
    headers: list[str] | None = None
    table = Table(headers=[])
    for number, values in raw_rows:
        texts = [_text(v) for v in values]
        if not any(texts):
            continue
        if headers is None:
            headers = [t or f"#{i + 1}" for i, t in enumerate(texts)]
            if len(set(headers)) != len(headers):
                raise SpreadsheetError("sheet-error-headers")
            table.headers = headers
            continue
        if len(table.rows) >= max_rows:
            raise SpreadsheetError("sheet-error-too-many-rows", max_rows=max_rows)
        cells = {h: (texts[i] if i < len(texts) else "") for i, h in enumerate(headers)}
        table.rows.append((number, cells))
    if headers is None or not table.rows:
        raise SpreadsheetError("sheet-error-empty")
    return table


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == time(0, 0):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value).strip()


def _xlsx_rows(data: bytes, max_rows: int) -> list[tuple[int, tuple[Any, ...]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # untrusted bytes: any parser failure means "cannot read"
        raise SpreadsheetError("sheet-error-unreadable") from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise SpreadsheetError("sheet-error-empty")
        rows: list[tuple[int, tuple[Any, ...]]] = []
        filled = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if any(v not in (None, "") for v in values):
                rows.append((number, values))
                filled += 1
            # Stop reading early: the header plus one row over the limit is enough to refuse,
            # and a sheet of styled empty rows must not be walked to its millionth row.
            if filled > max_rows + 1 or number > EMPTY_ROWS_FACTOR * max_rows:
                raise SpreadsheetError("sheet-error-too-many-rows", max_rows=max_rows)
        return rows
    except SpreadsheetError:
        raise
    except Exception as error:  # a corrupt sheet part fails only while it is read
        raise SpreadsheetError("sheet-error-unreadable") from error
    finally:
        workbook.close()


def decode_csv(data: bytes) -> str:
    """UTF-8 with BOM, UTF-8, else what charset-normalizer finds among the Cyrillic code pages
    Excel uses in Kazakhstan (cp1251 in practice)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp1251", "koi8_r", "utf_16"]).best()
    if best is None:
        raise SpreadsheetError("sheet-error-encoding")
    return str(best)


def _csv_rows(data: bytes) -> list[tuple[int, tuple[Any, ...]]]:
    try:
        text = decode_csv(data)
    except UnicodeDecodeError as error:
        raise SpreadsheetError("sheet-error-encoding") from error
    if "\x00" in text:
        raise SpreadsheetError("sheet-error-unreadable")
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(number, tuple(values)) for number, values in enumerate(reader, start=1)]
    except csv.Error as error:
        raise SpreadsheetError("sheet-error-unreadable") from error


def format_errors(i18n: Any, errors: list[Any], limit: int = 20) -> str:
    """The answer to a refused import: a title with the count, the first ``limit`` errors
    (row, column, reason) and "and N more". ``errors`` are ``domain.spreadsheet_rows.RowError``;
    every user-supplied value is HTML-escaped."""
    import html

    lines = [i18n.get("sheet-errors-title", count=len(errors))]
    shown = 0
    for error in errors[:limit]:
        column = error.column
        if error.reason == "missing-column":
            column = i18n.get("sheet-column-" + error.column.replace("_", "-"))
        reason = i18n.get(
            "sheet-reason-" + error.reason,
            value=html.escape(_clip(error.value)),
            other_row=error.other_row or 0,
        )
        line = i18n.get(
            "sheet-error-line", row=error.row, column=html.escape(_clip(column)), reason=reason
        )
        if sum(len(x) + 1 for x in lines) + len(line) > MESSAGE_BUDGET:
            break  # a Telegram message holds 4,096 characters
        lines.append(line)
        shown += 1
    if len(errors) > shown:
        lines.append(i18n.get("sheet-errors-more", count=len(errors) - shown))
    return "\n".join(lines)


MESSAGE_BUDGET = 3800


def _clip(text: str, size: int = 40) -> str:
    """Cell values and headers can be any length; the answer shows their beginning."""
    return text if len(text) <= size else text[: size - 1] + "…"
