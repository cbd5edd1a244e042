"""Small helpers the admin forms share: typed dates and dates shown per locale (Babel)."""

from __future__ import annotations

from datetime import date, datetime

from aiogram_i18n import I18nContext
from babel.dates import format_date

LOCALES = {"kk": "kk_KZ", "ru": "ru_RU"}


def parse_day(text: str) -> date | None:
    """A date typed as DD.MM.YYYY (how dates are written in Kazakhstan's documents)."""
    try:
        return datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError:
        return None


def long_date(day: date, i18n: I18nContext) -> str:
    return format_date(day, format="long", locale=LOCALES.get(i18n.locale, "ru_RU"))
