"""Presentation of values, in one place: dates, times and numbers per locale (Babel), and
"today" in our zone.

Every date the bot shows goes through here (the long form of messages, the documents' legal
form, a session's time), so a change of wording — Kazakh case suffixes, say — is made once.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from bot.config import Settings

BABEL_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU"}
WHEN_PATTERN = "d MMMM, EEEE, HH:mm"


def babel_locale(lang: str) -> str:
    """Babel's locale of an interface language (Russian for anything unknown)."""
    return BABEL_LOCALES.get(lang, "ru_RU")


def long_date(day: date | None, lang: str) -> str:
    """ "23 ноября 2026 г." / "2026 ж. 23 қараша" — Babel's long format of the locale; "—"
    for no date."""
    if day is None:
        return "—"
    return format_date(day, format="long", locale=babel_locale(lang))


def document_date(day: date, lang: str) -> str:
    """«23» ноября 2026 года / 2026 жылғы «23» қараша — as the forms' «__» ____ 20__ года."""
    if lang == "kk":
        return format_date(day, "y 'жылғы' «d» MMMM", locale=babel_locale(lang))
    return format_date(day, "«d» MMMM y 'года'", locale=babel_locale(lang))


def format_when(moment: datetime, lang: str, tz: tzinfo) -> str:
    """``23 қараша, дүйсенбі, 15:00`` / ``23 ноября, понедельник, 15:00`` in ``tz``."""
    return format_datetime(moment, WHEN_PATTERN, tzinfo=tz, locale=babel_locale(lang))


def format_clock(moment: datetime, lang: str, tz: tzinfo) -> str:
    """``15:00`` in ``tz``."""
    return format_datetime(moment, "HH:mm", tzinfo=tz, locale=babel_locale(lang))


def decimal(value: Any, lang: str) -> str:
    """A number as the locale writes it (``4,5`` in both languages)."""
    return format_decimal(value, locale=babel_locale(lang))


def local_today(clock: Any, settings: Settings) -> date:
    """The organization's date (Asia/Almaty by default), not UTC's."""
    now: datetime = clock()
    return now.astimezone(settings.tz).date()


def number_example(settings: Settings, today: date) -> str:
    return f"{settings.certificate_prefix}-{today.year}-000123"
