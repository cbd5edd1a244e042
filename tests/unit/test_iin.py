from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from domain.iin import (
    IinError,
    IinErrorReason,
    Sex,
    birth_date_from_iin,
    check_digit,
    make_iin,
    mask_iin,
    validate_iin,
)

VALID = "900101301233"  # 1 Jan 1990, male, serial 0123
SECOND_SET = "900101300811"  # first weights give 10, second weights give 1
NO_CHECK_DIGIT_PREFIX = "90010130080"  # both weight sets give 10


def reason_of(text: str, today: date | None = None) -> IinErrorReason:
    with pytest.raises(IinError) as info:
        validate_iin(text, today)
    return info.value.reason


def first_set_result(first_eleven: str) -> int:
    return sum(int(c) * w for c, w in zip(first_eleven, range(1, 12), strict=True)) % 11


def test_valid_iin() -> None:
    result = validate_iin(VALID)
    assert result.iin == VALID
    assert result.birth_date == date(1990, 1, 1)
    assert result.sex is Sex.MALE
    assert birth_date_from_iin(VALID) == date(1990, 1, 1)


def test_spaces_are_ignored() -> None:
    assert validate_iin(" 900101 301233 ").iin == VALID


@pytest.mark.parametrize("text", ["", "90010130123", "9001013012334", "1" * 20])
def test_bad_length(text: str) -> None:
    assert reason_of(text) is IinErrorReason.BAD_LENGTH


@pytest.mark.parametrize(
    "text", ["90010130123a", "9001-0130123", "９００１０１３０１２３３", "+90010130123"]
)
def test_letters_and_other_characters(text: str) -> None:
    assert reason_of(text) is IinErrorReason.NOT_DIGITS


@pytest.mark.parametrize("digit", ["0", "7", "8", "9"])
def test_century_digit_outside_1_to_6(digit: str) -> None:
    assert reason_of(f"900101{digit}01233") is IinErrorReason.BAD_CENTURY_DIGIT


@pytest.mark.parametrize(
    "yymmdd", ["901301", "900001", "900100", "900132", "900230", "010229", "900431"]
)
def test_bad_month_or_day(yymmdd: str) -> None:
    assert reason_of(f"{yymmdd}301233") is IinErrorReason.BAD_BIRTH_DATE


def test_29_february_of_a_leap_year_is_a_date() -> None:
    iin = make_iin(date(2000, 2, 29), Sex.FEMALE, 7)
    assert iin.startswith("0002296")
    assert validate_iin(iin).birth_date == date(2000, 2, 29)


def test_wrong_check_digit() -> None:
    assert reason_of(VALID[:11] + "4") is IinErrorReason.BAD_CHECK_DIGIT


def test_second_weight_set_is_used_when_the_first_gives_10() -> None:
    assert first_set_result(SECOND_SET[:11]) == 10
    assert check_digit(SECOND_SET[:11]) == 1
    assert validate_iin(SECOND_SET).iin == SECOND_SET
    assert reason_of(SECOND_SET[:11] + "0") is IinErrorReason.BAD_CHECK_DIGIT


def test_both_weight_sets_giving_10_is_never_valid() -> None:
    assert check_digit(NO_CHECK_DIGIT_PREFIX) is None
    for last in "0123456789":
        assert reason_of(NO_CHECK_DIGIT_PREFIX + last) is IinErrorReason.NO_CHECK_DIGIT
    with pytest.raises(ValueError):
        make_iin(date(1990, 1, 1), Sex.MALE, 80)


@pytest.mark.parametrize(
    ("born", "sex", "digit"),
    [
        (date(1899, 12, 31), Sex.MALE, "1"),
        (date(1850, 6, 1), Sex.FEMALE, "2"),
        (date(1990, 1, 1), Sex.MALE, "3"),
        (date(1975, 5, 5), Sex.FEMALE, "4"),
        (date(2001, 9, 1), Sex.MALE, "5"),
        (date(2010, 3, 8), Sex.FEMALE, "6"),
    ],
)
def test_century_and_sex_digit(born: date, sex: Sex, digit: str) -> None:
    iin = make_iin(born, sex, 1)
    assert iin[6] == digit
    result = validate_iin(iin)
    assert result.birth_date == born
    assert result.sex is sex


def test_birth_date_in_the_future_when_today_is_given() -> None:
    iin = make_iin(date(2030, 1, 1), Sex.MALE, 1)
    assert validate_iin(iin).birth_date == date(2030, 1, 1)
    assert reason_of(iin, today=date(2026, 1, 1)) is IinErrorReason.BIRTH_DATE_IN_FUTURE
    assert validate_iin(iin, today=date(2030, 1, 1))


def test_make_iin_refuses_out_of_range_input() -> None:
    with pytest.raises(ValueError):
        make_iin(date(1799, 12, 31), Sex.MALE, 1)
    with pytest.raises(ValueError):
        make_iin(date(1990, 1, 1), Sex.MALE, 10_000)


def test_mask_shows_only_the_last_four_digits() -> None:
    assert mask_iin("900101301234") == "********1234"
    assert mask_iin("123") == "***"


births = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
sexes = st.sampled_from(list(Sex))
serials = st.integers(min_value=0, max_value=9999)


def made_iin(born: date, sex: Sex, serial: int) -> str:
    try:
        return make_iin(born, sex, serial)
    except ValueError:
        assume(False)
        raise


@given(births, sexes, serials)
def test_every_made_iin_validates(born: date, sex: Sex, serial: int) -> None:
    iin = made_iin(born, sex, serial)
    result = validate_iin(iin)
    assert (result.birth_date, result.sex, int(iin[7:11])) == (born, sex, serial)
    assert mask_iin(iin) == "********" + iin[-4:]


@given(births, sexes, serials, st.integers(min_value=0, max_value=11), st.integers(1, 9))
def test_changing_a_single_digit_breaks_the_iin_except_known_cases(
    born: date, sex: Sex, serial: int, position: int, delta: int
) -> None:
    """Known exceptions of the official algorithm:
    1. the 11th digit has weight 11 ≡ 0 (mod 11) in the first set, so changing it leaves the
       first-set sum unchanged: still valid whenever the first set decides the check digit;
    2. when the second weight set decides for the original or for the changed number (the
       first set gives 10 for one of them), the two numbers' check digits come from different
       weight sets and may coincide by chance.
    Every other single-digit change is refused: a weight w in 1..10 times a change d in 1..9 is
    never 0 mod 11."""
    iin = made_iin(born, sex, serial)
    changed_digit = (int(iin[position]) + delta) % 10
    changed = iin[:position] + str(changed_digit) + iin[position + 1 :]
    try:
        validate_iin(changed)
    except IinError:
        return
    second_set_involved = 10 in (first_set_result(iin[:11]), first_set_result(changed[:11]))
    assert position == 10 or second_set_involved
    assert position != 11  # the check digit itself can never change silently


@given(births, sexes, serials, st.integers(1, 9))
def test_eleventh_digit_change_is_invisible_when_the_first_set_decides(
    born: date, sex: Sex, serial: int, delta: int
) -> None:
    iin = made_iin(born, sex, serial)
    assume(first_set_result(iin[:11]) != 10)
    changed = iin[:10] + str((int(iin[10]) + delta) % 10) + iin[11]
    assert validate_iin(changed).birth_date == born
