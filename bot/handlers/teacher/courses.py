"""§10, App. 1–2: open cohorts (paginated) and the application form (``bot.ui.forms``): the
blanks the profile and the cohort do not already fill — the head of the school; for App. 2 the
country and, unless the course kind fixes it, the duration. The language of instruction is the
cohort's (shown, not asked). A summary before anything is stored; the filled form comes back
as a PDF."""

from __future__ import annotations

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.teacher.callbacks import ApplyCb, CohortPageCb
from bot.handlers.teacher.common import register_entry
from bot.ui.formatting import local_today, long_date
from bot.ui.forms import Choice, Form, FormRun, Invalid, Step, StepView, open_form, text
from bot.ui.forms.model import Values
from bot.ui.markup import label
from bot.ui.screens import ui_lang
from domain.model import ApplicationKind, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services import applications as service
from domain.services.profile import validate_full_name

PAGE_SIZE = 5


def cohort_block(i18n: I18nContext, item: service.OpenCohort) -> str:
    lang = ui_lang(i18n)
    course, cohort = item.course, item.cohort
    return i18n.get(
        "courses-item",
        topic=course.topic(lang),
        code=cohort.code,
        format=i18n.get(f"courses-format-{course.format.value.replace('_', '-')}"),
        starts=long_date(cohort.starts_on, lang),
        ends=long_date(cohort.ends_on, lang),
        language=i18n.get(f"apply-lang-{cohort.language}"),
        hours=course.hours,
        seats=item.seats_left,
    )


async def page_view(
    i18n: I18nContext, uow_factory: UnitOfWorkFactory, clock: Clock, settings: Settings, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    found = await service.open_cohorts(uow_factory, local_today(clock, settings))
    if not found:
        return i18n.get("courses-none"), None
    pages = (len(found) + PAGE_SIZE - 1) // PAGE_SIZE
    page = min(max(page, 0), pages - 1)
    shown = found[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    text = "\n\n".join(
        [i18n.get("courses-header", page=page + 1, pages=pages)]
        + [cohort_block(i18n, item) for item in shown]
    )
    rows = [
        [
            InlineKeyboardButton(
                text=label(i18n, "courses-apply-button", code=item.cohort.code),
                callback_data=ApplyCb(cohort_id=item.cohort.id or 0).pack(),
            )
        ]
        for item in shown
    ]
    paging = [
        InlineKeyboardButton(text=arrow, callback_data=CohortPageCb(page=target).pack())
        for arrow, target in (("◀️", page - 1), ("▶️", page + 1))
        if 0 <= target < pages
    ]
    if paging:
        rows.append(paging)
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


async def courses_entry(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    await state.clear()
    text, markup = await page_view(i18n, uow_factory, clock, settings, 0)
    await message.answer(text, reply_markup=markup)


async def courses_page(
    query: CallbackQuery,
    callback_data: CohortPageCb,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    await query.answer()
    text, markup = await page_view(i18n, uow_factory, clock, settings, callback_data.page)
    if isinstance(query.message, Message):
        await query.message.edit_text(text, reply_markup=markup)


async def start_application(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    cohort_id: int,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> str | None:
    """Opens the application form for the cohort, or returns why it cannot be applied to."""
    assert person.id is not None
    check = await service.check_can_apply(
        uow_factory, person.id, cohort_id, local_today(clock, settings)
    )
    if not check.allowed or check.course is None or check.cohort is None:
        return i18n.get(f"apply-refused-{check.refusal}")
    lang = ui_lang(i18n)
    kind = service.application_kind(check.course)
    fixed = service.fixed_duration(check.course) if kind is ApplicationKind.ABROAD else None
    topic = check.course.topic(lang)
    await message.answer(
        i18n.get(
            "apply-intro-abroad" if kind is ApplicationKind.ABROAD else "apply-intro-domestic",
            topic=topic,
        )
    )
    context = {
        "cohort_id": check.cohort.id,
        "cohort_language": check.cohort.language,
        "topic": topic,
        "code": check.cohort.code,
        "school": person.school_name or "—",
        "hint": check.head_name_hint,
        "language": i18n.get(f"apply-lang-{check.cohort.language}"),
        "fixed": i18n.get(f"apply-duration-{fixed.replace('_', '-')}") if fixed else "none",
    }
    values = {"kind": kind.value, "fixed_duration": fixed}
    await open_form(APPLICATION, message, state, i18n, context, values=values)
    return None


async def apply_pressed(
    query: CallbackQuery,
    callback_data: ApplyCb,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    if not isinstance(query.message, Message):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    if person.has_consented and not person.profile_complete:  # the profile first, then here
        from bot.handlers.teacher.profile import open_profile_form

        await query.answer()
        today = local_today(clock, settings)
        then = f"apply:{callback_data.cohort_id}"
        await open_profile_form(query.message, i18n, state, today, then)
        return
    refusal = await start_application(
        query.message, i18n, state, person, callback_data.cohort_id, uow_factory, clock, settings
    )
    if refusal is not None:
        await query.answer(refusal, show_alert=True)
        return
    await query.answer()


def head_name(raw: str) -> str:
    refusal, name = validate_full_name(raw)
    if refusal is not None:
        raise Invalid(f"profile-error-{refusal}")
    return name


async def previous_head(view: StepView) -> list[Choice]:
    hint = str(view.context.get("hint") or "")
    return [Choice(hint, hint)] if hint else []


async def durations(view: StepView) -> list[Choice]:
    return [
        Choice(value, view.i18n.get(f"apply-duration-{value.replace('_', '-')}"))
        for value in service.ABROAD_DURATIONS
    ]


def abroad(values: Values) -> bool:
    return values.get("kind") == ApplicationKind.ABROAD


def duration_asked(values: Values) -> bool:
    """App. 2's duration, unless the course kind fixes it (§23 abroad kinds)."""
    return abroad(values) and not values.get("fixed_duration")


def country(raw: str) -> str:
    try:
        return text(service.COUNTRY_MAX)(raw)
    except Invalid:
        raise Invalid("apply-error-country") from None


async def submit(run: FormRun) -> str | None:
    from bot.documents import render_application

    i18n, values, context = run.i18n, run.values, run.context
    person = run["person"]
    clock, settings = run["clock"], run["settings"]
    draft = service.ApplicationDraft(
        cohort_id=int(context["cohort_id"]),
        head_name=values.get("head", ""),
        instruction_language=str(context["cohort_language"]),
        abroad_duration=values.get("duration") or values.get("fixed_duration"),
        country=values.get("country") or "",
    )
    assert person.id is not None
    result = await service.submit_application(
        run["uow_factory"], person.id, draft, clock(), local_today(clock, settings)
    )
    if result.refusal is not None or result.document is None or result.application is None:
        return i18n.get(f"apply-refused-{result.refusal or 'bad-answer'}")
    pdf = render_application(result.document)
    filename = i18n.get("apply-file-name", number=result.application.id or 0) + ".pdf"
    await run.message.answer_document(
        BufferedInputFile(pdf, filename=filename), caption=i18n.get("apply-file-caption")
    )
    return i18n.get("apply-submitted", topic=context["topic"])


APPLICATION = Form(
    name="t-apply",
    title="forms-teacher-apply-title",
    confirm="forms-teacher-apply-confirm",
    submit=submit,
    steps=(
        Step(
            "head", "apply-ask-head", "forms-teacher-apply-head", head_name, choices=previous_head
        ),
        Step(
            "duration",
            "apply-ask-duration",
            "forms-teacher-apply-duration",
            parse=None,
            choices=durations,
            when=duration_asked,
        ),
        Step("country", "apply-ask-country", "forms-teacher-apply-country", country, when=abroad),
    ),
)
FORMS = (APPLICATION,)


def create_router() -> Router:
    router = Router(name="teacher-application")
    register_entry(router, courses_entry, ("courses",))
    router.callback_query.register(courses_page, CohortPageCb.filter())
    router.callback_query.register(apply_pressed, ApplyCb.filter())
    return router
