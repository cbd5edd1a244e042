"""Create and edit a course (§5 format, §23 kind and hours, App. 4 modules): an FSM form.

Each step is one entry of ``STEPS``: its state, whether it is answered by a button, and — next
to it — the parser that validates a typed answer. Every step has "back" and "cancel"; when
editing, "keep" leaves the current value. The draft lives in FSM data as JSON.
"""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.handlers.admin.callbacks import AdminArea, CourseAction, CourseChoice, FormNav
from bot.handlers.admin.panel import button
from bot.ui.label_width import fit
from bot.ui.paging import ListPage, pager_row, paginate
from bot.ui.screens import ui_lang
from domain.courses import (
    CourseFormat,
    CourseHoursError,
    CourseKind,
    format_allowed,
    validate_abroad_duration,
    validate_course_hours,
    validate_module_hours,
)
from domain.grading import GradingScale
from domain.model import Course, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_courses import (
    MAX_SCORE_LIMIT,
    CourseDraft,
    create_course,
    draft_of,
    get_course,
    list_courses,
    update_course,
)

MAX_TOPIC = 500
MAX_MODULES = 30


class CourseForm(StatesGroup):
    topic_kk = State()
    topic_ru = State()
    kind = State()
    format = State()
    distance = State()
    duration_days = State()
    hours = State()
    modules = State()
    grading_scale = State()
    languages = State()
    max_score = State()
    confirm = State()


STEPS: list[str] = [
    "topic_kk",
    "topic_ru",
    "kind",
    "format",
    "distance",
    "duration_days",
    "hours",
    "modules",
    "grading_scale",
    "languages",
    "max_score",
    "confirm",
]
CHOICES: dict[str, list[str]] = {
    "kind": [k.value for k in CourseKind],
    "format": [f.value for f in CourseFormat],
    "distance": ["yes", "no"],
    "languages": ["kk", "ru", "kk,ru"],
    "grading_scale": [s.value for s in GradingScale],  # App. 4 module grades (domain.grading)
}


def _choices(step: str, data: dict[str, Any]) -> list[str]:
    """The buttons of a step; the form's buttons only offer the forms the kind allows (§5 ×
    §23, ``domain.courses.ALLOWED_FORMATS``)."""
    values = CHOICES.get(step, [])
    if step == "format" and data.get("kind") in CHOICES["kind"]:
        kind = CourseKind(data["kind"])
        return [v for v in values if format_allowed(kind, CourseFormat(v))]
    return values


def _state(step: str) -> State:
    state: State = getattr(CourseForm, step)
    return state


def _applies(step: str, data: dict[str, Any]) -> bool:
    """§23: only an abroad course of up to one year is measured in days."""
    return step != "duration_days" or data.get("kind") == CourseKind.ABROAD_LONG.value


def _neighbour(step: str, data: dict[str, Any], direction: int) -> str | None:
    index = STEPS.index(step) + direction
    while 0 <= index < len(STEPS):
        if _applies(STEPS[index], data):
            return STEPS[index]
        index += direction
    return None


RULE_CITATIONS: dict[str, str] = {
    "§23": "rule-citation-23",
    "§23.1": "rule-citation-23-1",
    "§23.2": "rule-citation-23-2",
    "§23.3": "rule-citation-23-3",
    "§23 abroad 1)": "rule-citation-23-abroad-1",
    "§23 abroad 2)": "rule-citation-23-abroad-2",
    "App. 4": "rule-citation-app-4",
}
"""The domain's rule ids are for logs and tests; a reader sees the citation as Kazakhstan's
legal texts write it ("Қағидалардың 23-тармағының 1) тармақшасы" / "Подпункт 1) пункта 23
Правил"), never the id."""


def hours_error_text(i18n: I18nContext, error: CourseHoursError) -> str:
    """The rule that forbids the hours, cited and translated: "Пункт 23 Правил: ..."."""
    citation = i18n.get(RULE_CITATIONS.get(error.rule_id, "rule-citation-23"))
    return i18n.get(
        "admin-hours-" + error.reason.value.replace("_", "-"), rule=citation, **error.limits
    )


def _label(i18n: I18nContext, step: str, value: str) -> str:
    return i18n.get(f"admin-course-{step}-{value.replace('_', '-').replace(',', '-')}")


def summary(i18n: I18nContext, data: dict[str, Any]) -> str:
    modules = "\n".join(f"  • {kk} / {ru} — {hours}" for kk, ru, hours in data["modules"])
    return i18n.get(
        "admin-course-summary",
        topic_kk=data["topic_kk"],
        topic_ru=data["topic_ru"],
        kind=_label(i18n, "kind", data["kind"]),
        format=_label(i18n, "format", data["format"]),
        distance=_label(i18n, "distance", data["distance"]),
        hours=data["hours"],
        days=data.get("duration_days") or "—",
        modules=modules,
        languages=_label(i18n, "languages", data["languages"]),
        max_score=data["max_score"],
    )


def _nav(i18n: I18nContext, step: str, data: dict[str, Any]) -> list[list[InlineKeyboardButton]]:
    row = []
    if _neighbour(step, data, -1) is not None:
        row.append(button(i18n.get("admin-nav-back"), FormNav(action="back").pack()))
    if data.get("course_id") and step != "confirm" and data.get(step) is not None:
        row.append(button(i18n.get("admin-nav-keep"), FormNav(action="keep").pack()))
    row.append(button(i18n.get("admin-nav-cancel"), FormNav(action="cancel").pack()))
    return [row]


async def ask(message: Message, i18n: I18nContext, state: FSMContext, step: str) -> None:
    await state.set_state(_state(step))
    data = await state.get_data()
    rows: list[list[InlineKeyboardButton]] = []
    if step in CHOICES:
        rows = [
            [button(_label(i18n, step, v), CourseChoice(value=v).pack())]
            for v in _choices(step, data)
        ]
    if step == "confirm":
        rows = [[button(i18n.get("admin-nav-save"), FormNav(action="save").pack())]]
        text = summary(i18n, data)
    else:
        text = i18n.get("admin-course-ask-" + step.replace("_", "-"))
    await message.answer(
        text, reply_markup=InlineKeyboardMarkup(inline_keyboard=rows + _nav(i18n, step, data))
    )


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 7 else None


def parse_answer(
    step: str, text: str, data: dict[str, Any]
) -> tuple[Any, str | None, dict[str, Any]]:
    """Validate a typed answer: (value, error message id or None, error args)."""
    text = text.strip()
    if step in ("topic_kk", "topic_ru"):
        if not 3 <= len(text) <= MAX_TOPIC:
            return None, "admin-course-bad-topic", {"max": MAX_TOPIC}
        return text, None, {}
    if step in ("duration_days", "hours", "max_score"):
        number = _int(text)
        if number is None:
            return None, "admin-course-bad-number", {}
        if step == "max_score" and not 1 <= number <= MAX_SCORE_LIMIT:
            return None, "admin-course-bad-max-score", {"max": MAX_SCORE_LIMIT}
        if step == "duration_days":
            validate_abroad_duration(number)
        if step == "hours":
            validate_course_hours(CourseKind(data["kind"]), number, data.get("duration_days"))
        return number, None, {}
    if step == "modules":
        modules: list[list[Any]] = []
        for line in filter(None, (raw.strip() for raw in text.splitlines())):
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 2:
                parts = [parts[0], parts[0], parts[1]]
            if len(parts) != 3 or not all(parts) or _int(parts[2]) is None:
                return None, "admin-course-bad-module-line", {"line": line[:100]}
            modules.append([parts[0][:MAX_TOPIC], parts[1][:MAX_TOPIC], _int(parts[2])])
        if not modules or len(modules) > MAX_MODULES:
            return None, "admin-course-bad-modules-count", {"max": MAX_MODULES}
        validate_module_hours(int(data["hours"]), [m[2] for m in modules])
        return modules, None, {}
    raise AssertionError(step)


async def text_answer(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    step = (await state.get_state() or "").split(":")[-1]
    data = await state.get_data()
    try:
        value, error, args = parse_answer(step, message.text or "", data)
    except CourseHoursError as hours_error:
        await message.answer(hours_error_text(i18n, hours_error))
        return
    if error is not None:
        await message.answer(i18n.get(error, **args))
        return
    await state.update_data({step: value})
    await _advance(message, i18n, state, step)


async def _advance(message: Message, i18n: I18nContext, state: FSMContext, step: str) -> None:
    data = await state.get_data()
    following = _neighbour(step, data, +1)
    assert following is not None
    await ask(message, i18n, state, following)


async def choice_answer(
    query: CallbackQuery, callback_data: CourseChoice, i18n: I18nContext, state: FSMContext
) -> None:
    step = (await state.get_state() or "").split(":")[-1]
    data = await state.get_data()
    if callback_data.value not in _choices(step, data):
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    changes: dict[str, Any] = {step: callback_data.value}
    if step == "kind" and data.get("kind") != callback_data.value and data.get("hours"):
        changes.update(hours=None, modules=None, duration_days=None)  # re-check §23 for the kind
    if step == "kind" and data.get("format") not in _choices("format", {"kind": changes["kind"]}):
        changes.update(format=None)  # §5 × §23: ask the form again for the new kind
    await state.update_data(changes)
    if isinstance(query.message, Message):
        await _advance(query.message, i18n, state, step)


async def navigate(
    query: CallbackQuery,
    callback_data: FormNav,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    step = (await state.get_state() or "").split(":")[-1]
    data = await state.get_data()
    message = query.message if isinstance(query.message, Message) else None
    await query.answer()
    if message is None:
        return
    if callback_data.action == "cancel":
        await state.clear()
        await message.answer(i18n.get("admin-form-cancelled"))
    elif callback_data.action == "back" and (previous := _neighbour(step, data, -1)):
        await ask(message, i18n, state, previous)
    elif callback_data.action == "keep" and data.get(step) is not None and step != "confirm":
        await _advance(message, i18n, state, step)
    elif callback_data.action == "save" and step == "confirm":
        await _save(message, i18n, state, person, uow_factory, clock, data)


async def _save(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    data: dict[str, Any],
) -> None:
    draft = CourseDraft(
        topic_kk=data["topic_kk"],
        topic_ru=data["topic_ru"],
        kind=CourseKind(data["kind"]),
        format=CourseFormat(data["format"]),
        distance=data["distance"] == "yes",
        hours=int(data["hours"]),
        modules=[(kk, ru, int(h)) for kk, ru, h in data["modules"]],
        languages=tuple(data["languages"].split(",")),
        max_score=int(data["max_score"]),
        duration_days=data.get("duration_days"),
        grading_scale=data.get("grading_scale") or "pass_fail",
    )
    assert person.id is not None
    try:
        if data.get("course_id"):
            course = await update_course(
                uow_factory, person.id, int(data["course_id"]), draft, clock()
            )
        else:
            course = await create_course(uow_factory, person.id, draft, clock())
    except CourseHoursError as error:
        await message.answer(hours_error_text(i18n, error))
        return
    await state.clear()
    await message.answer(
        i18n.get("admin-course-saved", id=course.id or 0, topic=course.topic(ui_lang(i18n)))
    )


def _data_of(course: Course) -> dict[str, Any]:
    draft = draft_of(course)
    return {
        "course_id": course.id,
        "topic_kk": draft.topic_kk,
        "topic_ru": draft.topic_ru,
        "kind": draft.kind.value,
        "format": draft.format.value,
        "distance": "yes" if draft.distance else "no",
        "duration_days": draft.duration_days,
        "hours": draft.hours,
        "modules": [list(m) for m in draft.modules],
        "languages": ",".join(draft.languages),
        "max_score": draft.max_score,
        "grading_scale": draft.grading_scale,
    }


def courses_keyboard(i18n: I18nContext, courses: list[Course], page: int) -> InlineKeyboardMarkup:
    """One page of the courses (they grow with the organization), then "New course"."""
    shown = paginate(courses, page)
    rows = [
        [
            button(
                fit(f"{c.id}. {c.topic(ui_lang(i18n))}"),
                CourseAction(action="edit", course_id=c.id or 0).pack(),
            )
        ]
        for c in shown.items
    ]
    pager = pager_row(shown, lambda n: ListPage(list="courses", page=n).pack())
    if pager:
        rows.append(pager)
    rows.append([button(i18n.get("admin-course-new"), CourseAction(action="new").pack())])
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def show_courses(
    query: CallbackQuery, i18n: I18nContext, uow_factory: UnitOfWorkFactory
) -> None:
    await query.answer()
    courses = await list_courses(uow_factory)
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get("admin-courses-list", count=len(courses)),
            reply_markup=courses_keyboard(i18n, courses, 0),
        )


async def courses_page(
    query: CallbackQuery,
    callback_data: ListPage,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await query.answer()
    courses = await list_courses(uow_factory)
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(
            reply_markup=courses_keyboard(i18n, courses, callback_data.page)
        )


async def course_action(
    query: CallbackQuery,
    callback_data: CourseAction,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    if callback_data.action == "new":
        await query.answer()
        await state.clear()
        if message:
            await ask(message, i18n, state, STEPS[0])
        return
    course = await get_course(uow_factory, callback_data.course_id)
    if course is None or callback_data.action != "edit":
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    await state.set_data(_data_of(course))
    if message:
        await message.answer(summary(i18n, await state.get_data()))
        await ask(message, i18n, state, STEPS[0])


def create_router() -> Router:
    router = Router(name="admin-courses")
    router.callback_query.register(show_courses, AdminArea.filter(F.area == "courses"))
    router.callback_query.register(courses_page, ListPage.filter(F.list == "courses"))
    router.callback_query.register(course_action, CourseAction.filter())
    text_steps = [_state(s) for s in STEPS if s not in CHOICES and s != "confirm"]
    router.message.register(text_answer, StateFilter(*text_steps), F.text, ~F.text.startswith("/"))
    router.callback_query.register(choice_answer, StateFilter(CourseForm), CourseChoice.filter())
    router.callback_query.register(navigate, StateFilter(CourseForm), FormNav.filter())
    return router
