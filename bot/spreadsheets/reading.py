"""Reading an uploaded XLSX or CSV file into rows of text, with their spreadsheet row numbers.

The one entry point is :func:`read_table`::

    table = read_table(data, "list.xlsx")          # may raise SpreadsheetError
    table.headers                                   # ["ФИО", "ИИН", ...] as the file spells them
    for row_number, cells in table.rows:            # cells: {header: "text"}; "" when empty
        ...

Validation of the cells is ``domain.spreadsheet_rows`` (pure, shared by the enrollment-list,
schedule and scores imports); what the bytes really are is ``bot.spreadsheets.guard``; the
upload step of the handlers and the answers they give is ``bot.handlers.admin.table_upload``.
``SpreadsheetError.key`` is a message id of ``locales/*/admin-spreadsheets.ftl`` and
``SpreadsheetError.params`` its placeholders.

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

from bot.spreadsheets.guard import (
    SheetLayout,
    check_workbook_zip,
    content_kind,
    refuse_compound_file,
    sheet_layout,
)

__all__ = [
    "ACCEPTED_SUFFIXES",
    "MAX_BYTES",
    "MAX_COLUMNS",
    "MAX_ROWS",
    "SpreadsheetError",
    "Table",
    "read_table",
]

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
#: Wider than any list or score sheet (IIN, score and a column per module); a sheet claiming
#: 16,384 columns would otherwise be padded to that width in every row.
MAX_COLUMNS = 60
EMPTY_ROWS_FACTOR = 5
#: Names worth downloading: .xls and .xlsm are accepted only to be told precisely what to do.
ACCEPTED_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".txt")


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
    """XLSX (first sheet) or CSV (UTF-8, UTF-8 with BOM, UTF-16 with BOM, or cp1251; ``,``
    ``;`` or tab).

    The bytes, not the name, decide how the file is read (``bot.spreadsheets.guard``): a PDF
    named ``.xlsx`` is refused as a PDF, an ``.xlsx`` named ``.csv`` is read as a workbook.
    The first non-empty row is the header; fully empty rows are skipped; row numbers are the
    spreadsheet's own (1-based), so an error message points at the row the admin sees.
    """
    if len(data) > max_bytes:
        raise SpreadsheetError("sheet-error-too-big", max_mb=max_bytes // (1024 * 1024))
    if not data.strip():
        raise SpreadsheetError("sheet-error-empty")
    name = filename.lower()
    if not name.endswith(ACCEPTED_SUFFIXES):
        raise SpreadsheetError("sheet-error-type")
    kind = content_kind(data)
    refusal: tuple[str, dict[str, Any]] | None = None
    if kind == "zip":
        refusal = check_workbook_zip(data)
    elif kind == "compound":
        refusal = refuse_compound_file(data)
    elif kind != "text":
        refusal = ("sheet-error-not-a-table", {"kind": kind})
    if refusal is not None:
        key, params = refusal
        if key == "sheet-error-not-a-table":
            params = {**params, "name": filename}
        raise SpreadsheetError(key, **params)
    if kind == "zip":
        raw_rows = _xlsx_rows(data, max_rows)
    elif name.endswith((".csv", ".txt", ".xls")):  # web systems export tab-separated ".xls"
        raw_rows = _csv_rows(data)
    else:  # text named .xlsx/.xlsm: neither a workbook nor meant as a CSV
        raise SpreadsheetError("sheet-error-unreadable")
    return _table(raw_rows, max_rows)


def _table(raw_rows: Any, max_rows: int) -> Table:
    headers: list[str] | None = None
    table = Table(headers=[])
    for number, values in raw_rows:
        texts = [_text(v) for v in values]
        while texts and not texts[-1]:
            texts.pop()
        if not texts:
            continue
        if len(texts) > MAX_COLUMNS:
            raise SpreadsheetError("sheet-error-too-many-columns", max_columns=MAX_COLUMNS)
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
    if headers is None:
        raise SpreadsheetError("sheet-error-empty")
    if not table.rows:
        raise SpreadsheetError("sheet-error-only-header")
    return table


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if _is_formula_object(value):
        # openpyxl keeps these formulas as objects; as "=..." the validators refuse them
        return "=" + str(getattr(value, "text", "") or "").lstrip("=")
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


def _is_formula_object(value: Any) -> bool:
    # openpyxl is imported with the first XLSX, not with the bot (~5 MB resident)
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    return isinstance(value, ArrayFormula | DataTableFormula)


def _xlsx_rows(data: bytes, max_rows: int) -> list[tuple[int, tuple[Any, ...]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as error:  # untrusted bytes: any parser failure means "cannot read"
        raise SpreadsheetError("sheet-error-unreadable") from error
    try:
        hidden = [ws.title for ws in workbook.worksheets if ws.sheet_state != "visible"]
        if hidden:
            raise SpreadsheetError("sheet-error-hidden-sheets", sheets=", ".join(hidden)[:200])
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise SpreadsheetError("sheet-error-empty")
        layout = _layout(workbook, sheet)
        if layout.merged:
            raise SpreadsheetError("sheet-error-merged", cells=", ".join(layout.merged[:3]))
        # The sheet's own <dimension> may claim a million rows or 16,384 columns: ignore it,
        # and never read more than one column past the limit.
        sheet.reset_dimensions()
        rows: list[tuple[int, tuple[Any, ...]]] = []
        filled = 0
        for number, values in enumerate(
            sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True), start=1
        ):
            if any(v not in (None, "") for v in values):
                _refuse_hidden(layout, number, values)
                rows.append((number, _trimmed(values)))
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


def _trimmed(values: tuple[Any, ...]) -> tuple[Any, ...]:
    """Without the empty cells after the last value (rows come padded to the column limit)."""
    end = len(values)
    while end and values[end - 1] in (None, ""):
        end -= 1
    return values[:end]


def _layout(workbook: Any, sheet: Any) -> SheetLayout:
    """Merged cells and hidden rows/columns of the sheet to be read (openpyxl's read-only
    workbook keeps its zip open as ``_archive`` and the sheet's part name as
    ``_worksheet_path``; the guard scans that part)."""
    with workbook._archive.open(sheet._worksheet_path) as part:
        return sheet_layout(part)


def _refuse_hidden(layout: SheetLayout, number: int, values: tuple[Any, ...]) -> None:
    """Data the admin cannot see on the screen is data nobody checked: refused."""
    if number in layout.hidden_rows:
        raise SpreadsheetError("sheet-error-hidden-rows", row=number)
    for column, value in enumerate(values if layout.hidden_columns else (), start=1):
        if value not in (None, "") and layout.column_hidden(column):
            from openpyxl.utils import get_column_letter

            raise SpreadsheetError("sheet-error-hidden-columns", column=get_column_letter(column))


def decode_csv(data: bytes) -> str:
    """UTF-8 with BOM, UTF-16 with BOM (Excel's "Unicode text"), UTF-8, else what
    charset-normalizer finds among the Cyrillic code pages Excel uses in Kazakhstan (cp1251
    in practice)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:  # no text encoding of a table other than UTF-16/32 has NUL bytes
        raise SpreadsheetError(
            "sheet-error-binary", row=data[: data.index(b"\x00")].count(b"\n") + 1
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=["cp1251", "koi8_r"]).best()
    if best is None:
        raise SpreadsheetError("sheet-error-encoding")
    return str(best)


def _csv_rows(data: bytes) -> list[tuple[int, tuple[Any, ...]]]:
    try:
        text = decode_csv(data)
    except UnicodeDecodeError as error:
        raise SpreadsheetError("sheet-error-encoding") from error
    if "\x00" in text:
        raise SpreadsheetError("sheet-error-binary", row=text[: text.index("\x00")].count("\n") + 1)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [(number, tuple(values)) for number, values in enumerate(reader, start=1)]
    except csv.Error as error:
        raise SpreadsheetError("sheet-error-unreadable") from error
