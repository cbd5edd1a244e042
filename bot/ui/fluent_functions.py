"""Functions the Fluent messages may call.

``KK``: a Kazakh case ending on a placeable, chosen by ``domain.kazakh`` from the value (a number
by its last spoken word, a date, a word or name by vowel harmony and its final sound), so that
no message hard-codes an ending that is right only for some values::

    admin-cohort-ask-seats = Орын саны (1-ден { KK($max, case: "dative") } дейінгі бүтін сан):
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import fluent.runtime.resolver
from babel import Locale
from fluent.runtime.types import FluentNumber

from domain.kazakh import Case, inflect_number, inflect_word, kazakh_date

_KAZAKH = Locale.parse("kk")

#: fluent.runtime refuses a placeable whose value is longer than 2,500 characters ("Too many
#: characters in placeable"), a guard against messages that expand themselves. Our placeables
#: carry typed text whose own limit is checked where it is typed (a consultation answer: 3,500
#: characters, HTML-escaped up to five times as long): the guard is raised above any message
#: Telegram accepts, 4,096 characters after entity parsing, each escaped as "&amp;" at worst.
PLACEABLE_MAX = 4096 * len("&amp;")
fluent.runtime.resolver.MAX_PART_LENGTH = max(
    fluent.runtime.resolver.MAX_PART_LENGTH, PLACEABLE_MAX
)


def kazakh_case(value: object, *, case: str = "dative", year: str = "yes") -> str:
    """``KK($value, case: "dative")``; for a date, ``year: "no"`` leaves the year out. An
    unknown case name raises, and Fluent reports the message as broken."""
    kazakh = Case(case)
    if isinstance(value, FluentNumber):
        return inflect_number(value.format(_KAZAKH), kazakh)
    if isinstance(value, date):  # FluentDate and FluentDateTime are dates
        return kazakh_date(value, kazakh, with_year=year != "no")
    if isinstance(value, str):
        return inflect_word(value, kazakh)
    raise TypeError(f"KK() cannot inflect {type(value).__name__}")


FLUENT_FUNCTIONS: dict[str, Callable[..., Any]] = {"KK": kazakh_case}
