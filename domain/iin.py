"""Kazakhstan individual identification number (ИИН / ЖСН): 12 digits
``YYMMDD`` birth date, century-and-sex digit, 4-digit serial, check digit."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "IinError",
    "IinErrorReason",
    "IinResult",
    "Sex",
    "birth_date_from_iin",
    "check_digit",
    "make_iin",
    "mask_iin",
    "sex_from_iin",
    "validate_iin",
]

_WEIGHTS_1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_WEIGHTS_2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_SPACES_RE = re.compile(r"\s+")
_DIGITS_RE = re.compile(r"[0-9]*")
# 7th digit → (century, sex); odd = male, even = female
_CENTURY = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000}


class Sex(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class IinErrorReason(enum.StrEnum):
    """Why an IIN is refused: message-id suffixes the bot translates."""

    NOT_DIGITS = "not_digits"
    BAD_LENGTH = "bad_length"
    BAD_CENTURY_DIGIT = "bad_century_digit"
    BAD_BIRTH_DATE = "bad_birth_date"
    BIRTH_DATE_IN_FUTURE = "birth_date_in_future"
    BAD_CHECK_DIGIT = "bad_check_digit"
    NO_CHECK_DIGIT = "no_check_digit"  # both weight sets give 10: never issued


class IinError(ValueError):
    def __init__(self, reason: IinErrorReason) -> None:
        self.reason = reason
        super().__init__(f"invalid IIN: {reason.value}")


@dataclass(frozen=True, slots=True)
class IinResult:
    iin: str
    birth_date: date
    sex: Sex


def check_digit(first_eleven: str) -> int | None:
    """The check digit for the first 11 digits: Σ digit·weight (weights 1..11) mod 11; if that
    is 10, Σ with weights 3,4,5,6,7,8,9,10,11,1,2 mod 11; if that is 10 too, there is no check
    digit (``None``: such a number is never issued)."""
    if len(first_eleven) != 11 or not first_eleven.isascii() or not first_eleven.isdigit():
        raise ValueError("need exactly 11 digits")
    digits = [int(c) for c in first_eleven]
    for weights in (_WEIGHTS_1, _WEIGHTS_2):
        result = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if result != 10:
            return result
    return None


def _birth_date(iin: str) -> date:
    century_digit = int(iin[6])
    if century_digit not in _CENTURY:
        raise IinError(IinErrorReason.BAD_CENTURY_DIGIT)
    year = _CENTURY[century_digit] + int(iin[0:2])
    try:
        return date(year, int(iin[2:4]), int(iin[4:6]))
    except ValueError:
        raise IinError(IinErrorReason.BAD_BIRTH_DATE) from None


def validate_iin(text: str, today: date | None = None) -> IinResult:
    """Validate an IIN as typed: whitespace anywhere is ignored (people paste "900101 300123");
    anything else must be exactly 12 ASCII digits. Checks, in order: digits, length, the 7th
    digit (1–6: 1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s; odd male, even female), a real
    ``YYMMDD`` date, not after ``today`` when given, and the check digit. Raises ``IinError``.
    """
    iin = _SPACES_RE.sub("", text)
    if not _DIGITS_RE.fullmatch(iin):
        raise IinError(IinErrorReason.NOT_DIGITS)
    if len(iin) != 12:
        raise IinError(IinErrorReason.BAD_LENGTH)
    born = _birth_date(iin)
    if today is not None and born > today:
        raise IinError(IinErrorReason.BIRTH_DATE_IN_FUTURE)
    expected = check_digit(iin[:11])
    if expected is None:
        raise IinError(IinErrorReason.NO_CHECK_DIGIT)
    if expected != int(iin[11]):
        raise IinError(IinErrorReason.BAD_CHECK_DIGIT)
    return IinResult(iin, born, Sex.MALE if int(iin[6]) % 2 else Sex.FEMALE)


def birth_date_from_iin(iin: str) -> date:
    """The date of birth of a valid IIN (raises ``IinError`` otherwise)."""
    return validate_iin(iin).birth_date


def sex_from_iin(iin: str | None) -> Sex | None:
    """The holder's sex by the 7th digit (odd: male, even: female), or ``None`` when there is
    no IIN or the digit is not a century digit. Used only to choose the Russian verb ending of
    a document ("прошел" / "прошла"); never shown."""
    digits = (iin or "").strip()
    if len(digits) != 12 or not digits.isdigit() or int(digits[6]) not in _CENTURY:
        return None
    return Sex.MALE if int(digits[6]) % 2 else Sex.FEMALE


def mask_iin(iin: str) -> str:
    """Show only the last 4 digits: ``********1234``. Shorter input is masked entirely."""
    digits = _SPACES_RE.sub("", iin)
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def make_iin(birth_date: date, sex: Sex, serial: int) -> str:
    """Build a valid IIN (demo data, tests) from a birth date in 1800–2099, a sex and a serial
    0–9999. Raises ``ValueError`` when these give no check digit (both weight sets → 10);
    take the next serial then."""
    if not 1800 <= birth_date.year <= 2099:
        raise ValueError("birth year must be 1800–2099")
    if not 0 <= serial <= 9999:
        raise ValueError("serial must be 0–9999")
    century_digit = {1800: 1, 1900: 3, 2000: 5}[birth_date.year // 100 * 100]
    if sex is Sex.FEMALE:
        century_digit += 1
    first_eleven = f"{birth_date:%y%m%d}{century_digit}{serial:04d}"
    digit = check_digit(first_eleven)
    if digit is None:
        raise ValueError("no check digit exists for this serial; use another serial")
    return f"{first_eleven}{digit}"
