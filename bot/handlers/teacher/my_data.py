"""/mydata: the teacher downloads their data as JSON and may ask for its deletion."""

from __future__ import annotations

import json

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import MyDataCb
from bot.handlers.teacher.common import register_entry
from bot.ui.formatting import long_date
from bot.ui.screens import ui_lang
from domain.local_dates import local_date
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import personal_data as service


def deletion_button(i18n: I18nContext, action: str, key: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=i18n.get(key), callback_data=MyDataCb(action=action).pack())]
        ]
    )


async def mydata_entry(
    message: Message,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    await state.clear()
    assert person.id is not None
    data = await service.export_my_data(uow_factory, person.id)
    content = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
    await message.answer_document(
        BufferedInputFile(content, filename="my-data.json"), caption=i18n.get("mydata-caption")
    )
    if person.deletion_requested_at is not None:
        await message.answer(
            i18n.get(
                "mydata-deletion-pending",
                date=long_date(
                    local_date(person.deletion_requested_at, settings.tz), ui_lang(i18n)
                ),
            )
        )
        return
    await message.answer(
        i18n.get("mydata-deletion-offer"),
        reply_markup=deletion_button(i18n, "delete", "mydata-delete-button"),
    )


async def deletion(
    query: CallbackQuery,
    callback_data: MyDataCb,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    message = query.message
    if (
        callback_data.action not in ("delete", "confirm")
        or not isinstance(message, Message)
        or not person.has_consented
    ):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    if callback_data.action == "delete":
        await message.answer(
            i18n.get("mydata-delete-confirm"),
            reply_markup=deletion_button(i18n, "confirm", "mydata-delete-confirm-button"),
        )
        return
    assert person.id is not None
    person = await service.request_deletion(uow_factory, person.id, clock())
    await message.answer(i18n.get("mydata-deletion-requested"))


def create_router() -> Router:
    router = Router(name="teacher-mydata")
    register_entry(router, mydata_entry, ("mydata",))
    router.callback_query.register(deletion, MyDataCb.filter())
    return router
