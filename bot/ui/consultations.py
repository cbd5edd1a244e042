"""§36–37 post-course consultations as both who answer them see them: admins every open
request, trainers the requests of their cohorts. The actor packages register these screens and
their answer form behind their own gate; an answer is sent only on Confirm under a summary and
reaches the teacher via the outbox."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Protocol

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.ui.forms import Form, FormRun, Step, open_form, text
from bot.ui.screens import button, not_found, ui_lang
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


def answer_form(name: str, *, as_admin: bool) -> Form:
    """The answer as a form (``bot.ui.forms``): typed, shown in a summary, sent on Confirm."""

    async def send(run: FormRun) -> str | None:
        person: Person = run["person"]
        assert person.id is not None
        result = await answer_consultation(
            run["uow_factory"],
            person.id,
            as_admin,
            int(run.context["consultation_id"]),
            run.values["answer"],
            run["clock"](),
        )
        if result.refusal is not None or result.view is None:
            return run.i18n.get("results-answer-refused-" + (result.refusal or "not-found"))
        await drop_keyboard(run.message, run.context.get("card"))
        return run.i18n.get("results-answer-sent", name=display_name(result.view.person))

    return Form(
        name=name,
        title="results-answer-summary",
        confirm="results-answer-confirm",
        submit=send,
        steps=(
            Step(
                "answer",
                "results-ask-answer",
                "results-answer-label",
                text(MAX_ANSWER, multiline=True),
            ),
        ),
        title_args=lambda context: {
            "id": context["consultation_id"],
            "name": context["name"],
            "max": MAX_ANSWER,
        },
    )


async def drop_keyboard(message: Message, card_id: int | None) -> None:
    """The answered card keeps no Answer button."""
    if message.bot is None or not card_id:
        return
    with contextlib.suppress(TelegramBadRequest):
        await message.bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=card_id, reply_markup=None
        )


class ConsultationScreens:
    """Answering consultations, for one side: the list (each card with an answer button packed
    by ``pack_button``), the pick (checked first), then the answer ``form``. Its methods are
    the handlers the side's router registers; the form is the side's ``FORMS``."""

    def __init__(self, *, as_admin: bool, form: Form, pack_button: Callable[[int], str]) -> None:
        self.as_admin = as_admin
        self.form = form
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
        if isinstance(query.message, Message):
            await open_form(
                self.form,
                query.message,
                state,
                i18n,
                context={
                    "consultation_id": consultation_id,
                    "name": display_name(view.person),
                    "card": query.message.message_id,
                },
            )

    def register(self, router: Router, list_command: str, button: type[CallbackData]) -> None:
        """The side's command and its answer button."""
        router.message.register(self.show_list, Command(list_command))
        router.callback_query.register(self.pick, button.filter())
