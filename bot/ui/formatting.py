"""Small helpers shared by the certificate handlers: dates per locale, "today" in our zone."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

from bot.config import Settings
from domain.ports import Clock

BABEL_LOCALES = {"kk": "kk_KZ", "ru": "ru_RU"}


def long_date(day: date, lang: str) -> str:
    """ "23 ноября 2026 г." / "2026 ж. 23 қараша" — Babel's long format of the locale."""
    return format_date(day, format="long", locale=BABEL_LOCALES.get(lang, "ru_RU"))


def local_today(clock: Clock, settings: Settings) -> date:
    """The organization's date (Asia/Almaty by default), not UTC's."""
    now: datetime = clock()
    return now.astimezone(settings.tz).date()


def number_example(settings: Settings, today: date) -> str:
    return f"{settings.certificate_prefix}-{today.year}-000123"
