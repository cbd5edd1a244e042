"""Small helpers shared by the teacher's screens: entry points (commands and menu buttons)."""

from __future__ import annotations

from aiogram import Router
from aiogram.dispatcher.event.handler import CallbackType
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.filter import LazyFilter

# Teacher entry points: a command and a main-menu button each.
ENTRY_POINTS = {
    "courses": ("courses", "menu-cohorts"),
    "mycourses": ("mycourses", "menu-my-courses"),
    "profile": ("profile", "menu-profile"),
    "requests": ("requests", "menu-requests"),
    "support": ("support", "menu-support"),
    "mydata": ("mydata", None),
    "internship": ("internship", None),
}


def register_entry(
    router: Router, handler: CallbackType, names: tuple[str, ...], *filters: CallbackType
) -> None:
    """Register ``handler`` for the commands and menu buttons of ``names``. Each LazyFilter is
    registered on its own: aiogram-i18n only resolves lazy filters at the top of a handler."""
    commands = [ENTRY_POINTS[name][0] for name in names]
    router.message.register(handler, Command(*commands), *filters)
    for name in names:
        menu_key = ENTRY_POINTS[name][1]
        if menu_key is not None:
            router.message.register(handler, LazyFilter(menu_key), *filters)


ALL = tuple(ENTRY_POINTS)


def entry_name(message: Message, i18n: I18nContext) -> str:
    """Which entry point ``message`` is (a command or a menu button), "" if none: where the
    teacher was going when consent or the profile was asked for first."""
    typed = (message.text or "").strip()
    command = typed[1:].split("@")[0].split(" ")[0] if typed.startswith("/") else None
    for name, (cmd, menu_key) in ENTRY_POINTS.items():
        if command == cmd or (menu_key is not None and typed == i18n.get(menu_key)):
            return name
    return ""
