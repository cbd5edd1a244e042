"""/start, language choice, /menu, /help, /cancel: what every person can do."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.filter import LazyFilter

from bot.ui.callbacks import LanguageCallback
from bot.ui.forms.runner import close_form
from bot.ui.menus import main_menu
from domain.model import LANGUAGES, Person
from domain.ports import UnitOfWorkFactory
from domain.services.people import choose_language

LANGUAGE_LABELS = {"kk": "🇰🇿 Қазақша", "ru": "🇷🇺 Русский"}


def language_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=LANGUAGE_LABELS[code], callback_data=LanguageCallback(code=code).pack()
                )
                for code in LANGUAGES
            ]
        ]
    )


async def show_menu(message: Message, i18n: I18nContext, person: Person) -> None:
    await message.answer(
        i18n.get("menu-text", name=person.full_name or person.first_name or "—"),
        reply_markup=main_menu(i18n, person),
    )


async def start(message: Message, i18n: I18nContext, person: Person, state: FSMContext) -> None:
    await state.clear()
    if person.language is None:
        await message.answer(i18n.get("start-choose-language"), reply_markup=language_keyboard())
        return
    await show_menu(message, i18n, person)


async def ask_language(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("start-choose-language"), reply_markup=language_keyboard())


async def language_chosen(
    query: CallbackQuery,
    callback_data: LanguageCallback,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
) -> None:
    if callback_data.code not in LANGUAGES:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    assert person.id is not None
    person = await choose_language(uow_factory, person.id, callback_data.code)
    with i18n.use_locale(callback_data.code):
        await query.answer(i18n.get("language-saved"))
        if isinstance(query.message, Message):
            await query.message.edit_reply_markup(reply_markup=None)
            await show_menu(query.message, i18n, person)


async def menu(message: Message, i18n: I18nContext, person: Person) -> None:
    await show_menu(message, i18n, person)


async def help_(message: Message, i18n: I18nContext, person: Person) -> None:
    await message.answer(i18n.get("help-text"), reply_markup=main_menu(i18n, person))


async def cancel(message: Message, i18n: I18nContext, person: Person, state: FSMContext) -> None:
    had_state = await state.get_state() is not None
    await close_form(state, message.bot, message.chat.id)
    await state.clear()
    key = "cancel-done" if had_state else "cancel-nothing"
    await message.answer(i18n.get(key), reply_markup=main_menu(i18n, person))


def create_router() -> Router:
    router = Router(name="common")
    router.message.register(start, CommandStart())
    router.message.register(ask_language, Command("language"))
    router.message.register(ask_language, LazyFilter("menu-language"))
    router.callback_query.register(language_chosen, LanguageCallback.filter())
    router.message.register(menu, Command("menu"))
    router.message.register(help_, Command("help"))
    router.message.register(help_, LazyFilter("menu-help"))
    router.message.register(cancel, Command("cancel"), StateFilter("*"))
    return router
