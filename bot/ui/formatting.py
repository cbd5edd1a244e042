"""Presentation of values, in one place: dates, times and numbers per locale (Babel), "today"
in our zone, and the placeholders of an outbox notice made ready to send.

Every date the bot shows goes through here (the long form of messages, the documents' legal
form, a session's time), so a change of wording — Kazakh case suffixes, say — is made once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from typing import Any

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from bot.config import Settings
from bot.ui.markup import Markup
from domain.notifications import ARGS_FORMAT, RAW_ARGS, decode_args
from domain.ports import Clock

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


def format_args(args: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """Raw placeholders (``domain.notifications.decode_args``) ready for Fluent: a date in the
    long form of ``lang``; a number stays a number (Fluent writes it per locale and chooses
    plural forms by it); text as typed. Escaping for HTML is not done here: the i18n core
    escapes every text argument when it renders the message (``bot.ui.markup``), and a text
    rendered for plain use (the employer's e-mail) is not HTML at all."""
    ready: dict[str, Any] = {}
    for name, value in args.items():
        if isinstance(value, date) and not isinstance(value, datetime):
            ready[name] = long_date(value, lang)
        else:
            ready[name] = value
    return ready


def notice_args(payload: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """The placeholders of an outbox row (its ``payload``), ready to render in ``lang``; the
    core escapes their text when it renders the notice.

    Compatibility: a row queued by an older version has no ``args_format`` — its arguments were
    formatted and escaped (where they were) when it was queued, so they are used as stored and
    marked ``Markup`` (the core must not escape them a second time); only rows marked
    ``args_format: 2`` hold raw arguments, formatted here and escaped by the core."""
    stored: Mapping[str, Any] = payload.get("args", {})
    if payload.get(ARGS_FORMAT) != RAW_ARGS:
        return {k: Markup(v) if isinstance(v, str) else v for k, v in stored.items()}
    return format_args(decode_args(stored), lang)


def local_today(clock: Clock, settings: Settings) -> date:
    """The organization's date (Asia/Almaty by default), not UTC's."""
    now: datetime = clock()
    return now.astimezone(settings.tz).date()


def number_example(settings: Settings, today: date) -> str:
    return f"{settings.certificate_prefix}-{today.year}-000123"
