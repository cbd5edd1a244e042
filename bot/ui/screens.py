"""Pieces every results, decisions and consultation screen shares: the screen's language,
a button, back/cancel navigation, how a person is named in a list, the common answers."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.ui.callbacks import ResultsNav
from domain.model import Lang


def ui_lang(i18n: I18nContext) -> Lang:
    """The language of the screen in front of the admin (for topics, dates, module names)."""
    return "kk" if i18n.locale == "kk" else "ru"


def button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def nav_keyboard(i18n: I18nContext, back: bool = False) -> InlineKeyboardMarkup:
    row = [button(i18n.get("results-cancel"), ResultsNav(action="cancel").pack())]
    if back:
        row.insert(0, button(i18n.get("results-back"), ResultsNav(action="back").pack()))
    return InlineKeyboardMarkup(inline_keyboard=[row])


async def cancel_form(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer(i18n.get("results-cancelled"))


async def not_found(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer(i18n.get("results-not-found"), show_alert=True)
