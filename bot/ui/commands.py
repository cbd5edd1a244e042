"""Bot commands shown in Telegram's menu, per language and per scope (admins see more)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from aiogram_i18n.cores import FluentRuntimeCore

from domain.model import LANGUAGES

EVERYONE = (
    "start", "menu", "profile", "courses", "mycourses", "documents", "internship", "verify",
    "language", "help", "cancel",
)  # fmt: skip
TRAINERS: tuple[str, ...] = ("today", "questions")
ADMINS = (
    "admin", "scores", "scores_import", "results", "expel", "issue", "revoke", "request_queue",
    "consultations", "nobd", "stats", "effectiveness", "unreachable",
    "deletions", "internships", "blanks",
)  # fmt: skip


def commands_for(core: FluentRuntimeCore, lang: str, names: tuple[str, ...]) -> list[BotCommand]:
    return [BotCommand(command=name, description=core.get(f"cmd-{name}", lang)) for name in names]


async def register_commands(
    bot: Bot, core: FluentRuntimeCore, admin_chat_ids: list[int], trainer_chat_ids: list[int]
) -> None:
    for lang in LANGUAGES:
        await bot.set_my_commands(
            commands_for(core, lang, EVERYONE), scope=BotCommandScopeDefault(), language_code=lang
        )
    await bot.set_my_commands(commands_for(core, "ru", EVERYONE), scope=BotCommandScopeDefault())
    staff = {chat_id: TRAINERS for chat_id in trainer_chat_ids}
    for chat_id in admin_chat_ids:
        staff[chat_id] = staff.get(chat_id, ()) + ADMINS
    for chat_id, extra in staff.items():
        for lang in LANGUAGES:
            await bot.set_my_commands(
                commands_for(core, lang, EVERYONE + extra),
                scope=BotCommandScopeChat(chat_id=chat_id),
                language_code=lang,
            )
