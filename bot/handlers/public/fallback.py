"""Last in the chain: anything no feature understood gets a translated hint, never silence."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext


async def not_understood(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("fallback-not-understood"))


async def stale_button(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer(i18n.get("error-bad-button"), show_alert=True)


def create_router() -> Router:
    router = Router(name="fallback")
    router.message.register(not_understood, F.chat.type == "private")
    router.callback_query.register(stale_button)
    return router
