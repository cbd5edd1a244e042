"""Validation of spreadsheet rows (as plain ``{header: text}`` dicts) before anything is stored.

Reading the file (XLSX/CSV bytes → rows with their row numbers) is ``bot.spreadsheets.reading``;
this module only decides, so the enrollment-list import (§16, §18), the schedule import and the
scores import of other features validate the same way: every row is checked, every error names
the row, the column and a reason code, and the caller imports nothing unless ``errors`` is empty.

Reason codes are message-id suffixes the bot translates (``sheet-reason-<code>``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Generic, Literal, TypeVar

from domain.iin import IinError, IinErrorReason, validate_iin
from domain.text import clean_text, one_line

Lang = Literal["kk", "ru"]
Row = tuple[int, Mapping[str, str]]

__all__ = [
    "ENROLLMENT_COLUMNS",
    "SCHEDULE_COLUMNS",
    "EnrollmentRow",
    "RowError",
    "ScheduleRow",
    "Validated",
    "find_columns",
    "formula_errors",
    "is_formula",
    "normalize_phone",
    "parse_language",
    "validate_enrollment_rows",
    "validate_schedule_rows",
]


@dataclass(frozen=True, slots=True)
class RowError:
    """One wrong cell: spreadsheet row number (the header is row 1 in a typical file), the
    column as the file names it, a reason code and the offending value (for the message)."""

    row: int
    column: str
    reason: str
    value: str = ""
    other_row: int | None = None  # the first row of a duplicate


@dataclass(frozen=True, slots=True)
class EnrollmentRow:
    """A listener from an education department's list (§18): who, where they work, language."""

    row: int
    full_name: str
    iin: str
    school: str
    position: str
    phone: str  # normalised to +7XXXXXXXXXX
    language: Lang


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One session of a cohort's schedule, in the organization's local time."""

    row: int
    day: date
    start: time
    academic_hours: int
    place: str
    topic: str = ""


T = TypeVar("T")


@dataclass
class Validated(Generic[T]):
    """Valid rows and errors; import ``rows`` only when ``errors`` is empty (all or nothing)."""

    rows: list[T] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _norm(header: str) -> str:
    return re.sub(r"[\s_.,()№-]+", " ", header.strip().lower()).strip()


# Canonical field → header spellings seen in departments' lists (compared after ``_norm``).
ENROLLMENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "full_name": ("full name", "фио", "ф и о", "фамилия имя отчество", "аты жөні",
                  "тегі аты әкесінің аты", "тегі аты әкесінің аты болған жағдайда",
                  "фамилия имя отчество при его наличии", "name"),
    "iin": ("iin", "иин", "жсн"),
    "school": ("school", "школа", "организация образования", "мектеп", "білім беру ұйымы",
               "место работы", "жұмыс орны"),
    "position": ("position", "должность", "лауазымы", "лауазым"),
    "phone": ("phone", "телефон", "тел", "номер телефона", "телефон нөмірі"),
    "language": ("language", "язык", "тіл", "язык обучения", "оқыту тілі"),
}  # fmt: skip

SCHEDULE_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "дата", "күні", "күн"),
    "time": ("time", "время", "уақыты", "уақыт", "начало", "басталуы"),
    "hours": ("hours", "часы", "ак часы", "академические часы", "сағат", "академиялық сағат",
              "сағат саны", "количество часов"),
    "place": ("place", "room", "link", "аудитория", "место", "ссылка", "орны", "сілтеме",
              "аудитория или ссылка", "аудитория немесе сілтеме"),
    "topic": ("topic", "тема", "тақырыбы", "тақырып"),
}  # fmt: skip

OPTIONAL_SCHEDULE = frozenset({"topic"})


def find_columns(
    headers: Sequence[str],
    spec: Mapping[str, tuple[str, ...]],
    optional: Iterable[str] = (),
) -> tuple[dict[str, str], list[str]]:
    """Match the file's headers to canonical fields. Returns (field → header, missing fields)."""
    found: dict[str, str] = {}
    for header in headers:
        key = _norm(header)
        for name, spellings in spec.items():
            if name not in found and (key == name or key in spellings):
                found[name] = header
    missing = [name for name in spec if name not in found and name not in set(optional)]
    return found, missing


def is_formula(value: str) -> bool:
    """A cell starting with "=" is a formula: its value is whatever the file's author computed
    (or a spreadsheet-injection payload), never what the department typed. "+", "-" and "@"
    start formulas too once a spreadsheet re-opens the text; with a "|" (``+cmd|'/C calc'!A0``,
    dynamic data exchange) nothing else can be meant, while "+7 701 …" stays a phone. Judged
    after the control and bidi characters are removed (a hidden mark before "=" changes
    nothing)."""
    text = clean_text(value).lstrip()
    return text.startswith("=") or (text[:1] in ("+", "-", "@") and "|" in text)


def formula_errors(rows: Iterable[Row]) -> list[RowError]:
    """Every formula cell of the file (see ``is_formula``) — refused."""
    return [
        RowError(number, column, "formula", value)
        for number, cells in rows
        for column, value in cells.items()
        if is_formula(value)
    ]


_PHONE_DIGITS = re.compile(r"\D+")


def normalize_phone(raw: str) -> str | None:
    """A Kazakhstan number as ``+7XXXXXXXXXX``: accepts ``8 701 …``, ``+7 (701) …``,
    ``7701…`` and 10 bare digits. Kazakhstan's national numbers begin with 7 (mobile 70x/74x/
    75x/77x, landlines 71x/72x), so a ``+7 9xx`` (Russian) number is refused; otherwise ``None``.
    """
    digits = _PHONE_DIGITS.sub("", raw)
    if len(digits) == 10:
        digits = "7" + digits
    if len(digits) == 11 and digits[0] in "78" and digits[1] == "7":
        return "+7" + digits[1:]
    return None


_LANGUAGES: dict[str, Lang] = {
    "kk": "kk", "kz": "kk", "каз": "kk", "қаз": "kk", "казахский": "kk", "қазақ": "kk",
    "қазақша": "kk", "қазақ тілі": "kk", "казахский язык": "kk",
    "ru": "ru", "рус": "ru", "русский": "ru", "орыс": "ru", "орысша": "ru", "орыс тілі": "ru",
    "русский язык": "ru",
}  # fmt: skip


def parse_language(raw: str) -> Lang | None:
    return _LANGUAGES.get(raw.strip().lower().rstrip("."))


_MAX_TEXT = 300
MAX_CELL_TEXT = _MAX_TEXT
"""The longest text of one cell (a room, a school, a topic), typed or imported."""


def _checked_iin(raw: str, today: date | None) -> tuple[str | None, str]:
    """The IIN without spaces when it passes ``domain.iin.validate_iin``, else ``None`` and
    the row error's reason: ``iin-future`` for a birth date after ``today``, else ``iin``."""
    try:
        return (validate_iin(raw, today).iin if raw else None), ""
    except IinError as error:
        if error.reason is IinErrorReason.BIRTH_DATE_IN_FUTURE:
            return None, "iin-future"
        return None, "iin"


def validate_enrollment_rows(
    headers: Sequence[str], rows: Sequence[Row], today: date | None = None
) -> Validated[EnrollmentRow]:
    """§18 lists: full name, IIN, school, position, phone, language — every one required.

    Checks each row: required cells, IIN checksum (``domain.iin``) and, with ``today`` (the
    organization's date), a birth date not after it, phone, language kk/ru, text length,
    formulas, and IINs repeated inside the file (the second occurrence is the error and names
    the first row). Cells are cleaned of control and bidi characters (``domain.text``).
    """
    result: Validated[EnrollmentRow] = Validated()
    columns, missing = find_columns(headers, ENROLLMENT_COLUMNS)
    if missing:
        result.errors = [RowError(1, name, "missing-column") for name in missing]
        return result
    result.errors.extend(formula_errors(rows))
    formula_rows = {e.row for e in result.errors}
    seen_iin: dict[str, int] = {}
    for number, cells in rows:
        if number in formula_rows:
            continue
        value = {name: one_line(cells.get(header, "")) for name, header in columns.items()}
        errors: list[RowError] = []
        for name, header in columns.items():
            if not value[name]:
                errors.append(RowError(number, header, "required"))
            elif len(value[name]) > _MAX_TEXT:
                errors.append(RowError(number, header, "too-long", value[name][:20] + "…"))
        iin, iin_reason = _checked_iin(value["iin"], today)
        if value["iin"] and iin is None:
            errors.append(RowError(number, columns["iin"], iin_reason, value["iin"]))
        elif iin is not None and iin in seen_iin:
            errors.append(RowError(number, columns["iin"], "duplicate", iin, seen_iin[iin]))
        elif iin is not None:
            seen_iin[iin] = number
        phone = normalize_phone(value["phone"]) if value["phone"] else None
        if value["phone"] and phone is None:
            errors.append(RowError(number, columns["phone"], "phone", value["phone"]))
        language = parse_language(value["language"]) if value["language"] else None
        if value["language"] and language is None:
            errors.append(RowError(number, columns["language"], "language", value["language"]))
        if errors:
            result.errors.extend(errors)
            continue
        assert iin is not None and phone is not None and language is not None
        result.rows.append(
            EnrollmentRow(
                number, value["full_name"], iin, value["school"], value["position"], phone, language
            )
        )
    result.errors.sort(key=lambda e: e.row)
    return result


_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y")
_TIME_FORMATS = ("%H:%M", "%H.%M", "%H:%M:%S")
MAX_SESSION_HOURS = 12
"""Academic hours of one session: a day has at most 12 lawful academic hours (9 clock hours)."""


def _parse(raw: str, formats: Sequence[str]) -> datetime | None:
    for fmt in formats:
        try:
            return datetime.strptime(raw.strip(), fmt)
        except ValueError:
            continue
    return None


def validate_schedule_rows(headers: Sequence[str], rows: Sequence[Row]) -> Validated[ScheduleRow]:
    """Sessions: date (DD.MM.YYYY or YYYY-MM-DD), start time HH:MM, academic hours 1–12,
    room or online link; an optional topic. The same date and time twice is an error."""
    result: Validated[ScheduleRow] = Validated()
    columns, missing = find_columns(headers, SCHEDULE_COLUMNS, OPTIONAL_SCHEDULE)
    if missing:
        result.errors = [RowError(1, name, "missing-column") for name in missing]
        return result
    result.errors.extend(formula_errors(rows))
    formula_rows = {e.row for e in result.errors}
    seen: dict[tuple[date, time], int] = {}
    for number, cells in rows:
        if number in formula_rows:
            continue
        value = {name: one_line(cells.get(header, "")) for name, header in columns.items()}
        errors: list[RowError] = []
        for name in ("date", "time", "hours", "place"):
            if not value[name]:
                errors.append(RowError(number, columns[name], "required"))
        day = _parse(value["date"], _DATE_FORMATS) if value["date"] else None
        if value["date"] and day is None:
            errors.append(RowError(number, columns["date"], "date", value["date"]))
        start = _parse(value["time"], _TIME_FORMATS) if value["time"] else None
        if value["time"] and start is None:
            errors.append(RowError(number, columns["time"], "time", value["time"]))
        hours = int(value["hours"]) if value["hours"].isdigit() else None
        if value["hours"] and (hours is None or not 1 <= hours <= MAX_SESSION_HOURS):
            errors.append(RowError(number, columns["hours"], "session-hours", value["hours"]))
        for name in ("place", "topic"):
            if len(value.get(name, "")) > _MAX_TEXT:
                errors.append(RowError(number, columns[name], "too-long", value[name][:20] + "…"))
        if day is not None and start is not None:
            key = (day.date(), start.time())
            if key in seen:
                errors.append(
                    RowError(number, columns["time"], "duplicate", value["time"], seen[key])
                )
            else:
                seen[key] = number
        if errors:
            result.errors.extend(errors)
            continue
        assert day is not None and start is not None and hours is not None
        result.rows.append(
            ScheduleRow(
                number,
                day.date(),
                start.time(),
                hours,
                value["place"],
                value.get("topic", ""),
            )
        )
    result.errors.sort(key=lambda e: e.row)
    return result
