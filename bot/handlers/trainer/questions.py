"""/questions: §36–37 post-course consultations routed to the trainer's cohorts; the trainer
picks one and types the answer."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.handlers.trainer.callbacks import TrainerAnswer
from bot.ui.callbacks import ResultsNav
from bot.ui.consultations import (
    TEXT,
    answer_typed,
    list_consultations,
    not_text,
    pick_consultation,
)
from bot.ui.screens import cancel_form
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory


class TrainerAnswerForm(StatesGroup):
    answer = State()


def _answer_button(consultation_id: int) -> str:
    return TrainerAnswer(consultation_id=consultation_id).pack()


async def trainer_list(
    message: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    state: FSMContext,
) -> None:
    await list_consultations(message, i18n, uow_factory, person, state, False, _answer_button)


async def trainer_pick(
    query: CallbackQuery,
    callback_data: TrainerAnswer,
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
        False,
        TrainerAnswerForm.answer,
    )


async def trainer_answered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
) -> None:
    await answer_typed(message, i18n, state, uow_factory, person, clock, False)


def create_router() -> Router:
    router = Router(name="trainer-questions")
    router.message.register(trainer_list, Command("questions"))
    router.callback_query.register(trainer_pick, TrainerAnswer.filter())
    router.callback_query.register(
        cancel_form, ResultsNav.filter(F.action == "cancel"), TrainerAnswerForm.answer
    )
    router.message.register(trainer_answered, TrainerAnswerForm.answer, TEXT)
    router.message.register(not_text, TrainerAnswerForm.answer, ~F.text.startswith("/"))
    return router
