"""§31 requests queue (/request_queue — /requests is the teacher's own command): view (the
supporting documents are re-sent), approve, reject with a note; an approved re-assessment
leads to entering the re-assessment score."""

from __future__ import annotations

from contextlib import suppress

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.handlers.admin.results_callbacks import RequestAction
from bot.handlers.admin.scores import start_score_form
from bot.ui.formatting import format_when
from bot.ui.label_width import fit
from bot.ui.screens import button, nav_keyboard, not_found, ui_lang
from domain.model import Person, RequestKind, RequestStatus
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.lookups import display_name, person_name
from domain.services.request_decisions import (
    MAX_NOTE,
    DecisionRefusal,
    Render,
    RequestView,
    decide_request,
    pending_requests,
    request_view,
)

REASSESSMENTS = (RequestKind.REASSESSMENT, RequestKind.REASSESSMENT_NEXT_COHORT)


class RejectForm(StatesGroup):
    note = State()


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


async def _drop_keyboard(message: object) -> None:
    """The card's buttons go once the request is decided (by this admin or another)."""
    if isinstance(message, Message):
        with suppress(TelegramBadRequest):  # already without buttons
            await message.edit_reply_markup(reply_markup=None)


def _renderer(i18n_core: FluentRuntimeCore) -> Render:
    return lambda lang, key, **args: i18n_core.get(key, lang, **args)


async def approve(
    query: CallbackQuery,
    callback_data: RequestAction,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
    settings: Settings,
) -> None:
    assert person.id is not None
    result = await decide_request(
        uow_factory, person.id, callback_data.request_id, True, "", clock(), _renderer(i18n_core)
    )
    if result.refusal is DecisionRefusal.ALREADY_DECIDED and result.view is not None:
        await query.answer(
            await decided_text(i18n, uow_factory, settings, result.view), show_alert=True
        )
        await _drop_keyboard(query.message)
        return
    if result.refusal is not None:
        await query.answer(i18n.get("results-decision-refused-" + result.refusal), show_alert=True)
        return
    await query.answer()
    message = query.message
    if not isinstance(message, Message) or result.view is None:
        return
    await message.edit_reply_markup(reply_markup=None)
    view = result.view
    markup = None
    if view.request.kind in REASSESSMENTS:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    button(
                        i18n.get("results-enter-reassessment"),
                        RequestAction(action="rescore", request_id=view.request.id or 0).pack(),
                    )
                ]
            ]
        )
    await message.answer(
        i18n.get(
            "results-request-approved-admin",
            name=display_name(view.person),
            kind=kind_label(i18n, view.request.kind),
        ),
        reply_markup=markup,
    )


async def reject(
    query: CallbackQuery,
    callback_data: RequestAction,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
    settings: Settings,
) -> None:
    view = await request_view(uow_factory, callback_data.request_id)
    if view is None:
        await not_found(query, i18n)
        return
    if view.request.status is not RequestStatus.PENDING:
        await query.answer(await decided_text(i18n, uow_factory, settings, view), show_alert=True)
        await _drop_keyboard(query.message)
        return
    await query.answer()
    await state.clear()
    await state.set_state(RejectForm.note)
    card = query.message.message_id if isinstance(query.message, Message) else None
    await state.update_data(request_id=view.request.id, card_message_id=card)
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("results-ask-reject-note", max=MAX_NOTE), reply_markup=nav_keyboard(i18n)
        )


async def note_entered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
    settings: Settings,
    bot: Bot,
) -> None:
    note = (message.text or "").strip()
    if not note or len(note) > MAX_NOTE:
        await message.answer(
            i18n.get("results-ask-reject-note", max=MAX_NOTE), reply_markup=nav_keyboard(i18n)
        )
        return
    data = await state.get_data()
    await state.clear()
    assert person.id is not None
    result = await decide_request(
        uow_factory, person.id, data["request_id"], False, note, clock(), _renderer(i18n_core)
    )
    card = data.get("card_message_id")
    if card and result.refusal in (None, DecisionRefusal.ALREADY_DECIDED):
        with suppress(TelegramBadRequest):  # the card is gone or already without buttons
            await bot.edit_message_reply_markup(
                chat_id=message.chat.id, message_id=int(card), reply_markup=None
            )
    if result.refusal is DecisionRefusal.ALREADY_DECIDED and result.view is not None:
        await message.answer(await decided_text(i18n, uow_factory, settings, result.view))
        return
    if result.refusal is not None or result.view is None:
        await message.answer(
            i18n.get("results-decision-refused-" + (result.refusal or "not-found"))
        )
        return
    await message.answer(
        i18n.get("results-request-rejected-admin", name=display_name(result.view.person))
    )


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


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("results-send-text"))


def create_router() -> Router:
    router = Router(name="results-requests")
    router.message.register(requests_command, Command("request_queue"))
    router.callback_query.register(view_request, RequestAction.filter(F.action == "view"))
    router.callback_query.register(approve, RequestAction.filter(F.action == "approve"))
    router.callback_query.register(reject, RequestAction.filter(F.action == "reject"))
    router.callback_query.register(rescore, RequestAction.filter(F.action == "rescore"))
    router.message.register(note_entered, RejectForm.note, F.text & ~F.text.startswith("/"))
    router.message.register(not_text, RejectForm.note, ~F.text.startswith("/"))
    return router
