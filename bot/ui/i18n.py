"""Translations: Fluent files in `locales/<lang>/*.ftl`, one file per feature, via aiogram-i18n.

The locale of an update is the stored person's choice; before they choose, a guess from
Telegram's `language_code` (Kazakh for `kk`, Russian otherwise: the second official language
is the one a non-Kazakh interface is most likely to be read in).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiogram.types import User
from aiogram_i18n import I18nContext, I18nMiddleware
from aiogram_i18n.cores.fluent_runtime_core import FluentRuntimeCore
from aiogram_i18n.managers import BaseManager

from bot.ui.fluent_functions import FLUENT_FUNCTIONS
from bot.ui.markup import Markup, escape_args
from domain.model import LANGUAGES, Lang, Person

DEFAULT_LOCALE: Lang = "ru"

_BOT = Path(__file__).resolve().parents[1]


def find_locales() -> Path:
    """The Fluent files: `bot/locales/` in an installed wheel (setup.py ships the repository's
    `locales/` as the package `bot.locales`), else the top-level `locales/` beside `bot/` in a
    checkout, whether run in place or installed with `pip install -e`.

    Looked for beside this very module, not through `importlib.resources` and the name
    `bot.locales`: an editable install's finder maps that name to the installed checkout's
    `locales/`, so a checkout run through PYTHONPATH would find no texts, or another
    checkout's."""
    for candidate in (_BOT / "locales", _BOT.parent / "locales"):
        if (candidate / DEFAULT_LOCALE).is_dir():
            return candidate
    raise RuntimeError(
        f"no Fluent files in {_BOT / 'locales'} (a wheel) or {_BOT.parent / 'locales'} "
        "(a checkout): the package was built without its locales"
    )


LOCALES_PATH = find_locales()


def guess_language(language_code: str | None) -> Lang:
    if language_code and language_code.lower().startswith("kk"):
        return "kk"
    return DEFAULT_LOCALE


class PersonLocaleManager(BaseManager):
    """Reads the language from the `person` that PersonMiddleware put into the update data."""

    async def get_locale(
        self, event_from_user: User | None = None, person: Person | None = None
    ) -> str:
        if person is not None and person.language in LANGUAGES:
            return person.language
        return guess_language(event_from_user.language_code if event_from_user else None)

    async def set_locale(self, locale: str, person: Person | None = None) -> None:
        # The choice is stored by the use-case that changes the profile; nothing to do here.
        return None


_LONG = 200  # characters: a longer argument is put into the text after Fluent's formatting


class LoadedCore(FluentRuntimeCore):
    """Keeps its texts when the dispatcher shuts down: the delivery worker and the jobs still
    render notices while the bot stops (the middleware's shutdown would empty `locales`, and
    every notice sent in those seconds would fail for good with KeyError). It is loaded once,
    when created: parsing every Fluent file again at each dispatcher start costs seconds."""

    def get(self, message_id: str, locale: str | None = None, /, **kwargs: Any) -> str:
        """The message in HTML: every text argument escaped here, once, unless it is
        ``Markup`` (HTML the bot built); the result is ``Markup`` itself, so a rendered message
        can be substituted into another. Both handlers (``I18nContext.get`` calls this) and
        jobs/delivery (``core.get``) come through here. The escaped values are ``Markup``, so
        the fallback to another locale (which calls ``get`` again) does not escape twice."""
        args = escape_args(kwargs)
        # Fluent refuses a placeable over 2,500 characters ("Too many characters in
        # placeable"); a long value is substituted as a short token, put back afterwards.
        long_values: dict[str, str] = {}
        for name, value in args.items():
            if isinstance(value, str) and len(value) > _LONG:
                token = f"\ue000{len(long_values)}\ue001"
                long_values[token] = value
                args[name] = Markup(token)
        text = super().get(message_id, locale, **args)
        for token, value in long_values.items():
            text = text.replace(token, value)
        return Markup(text)

    async def startup(self) -> None:
        if not self.locales:
            self.locales.update(self.find_locales())

    async def shutdown(self) -> None:
        return None


def create_core() -> FluentRuntimeCore:
    """A loaded core: usable at once for notifications sent outside any update."""
    # pre_compile=False: fluent.runtime compiles a message when it is first used; compiling
    # all ~1,200 messages of both languages up front holds ~1.4 MB for texts rarely shown.
    core = LoadedCore(
        path=LOCALES_PATH / "{locale}",
        default_locale=DEFAULT_LOCALE,
        pre_compile=False,
        functions=dict(FLUENT_FUNCTIONS),
    )
    core.locales.update(core.find_locales())
    return core


def create_i18n_middleware(core: FluentRuntimeCore | None = None) -> I18nMiddleware:
    return I18nMiddleware(
        core=core or create_core(), manager=PersonLocaleManager(), default_locale=DEFAULT_LOCALE
    )


def translate(core: FluentRuntimeCore, lang: str, key: str, **kwargs: Any) -> str:
    """Outside an update (notifications, reminders) texts are rendered in the person's language."""
    return core.get(key, lang, **kwargs)


__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES_PATH",
    "I18nContext",
    "PersonLocaleManager",
    "create_core",
    "create_i18n_middleware",
    "find_locales",
    "guess_language",
    "translate",
]
