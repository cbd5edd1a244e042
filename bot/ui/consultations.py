"""§36–37 post-course consultations as both who answer them see them: admins every open
request, trainers the requests of their cohorts. The actor packages register these steps behind
their own gate; an answer reaches the teacher via the outbox."""

from __future__ import annotations

import html
from collections.abc import Callable

from aiogram import F
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.ui.screens import button, display_name, nav_keyboard, not_found, ui_lang
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.consultations_admin import (
    MAX_ANSWER,
    ConsultationView,
    answer_consultation,
    consultation_to_answer,
    open_consultations,
)


def card(i18n: I18nContext, view: ConsultationView) -> str:
    lang = ui_lang(i18n)
    c = view.consultation
    return i18n.get(
        "results-consultation-card",
        id=str(c.id),
        name=html.escape(display_name(view.person)),
        kind=i18n.get("results-support-kind-" + c.kind.replace("_", "-")),
        topic=html.escape(view.course.topic(lang)),
        cohort=html.escape(view.cohort.code),
        question=html.escape(c.question),
    )


async def list_consultations(
    message: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    state: FSMContext,
    as_admin: bool,
    answer_button: Callable[[int], str],
) -> None:
    await state.clear()
    assert person.id is not None
    views = await open_consultations(uow_factory, person.id, as_admin)
    if not views:
        await message.answer(i18n.get("results-consultations-empty"))
        return
    await message.answer(i18n.get("results-consultations-title", count=len(views)))
    for view in views:
        cid = view.consultation.id or 0
        await message.answer(
            card(i18n, view),
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[[button(i18n.get("results-answer"), answer_button(cid))]]
            ),
        )


async def pick_consultation(
    query: CallbackQuery,
    consultation_id: int,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    state: FSMContext,
    clock: Clock,
    as_admin: bool,
    answer_step: State,
) -> None:
    assert person.id is not None
    view = await consultation_to_answer(uow_factory, person.id, as_admin, consultation_id, clock())
    if view is None:
        await not_found(query, i18n)
        return
    await query.answer()
    await state.clear()
    await state.set_state(answer_step)
    await state.update_data(consultation_id=consultation_id)
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("results-ask-answer", max=MAX_ANSWER), reply_markup=nav_keyboard(i18n)
        )


async def answer_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    as_admin: bool,
) -> None:
    data = await state.get_data()
    assert person.id is not None
    result = await answer_consultation(
        uow_factory, person.id, as_admin, data["consultation_id"], message.text or "", clock()
    )
    if result.refusal in ("empty", "too-long"):
        await message.answer(
            i18n.get("results-ask-answer", max=MAX_ANSWER), reply_markup=nav_keyboard(i18n)
        )
        return
    await state.clear()
    if result.refusal is not None or result.view is None:
        await message.answer(i18n.get("results-answer-refused-" + (result.refusal or "not-found")))
        return
    await message.answer(
        i18n.get("results-answer-sent", name=html.escape(display_name(result.view.person)))
    )


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("results-send-text"))


TEXT = F.text & ~F.text.startswith("/")
