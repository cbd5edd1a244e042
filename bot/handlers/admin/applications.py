"""Review the SUBMITTED applications (§10) of a cohort: approve, or reject with a reason."""

from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.callbacks import ApplicationAction
from bot.handlers.admin.panel import button
from bot.ui.formatting import format_when
from bot.ui.screens import ui_lang
from domain.model import Cohort, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.enrollment import (
    Decision,
    application_decided_by,
    decide_application,
    submitted_applications,
)

SHOWN_AT_ONCE = 20
MAX_REASON = 500


class RejectForm(StatesGroup):
    reason = State()


async def start(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
) -> None:
    pending = await submitted_applications(uow_factory, cohort.id or 0)
    await message.answer(i18n.get("admin-applications-title", code=cohort.code, count=len(pending)))
    for application, teacher in pending[:SHOWN_AT_ONCE]:
        assert application.id is not None
        keyboard = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    button(
                        i18n.get("admin-application-approve"),
                        ApplicationAction(action="approve", application_id=application.id).pack(),
                    ),
                    button(
                        i18n.get("admin-application-reject"),
                        ApplicationAction(action="reject", application_id=application.id).pack(),
                    ),
                ]
            ]
        )
        await message.answer(
            i18n.get(
                "admin-application-card",
                id=application.id,
                name=teacher.full_name or teacher.first_name,
                school=teacher.school_name or "—",
                position=teacher.position or "—",
                language=i18n.get("admin-course-languages-" + application.language),
            ),
            reply_markup=keyboard,
        )


async def _answer(
    message: Message | None, i18n: I18nContext, decision: Decision, application_id: int
) -> None:
    if message is not None:
        await message.answer(i18n.get("admin-application-" + decision.value, id=application_id))


async def _drop_keyboard(message: Message | None) -> None:
    """The card's buttons go once the application is decided (by this admin or another)."""
    if message is not None:
        with suppress(TelegramBadRequest):  # already without buttons
            await message.edit_reply_markup(reply_markup=None)


async def decided_text(
    i18n: I18nContext, uow_factory: UnitOfWorkFactory, settings: Settings, application_id: int
) -> str | None:
    """ "Application No. 5 already approved: <admin>, <local time>"; ``None`` while it waits."""
    decided = await application_decided_by(uow_factory, application_id)
    if decided is None:
        return None
    lang = ui_lang(i18n)
    return i18n.get(
        "screens-application-decided",
        id=application_id,
        status=str(decided.status),
        who=decided.name,
        when=format_when(decided.at, lang, settings.tz) if decided.at is not None else "—",
    )


async def answered_if_decided(
    query: CallbackQuery,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    application_id: int,
) -> bool:
    """A tap on a card already decided (another admin's, a doubled tap, an old message): a
    short precise answer — who decided it and when — and the card loses its buttons."""
    text = await decided_text(i18n, uow_factory, settings, application_id)
    if text is None:
        return False
    await query.answer(text, show_alert=True)
    await _drop_keyboard(query.message if isinstance(query.message, Message) else None)
    return True


async def pressed(
    query: CallbackQuery,
    callback_data: ApplicationAction,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    if await answered_if_decided(query, i18n, uow_factory, settings, callback_data.application_id):
        return
    if callback_data.action == "reject":
        await query.answer()
        await state.set_state(RejectForm.reason)
        await state.update_data(
            application_id=callback_data.application_id,
            card_message_id=message.message_id if message else None,
        )
        if message:
            await message.answer(
                i18n.get("admin-application-ask-reason", id=callback_data.application_id)
            )
        return
    if callback_data.action != "approve":
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    assert person.id is not None
    decision = await decide_application(
        uow_factory, person.id, callback_data.application_id, True, "", clock()
    )
    if decision is Decision.ALREADY_DECIDED and await answered_if_decided(
        query, i18n, uow_factory, settings, callback_data.application_id
    ):
        return
    await query.answer()
    if decision is Decision.APPROVED:
        await _drop_keyboard(message)
    await _answer(message, i18n, decision, callback_data.application_id)


async def reason_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    bot: Bot,
    settings: Settings,
) -> None:
    reason = (message.text or "").strip()
    if not 3 <= len(reason) <= MAX_REASON:
        await message.answer(i18n.get("admin-application-bad-reason", max=MAX_REASON))
        return
    data = await state.get_data()
    application_id = int(data["application_id"])
    assert person.id is not None
    decision = await decide_application(
        uow_factory, person.id, application_id, False, reason, clock()
    )
    await state.clear()
    card = data.get("card_message_id")
    if decision in (Decision.REJECTED, Decision.ALREADY_DECIDED) and card:
        with suppress(TelegramBadRequest):  # the card is gone or already without buttons
            await bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=int(card), reply_markup=None
            )
    text = None
    if decision is Decision.ALREADY_DECIDED:
        text = await decided_text(i18n, uow_factory, settings, application_id)
    if text is not None:
        await message.answer(text)
        return
    await _answer(message, i18n, decision, application_id)


def create_router() -> Router:
    router = Router(name="admin-applications")
    router.callback_query.register(pressed, ApplicationAction.filter())
    router.message.register(reason_typed, RejectForm.reason, F.text, ~F.text.startswith("/"))
    return router
