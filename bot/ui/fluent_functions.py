"""Functions the Fluent messages may call.

``KK``: a Kazakh case ending on a placeable, chosen by ``domain.kazakh`` from the value (a number
by its last spoken word, a date, a word or name by vowel harmony and its final sound), so that
no message hard-codes an ending that is right only for some values::

    admin-cohort-ask-seats = Орын саны (1-ден { KK($max, case: "dative") } дейінгі бүтін сан):
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from babel import Locale
from fluent.runtime.types import FluentNumber

from domain.kazakh import Case, inflect_number, inflect_word, kazakh_date


@cache
def _kazakh() -> Locale:
    """Parsed on first use: starting the bot loads no Babel locale data."""
    return Locale.parse("kk")


def kazakh_case(value: object, *, case: str = "dative", year: str = "yes") -> str:
    """``KK($value, case: "dative")``; for a date, ``year: "no"`` leaves the year out. An
    unknown case name raises, and Fluent reports the message as broken."""
    kazakh = Case(case)
    if isinstance(value, FluentNumber):
        return inflect_number(value.format(_kazakh()), kazakh)
    if isinstance(value, date):  # FluentDate and FluentDateTime are dates
        return kazakh_date(value, kazakh, with_year=year != "no")
    if isinstance(value, str):
        return inflect_word(value, kazakh)
    raise TypeError(f"KK() cannot inflect {type(value).__name__}")


FLUENT_FUNCTIONS: dict[str, Callable[..., Any]] = {"KK": kazakh_case}
