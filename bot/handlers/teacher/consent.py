"""Consent to the processing of personal data: asked before any teacher screen opens.

The gate handlers below catch every teacher entry point (menu button or command) while the
person has not consented, and show the consent text instead; a refusal stops politely.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.handlers.teacher.callbacks import ConsentCb
from bot.handlers.teacher.common import ALL, entry_of, register_entry
from bot.ui.menus import main_menu
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.profile import decline_consent, give_consent


class NeedsConsent(Filter):
    async def __call__(self, event: object, person: Person | None = None) -> bool:
        return person is not None and not person.has_consented


def consent_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                InlineKeyboardButton(
                    text=i18n.get("consent-accept"), callback_data=ConsentCb(answer="yes").pack()
                ),
                InlineKeyboardButton(
                    text=i18n.get("consent-decline"), callback_data=ConsentCb(answer="no").pack()
                ),
            ]
        ]
    )


async def ask_consent(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await state.update_data(then=entry_of(message, i18n))  # where to return after the profile
    await message.answer(i18n.get("consent-text"), reply_markup=consent_keyboard(i18n))


async def consent_answered(
    query: CallbackQuery,
    callback_data: ConsentCb,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    state: FSMContext,
) -> None:
    if callback_data.answer not in ("yes", "no"):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    message = query.message
    if isinstance(message, Message):
        await message.edit_reply_markup(reply_markup=None)
    person_id = person.id
    assert person_id is not None
    if callback_data.answer == "no":
        person = await decline_consent(uow_factory, person_id)
        if isinstance(message, Message):
            await message.answer(i18n.get("consent-declined"), reply_markup=main_menu(i18n, person))
        return
    person = await give_consent(uow_factory, person_id, clock())
    if isinstance(message, Message):
        await message.answer(i18n.get("consent-given"))
        if not person.profile_complete:
            from bot.handlers.teacher.profile import start_profile_form

            then = (await state.get_data()).get("then")
            await start_profile_form(message, i18n, state, then=then)


def create_router() -> Router:
    router = Router(name="teacher-consent")
    register_entry(router, ask_consent, ALL, NeedsConsent())
    router.callback_query.register(consent_answered, ConsentCb.filter())
    return router
