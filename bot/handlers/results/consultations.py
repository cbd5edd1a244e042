"""§36–37 post-course consultations: admins see every open request (/consultations), trainers
the requests of their cohorts (/questions); an answer reaches the teacher via the outbox."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, TelegramObject
from aiogram_i18n import I18nContext

from bot.handlers.results.callbacks import ConsultationAction, TrainerAnswer
from bot.handlers.results.common import button, display_name, nav_keyboard, not_found, ui_lang
from domain.model import AuditEntry, Person, Role
from domain.services.consultations_admin import (
    MAX_ANSWER,
    ConsultationView,
    answer_consultation,
    consultation_to_answer,
    open_consultations,
)


class AdminAnswerForm(StatesGroup):
    answer = State()


class TrainerAnswerForm(StatesGroup):
    answer = State()


class TrainerGate(BaseMiddleware):
    """Trainer-only screens: a private chat and the trainer role, else a translated refusal
    and an audit entry (who tried what), and the handler does not run."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        chat = data.get("event_chat")
        person: Person | None = data.get("person")
        if (
            chat is not None
            and chat.type == "private"
            and person is not None
            and Role.TRAINER in person.roles
        ):
            return await handler(event, data)
        reason = "not-private" if chat is None or chat.type != "private" else "not-trainer"
        user = data.get("event_from_user")
        attempt = {
            "telegram_id": user.id if user else None,
            "chat_type": chat.type if chat else None,
            "text": (getattr(event, "text", None) or getattr(event, "data", None) or "")[:100],
        }
        async with data["uow_factory"]() as uow:
            await uow.audit.record(
                AuditEntry(
                    person.id if person else None,
                    "trainer.refused",
                    "trainer",
                    reason,
                    None,
                    attempt,
                    data["clock"](),
                )
            )
            await uow.commit()
        text = data["i18n"].get("results-trainer-refused-" + reason)
        if isinstance(event, CallbackQuery):
            await event.answer(text, show_alert=True)
        elif isinstance(event, Message):
            await event.answer(text)
        return None


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


async def _list(
    message: Message,
    i18n: I18nContext,
    uow_factory: Any,
    person: Person,
    state: FSMContext,
    as_admin: bool,
) -> None:
    await state.clear()
    assert person.id is not None
    views = await open_consultations(uow_factory(), person.id, as_admin)
    if not views:
        await message.answer(i18n.get("results-consultations-empty"))
        return
    await message.answer(i18n.get("results-consultations-title", count=len(views)))
    for view in views:
        cid = view.consultation.id or 0
        data = (
            ConsultationAction(consultation_id=cid)
            if as_admin
            else TrainerAnswer(consultation_id=cid)
        )
        await message.answer(
            card(i18n, view),
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[[button(i18n.get("results-answer"), data.pack())]]
            ),
        )


async def admin_list(
    message: Message, i18n: I18nContext, uow_factory: Any, person: Person, state: FSMContext
) -> None:
    await _list(message, i18n, uow_factory, person, state, as_admin=True)


async def trainer_list(
    message: Message, i18n: I18nContext, uow_factory: Any, person: Person, state: FSMContext
) -> None:
    await _list(message, i18n, uow_factory, person, state, as_admin=False)


async def _pick(
    query: CallbackQuery,
    consultation_id: int,
    i18n: I18nContext,
    uow_factory: Any,
    person: Person,
    state: FSMContext,
    clock: Any,
    as_admin: bool,
) -> None:
    assert person.id is not None
    view = await consultation_to_answer(
        uow_factory(), person.id, as_admin, consultation_id, clock()
    )
    if view is None:
        await not_found(query, i18n)
        return
    await query.answer()
    await state.clear()
    await state.set_state(AdminAnswerForm.answer if as_admin else TrainerAnswerForm.answer)
    await state.update_data(consultation_id=consultation_id)
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("results-ask-answer", max=MAX_ANSWER), reply_markup=nav_keyboard(i18n)
        )


async def admin_pick(
    query: CallbackQuery,
    callback_data: ConsultationAction,
    i18n: I18nContext,
    uow_factory: Any,
    person: Person,
    state: FSMContext,
    clock: Any,
) -> None:
    await _pick(query, callback_data.consultation_id, i18n, uow_factory, person, state, clock, True)


async def trainer_pick(
    query: CallbackQuery,
    callback_data: TrainerAnswer,
    i18n: I18nContext,
    uow_factory: Any,
    person: Person,
    state: FSMContext,
    clock: Any,
) -> None:
    await _pick(
        query, callback_data.consultation_id, i18n, uow_factory, person, state, clock, False
    )


async def _answered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: Any,
    person: Person,
    clock: Any,
    as_admin: bool,
) -> None:
    data = await state.get_data()
    assert person.id is not None
    result = await answer_consultation(
        uow_factory(), person.id, as_admin, data["consultation_id"], message.text or "", clock()
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


async def admin_answered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: Any,
    person: Person,
    clock: Any,
) -> None:
    await _answered(message, i18n, state, uow_factory, person, clock, True)


async def trainer_answered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: Any,
    person: Person,
    clock: Any,
) -> None:
    await _answered(message, i18n, state, uow_factory, person, clock, False)


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("results-send-text"))


TEXT = F.text & ~F.text.startswith("/")


def create_admin_router() -> Router:
    router = Router(name="results-consultations-admin")
    router.message.register(admin_list, Command("consultations"))
    router.callback_query.register(admin_pick, ConsultationAction.filter())
    router.message.register(admin_answered, AdminAnswerForm.answer, TEXT)
    router.message.register(not_text, AdminAnswerForm.answer, ~F.text.startswith("/"))
    return router


def create_trainer_router() -> Router:
    router = Router(name="results-consultations-trainer")
    router.message.middleware(TrainerGate())
    router.callback_query.middleware(TrainerGate())
    router.message.register(trainer_list, Command("questions"))
    router.callback_query.register(trainer_pick, TrainerAnswer.filter())
    router.message.register(trainer_answered, TrainerAnswerForm.answer, TEXT)
    router.message.register(not_text, TrainerAnswerForm.answer, ~F.text.startswith("/"))
    return router
