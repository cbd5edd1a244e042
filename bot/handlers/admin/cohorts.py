"""Cohorts of a course: create (course, code, dates, language, seats, trainers) and the cohort
card with its actions (the schedule itself is ``schedule.py``)."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.applications import start as start_applications
from bot.handlers.admin.callbacks import AdminArea, CohortAction, CohortChoice
from bot.handlers.admin.enrollment_import import start as start_list_import
from bot.handlers.admin.orders import start as start_order
from bot.handlers.admin.panel import button
from bot.handlers.admin.schedule import SessionForm, send_calendar, send_schedule
from bot.handlers.admin.schedule_import import start as start_schedule_import
from bot.handlers.admin.typed_dates import parse_day
from bot.ui.formatting import long_date
from bot.ui.label_width import fit
from bot.ui.paging import ListPage, pager_row, paginate
from bot.ui.screens import ui_lang
from domain.model import Cohort, Course, Person, Role
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

# Cohort-card actions handled by their own modules; each starts with
# (message, i18n, state, cohort, uow_factory).
COHORT_ACTIONS = {
    "import-schedule": start_schedule_import,
    "applications": start_applications,
    "import-list": start_list_import,
    "order": start_order,
}


class CohortForm(StatesGroup):
    course = State()
    code = State()
    starts_on = State()
    ends_on = State()
    language = State()
    seats = State()
    trainers = State()


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
    courses = await list_courses(uow_factory)
    if not isinstance(query.message, Message):
        return
    if not courses:
        await query.message.answer(i18n.get("admin-cohort-no-courses"))
        return
    await state.clear()
    await state.set_state(CohortForm.course)
    await query.message.answer(
        i18n.get("admin-cohort-ask-course"), reply_markup=courses_keyboard(i18n, courses, 0)
    )


def courses_keyboard(i18n: I18nContext, courses: list[Course], page: int) -> InlineKeyboardMarkup:
    shown = paginate(courses, page)
    rows = [
        [button(fit(f"{c.id}. {c.topic(ui_lang(i18n))}"), CohortChoice(value=str(c.id)).pack())]
        for c in shown.items
    ]
    pager = pager_row(shown, lambda n: CohortChoice(value=f"p{n}").pack())
    return InlineKeyboardMarkup(inline_keyboard=[*rows, pager] if pager else rows)


async def course_chosen(
    query: CallbackQuery,
    callback_data: CohortChoice,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    if callback_data.value.startswith("p") and callback_data.value[1:].isdigit():
        await query.answer()
        courses = await list_courses(uow_factory)
        if isinstance(query.message, Message):
            await query.message.edit_reply_markup(
                reply_markup=courses_keyboard(i18n, courses, int(callback_data.value[1:]))
            )
        return
    course = (
        await get_course(uow_factory, int(callback_data.value))
        if callback_data.value.isdigit()
        else None
    )
    if course is None:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await state.update_data(course_id=course.id, course_languages=list(course.languages))
    await state.set_state(CohortForm.code)
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-cohort-ask-code"))


async def code_typed(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    code = (message.text or "").strip()
    if not 1 <= len(code) <= 64:
        await message.answer(i18n.get("admin-cohort-bad-code"))
        return
    await state.update_data(code=code)
    await state.set_state(CohortForm.starts_on)
    await message.answer(i18n.get("admin-cohort-ask-starts"))


async def starts_typed(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    day = parse_day(message.text or "")
    if day is None:
        await message.answer(i18n.get("admin-bad-date"))
        return
    await state.update_data(starts_on=day.isoformat())
    await state.set_state(CohortForm.ends_on)
    await message.answer(i18n.get("admin-cohort-ask-ends"))


async def ends_typed(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    day = parse_day(message.text or "")
    data = await state.get_data()
    if day is None:
        await message.answer(i18n.get("admin-bad-date"))
        return
    if day < date.fromisoformat(data["starts_on"]):
        await message.answer(i18n.get("admin-cohort-refused-dates"))
        return
    await state.update_data(ends_on=day.isoformat())
    await state.set_state(CohortForm.language)
    await message.answer(
        i18n.get("admin-cohort-ask-language"),
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    button(
                        i18n.get("admin-course-languages-" + lang), CohortChoice(value=lang).pack()
                    )
                ]
                for lang in data["course_languages"]
            ]
        ),
    )


async def language_chosen(
    query: CallbackQuery, callback_data: CohortChoice, i18n: I18nContext, state: FSMContext
) -> None:
    data = await state.get_data()
    if callback_data.value not in data.get("course_languages", []):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await state.update_data(language=callback_data.value)
    await state.set_state(CohortForm.seats)
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-cohort-ask-seats", max=MAX_SEATS))


def trainers_keyboard(
    i18n: I18nContext, trainers: list[Person], chosen: list[int], page: int = 0
) -> InlineKeyboardMarkup:
    """A page of trainers to tick (the organization may have hundreds), then "Done"."""
    shown = paginate(trainers, page)
    rows = [
        [
            button(
                fit(("✅ " if t.id in chosen else "▫️ ") + (t.full_name or t.first_name)),
                CohortChoice(value=f"t{t.id}").pack(),
            )
        ]
        for t in shown.items
    ]
    pager = pager_row(shown, lambda n: CohortChoice(value=f"p{n}").pack())
    if pager:
        rows.append(pager)
    rows.append([button(i18n.get("admin-cohort-trainers-done"), CohortChoice(value="done").pack())])
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def seats_typed(
    message: Message, i18n: I18nContext, state: FSMContext, uow_factory: UnitOfWorkFactory
) -> None:
    text = (message.text or "").strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_SEATS:
        await message.answer(i18n.get("admin-cohort-ask-seats", max=MAX_SEATS))
        return
    await state.update_data(seats=int(text), trainer_ids=[])
    await state.set_state(CohortForm.trainers)
    trainers = await people_with_role(uow_factory, Role.TRAINER)
    key = "admin-cohort-ask-trainers" if trainers else "admin-cohort-no-trainers"
    await message.answer(i18n.get(key), reply_markup=trainers_keyboard(i18n, trainers, []))


async def trainer_toggled(
    query: CallbackQuery,
    callback_data: CohortChoice,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    data = await state.get_data()
    trainers = await people_with_role(uow_factory, Role.TRAINER)
    chosen: list[int] = list(data.get("trainer_ids", []))
    message = query.message if isinstance(query.message, Message) else None
    if callback_data.value == "done":
        await query.answer()
        await _create(message, i18n, state, person, uow_factory, clock)
        return
    page = int(data.get("trainer_page", 0))
    if callback_data.value.startswith("p") and callback_data.value[1:].isdigit():
        page = int(callback_data.value[1:])
        await query.answer()
        await state.update_data(trainer_page=page)
        if message:
            await message.edit_reply_markup(
                reply_markup=trainers_keyboard(i18n, trainers, chosen, page)
            )
        return
    trainer_id = int(callback_data.value[1:]) if callback_data.value[1:].isdigit() else None
    if trainer_id is None or trainer_id not in {t.id for t in trainers}:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    chosen = (
        [i for i in chosen if i != trainer_id] if trainer_id in chosen else [*chosen, trainer_id]
    )
    await state.update_data(trainer_ids=chosen)
    if message:
        await message.edit_reply_markup(
            reply_markup=trainers_keyboard(i18n, trainers, chosen, page)
        )


async def _create(
    message: Message | None,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    data = await state.get_data()
    draft = CohortDraft(
        course_id=data["course_id"],
        code=data["code"],
        starts_on=date.fromisoformat(data["starts_on"]),
        ends_on=date.fromisoformat(data["ends_on"]),
        language=data["language"],
        seats=data["seats"],
        trainer_ids=data["trainer_ids"],
    )
    try:
        assert person.id is not None
        cohort = await create_cohort(uow_factory, person.id, draft, clock())
    except CohortError as error:
        if message:
            await message.answer(i18n.get("admin-cohort-refused-" + error.reason.value))
        return
    await state.clear()
    if message:
        await message.answer(i18n.get("admin-cohort-created", code=cohort.code))
        await show_card(message, i18n, cohort)


def card_keyboard(i18n: I18nContext, cohort_id: int) -> InlineKeyboardMarkup:
    actions = [
        "add-session",
        "import-schedule",
        "schedule",
        "ics",
        "applications",
        "import-list",
        "order",
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
        await state.set_state(SessionForm.line)
        await state.update_data(cohort_id=cohort.id)
        await message.answer(i18n.get("admin-session-ask"))
    elif action in COHORT_ACTIONS:
        await COHORT_ACTIONS[action](message, i18n, state, cohort, uow_factory)


def create_router() -> Router:
    router = Router(name="admin-cohorts")
    router.callback_query.register(show_cohorts, AdminArea.filter(F.area == "cohorts"))
    router.callback_query.register(cohort_action, CohortAction.filter())
    router.callback_query.register(cohorts_page, ListPage.filter(F.list == "cohorts"))
    router.callback_query.register(course_chosen, CohortForm.course, CohortChoice.filter())
    router.callback_query.register(language_chosen, CohortForm.language, CohortChoice.filter())
    router.callback_query.register(trainer_toggled, CohortForm.trainers, CohortChoice.filter())
    text = (F.text, ~F.text.startswith("/"))
    router.message.register(code_typed, CohortForm.code, *text)
    router.message.register(starts_typed, CohortForm.starts_on, *text)
    router.message.register(ends_typed, CohortForm.ends_on, *text)
    router.message.register(seats_typed, CohortForm.seats, *text)
    return router
