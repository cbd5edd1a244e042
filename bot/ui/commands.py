"""Bot commands shown in Telegram's menu, per language and per person (staff see more).

The default scope (per language) lists what everyone can do. A person's own chat gets a
``BotCommandScopeChat`` list in the language they chose in the bot, with their roles'
commands: set when they start the bot or change the language, and when an admin grants or
revokes a role (``apply_person_commands``) — no restart needed. At startup every staff
member's list is set again (``register_commands``)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from aiogram_i18n.cores import FluentRuntimeCore

from domain.model import LANGUAGES, Person, Role

logger = logging.getLogger(__name__)

EVERYONE = (
    "start", "menu", "courses", "mycourses", "schedule", "requests", "support", "documents",
    "internship", "profile", "mydata", "verify", "language", "help", "cancel",
)  # fmt: skip
TRAINERS: tuple[str, ...] = ("today", "questions")
ADMINS = (
    "admin", "scores", "scores_import", "results", "expel", "issue", "revoke", "request_queue",
    "consultations", "nobd", "stats", "effectiveness", "unreachable",
    "deletions", "editcohort", "internships", "blanks",
)  # fmt: skip


def command_names(roles: Iterable[Role]) -> tuple[str, ...]:
    """Everyone's commands, then the trainer's, then the admin's — as the person's roles allow."""
    roles = set(roles)
    return (
        EVERYONE
        + (TRAINERS if Role.TRAINER in roles else ())
        + (ADMINS if Role.ADMIN in roles else ())
    )


def commands_for(core: FluentRuntimeCore, lang: str, names: tuple[str, ...]) -> list[BotCommand]:
    return [BotCommand(command=name, description=core.get(f"cmd-{name}", lang)) for name in names]


async def apply_person_commands(bot: Bot, core: FluentRuntimeCore, person: Person) -> bool:
    """The person's own command menu (their chat's scope, their language, their roles).
    A failure is logged, never raised: the menu is a convenience, the action that changed
    the role or the language has already been done."""
    if person.telegram_id is None:
        return False
    lang = person.language or "ru"
    try:
        await bot.set_my_commands(
            commands_for(core, lang, command_names(person.roles)),
            scope=BotCommandScopeChat(chat_id=person.telegram_id),
        )
    except TelegramAPIError as error:
        logger.warning("commands of chat %s not set: %s", person.telegram_id, error)
        return False
    return True


async def register_commands(bot: Bot, core: FluentRuntimeCore, staff: Iterable[Person]) -> None:
    """At startup: the default lists per language, and each staff member's own list."""
    for lang in LANGUAGES:
        await bot.set_my_commands(
            commands_for(core, lang, EVERYONE), scope=BotCommandScopeDefault(), language_code=lang
        )
    await bot.set_my_commands(commands_for(core, "ru", EVERYONE), scope=BotCommandScopeDefault())
    for person in staff:
        if person.telegram_id is not None:
            # earlier versions set a list per chat *and language*, which Telegram prefers to
            # the chat's own list: removed, so a role revoked since then disappears too
            for lang in LANGUAGES:
                await bot.delete_my_commands(
                    scope=BotCommandScopeChat(chat_id=person.telegram_id), language_code=lang
                )
        await apply_person_commands(bot, core, person)
