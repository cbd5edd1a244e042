"""Spreadsheet row validation: each error names row, column and reason; duplicates, formulas."""

from __future__ import annotations

from datetime import date, time

from domain.iin import Sex, make_iin
from domain.spreadsheet_rows import (
    RowError,
    normalize_phone,
    parse_language,
    validate_enrollment_rows,
    validate_schedule_rows,
)

HEADERS = ["ФИО", "ИИН", "Школа", "Должность", "Телефон", "Язык"]
IIN_1 = make_iin(date(1985, 3, 14), Sex.FEMALE, 1)
IIN_2 = make_iin(date(1990, 7, 1), Sex.MALE, 2)


def iin(serial: int) -> str:
    return make_iin(date(1980, 1, 1), Sex.MALE, serial)


def row(n: int, **over: str) -> tuple[int, dict[str, str]]:
    cells = {
        "ФИО": "Әлиева Гүлнар Серікқызы",
        "ИИН": IIN_1,
        "Школа": "№ 12 мектеп-гимназия",
        "Должность": "учитель математики",
        "Телефон": "8 (701) 234-56-78",
        "Язык": "kk",
    }
    cells.update(over)
    return n, cells


def test_valid_rows_are_normalised() -> None:
    result = validate_enrollment_rows(HEADERS, [row(2), row(3, ИИН=IIN_2, Язык="Русский")])
    assert result.ok
    assert [r.phone for r in result.rows] == ["+77012345678", "+77012345678"]
    assert [r.language for r in result.rows] == ["kk", "ru"]
    assert result.rows[0].row == 2 and result.rows[0].iin == IIN_1


def test_every_wrong_cell_is_reported_with_row_and_column() -> None:
    bad_iin = IIN_2[:-1] + str((int(IIN_2[-1]) + 1) % 10)
    result = validate_enrollment_rows(
        HEADERS,
        [
            row(2),
            row(3, ФИО="", ИИН=iin(3)),
            row(4, ИИН=bad_iin),
            row(5, Телефон="12345", ИИН=iin(5)),
            row(6, Язык="en", ИИН=iin(6)),
            row(7, ИИН=IIN_1),
            row(8, Школа='=HYPERLINK("x")'),
        ],
    )
    assert [r.row for r in result.rows] == [2]  # valid, but the caller imports nothing
    assert result.errors == [
        RowError(3, "ФИО", "required"),
        RowError(4, "ИИН", "iin", bad_iin),
        RowError(5, "Телефон", "phone", "12345"),
        RowError(6, "Язык", "language", "en"),
        RowError(7, "ИИН", "duplicate", IIN_1, 2),
        RowError(8, "Школа", "formula", '=HYPERLINK("x")'),
    ]


def test_missing_columns_are_named() -> None:
    result = validate_enrollment_rows(["ФИО", "ИИН"], [(2, {"ФИО": "А", "ИИН": IIN_1})])
    assert [(e.row, e.column, e.reason) for e in result.errors] == [
        (1, "school", "missing-column"),
        (1, "position", "missing-column"),
        (1, "phone", "missing-column"),
        (1, "language", "missing-column"),
    ]


def test_kazakh_headers_are_recognised() -> None:
    headers = ["Аты-жөні", "ЖСН", "Мектеп", "Лауазымы", "Телефон", "Тіл"]
    cells = dict(zip(headers, row(2)[1].values(), strict=True))
    assert validate_enrollment_rows(headers, [(2, cells)]).ok


def test_phone_and_language_boundaries() -> None:
    assert normalize_phone("+7 701 234 56 78") == "+77012345678"
    assert normalize_phone("7012345678") == "+77012345678"
    assert normalize_phone("+1 701 234 56 78") is None
    assert normalize_phone("8701234567") is None
    assert normalize_phone("+7 916 234 56 78") is None
    assert parse_language("ҚАЗ") == "kk" and parse_language("орыс") == "ru"
    assert parse_language("en") is None


def test_schedule_rows() -> None:
    headers = ["Дата", "Время", "Часы", "Аудитория"]
    ok = validate_schedule_rows(
        headers,
        [
            (2, {"Дата": "01.12.2026", "Время": "09:00", "Часы": "4", "Аудитория": "204"}),
            (
                3,
                {
                    "Дата": "2026-12-02",
                    "Время": "14:30",
                    "Часы": "2",
                    "Аудитория": "https://meet.example/x",
                },
            ),
        ],
    )
    assert ok.ok
    assert (ok.rows[0].day, ok.rows[0].start, ok.rows[0].academic_hours) == (
        date(2026, 12, 1),
        time(9, 0),
        4,
    )
    bad = validate_schedule_rows(
        headers,
        [
            (2, {"Дата": "31.02.2026", "Время": "9", "Часы": "13", "Аудитория": ""}),
            (3, {"Дата": "01.12.2026", "Время": "09:00", "Часы": "2", "Аудитория": "1"}),
            (4, {"Дата": "01.12.2026", "Время": "09:00", "Часы": "2", "Аудитория": "1"}),
        ],
    )
    assert [(e.row, e.column, e.reason) for e in bad.errors] == [
        (2, "Аудитория", "required"),
        (2, "Дата", "date"),
        (2, "Время", "time"),
        (2, "Часы", "session-hours"),
        (4, "Время", "duplicate"),
    ]
