"""Parsers for typed answers: each checks one limit where it is typed and says it if broken."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from bot.ui.forms.invalid import Invalid
from domain.text import clean_text, one_line

DAY_FORMATS = ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d", "%d/%m/%Y")


def text(limit: int, *, multiline: bool = False, minimum: int = 1) -> Callable[[str], str]:
    """Free text of ``minimum``..``limit`` characters (control and bidi characters removed)."""

    def parse(raw: str) -> str:
        value = clean_text(raw, multiline=True).strip() if multiline else one_line(raw)
        if len(value) < minimum:
            raise Invalid("form-empty")
        if len(value) > limit:
            raise Invalid("form-too-long", max=limit, length=len(value))
        return value

    return parse


def day(
    *, earliest: Callable[[], date] | None = None, latest: Callable[[], date] | None = None
) -> Callable[[str], str]:
    """A date typed as 15.09.2026 (or 2026-09-15), stored as ISO."""

    def parse(raw: str) -> str:
        typed = raw.strip()
        for fmt in DAY_FORMATS:
            try:
                value = datetime.strptime(typed, fmt).date()
                break
            except ValueError:
                continue
        else:
            raise Invalid("form-bad-date")
        if earliest is not None and value < earliest():
            raise Invalid("form-date-too-early", earliest=earliest())
        if latest is not None and value > latest():
            raise Invalid("form-date-too-late", latest=latest())
        return value.isoformat()

    return parse


TIME_FORMATS = ("%H:%M", "%H.%M")


def time_of_day() -> Callable[[str], str]:
    """A clock time typed as 09:00 (or 9.00), stored as HH:MM."""

    def parse(raw: str) -> str:
        for fmt in TIME_FORMATS:
            try:
                return datetime.strptime(raw.strip(), fmt).strftime("%H:%M")
            except ValueError:
                continue
        raise Invalid("form-bad-time")

    return parse


def integer(minimum: int, maximum: int) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        try:
            value = int(raw.strip().replace(" ", ""))
        except ValueError:
            raise Invalid("form-bad-number", min=minimum, max=maximum) from None
        if not minimum <= value <= maximum:
            raise Invalid("form-bad-number", min=minimum, max=maximum)
        return value

    return parse


def one_of(values: Iterable[str]) -> Callable[[str], str]:
    """A typed answer that must be one of ``values`` (case-insensitive)."""
    allowed = {value.casefold(): value for value in values}

    def parse(raw: str) -> Any:
        found = allowed.get(raw.strip().casefold())
        if found is None:
            raise Invalid("form-use-buttons")
        return found

    return parse
