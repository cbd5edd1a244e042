"""Issue 16, item 4: control and bidi characters never reach a document; an IIN born in the
future is refused in an enrollment list as at the profile step."""

from __future__ import annotations

from datetime import date

import pytest

from domain.iin import Sex, make_iin
from domain.services.profile import (
    ProfileRefusal,
    validate_employer_contact,
    validate_full_name,
    validate_position,
    validate_school,
)
from domain.spreadsheet_rows import RowError, is_formula, validate_enrollment_rows
from domain.text import clean_text, is_unsafe
from tests.unit.test_spreadsheet_rows import HEADERS, row

BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
INVISIBLE = BIDI + "\u200b\u200d\ufeff\u00ad\x00\x07\x1b\x7f\x9b"


@pytest.mark.parametrize("char", list(INVISIBLE))
def test_every_control_and_bidi_character_is_removed(char: str) -> None:
    assert is_unsafe(char)
    assert clean_text(f"мектеп{char} №12") == "мектеп №12"


def test_line_breaks_are_kept_only_where_several_lines_are_allowed() -> None:
    text = "бірінші\r\nекінші\rүшінші\u2028төртінші\tбесінші"
    assert clean_text(text) == "бірінші екінші үшінші төртінші бесінші"
    assert clean_text(text, multiline=True) == "бірінші\nекінші\nүшінші төртінші бесінші"
    assert clean_text("Қазақ тілі — ағылшын: <b> & ё") == "Қазақ тілі — ағылшын: <b> & ё"


def test_profile_answers_that_reach_the_application_are_cleaned() -> None:
    assert validate_school("\u202eмектеп-гимназия\u202c №\u200f12") == (None, "мектеп-гимназия №12")
    assert validate_position("\u2066учитель\u2069\tматематики") == (None, "учитель математики")
    assert validate_full_name("\u202eӘлиева\u200b Гүлнар") == (None, "Әлиева Гүлнар")
    assert validate_employer_contact("\u202ehr@school12.kz") == (None, "hr@school12.kz")
    assert validate_school("\u202e\u202c\u200f") == (ProfileRefusal.EMPTY, "")


def test_enrollment_list_cells_are_cleaned() -> None:
    result = validate_enrollment_rows(
        HEADERS, [row(2, Школа="\u202e№ 12\u202c мектеп", Должность="мұғалім\u2067\u2069")]
    )
    assert result.ok
    assert (result.rows[0].school, result.rows[0].position) == ("№ 12 мектеп", "мұғалім")
    assert is_formula('\u200e=HYPERLINK("x")')


def test_an_iin_born_after_today_is_refused_in_the_list() -> None:
    today = date(2026, 12, 5)
    born_tomorrow = make_iin(date(2026, 12, 6), Sex.FEMALE, 7)
    born_today = make_iin(today, Sex.MALE, 8)
    rows = [row(2, ИИН=born_tomorrow), row(3, ИИН=born_today)]
    result = validate_enrollment_rows(HEADERS, rows, today=today)
    assert result.errors == [RowError(2, "ИИН", "iin-future", born_tomorrow)]
    assert [r.iin for r in result.rows] == [born_today]
    assert validate_enrollment_rows(HEADERS, rows).ok  # without a date: the checksum only
