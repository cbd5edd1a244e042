"""§24: read the agreement (four conditions, employer-notification clause) and accept it."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import AgreementCb
from bot.ui.formatting import long_date
from bot.ui.markup import Markup
from bot.ui.screens import ui_lang
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import agreement as service


def organization(settings: Settings, lang: str) -> str:
    return settings.organization_name_kk if lang == "kk" else settings.organization_name_ru


async def agreement_pressed(
    query: CallbackQuery,
    callback_data: AgreementCb,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    lang = ui_lang(i18n)
    message = query.message
    assert person.id is not None
    if callback_data.action == "read":
        view = await service.agreement_for(uow_factory, person.id, callback_data.enrollment_id)
    elif callback_data.action == "accept":
        view = await service.accept_agreement(
            uow_factory, person.id, callback_data.enrollment_id, lang, clock()
        )
    else:
        view = service.AgreementView(service.AgreementRefusal.NOT_FOUND)
    if (
        view.refusal is not None
        or view.course is None
        or view.cohort is None
        or not isinstance(message, Message)
    ):
        await query.answer(
            i18n.get(f"agreement-refused-{view.refusal or 'not-found'}"), show_alert=True
        )
        return
    await query.answer()
    if callback_data.action == "accept":
        await message.edit_reply_markup(reply_markup=None)
        await message.answer(
            i18n.get(
                "agreement-accepted",
                topic=view.course.topic(lang),
                date=long_date(clock().astimezone(settings.tz).date(), lang),
            )
        )
        return
    conditions = Markup("\n").join(
        i18n.get(f"agreement-condition-{c.value.replace('_', '-')}")
        for c in service.AGREEMENT_CONDITIONS
    )
    text = i18n.get(
        "agreement-text",
        organization=organization(settings, lang),
        topic=view.course.topic(lang),
        code=view.cohort.code,
        starts=long_date(view.cohort.starts_on, lang),
        ends=long_date(view.cohort.ends_on, lang),
        conditions=conditions,
    )
    accept = AgreementCb(action="accept", enrollment_id=callback_data.enrollment_id)
    button = InlineKeyboardButton(
        text=i18n.get("agreement-accept-button"), callback_data=accept.pack()
    )
    await message.answer(text, reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]))


def create_router() -> Router:
    router = Router(name="teacher-agreement")
    router.callback_query.register(agreement_pressed, AgreementCb.filter())
    return router
