"""§31 requests queue (/request_queue — /requests is the teacher's own command): view (the
supporting documents are re-sent), approve, reject with a note — a form (``bot.ui.forms``)
whose summary waits for Confirm; a decided card says so at once and loses its buttons. An
approved re-assessment leads to entering the re-assessment score."""

from __future__ import annotations

import contextlib

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.handlers.admin.results_callbacks import RequestAction
from bot.handlers.admin.scores import start_score_form
from bot.ui.formatting import format_when
from bot.ui.forms import Choice, Form, FormRun, Step, StepView, open_form, text
from bot.ui.label_width import fit
from bot.ui.screens import button, not_found, ui_lang
from domain.model import Person, RequestKind, RequestStatus
from domain.ports import UnitOfWorkFactory
from domain.services.lookups import display_name, person_name
from domain.services.request_decisions import (
    MAX_NOTE,
    Render,
    RequestView,
    decide_request,
    pending_requests,
    request_view,
)

REASSESSMENTS = (RequestKind.REASSESSMENT, RequestKind.REASSESSMENT_NEXT_COHORT)


def kind_label(i18n: I18nContext, kind: RequestKind) -> str:
    return i18n.get("results-request-kind-" + kind.replace("_", "-"))


async def requests_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    await state.clear()
    views = await pending_requests(uow_factory)
    if not views:
        await message.answer(i18n.get("results-requests-empty"))
        return
    rows = [
        [
            button(
                queue_label(i18n, v),
                RequestAction(action="view", request_id=v.request.id or 0).pack(),
            )
        ]
        for v in views
    ]
    await message.answer(
        i18n.get("results-requests-title", count=len(views)),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
    )


def queue_label(i18n: I18nContext, view: RequestView) -> str:
    """ "#12 · name · kind", cut to a phone's width (the number first: it tells them apart)."""
    kind = kind_label(i18n, view.request.kind)
    return fit(f"#{view.request.id} · {display_name(view.person)} · {kind}")


async def decided_text(
    i18n: I18nContext, uow_factory: UnitOfWorkFactory, settings: Settings, view: RequestView
) -> str:
    """ "Request No. 5 already approved: <admin>, <local time>" — for a tap on a card that
    another admin (or this one, a moment ago) has decided."""
    request = view.request
    when = request.decided_at
    return i18n.get(
        "screens-request-decided",
        id=str(request.id),
        status=str(request.status),
        who=await person_name(uow_factory, request.decided_by),
        when=format_when(when, ui_lang(i18n), settings.tz) if when else "—",
    )


def details(i18n: I18nContext, view: RequestView) -> str:
    lang = ui_lang(i18n)
    request = view.request
    return i18n.get(
        "results-request-details",
        id=str(request.id),
        name=display_name(view.person),
        kind=kind_label(i18n, request.kind),
        topic=view.course.topic(lang),
        cohort=view.cohort.code,
        target=view.target.code if view.target else "—",
        reason=request.reason or "—",
        documents=len(request.document_file_ids),
        status=i18n.get("results-request-status-" + request.status),
    )


async def resend_documents(bot: Bot, chat_id: int, file_ids: list[str]) -> None:
    """Supporting documents travel by Telegram file id; a photo id is refused by
    sendDocument, so it is sent as a photo instead."""
    for file_id in file_ids:
        try:
            await bot.send_document(chat_id, file_id)
        except TelegramBadRequest:
            await bot.send_photo(chat_id, file_id)


async def view_request(
    query: CallbackQuery,
    callback_data: RequestAction,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    bot: Bot,
) -> None:
    view = await request_view(uow_factory, callback_data.request_id)
    if view is None:
        await not_found(query, i18n)
        return
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    rid = view.request.id or 0
    rows = []
    if view.request.status is RequestStatus.PENDING:
        rows.append(
            [
                button(
                    i18n.get("results-approve"),
                    RequestAction(action="approve", request_id=rid).pack(),
                ),
                button(
                    i18n.get("results-reject"),
                    RequestAction(action="reject", request_id=rid).pack(),
                ),
            ]
        )
    await message.answer(
        details(i18n, view),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows) if rows else None,
    )
    await resend_documents(bot, message.chat.id, view.request.document_file_ids)


def _renderer(i18n_core: FluentRuntimeCore) -> Render:
    return lambda lang, key, **args: i18n_core.get(key, lang, **args)


async def drop_card_keyboard(message: Message | None, card_id: int | None) -> None:
    """A decided request's card keeps no Approve / Reject."""
    if message is None or message.bot is None or not card_id:
        return
    with contextlib.suppress(TelegramBadRequest):
        await message.bot.edit_message_reply_markup(
            chat_id=message.chat.id, message_id=card_id, reply_markup=None
        )


async def decide_pressed(
    query: CallbackQuery,
    callback_data: RequestAction,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
    settings: Settings,
) -> None:
    """Approve or Reject on a request's card: a decided request says so at once (before any
    note is asked); otherwise the decision is a form with a summary to confirm."""
    message = query.message if isinstance(query.message, Message) else None
    view = await request_view(uow_factory, callback_data.request_id)
    if view is None:
        await not_found(query, i18n)
        return
    if view.request.status is not RequestStatus.PENDING:
        # who decided it and when (another admin's card, a doubled tap, an old message)
        await query.answer(await decided_text(i18n, uow_factory, settings, view), show_alert=True)
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
            "request_id": view.request.id,
            "name": display_name(view.person),
            "kind": kind_label(i18n, view.request.kind),
            "card": message.message_id,
        },
        values={"decision": callback_data.action},
    )


DECISIONS = ("approve", "reject")


async def decision_choices(view: StepView) -> list[Choice]:
    return [Choice(d, view.i18n.get("results-" + d)) for d in DECISIONS]


async def decide(run: FormRun) -> str | None:
    """§31: the decision through ``decide_request``; the listener is told by it."""
    person: Person = run["person"]
    assert person.id is not None
    approve = run.values["decision"] == "approve"
    result = await decide_request(
        run["uow_factory"],
        person.id,
        int(run.context["request_id"]),
        approve,
        "" if approve else run.values["note"],
        run["clock"](),
        _renderer(run["i18n_core"]),
    )
    i18n = run.i18n
    if result.refusal is not None or result.view is None:
        if result.refusal == "already-decided":
            await drop_card_keyboard(run.message, run.context.get("card"))
            if result.view is not None:
                return await decided_text(i18n, run["uow_factory"], run["settings"], result.view)
        return i18n.get("results-decision-refused-" + (result.refusal or "not-found"))
    await drop_card_keyboard(run.message, run.context.get("card"))
    view = result.view
    if not approve:
        return i18n.get("results-request-rejected-admin", name=display_name(view.person))
    if view.request.kind in REASSESSMENTS:
        run.markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    button(
                        i18n.get("results-enter-reassessment"),
                        RequestAction(action="rescore", request_id=view.request.id or 0).pack(),
                    )
                ]
            ]
        )
    return i18n.get(
        "results-request-approved-admin",
        name=display_name(view.person),
        kind=kind_label(i18n, view.request.kind),
    )


DECISION = Form(
    name="request",
    title="results-request-summary",
    confirm="results-request-confirm",
    submit=decide,
    steps=(
        Step(
            "decision",
            "results-request-ask-decision",
            "results-request-label-decision",
            parse=None,
            choices=decision_choices,
            shown=lambda value, view: view.i18n.get("results-" + str(value)),
        ),
        Step(
            "note",
            "results-ask-reject-note",
            "results-request-label-note",
            text(MAX_NOTE),
            when=lambda values: values.get("decision") == "reject",
        ),
    ),
    title_args=lambda context: {
        "id": context["request_id"],
        "name": context["name"],
        "kind": context["kind"],
        "max": MAX_NOTE,
    },
)
FORMS = (DECISION,)


async def rescore(
    query: CallbackQuery,
    callback_data: RequestAction,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
) -> None:
    """Only an approved re-assessment request opens the re-assessment score form."""
    view = await request_view(uow_factory, callback_data.request_id)
    if (
        view is None
        or view.request.kind not in REASSESSMENTS
        or view.request.status is not RequestStatus.APPROVED
    ):
        await not_found(query, i18n)
        return
    if not isinstance(query.message, Message):
        return
    await start_score_form(
        query.message,
        i18n,
        uow_factory,
        state,
        view.enrollment.id or 0,
        reassessment=True,
        next_cohort=view.request.kind is RequestKind.REASSESSMENT_NEXT_COHORT,
    )
    await query.answer()


def create_router() -> Router:
    router = Router(name="results-requests")
    router.message.register(requests_command, Command("request_queue"))
    router.callback_query.register(view_request, RequestAction.filter(F.action == "view"))
    router.callback_query.register(decide_pressed, RequestAction.filter(F.action.in_(DECISIONS)))
    router.callback_query.register(rescore, RequestAction.filter(F.action == "rescore"))
    return router
