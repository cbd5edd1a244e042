"""§36–37 post-course consultations, the admin's side: /consultations lists every open
request; the admin picks one and types the answer."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.handlers.admin.results_callbacks import ConsultationAction
from bot.ui.consultations import (
    TEXT,
    answer_typed,
    list_consultations,
    not_text,
    pick_consultation,
)
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory


class AdminAnswerForm(StatesGroup):
    answer = State()


def _answer_button(consultation_id: int) -> str:
    return ConsultationAction(consultation_id=consultation_id).pack()


async def admin_list(
    message: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    state: FSMContext,
) -> None:
    await list_consultations(message, i18n, uow_factory, person, state, True, _answer_button)


async def admin_pick(
    query: CallbackQuery,
    callback_data: ConsultationAction,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    state: FSMContext,
    clock: Clock,
) -> None:
    await pick_consultation(
        query,
        callback_data.consultation_id,
        i18n,
        uow_factory,
        person,
        state,
        clock,
        True,
        AdminAnswerForm.answer,
    )


async def admin_answered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
) -> None:
    await answer_typed(message, i18n, state, uow_factory, person, clock, True)


def create_router() -> Router:
    router = Router(name="admin-consultations")
    router.message.register(admin_list, Command("consultations"))
    router.callback_query.register(admin_pick, ConsultationAction.filter())
    router.message.register(admin_answered, AdminAnswerForm.answer, TEXT)
    router.message.register(not_text, AdminAnswerForm.answer, ~F.text.startswith("/"))
    return router
