"""§36–37 post-course consultations as both who answer them see them: admins every open
request, trainers the requests of their cohorts. The actor packages register these steps behind
their own gate; an answer reaches the teacher via the outbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.ui.screens import button, nav_keyboard, not_found, ui_lang
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.consultations_admin import (
    MAX_ANSWER,
    ConsultationView,
    answer_consultation,
    consultation_to_answer,
    open_consultations,
)
from domain.services.lookups import display_name


def card(i18n: I18nContext, view: ConsultationView) -> str:
    lang = ui_lang(i18n)
    c = view.consultation
    return i18n.get(
        "results-consultation-card",
        id=str(c.id),
        name=display_name(view.person),
        kind=i18n.get("results-support-kind-" + c.kind.replace("_", "-")),
        topic=view.course.topic(lang),
        cohort=view.cohort.code,
        question=c.question,
    )


class HasConsultationId(Protocol):
    consultation_id: int


class ConsultationScreens:
    """The three steps of answering consultations, for one side: the list (each card with an
    answer button packed by ``pack_button``), the pick (the form waits in ``answer_step``) and
    the typed answer. Its methods are the handlers the side's router registers."""

    def __init__(
        self, *, as_admin: bool, answer_step: State, pack_button: Callable[[int], str]
    ) -> None:
        self.as_admin = as_admin
        self.answer_step = answer_step
        self.pack_button = pack_button

    async def show_list(
        self,
        message: Message,
        i18n: I18nContext,
        uow_factory: UnitOfWorkFactory,
        person: Person,
        state: FSMContext,
    ) -> None:
        await state.clear()
        assert person.id is not None
        views = await open_consultations(uow_factory, person.id, self.as_admin)
        if not views:
            await message.answer(i18n.get("results-consultations-empty"))
            return
        await message.answer(i18n.get("results-consultations-title", count=len(views)))
        for view in views:
            answer = button(i18n.get("results-answer"), self.pack_button(view.consultation.id or 0))
            await message.answer(
                card(i18n, view), reply_markup=InlineKeyboardMarkup(inline_keyboard=[[answer]])
            )

    async def pick(
        self,
        query: CallbackQuery,
        callback_data: HasConsultationId,
        i18n: I18nContext,
        uow_factory: UnitOfWorkFactory,
        person: Person,
        state: FSMContext,
        clock: Clock,
    ) -> None:
        assert person.id is not None
        consultation_id = callback_data.consultation_id
        view = await consultation_to_answer(
            uow_factory, person.id, self.as_admin, consultation_id, clock()
        )
        if view is None:
            await not_found(query, i18n)
            return
        await query.answer()
        await state.clear()
        await state.set_state(self.answer_step)
        await state.update_data(consultation_id=consultation_id)
        if isinstance(query.message, Message):
            await query.message.answer(
                i18n.get("results-ask-answer", max=MAX_ANSWER), reply_markup=nav_keyboard(i18n)
            )

    async def answered(
        self,
        message: Message,
        i18n: I18nContext,
        state: FSMContext,
        uow_factory: UnitOfWorkFactory,
        person: Person,
        clock: Clock,
    ) -> None:
        data = await state.get_data()
        assert person.id is not None
        result = await answer_consultation(
            uow_factory,
            person.id,
            self.as_admin,
            data["consultation_id"],
            message.text or "",
            clock(),
        )
        if result.refusal in ("empty", "too-long"):
            await message.answer(
                i18n.get("results-ask-answer", max=MAX_ANSWER), reply_markup=nav_keyboard(i18n)
            )
            return
        await state.clear()
        if result.refusal is not None or result.view is None:
            refusal = result.refusal or "not-found"
            await message.answer(i18n.get("results-answer-refused-" + refusal))
            return
        await message.answer(i18n.get("results-answer-sent", name=display_name(result.view.person)))

    def register(self, router: Router, list_command: str, button: type[CallbackData]) -> None:
        """The side's command, its answer button and the steps of its answer form."""
        router.message.register(self.show_list, Command(list_command))
        router.callback_query.register(self.pick, button.filter())
        router.message.register(self.answered, self.answer_step, TEXT)
        router.message.register(not_text, self.answer_step, ~F.text.startswith("/"))


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("results-send-text"))


TEXT = F.text & ~F.text.startswith("/")
