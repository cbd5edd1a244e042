"""/start, language choice, /menu, /help, /cancel: what every person can do."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore
from aiogram_i18n.lazy.filter import LazyFilter

from bot.ui.callbacks import LanguageCallback
from bot.ui.commands import apply_person_commands, command_names
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


def switch_keyboard(current: str) -> InlineKeyboardMarkup:
    """One button: the other interface language."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=LANGUAGE_LABELS[code], callback_data=LanguageCallback(code=code).pack()
                )
                for code in LANGUAGES
                if code != current
            ]
        ]
    )


async def show_menu(message: Message, i18n: I18nContext, person: Person) -> None:
    await message.answer(
        i18n.get("menu-text", name=person.full_name or person.first_name or "—"),
        reply_markup=main_menu(i18n, person),
    )


async def start(
    message: Message,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    bot: Bot,
    i18n_core: FluentRuntimeCore,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await state.clear()
    if person.language is None:
        telegram_code = (message.from_user.language_code or "") if message.from_user else ""
        code = telegram_code[:2].lower()
        if code not in LANGUAGES or person.id is None:
            await message.answer(
                i18n.get("start-choose-language"), reply_markup=language_keyboard()
            )
            return
        # Telegram's own language says kk or ru: taken, not asked; the switch is offered
        person = await choose_language(uow_factory, person.id, code)
        with i18n.use_locale(code):
            await message.answer(
                i18n.get("screens-language-taken"), reply_markup=switch_keyboard(code)
            )
            await apply_person_commands(bot, i18n_core, person)
            await show_menu(message, i18n, person)
        return
    # the person's own command list (a new admin from ADMIN_IDS sees theirs at once)
    await apply_person_commands(bot, i18n_core, person)
    await show_menu(message, i18n, person)


async def ask_language(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("start-choose-language"), reply_markup=language_keyboard())


async def language_chosen(
    query: CallbackQuery,
    callback_data: LanguageCallback,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    bot: Bot,
    i18n_core: FluentRuntimeCore,
) -> None:
    if callback_data.code not in LANGUAGES:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    assert person.id is not None
    person = await choose_language(uow_factory, person.id, callback_data.code)
    await apply_person_commands(bot, i18n_core, person)
    with i18n.use_locale(callback_data.code):
        await query.answer(i18n.get("language-saved"))
        if isinstance(query.message, Message):
            await query.message.edit_reply_markup(reply_markup=None)
            await show_menu(query.message, i18n, person)


async def menu(message: Message, i18n: I18nContext, person: Person) -> None:
    await show_menu(message, i18n, person)


def help_text(i18n: I18nContext, person: Person) -> str:
    """What the bot does, then every command the person's roles allow, with its description
    (the same list as Telegram's command menu)."""
    lines = [i18n.get("help-text"), "", i18n.get("screens-help-commands")]
    lines += [f"/{name} — {i18n.get('cmd-' + name)}" for name in command_names(person.roles)]
    return "\n".join(lines)


async def help_(message: Message, i18n: I18nContext, person: Person) -> None:
    await message.answer(help_text(i18n, person), reply_markup=main_menu(i18n, person))


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
