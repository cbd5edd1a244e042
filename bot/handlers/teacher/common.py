"""Small helpers shared by the teacher's screens: entry filters, navigation buttons."""

from __future__ import annotations

from aiogram import Router
from aiogram.dispatcher.event.handler import CallbackType
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.filter import LazyFilter

from bot.handlers.teacher.callbacks import FormNav

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


def nav_row(i18n: I18nContext, form: str, back: bool = True) -> list[InlineKeyboardButton]:
    row = []
    if back:
        row.append(
            InlineKeyboardButton(
                text=i18n.get("form-back"), callback_data=FormNav(form=form, action="back").pack()
            )
        )
    row.append(
        InlineKeyboardButton(
            text=i18n.get("form-cancel"), callback_data=FormNav(form=form, action="cancel").pack()
        )
    )
    return row


def nav_keyboard(
    i18n: I18nContext,
    form: str,
    back: bool = True,
    rows: list[list[InlineKeyboardButton]] | None = None,
) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[*(rows or []), nav_row(i18n, form, back)])


def confirm_keyboard(i18n: I18nContext, form: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=i18n.get("form-confirm"),
                    callback_data=FormNav(form=form, action="confirm").pack(),
                )
            ],
            nav_row(i18n, form),
        ]
    )


async def form_button_step(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, form: str
) -> tuple[Message, str] | None:
    """A back/cancel/confirm button of `form`: acknowledged, keyboard removed, the step name.

    A button pressed outside that form (stale or forged) gets the translated refusal and None.
    """
    current = await state.get_state() or ""
    message = query.message
    if not current.startswith(form) or not isinstance(message, Message):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return None
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    return message, current.split(":")[-1]
