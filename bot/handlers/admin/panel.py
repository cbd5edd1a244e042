"""/admin and the "🛠" menu item: the admin panel with one button per area."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.filter import LazyFilter

from bot.handlers.admin.callbacks import AdminArea

AREAS = ("roles", "courses", "cohorts", "unreachable", "deletions")


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def panel_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [button(i18n.get("admin-area-" + area), AdminArea(area=area).pack())] for area in AREAS
        ]
    )


async def show_panel(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await message.answer(i18n.get("admin-panel"), reply_markup=panel_keyboard(i18n))


def create_router() -> Router:
    router = Router(name="admin-panel")
    router.message.register(show_panel, Command("admin"))
    router.message.register(show_panel, LazyFilter("menu-admin"))
    return router
