"""§28 scores by hand (/scores: cohort → listener → score → module grades) and the cohort's
outcomes (/results), decided by ``domain.services.results``."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.handlers.admin.results_callbacks import CohortPick, ListenerPage, ListenerPick
from bot.handlers.admin.results_screens import ask_cohort, show_roster
from bot.ui.callbacks import ResultsNav
from bot.ui.formatting import long_date
from bot.ui.markup import Markup
from bot.ui.screens import button, cancel_form, nav_keyboard, not_found, ui_lang
from domain.grading import grades_of, is_grade_of, scale_of
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.lookups import display_name, enrollment_context
from domain.services.results import (
    MAX_GRADE_LENGTH,
    CohortOutcomes,
    ListenerResult,
    decide_cohort_outcomes,
    record_score,
)

MAX_MESSAGE = 3800


class GradeCb(CallbackData, prefix="grd"):
    """A module grade pressed in the score form: a code of the course's grading scale."""

    code: str


class ScoreForm(StatesGroup):
    score = State()
    grade = State()


async def scores_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    await ask_cohort(message, i18n, uow_factory, "score", state)


async def results_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    await ask_cohort(message, i18n, uow_factory, "results", state)


async def cohort_for_scores(
    query: CallbackQuery,
    callback_data: CohortPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await show_roster(query.message, i18n, uow_factory, "score", callback_data.cohort_id)


async def roster_page(
    query: CallbackQuery,
    callback_data: ListenerPage,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await show_roster(
            query.message,
            i18n,
            uow_factory,
            callback_data.action,
            callback_data.cohort_id,
            callback_data.page,
            edit=True,
        )


async def start_score_form(
    target: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
    enrollment_id: int,
    reassessment: bool,
    next_cohort: bool = False,
) -> bool:
    found = await enrollment_context(uow_factory, enrollment_id)
    if found is None:
        return False
    enrollment, course, person = found.enrollment, found.course, found.person
    lang = ui_lang(i18n)
    await state.clear()
    await state.set_state(ScoreForm.score)
    await state.update_data(
        enrollment_id=enrollment_id,
        reassessment=reassessment,
        next_cohort=next_cohort,
        max_score=course.max_score,
        modules=[[m.id, m.name(lang)] for m in course.modules],
        grades={},
        scale=course.grading_scale,
        doc_lang=found.cohort.language,  # App. 4 prints the grade in the course's language
        name=display_name(person),
        cohort_id=enrollment.cohort_id,
    )
    key = "results-ask-reassessment-score" if reassessment else "results-ask-score"
    await target.answer(
        i18n.get(key, name=display_name(person), max=course.max_score),
        reply_markup=nav_keyboard(i18n),
    )
    return True


async def listener_for_score(
    query: CallbackQuery,
    callback_data: ListenerPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
) -> None:
    if not isinstance(query.message, Message):
        return
    if not await start_score_form(
        query.message, i18n, uow_factory, state, callback_data.enrollment_id, reassessment=False
    ):
        await not_found(query, i18n)
        return
    await query.answer()


async def score_entered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    text = (message.text or "").strip()
    if not text.isdigit() or not 0 <= int(text) <= data["max_score"]:
        await message.answer(
            i18n.get("results-score-invalid", max=data["max_score"]),
            reply_markup=nav_keyboard(i18n),
        )
        return
    await state.update_data(score=int(text))
    await ask_next_grade(message, i18n, state, uow_factory, person, clock, settings)


async def ask_next_grade(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    pending = [m for m in data["modules"] if str(m[0]) not in data["grades"]]
    if pending:
        await state.set_state(ScoreForm.grade)
        await message.answer(
            i18n.get("grading-ask", module=pending[0][1]),
            reply_markup=grade_keyboard(i18n, data.get("scale", "")),
        )
        return
    await save_score(message, i18n, state, uow_factory, person, clock, settings)


def grade_keyboard(i18n: I18nContext, scale: str) -> InlineKeyboardMarkup:
    """§29, App. 4: the grades of the course's scale, best first, then back / cancel."""
    rows = [
        [button(i18n.get(f"grading-{scale_of(scale)}-{code}"), GradeCb(code=code).pack())]
        for code in grades_of(scale)
    ]
    return InlineKeyboardMarkup(
        inline_keyboard=rows + nav_keyboard(i18n, back=True).inline_keyboard
    )


def grade_from_text(text: str, scale: str, core: FluentRuntimeCore) -> str | None:
    """A grade typed instead of pressed: only one of the scale's (its code, or its words in
    either language); anything else is refused, so App. 4 never carries free text."""
    wanted = " ".join(text.split()).casefold()
    for code in grades_of(scale):
        labels = [core.get(f"grading-{scale_of(scale)}-{code}", lang) for lang in ("kk", "ru")]
        # "4 (хорошо)" is also typed as "4" or "хорошо"
        words = {code.casefold()} | {label.casefold() for label in labels}
        words |= {label.partition("(")[2].rstrip(")").casefold() for label in labels} - {""}
        if wanted in words:
            return code
    return None


async def record_grade(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
    core: FluentRuntimeCore,
    code: str,
) -> None:
    data = await state.get_data()
    pending = [m for m in data["modules"] if str(m[0]) not in data["grades"]]
    if not pending:
        return
    scale = data.get("scale", "")
    words = core.get(f"grading-{scale_of(scale)}-{code}", data.get("doc_lang", "ru"))
    grades = dict(data["grades"])
    grades[str(pending[0][0])] = words[:MAX_GRADE_LENGTH]
    await state.update_data(grades=grades)
    await ask_next_grade(message, i18n, state, uow_factory, person, clock, settings)


async def grade_pressed(
    query: CallbackQuery,
    callback_data: GradeCb,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
    i18n_core: FluentRuntimeCore,
) -> None:
    data = await state.get_data()
    if not is_grade_of(data.get("scale", ""), callback_data.code) or not isinstance(
        query.message, Message
    ):
        await not_found(query, i18n)
        return
    await query.answer()
    await query.message.edit_reply_markup(reply_markup=None)
    await record_grade(
        query.message,
        i18n,
        state,
        uow_factory,
        person,
        clock,
        settings,
        i18n_core,
        callback_data.code,
    )


async def grade_entered(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
    i18n_core: FluentRuntimeCore,
) -> None:
    data = await state.get_data()
    scale = data.get("scale", "")
    code = grade_from_text(message.text or "", scale, i18n_core)
    if code is None:
        await message.answer(
            i18n.get("grading-choose-from-list"), reply_markup=grade_keyboard(i18n, scale)
        )
        return
    await record_grade(message, i18n, state, uow_factory, person, clock, settings, i18n_core, code)


async def back(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    """Back from a grade: forget the last grade given, or return to the score."""
    await query.answer()
    data = await state.get_data()
    grades = dict(data.get("grades", {}))
    message = query.message
    if not isinstance(message, Message):
        return
    if grades:
        grades.pop(list(grades)[-1])
        await state.update_data(grades=grades)
        pending = [m for m in data["modules"] if str(m[0]) not in grades]
        await message.answer(
            i18n.get("grading-ask", module=pending[0][1]),
            reply_markup=grade_keyboard(i18n, data.get("scale", "")),
        )
        return
    await state.set_state(ScoreForm.score)
    await message.answer(
        i18n.get("results-ask-score", name=data["name"], max=data["max_score"]),
        reply_markup=nav_keyboard(i18n),
    )


async def save_score(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    await state.clear()
    assert person.id is not None
    result = await record_score(
        uow_factory,
        person.id,
        data["enrollment_id"],
        data["score"],
        {int(k): v for k, v in data["grades"].items()},
        clock(),
        reassessment=data["reassessment"],
        next_cohort=data.get("next_cohort", False),
        tz=settings.tz,
    )
    if result.refusal is not None:
        lang = ui_lang(i18n)
        when = long_date(result.allowed_from, lang) if result.allowed_from else "—"
        await message.answer(i18n.get("results-score-refused-" + result.refusal, date=when))
        return
    summary = await decide_cohort_outcomes(uow_factory, data["cohort_id"], clock(), person.id)
    mine = (
        [r for r in summary.results if r.enrollment.id == data["enrollment_id"]] if summary else []
    )
    line = listener_line(i18n, mine[0]) if mine else ""
    await message.answer(
        i18n.get(
            "results-score-saved",
            name=data["name"],
            score=data["score"],
            max=data["max_score"],
            outcome=line,
        )
    )


def listener_line(i18n: I18nContext, result: ListenerResult) -> str:
    reasons = Markup(", ").join(i18n.get("results-shortfall-" + s) for s in result.shortfalls)
    return i18n.get(
        "results-listener-line",
        name=display_name(result.person),
        outcome=i18n.get("results-outcome-" + result.outcome.replace("_", "-")),
        attended=result.attended,
        total=result.total_sessions,
        score="—" if result.score is None else str(result.score),
        max=result.max_score,
        reasons=reasons or "—",
    )


def summary_texts(i18n: I18nContext, summary: CohortOutcomes) -> list[str]:
    """The summary message, split so no part exceeds Telegram's 4096 characters."""
    from domain.assessment import Outcome

    head = i18n.get(
        "results-summary",
        cohort=summary.cohort.code,
        passed=len(summary.with_outcome(Outcome.CERTIFICATE)),
        failed=len(summary.with_outcome(Outcome.LISTENING_REFERENCE)),
        progress=len(summary.with_outcome(Outcome.IN_PROGRESS)),
        expelled=len(summary.with_outcome(Outcome.EXPELLED)),
    )
    parts, current = [], head
    for result in summary.results:
        line = listener_line(i18n, result)
        if len(current) + len(line) + 1 > MAX_MESSAGE:
            parts.append(current)
            current = line
        else:
            current += "\n" + line
    parts.append(current)
    return parts


async def cohort_results(
    query: CallbackQuery,
    callback_data: CohortPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
) -> None:
    summary = await decide_cohort_outcomes(uow_factory, callback_data.cohort_id, clock(), person.id)
    if summary is None:
        await not_found(query, i18n)
        return
    await query.answer()
    if isinstance(query.message, Message):
        for text in summary_texts(i18n, summary):
            await query.message.answer(text)


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("results-send-text"))


def create_router() -> Router:
    router = Router(name="results-scores")
    text = F.text & ~F.text.startswith("/")
    router.message.register(scores_command, Command("scores"))
    router.message.register(results_command, Command("results"))
    router.callback_query.register(cohort_for_scores, CohortPick.filter(F.action == "score"))
    router.callback_query.register(cohort_results, CohortPick.filter(F.action == "results"))
    router.callback_query.register(roster_page, ListenerPage.filter())
    router.callback_query.register(listener_for_score, ListenerPick.filter(F.action == "score"))
    router.message.register(score_entered, ScoreForm.score, text)
    router.message.register(grade_entered, ScoreForm.grade, text)
    router.callback_query.register(grade_pressed, GradeCb.filter(), StateFilter(ScoreForm.grade))
    router.message.register(
        not_text, StateFilter(ScoreForm.score, ScoreForm.grade), ~F.text.startswith("/")
    )
    router.callback_query.register(
        back, ResultsNav.filter(F.action == "back"), StateFilter(ScoreForm.grade)
    )
    router.callback_query.register(cancel_form, ResultsNav.filter(F.action == "cancel"))
    return router
