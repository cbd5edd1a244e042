"""Review the SUBMITTED applications (§10) of a cohort: approve, or reject with a reason."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.handlers.admin.callbacks import ApplicationAction
from bot.handlers.admin.panel import button
from domain.model import Cohort, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.enrollment import Decision, decide_application, submitted_applications

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


async def pressed(
    query: CallbackQuery,
    callback_data: ApplicationAction,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    if callback_data.action == "reject":
        await query.answer()
        await state.set_state(RejectForm.reason)
        await state.update_data(application_id=callback_data.application_id)
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
    await query.answer()
    await _answer(message, i18n, decision, callback_data.application_id)


async def reason_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
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
    await _answer(message, i18n, decision, application_id)


def create_router() -> Router:
    router = Router(name="admin-applications")
    router.callback_query.register(pressed, ApplicationAction.filter())
    router.message.register(reason_typed, RejectForm.reason, F.text, ~F.text.startswith("/"))
    return router
