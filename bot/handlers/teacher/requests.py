"""§31 requests, teacher side: choose the option per course, pick the target cohort, state the
valid reason, upload supporting documents (photo or PDF), confirm; see statuses and decisions."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import ChoiceCb, FormNav, RequestStartCb, TargetCohortCb
from bot.handlers.teacher.common import (
    confirm_keyboard,
    form_button_step,
    nav_keyboard,
    register_entry,
)
from bot.ui.formatting import long_date
from bot.ui.menus import main_menu
from bot.ui.screens import ui_lang
from domain.model import Person, RequestKind
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import teacher_requests as service

STEPS = {
    RequestKind.REASSESSMENT: ["confirm"],
    RequestKind.REASSESSMENT_NEXT_COHORT: ["target", "confirm"],
    RequestKind.TRANSFER: ["target", "reason", "confirm"],
    RequestKind.FINISH_INTERRUPTED: ["target", "reason", "documents", "confirm"],
}


class RequestForm(StatesGroup):
    target = State()
    reason = State()
    documents = State()
    confirm = State()


def kebab(value: str) -> str:
    return value.replace("_", "-")


def today_of(clock: Clock, settings: Settings) -> date:
    return clock().astimezone(settings.tz).date()


def refusal_text(i18n: I18nContext, result: service.RequestResult) -> str:
    return i18n.get(
        f"requests-refused-{kebab(result.refusal or 'not-found')}",
        date=long_date(result.allowed_from, ui_lang(i18n)),
    )


async def requests_entry(
    message: Message,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await state.clear()
    lang = ui_lang(i18n)
    assert person.id is not None
    mine = await service.my_requests(uow_factory, person.id)
    eligible = await service.eligible_enrollments(uow_factory, person.id)
    if not mine and not eligible:
        await message.answer(i18n.get("requests-none"))
        return
    if mine:
        lines = [i18n.get("requests-mine-header")] + [
            i18n.get(
                "requests-mine-item",
                kind=i18n.get(f"requests-kind-{kebab(r.kind.value)}"),
                topic=course.topic(lang),
                status=i18n.get(f"requests-status-{r.status.value}"),
                note=r.decision_note or "—",
            )
            for r, course in mine
        ]
        await message.answer("\n".join(lines))
    for enrollment, cohort, course in eligible:
        rows = [
            [
                InlineKeyboardButton(
                    text=i18n.get(f"requests-kind-{kebab(kind.value)}"),
                    callback_data=RequestStartCb(
                        kind=kind.value, enrollment_id=enrollment.id or 0
                    ).pack(),
                )
            ]
            for kind in service.kinds_for(enrollment)
        ]
        await message.answer(
            i18n.get(
                "requests-enrollment",
                topic=course.topic(lang),
                code=cohort.code,
            ),
            reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
        )


async def start_request(
    query: CallbackQuery,
    callback_data: RequestStartCb,
    i18n: I18nContext,
    person: Person,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    if callback_data.kind not in {k.value for k in RequestKind} or not isinstance(
        query.message, Message
    ):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    kind = RequestKind(callback_data.kind)
    assert person.id is not None
    result = await service.check_request(
        uow_factory,
        person.id,
        callback_data.enrollment_id,
        kind,
        today_of(clock, settings),
        settings.tz,
    )
    if result.refusal is not None:
        await query.answer(refusal_text(i18n, result), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await state.set_data(
        {
            "form": "request",
            "kind": kind.value,
            "enrollment_id": callback_data.enrollment_id,
            "files": [],
        }
    )
    await ask(query.message, i18n, state, STEPS[kind][0], uow_factory, person, clock, settings)


async def ask(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    step: str,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    kind = RequestKind(data["kind"])
    first = STEPS[kind][0] == step
    await state.set_state(getattr(RequestForm, step))
    if step == "target":
        assert person.id is not None
        cohorts = (
            await service.target_cohorts(
                uow_factory, person.id, data["enrollment_id"], kind, today_of(clock, settings)
            )
            or []
        )
        lang = ui_lang(i18n)
        rows = [
            [
                InlineKeyboardButton(
                    text=f"{c.code}: {long_date(c.starts_on, lang)} — {long_date(c.ends_on, lang)}",
                    callback_data=TargetCohortCb(cohort_id=c.id or 0).pack(),
                )
            ]
            for c in cohorts
        ]
        await message.answer(
            i18n.get("requests-ask-target"),
            reply_markup=nav_keyboard(i18n, "request", back=not first, rows=rows),
        )
    elif step == "reason":
        await message.answer(
            i18n.get("requests-ask-reason"),
            reply_markup=nav_keyboard(i18n, "request", back=not first),
        )
    elif step == "documents":
        await message.answer(
            i18n.get("requests-ask-documents"),
            reply_markup=documents_keyboard(i18n, len(data["files"])),
        )
    else:
        await message.answer(
            i18n.get(
                "requests-summary",
                kind=i18n.get(f"requests-kind-{kebab(kind.value)}"),
                target=data.get("target_code", "—"),
                reason=data.get("reason", "—"),
                documents=len(data["files"]),
            ),
            reply_markup=confirm_keyboard(i18n, "request"),
        )


def documents_keyboard(i18n: I18nContext, count: int) -> InlineKeyboardMarkup:
    rows = (
        [
            [
                InlineKeyboardButton(
                    text=i18n.get("requests-documents-done"),
                    callback_data=ChoiceCb(value="done").pack(),
                )
            ]
        ]
        if count
        else []
    )
    return nav_keyboard(i18n, "request", rows=rows)


async def advance(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    current: str,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
) -> None:
    order = STEPS[RequestKind((await state.get_data())["kind"])]
    step = order[order.index(current) + 1]
    await ask(message, i18n, state, step, uow_factory, person, clock, settings)


async def target_chosen(
    query: CallbackQuery,
    callback_data: TargetCohortCb,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    assert person.id is not None
    cohorts = await service.target_cohorts(
        uow_factory,
        person.id,
        data["enrollment_id"],
        RequestKind(data["kind"]),
        today_of(clock, settings),
    )
    chosen = next((c for c in cohorts or [] if c.id == callback_data.cohort_id), None)
    if chosen is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    await state.update_data(target_cohort_id=chosen.id, target_code=chosen.code)
    await advance(query.message, i18n, state, "target", uow_factory, person, clock, settings)


async def reason_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    reason = " ".join((message.text or "").split())
    if not reason or len(reason) > service.REASON_MAX:
        await message.answer(i18n.get("requests-error-reason"))
        return
    await state.update_data(reason=reason)
    await advance(
        message,
        i18n,
        state,
        "reason",
        uow_factory,
        person,
        clock,
        settings,
    )


async def document_sent(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    """Supporting documents (§31.4): a photo or a PDF up to 20 MB; anything else is refused."""
    file_id, size = None, 0
    if message.photo:
        file_id, size = message.photo[-1].file_id, message.photo[-1].file_size or 0
    elif message.document and message.document.mime_type == "application/pdf":
        file_id, size = message.document.file_id, message.document.file_size or 0
    if file_id is None:
        await message.answer(i18n.get("requests-error-document-type"))
        return
    if size > service.MAX_DOCUMENT_BYTES:
        await message.answer(i18n.get("requests-error-document-size"))
        return
    files = (await state.get_data())["files"]
    if len(files) >= service.MAX_DOCUMENTS:
        await message.answer(i18n.get("requests-error-document-count", count=service.MAX_DOCUMENTS))
        return
    files.append(file_id)
    await state.update_data(files=files)
    await message.answer(
        i18n.get("requests-document-received", count=len(files)),
        reply_markup=documents_keyboard(i18n, len(files)),
    )


async def documents_done(
    query: CallbackQuery,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    if not (await state.get_data()).get("files") or not isinstance(query.message, Message):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    await advance(
        query.message,
        i18n,
        state,
        "documents",
        uow_factory,
        person,
        clock,
        settings,
    )


async def nav(
    query: CallbackQuery,
    callback_data: FormNav,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    pressed = await form_button_step(query, i18n, state, "RequestForm")
    if pressed is None:
        return
    message, step = pressed
    data = await state.get_data()
    if callback_data.action == "cancel":
        await state.clear()
        await message.answer(i18n.get("requests-cancelled"), reply_markup=main_menu(i18n, person))
    elif callback_data.action == "back":
        order = STEPS[RequestKind(data["kind"])]
        previous = order[max(0, order.index(step) - 1)]
        await ask(message, i18n, state, previous, uow_factory, person, clock, settings)
    elif callback_data.action == "confirm" and step == "confirm":
        assert person.id is not None
        result = await service.submit_request(
            uow_factory,
            person.id,
            data["enrollment_id"],
            RequestKind(data["kind"]),
            data.get("reason", ""),
            data.get("target_cohort_id"),
            data["files"],
            clock(),
            today_of(clock, settings),
            settings.tz,
        )
        await state.clear()
        text = refusal_text(i18n, result) if result.refusal else i18n.get("requests-submitted")
        await message.answer(text, reply_markup=main_menu(i18n, person))


async def use_buttons(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("form-use-buttons"))


def create_router() -> Router:
    router = Router(name="teacher-requests")
    register_entry(router, requests_entry, ("requests",))
    router.callback_query.register(start_request, RequestStartCb.filter())
    router.callback_query.register(nav, FormNav.filter(F.form == "request"))
    router.callback_query.register(target_chosen, TargetCohortCb.filter(), RequestForm.target)
    router.callback_query.register(
        documents_done, ChoiceCb.filter(F.value == "done"), RequestForm.documents
    )
    not_command = ~F.text.startswith("/")
    router.message.register(reason_typed, RequestForm.reason, F.text, not_command)
    router.message.register(document_sent, RequestForm.documents, not_command)
    router.message.register(reason_typed, RequestForm.reason, not_command)
    router.message.register(
        use_buttons, StateFilter(RequestForm.target, RequestForm.confirm), not_command
    )
    return router
