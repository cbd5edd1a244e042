"""Review the SUBMITTED applications (§10) of a cohort: approve, or reject with a reason — a
form (``bot.ui.forms``) whose summary waits for Confirm; a decided card answers so at once and
loses its buttons."""

from __future__ import annotations

import contextlib

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.callbacks import ApplicationAction
from bot.handlers.admin.panel import button
from bot.ui.formatting import format_when
from bot.ui.forms import Choice, Form, FormRun, Invalid, Step, StepView, open_form
from bot.ui.screens import ui_lang
from domain.model import ApplicationStatus, Cohort, Person
from domain.ports import UnitOfWorkFactory
from domain.services.enrollment import (
    Decision,
    application_decided_by,
    decide_application,
    submitted_applications,
)
from domain.services.lookups import application_holder
from domain.text import one_line

SHOWN_AT_ONCE = 20
MAX_REASON = 500


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


async def drop_card_keyboard(message: Message | None, card_id: int | None) -> None:
    """The decided card keeps no Approve / Reject (already gone: nothing to do)."""
    if message is None or message.bot is None or not card_id:
        return
    with contextlib.suppress(TelegramBadRequest):
        await message.bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=card_id, reply_markup=None
        )


async def decided_text(
    i18n: I18nContext, uow_factory: UnitOfWorkFactory, settings: Settings, application_id: int
) -> str | None:
    """ "Application No. 5 already approved: <admin>, <local time>"; ``None`` while it waits."""
    decided = await application_decided_by(uow_factory, application_id)
    if decided is None:
        return None
    return i18n.get(
        "screens-application-decided",
        id=application_id,
        status=str(decided.status),
        who=decided.name,
        when=format_when(decided.at, ui_lang(i18n), settings.tz) if decided.at else "—",
    )


async def pressed(
    query: CallbackQuery,
    callback_data: ApplicationAction,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    """Approve or Reject on a card: its state is checked first (a decided card answers so,
    before any reason is asked), then the decision is a form with a summary to confirm."""
    message = query.message if isinstance(query.message, Message) else None
    application_id = callback_data.application_id
    if callback_data.action not in DECISIONS:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    found = await application_holder(uow_factory, application_id)
    if found is None:
        await query.answer(
            i18n.get("admin-application-unknown", id=application_id), show_alert=True
        )
        return
    application, teacher = found
    if application.status is not ApplicationStatus.SUBMITTED:
        # who decided it and when, in the organization's time (another admin's card, a
        # doubled tap, an old message); the card loses its buttons
        text = await decided_text(i18n, uow_factory, settings, application_id)
        await query.answer(
            text or i18n.get("admin-application-already-decided", id=application_id),
            show_alert=True,
        )
        await drop_card_keyboard(message, message.message_id if message else None)
        return
    await query.answer()
    if message is None:
        return
    await open_form(
        DECISION,
        message,
        state,
        i18n,
        context={
            "application_id": application_id,
            "name": teacher.full_name or teacher.first_name or "",
            "card": message.message_id,
        },
        values={"decision": callback_data.action},
    )


DECISIONS = ("approve", "reject")


async def decision_choices(view: StepView) -> list[Choice]:
    return [Choice(d, view.i18n.get("admin-application-" + d)) for d in DECISIONS]


def reason(raw: str) -> str:
    typed = one_line(raw)
    if not 3 <= len(typed) <= MAX_REASON:
        raise Invalid("admin-application-bad-reason", max=MAX_REASON)
    return typed


async def decide(run: FormRun) -> str | None:
    person: Person = run["person"]
    assert person.id is not None
    application_id = int(run.context["application_id"])
    approve = run.values["decision"] == "approve"
    decision = await decide_application(
        run["uow_factory"],
        person.id,
        application_id,
        approve,
        "" if approve else run.values["reason"],
        run["clock"](),
    )
    if decision is not Decision.NO_SEATS:
        await drop_card_keyboard(run.message, run.context.get("card"))
    if decision is Decision.ALREADY_DECIDED:  # by another admin while this form was open
        decided = await decided_text(run.i18n, run["uow_factory"], run["settings"], application_id)
        if decided is not None:
            return decided
    return run.i18n.get("admin-application-" + decision.value, id=application_id)


DECISION = Form(
    name="application",
    title="admin-application-summary",
    confirm="admin-application-confirm",
    submit=decide,
    steps=(
        Step(
            "decision",
            "admin-application-ask-decision",
            "admin-application-label-decision",
            parse=None,
            choices=decision_choices,
            shown=lambda value, view: view.i18n.get("admin-application-" + str(value)),
        ),
        Step(
            "reason",
            "admin-application-ask-reason",
            "admin-application-label-reason",
            reason,
            when=lambda values: values.get("decision") == "reject",
        ),
    ),
    title_args=lambda context: {"id": context["application_id"], "name": context["name"]},
)
FORMS = (DECISION,)


def create_router() -> Router:
    router = Router(name="admin-applications")
    router.callback_query.register(pressed, ApplicationAction.filter())
    return router
