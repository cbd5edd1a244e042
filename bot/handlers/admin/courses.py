"""Create and edit a course (§5 format, §23 kind and hours, App. 4 modules): a form
(``bot.ui.forms``). Hours are checked against §23 where they are typed, modules against App. 4;
a new kind drops the hours and modules (and days) checked for the old one. Editing opens the
same form with the course's answers: its summary first, "Edit" to change any answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.handlers.admin.callbacks import AdminArea, CourseAction
from bot.handlers.admin.panel import button
from bot.ui.forms import Choice, Form, FormRun, Invalid, Step, StepView, integer, open_form
from bot.ui.forms.model import Values
from bot.ui.label_width import fit
from bot.ui.markup import Markup
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
from domain.ports import UnitOfWorkFactory
from domain.services.admin_courses import (
    MAX_SCORE_LIMIT,
    CourseDraft,
    create_course,
    draft_of,
    get_course,
    list_courses,
    update_course,
)
from domain.text import clean_text, one_line

MAX_TOPIC = 500
MAX_MODULES = 30


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


def hours_refusal(error: CourseHoursError) -> Invalid:
    """The rule that forbids the hours, cited and translated: "Пункт 23 Правил: ..."."""
    citation = Invalid(RULE_CITATIONS.get(error.rule_id, "rule-citation-23"))
    return Invalid(
        "admin-hours-" + error.reason.value.replace("_", "-"), rule=citation, **error.limits
    )


def hours_error_text(i18n: I18nContext, error: CourseHoursError) -> str:
    citation = i18n.get(RULE_CITATIONS.get(error.rule_id, "rule-citation-23"))
    return i18n.get(
        "admin-hours-" + error.reason.value.replace("_", "-"), rule=citation, **error.limits
    )


def _label(i18n: I18nContext, step: str, value: str) -> str:
    return i18n.get(f"admin-course-{step}-{value.replace('_', '-').replace(',', '-')}")


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and len(text) < 7 else None


def topic(raw: str) -> str:
    value = one_line(raw)
    if not 3 <= len(value) <= MAX_TOPIC:
        raise Invalid("admin-course-bad-topic", max=MAX_TOPIC)
    return value


def positive(raw: str) -> int:
    number = _int(raw)
    if number is None:
        raise Invalid("admin-course-bad-number")
    return number


def hours_fit(hours: int, values: Values) -> None:
    """§23: the hours the kind allows (an abroad course of up to a year: its days)."""
    try:
        validate_course_hours(CourseKind(values["kind"]), hours, values.get("duration_days"))
    except CourseHoursError as error:
        raise hours_refusal(error) from None


def modules(raw: str) -> list[list[Any]]:
    """One module a line: "name kk | name ru | hours" (or "name | hours")."""
    found: list[list[Any]] = []
    for line in filter(
        None, (part.strip() for part in clean_text(raw, multiline=True).splitlines())
    ):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 2:
            parts = [parts[0], parts[0], parts[1]]
        if len(parts) != 3 or not all(parts) or _int(parts[2]) is None:
            raise Invalid("admin-course-bad-module-line", line=line[:100])
        if max(len(parts[0]), len(parts[1])) > MAX_TOPIC:
            raise Invalid("form-too-long", max=MAX_TOPIC, length=max(map(len, parts[:2])))
        found.append([parts[0], parts[1], _int(parts[2])])
    if not found or len(found) > MAX_MODULES:
        raise Invalid("admin-course-bad-modules-count", max=MAX_MODULES)
    return found


def modules_fit(found: list[list[Any]], values: Values) -> None:
    """App. 4: the modules' hours add up to the course's."""
    try:
        validate_module_hours(int(values["hours"]), [int(m[2]) for m in found])
    except CourseHoursError as error:
        raise hours_refusal(error) from None


def modules_shown(found: Any, view: StepView) -> str:
    return Markup("\n") + Markup("\n").join(
        Markup(view.i18n.get("admin-course-module-line", kk=kk, ru=ru, hours=hours))
        for kk, ru, hours in found
    )


def choices_of(step: str, values: list[str]) -> Callable[[StepView], Any]:
    async def choices(view: StepView) -> list[Choice]:
        return [Choice(value, _label(view.i18n, step, value)) for value in values]

    return choices


def labelled(step: str) -> Callable[[Any, StepView], str]:
    return lambda value, view: _label(view.i18n, step, str(value))


async def allowed_formats(view: StepView) -> list[Choice]:
    """§5 × §23: only the forms the chosen kind allows (``domain.courses.ALLOWED_FORMATS``)."""
    kind = CourseKind(view.values["kind"])
    return [
        Choice(f.value, _label(view.i18n, "format", f.value))
        for f in CourseFormat
        if format_allowed(kind, f)
    ]


def abroad_days(days: int, values: Values) -> None:
    """§23 abroad 2): "до 1 (одного) года" — 1 to 365 days."""
    try:
        validate_abroad_duration(days)
    except CourseHoursError as error:
        raise hours_refusal(error) from None


def is_abroad_long(values: Values) -> bool:
    """§23: only an abroad course of up to one year is measured in days."""
    return values.get("kind") == CourseKind.ABROAD_LONG.value


async def save(run: FormRun) -> str | None:
    values, i18n = run.values, run.i18n
    draft = CourseDraft(
        topic_kk=values["topic_kk"],
        topic_ru=values["topic_ru"],
        kind=CourseKind(values["kind"]),
        format=CourseFormat(values["format"]),
        distance=values["distance"] == "yes",
        hours=int(values["hours"]),
        modules=[(kk, ru, int(h)) for kk, ru, h in values["modules"]],
        languages=tuple(values["languages"].split(",")),
        max_score=int(values["max_score"]),
        duration_days=values.get("duration_days"),
        grading_scale=values.get("grading_scale") or GradingScale.PASS_FAIL.value,
    )
    person: Person = run["person"]
    uow_factory: UnitOfWorkFactory = run["uow_factory"]
    assert person.id is not None
    course_id = run.context.get("course_id")
    try:
        if course_id:
            course = await update_course(
                uow_factory, person.id, int(course_id), draft, run["clock"]()
            )
        else:
            course = await create_course(uow_factory, person.id, draft, run["clock"]())
    except CourseHoursError as error:
        return hours_error_text(i18n, error)
    return i18n.get("admin-course-saved", id=course.id or 0, topic=course.topic(ui_lang(i18n)))


COURSE = Form(
    name="course",
    title="admin-course-form-summary",
    confirm="admin-course-confirm",
    submit=save,
    steps=(
        Step("topic_kk", "admin-course-ask-topic-kk", "admin-course-label-topic-kk", topic),
        Step("topic_ru", "admin-course-ask-topic-ru", "admin-course-label-topic-ru", topic),
        Step(
            "kind",
            "admin-course-ask-kind",
            "admin-course-label-kind",
            parse=None,
            choices=choices_of("kind", [k.value for k in CourseKind]),
            shown=labelled("kind"),
            resets=("format", "duration_days", "hours", "modules"),
        ),
        Step(
            "format",
            "admin-course-ask-format",
            "admin-course-label-format",
            parse=None,
            choices=allowed_formats,
            shown=labelled("format"),
        ),
        Step(
            "distance",
            "admin-course-ask-distance",
            "admin-course-label-distance",
            parse=None,
            choices=choices_of("distance", ["yes", "no"]),
            shown=labelled("distance"),
        ),
        Step(
            "duration_days",
            "admin-course-ask-duration-days",
            "admin-course-label-duration-days",
            positive,
            when=is_abroad_long,
            check=abroad_days,
            resets=("hours", "modules"),
        ),
        Step(
            "hours",
            "admin-course-ask-hours",
            "admin-course-label-hours",
            positive,
            check=hours_fit,
            resets=("modules",),
        ),
        Step(
            "modules",
            "admin-course-ask-modules",
            "admin-course-label-modules",
            modules,
            check=modules_fit,
            shown=modules_shown,
        ),
        Step(
            "grading_scale",
            "admin-course-ask-grading-scale",
            "admin-course-label-grading-scale",
            parse=None,
            choices=choices_of("grading_scale", [g.value for g in GradingScale]),
            shown=labelled("grading_scale"),
        ),
        Step(
            "languages",
            "admin-course-ask-languages",
            "admin-course-label-languages",
            parse=None,
            choices=choices_of("languages", ["kk", "ru", "kk,ru"]),
            shown=labelled("languages"),
        ),
        Step(
            "max_score",
            "admin-course-ask-max-score",
            "admin-course-label-max-score",
            integer(1, MAX_SCORE_LIMIT),
        ),
    ),
    title_args=lambda context: {"id": context.get("course_id") or 0},
)
FORMS = (COURSE,)


def _values_of(course: Course) -> dict[str, Any]:
    draft = draft_of(course)
    values: dict[str, Any] = {
        "topic_kk": draft.topic_kk,
        "topic_ru": draft.topic_ru,
        "kind": draft.kind.value,
        "format": draft.format.value,
        "distance": "yes" if draft.distance else "no",
        "hours": draft.hours,
        "modules": [list(m) for m in draft.modules],
        "languages": ",".join(draft.languages),
        "max_score": draft.max_score,
        "grading_scale": draft.grading_scale,
    }
    if draft.duration_days is not None:
        values["duration_days"] = draft.duration_days
    return values


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
        if message:
            await open_form(COURSE, message, state, i18n)
        return
    course = await get_course(uow_factory, callback_data.course_id)
    if course is None or callback_data.action != "edit":
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    if message:
        await open_form(
            COURSE,
            message,
            state,
            i18n,
            context={"course_id": course.id},
            values=_values_of(course),
        )


def create_router() -> Router:
    router = Router(name="admin-courses")
    router.callback_query.register(show_courses, AdminArea.filter(F.area == "courses"))
    router.callback_query.register(course_action, CourseAction.filter())
    router.callback_query.register(courses_page, ListPage.filter(F.list == "courses"))
    return router
