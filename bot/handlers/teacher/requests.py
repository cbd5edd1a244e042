"""§31 requests, teacher side: choose the option per course, then a form (``bot.ui.forms``):
the target cohort, the valid reason (up to REASON_MAX characters), supporting documents (photo
or PDF), a summary, Confirm; see statuses and decisions."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import RequestStartCb
from bot.handlers.teacher.common import register_entry
from bot.ui.formatting import long_date
from bot.ui.forms import Choice, Form, FormRun, Invalid, Step, StepView, open_form, text
from bot.ui.forms.model import Values
from bot.ui.screens import ui_lang
from domain.model import Person, RequestKind
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import teacher_requests as service


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
    context = {
        "enrollment_id": callback_data.enrollment_id,
        "kind": i18n.get(f"requests-kind-{kebab(kind.value)}"),
    }
    data = {"person": person, "uow_factory": uow_factory, "clock": clock, "settings": settings}
    await open_form(REQUEST, query.message, state, i18n, context, data, {"kind": kind.value})


def kind_of(values: Values) -> RequestKind:
    return RequestKind(values["kind"])


def target_asked(values: Values) -> bool:
    return kind_of(values) is not RequestKind.REASSESSMENT


def reason_asked(values: Values) -> bool:
    return kind_of(values) in (RequestKind.TRANSFER, RequestKind.FINISH_INTERRUPTED)


def documents_asked(values: Values) -> bool:
    return kind_of(values) is RequestKind.FINISH_INTERRUPTED


async def targets(view: StepView) -> list[Choice]:
    """Cohorts of the same course the request may name (re-checked on Confirm)."""
    person = view.data["person"]
    today = today_of(view.data["clock"], view.data["settings"])
    cohorts = await service.target_cohorts(
        view.data["uow_factory"],
        person.id,
        int(view.context["enrollment_id"]),
        kind_of(view.values),
        today,
    )
    lang = ui_lang(view.i18n)
    return [
        Choice(
            str(c.id),
            f"{c.code}: {long_date(c.starts_on, lang)} — {long_date(c.ends_on, lang)}",
        )
        for c in cohorts or []
    ]


def supporting_document(message: Message, current: Any) -> list[str]:
    """§31.4 supporting documents: a photo or a PDF up to 20 MB, at most MAX_DOCUMENTS."""
    files = list(current or [])
    file_id, size = None, 0
    if message.photo:
        file_id, size = message.photo[-1].file_id, message.photo[-1].file_size or 0
    elif message.document and message.document.mime_type == "application/pdf":
        file_id, size = message.document.file_id, message.document.file_size or 0
    if file_id is None:
        raise Invalid("requests-error-document-type")
    if size > service.MAX_DOCUMENT_BYTES:
        raise Invalid("requests-error-document-size")
    if len(files) >= service.MAX_DOCUMENTS:
        raise Invalid("requests-error-document-count", count=service.MAX_DOCUMENTS)
    return [*files, file_id]


def typed_document(raw: str) -> str:
    raise Invalid("requests-error-document-type")


def counted(value: Any, view: StepView) -> str:
    return str(len(value or []))


async def submit(run: FormRun) -> str | None:
    person, clock, settings = run["person"], run["clock"], run["settings"]
    values = run.values
    target = values.get("target")
    assert person.id is not None
    result = await service.submit_request(
        run["uow_factory"],
        person.id,
        int(run.context["enrollment_id"]),
        kind_of(values),
        values.get("reason") or "",
        int(target) if target else None,
        list(values.get("documents") or []),
        clock(),
        today_of(clock, settings),
        settings.tz,
    )
    if result.refusal:
        return refusal_text(run.i18n, result)
    return run.i18n.get("requests-submitted")


REQUEST = Form(
    name="t-request",
    title="forms-teacher-request-title",
    confirm="forms-teacher-request-confirm",
    submit=submit,
    steps=(
        Step(
            "target",
            "requests-ask-target",
            "forms-teacher-request-target",
            parse=None,
            choices=targets,
            when=target_asked,
        ),
        Step(
            "reason",
            "requests-ask-reason",
            "forms-teacher-request-reason",
            text(service.REASON_MAX),
            when=reason_asked,
        ),
        Step(
            "documents",
            "requests-ask-documents",
            "forms-teacher-request-documents",
            parse=typed_document,
            receive=supporting_document,
            collect=True,
            shown=counted,
            when=documents_asked,
        ),
    ),
)
FORMS = (REQUEST,)


def create_router() -> Router:
    router = Router(name="teacher-requests")
    register_entry(router, requests_entry, ("requests",))
    router.callback_query.register(start_request, RequestStartCb.filter())
    return router
