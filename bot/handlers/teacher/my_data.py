"""/mydata: the teacher downloads their data as JSON and may ask for its deletion; asking is a
form (``bot.ui.forms``) that asks nothing: what deletion means, Confirm or Cancel."""

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
from bot.files.mydata_xlsx import render_my_data_xlsx
from bot.handlers.teacher.callbacks import MyDataCb
from bot.handlers.teacher.common import register_entry
from bot.ui.file_names import file_name
from bot.ui.formatting import long_date
from bot.ui.forms import Form, FormRun, open_form
from bot.ui.screens import ui_lang
from domain.local_dates import local_date
from domain.model import Person
from domain.ports import UnitOfWorkFactory
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
    name = i18n.get("screens-file-mydata")
    await message.answer_document(
        BufferedInputFile(content, filename=file_name(name, ext="json")),
        caption=i18n.get("mydata-caption"),
    )
    # the same data a person can read: a workbook with headers in their language
    workbook = render_my_data_xlsx(data, i18n.get)
    await message.answer_document(
        BufferedInputFile(workbook, filename=file_name(name, ext="xlsx")),
        caption=i18n.get("screens-mydata-xlsx-caption"),
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
    state: FSMContext,
) -> None:
    """ "Delete my data" (and an older message's "yes") opens the confirmation."""
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
    await open_form(DELETION, message, state, i18n)


async def request_deletion(run: FormRun) -> str | None:
    person = run["person"]
    assert person.id is not None
    await service.request_deletion(run["uow_factory"], person.id, run["clock"]())
    return run.i18n.get("mydata-deletion-requested")


DELETION = Form(
    name="t-delete-data",
    title="mydata-delete-confirm",
    confirm="mydata-delete-confirm-button",
    submit=request_deletion,
    steps=(),
)
FORMS = (DELETION,)


def create_router() -> Router:
    router = Router(name="teacher-mydata")
    register_entry(router, mydata_entry, ("mydata",))
    router.callback_query.register(deletion, MyDataCb.filter())
    return router
