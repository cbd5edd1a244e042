"""bot.spreadsheets.reading.read_table: the reading contract the imports share."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from bot.spreadsheets.reading import SpreadsheetError, read_table


def test_csv_encodings_and_delimiters() -> None:
    text = "ФИО;Язык\r\nӘлиева Гүлнар;kk\r\n\r\nИванова Анна;ru\r\n"
    for data in (text.encode("utf-8"), text.encode("utf-8-sig")):
        table = read_table(data, "list.CSV")
        assert table.headers == ["ФИО", "Язык"]
        assert table.rows == [
            (2, {"ФИО": "Әлиева Гүлнар", "Язык": "kk"}),
            (4, {"ФИО": "Иванова Анна", "Язык": "ru"}),
        ]
    cp1251 = "ФИО,Школа\nИванова Анна Петровна,Школа-гимназия № 12\n".encode("cp1251")
    assert read_table(cp1251, "a.csv").rows == [
        (2, {"ФИО": "Иванова Анна Петровна", "Школа": "Школа-гимназия № 12"})
    ]


def test_xlsx_cells_become_text_and_formulas_stay_formulas() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["ИИН", "Сумма"])
    sheet.append([850314400017, "=1+1"])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "x.xlsx")
    assert table.rows == [(2, {"ИИН": "850314400017", "Сумма": "=1+1"})]


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"a;b\n1;2\n", "list.ods", "sheet-error-type"),
        (b"   \n", "list.csv", "sheet-error-empty"),
        (b"a;b\n", "list.csv", "sheet-error-only-header"),
        (b"a;a\n1;2\n", "list.csv", "sheet-error-headers"),
        (b"PK\x03\x04broken", "list.xlsx", "sheet-error-unreadable"),
    ],
)
def test_refusals(data: bytes, name: str, key: str) -> None:
    with pytest.raises(SpreadsheetError) as error:
        read_table(data, name)
    assert error.value.key == key


def test_limits() -> None:
    with pytest.raises(SpreadsheetError) as error:
        read_table(b"a\n" + b"1\n" * 11, "x.csv", max_rows=10)
    assert (error.value.key, error.value.params) == ("sheet-error-too-many-rows", {"max_rows": 10})
    with pytest.raises(SpreadsheetError) as error:
        read_table(b"a\n1\n", "x.csv", max_bytes=3)
    assert error.value.key == "sheet-error-too-big"


def test_error_answer_fits_one_telegram_message() -> None:
    from bot.handlers.admin.table_upload import format_errors
    from bot.ui.i18n import create_core
    from domain.spreadsheet_rows import RowError

    core = create_core()

    class I18n:
        def get(self, key: str, **args: object) -> str:
            return core.get(key, "ru", **args)

    errors = [RowError(n, "Телефон" * 30, "phone", "9" * 5000) for n in range(2, 40)]
    text = format_errors(I18n(), errors)
    assert len(text) < 4096
    lines = text.split("\n")
    column, value = ("Телефон" * 6)[:39] + "…", "9" * 39 + "…"
    assert lines[1] == (
        f"Строка 2, столбец «{column}»: телефон «{value}» не распознан, нужен формат +7XXXXXXXXXX"
    )
    assert lines[-1] == "…и ещё 18."


def test_xlsx_over_the_row_limit_is_refused_without_reading_it_all() -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["ФИО"])
    for n in range(12):
        sheet.append([f"Аты {n}"])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(SpreadsheetError) as error:
        read_table(buffer.getvalue(), "x.xlsx", max_rows=10)
    assert error.value.key == "sheet-error-too-many-rows"
    assert len(read_table(buffer.getvalue(), "x.xlsx", max_rows=12).rows) == 12
