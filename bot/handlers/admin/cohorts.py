"""Cohorts of a course: create (course, code, dates, language, seats, trainers) and the cohort
card with its actions (the schedule itself is ``schedule.py``)."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.applications import start as start_applications
from bot.handlers.admin.callbacks import AdminArea, CohortAction
from bot.handlers.admin.cohort_editing import start as start_editing
from bot.handlers.admin.enrollment_import import start as start_list_import
from bot.handlers.admin.orders import start as start_order
from bot.handlers.admin.panel import button
from bot.handlers.admin.schedule import send_calendar, send_schedule, start_session_form
from bot.handlers.admin.schedule_import import start as start_schedule_import
from bot.ui.formatting import long_date
from bot.ui.forms import (
    Choice,
    Form,
    FormRun,
    Invalid,
    Step,
    StepView,
    day,
    integer,
    open_form,
    text,
)
from bot.ui.forms.model import Values
from bot.ui.label_width import fit
from bot.ui.paging import ListPage, pager_row, paginate
from bot.ui.screens import ui_lang
from domain.model import Cohort, Person, Role
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_cohorts import (
    MAX_SEATS,
    CohortDraft,
    CohortError,
    create_cohort,
    get_cohort,
    list_cohorts,
)
from domain.services.admin_courses import get_course, list_courses
from domain.services.admin_roles import people_with_role
from domain.services.lookups import display_name

# Cohort-card actions handled by their own modules; each starts with
# (message, i18n, state, cohort, uow_factory).
COHORT_ACTIONS = {
    "import-schedule": start_schedule_import,
    "applications": start_applications,
    "import-list": start_list_import,
    "order": start_order,
    "edit": start_editing,
}


def cohorts_keyboard(i18n: I18nContext, cohorts: list[Cohort], page: int) -> InlineKeyboardMarkup:
    """One page of the cohorts (they grow with the organization), then "New cohort"."""
    shown = paginate(cohorts, page)
    rows = [
        [
            button(
                f"{c.code} · {c.starts_on:%d.%m.%Y}"[:60],
                CohortAction(action="show", cohort_id=c.id or 0).pack(),
            )
        ]
        for c in shown.items
    ]
    pager = pager_row(shown, lambda n: ListPage(list="cohorts", page=n).pack())
    if pager:
        rows.append(pager)
    rows.append([button(i18n.get("admin-cohort-new"), CohortAction(action="new").pack())])
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def show_cohorts(
    query: CallbackQuery, i18n: I18nContext, uow_factory: UnitOfWorkFactory
) -> None:
    await query.answer()
    cohorts = await list_cohorts(uow_factory)
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("admin-cohorts-list", count=len(cohorts)),
            reply_markup=cohorts_keyboard(i18n, cohorts, 0),
        )


async def cohorts_page(
    query: CallbackQuery,
    callback_data: ListPage,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await query.answer()
    cohorts = await list_cohorts(uow_factory)
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(
            reply_markup=cohorts_keyboard(i18n, cohorts, callback_data.page)
        )


async def start_form(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, uow_factory: UnitOfWorkFactory
) -> None:
    await query.answer()
    if not isinstance(query.message, Message):
        return
    if not await list_courses(uow_factory):
        await query.message.answer(i18n.get("admin-cohort-no-courses"))
        return
    await open_form(NEW_COHORT, query.message, state, i18n, data={"uow_factory": uow_factory})


async def course_choices(view: StepView) -> list[Choice]:
    courses = await list_courses(view.data["uow_factory"])
    lang = ui_lang(view.i18n)
    return [Choice(str(c.id), fit(f"{c.id}. {c.topic(lang)}")) for c in courses]


async def language_choices(view: StepView) -> list[Choice]:
    course = await get_course(view.data["uow_factory"], int(view.values["course"]))
    languages = course.languages if course is not None else ()
    return [Choice(lang, view.i18n.get("admin-course-languages-" + lang)) for lang in languages]


async def trainer_choices(view: StepView) -> list[Choice]:
    trainers = await people_with_role(view.data["uow_factory"], Role.TRAINER)
    return [Choice(str(t.id), display_name(t)[:50]) for t in trainers]


def ends_after_start(value: str, values: Values) -> None:
    if value < values.get("starts_on", value):
        raise Invalid("admin-cohort-refused-dates")


async def create(run: FormRun) -> str | None:
    values = run.values
    draft = CohortDraft(
        course_id=int(values["course"]),
        code=values["code"],
        starts_on=date.fromisoformat(values["starts_on"]),
        ends_on=date.fromisoformat(values["ends_on"]),
        language=values["language"],
        seats=values["seats"],
        trainer_ids=[int(t) for t in values["trainers"]],
    )
    person: Person = run["person"]
    try:
        assert person.id is not None
        cohort = await create_cohort(run["uow_factory"], person.id, draft, run["clock"]())
    except CohortError as error:
        return run.i18n.get("admin-cohort-refused-" + error.reason.value)
    await show_card(run.message, run.i18n, cohort)
    return run.i18n.get("admin-cohort-created", code=cohort.code)


NEW_COHORT = Form(
    name="cohort",
    title="admin-cohort-summary",
    confirm="admin-cohort-confirm",
    submit=create,
    steps=(
        Step(
            "course",
            "admin-cohort-ask-course",
            "admin-cohort-label-course",
            parse=None,
            choices=course_choices,
        ),
        Step("code", "admin-cohort-ask-code", "admin-cohort-label-code", text(64)),
        Step("starts_on", "admin-cohort-ask-starts", "admin-cohort-label-starts", day()),
        Step(
            "ends_on",
            "admin-cohort-ask-ends",
            "admin-cohort-label-ends",
            day(),
            check=ends_after_start,
        ),
        Step(
            "language",
            "admin-cohort-ask-language",
            "admin-cohort-label-language",
            parse=None,
            choices=language_choices,
        ),
        Step("seats", "admin-cohort-ask-seats", "admin-cohort-label-seats", integer(1, MAX_SEATS)),
        Step(
            "trainers",
            "admin-cohort-ask-trainers",
            "admin-cohort-label-trainers",
            parse=None,
            choices=trainer_choices,
            multiple=True,
        ),
    ),
    title_args=lambda context: {"max": MAX_SEATS},
)
FORMS = (NEW_COHORT,)


def card_keyboard(i18n: I18nContext, cohort_id: int) -> InlineKeyboardMarkup:
    actions = [
        "add-session",
        "import-schedule",
        "schedule",
        "ics",
        "applications",
        "import-list",
        "order",
        "edit",
    ]
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    i18n.get("admin-cohort-action-" + a),
                    CohortAction(action=a, cohort_id=cohort_id).pack(),
                )
            ]
            for a in actions
        ]
    )


async def show_card(message: Message, i18n: I18nContext, cohort: Cohort) -> None:
    await message.answer(
        i18n.get(
            "admin-cohort-card",
            code=cohort.code,
            starts=long_date(cohort.starts_on, i18n.locale),
            ends=long_date(cohort.ends_on, i18n.locale),
            language=i18n.get("admin-course-languages-" + cohort.language),
            seats=cohort.seats,
        ),
        reply_markup=card_keyboard(i18n, cohort.id or 0),
    )


async def cohort_action(
    query: CallbackQuery,
    callback_data: CohortAction,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    if callback_data.action == "new":
        await start_form(query, i18n, state, uow_factory)
        return
    cohort = await get_cohort(uow_factory, callback_data.cohort_id)
    message = query.message if isinstance(query.message, Message) else None
    if cohort is None or message is None:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    action = callback_data.action
    if action == "show":
        await show_card(message, i18n, cohort)
    elif action == "schedule":
        await send_schedule(message, i18n, cohort, uow_factory, settings)
    elif action == "ics":
        await send_calendar(message, i18n, cohort, uow_factory, settings, clock)
    elif action == "add-session":
        await start_session_form(message, i18n, state, cohort)
    elif action in COHORT_ACTIONS:
        await COHORT_ACTIONS[action](message, i18n, state, cohort, uow_factory)


def create_router() -> Router:
    router = Router(name="admin-cohorts")
    router.callback_query.register(show_cohorts, AdminArea.filter(F.area == "cohorts"))
    router.callback_query.register(cohort_action, CohortAction.filter())
    router.callback_query.register(cohorts_page, ListPage.filter(F.list == "cohorts"))
    return router
