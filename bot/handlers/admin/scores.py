"""§28 scores by hand (/scores: cohort → listener → a form: score, a grade per module, a
summary to confirm) and the cohort's outcomes (/results), decided by
``domain.services.results``."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.handlers.admin.courses import MAX_MODULES
from bot.handlers.admin.results_callbacks import CohortPick, ListenerPage, ListenerPick
from bot.handlers.admin.results_screens import ask_cohort, show_roster
from bot.ui.callbacks import ResultsNav
from bot.ui.formatting import long_date
from bot.ui.forms import Choice, Form, FormRun, Invalid, Step, StepView, open_form
from bot.ui.forms.model import Values
from bot.ui.markup import Markup
from bot.ui.screens import cancel_form, not_found, ui_lang
from domain.grading import grades_of, scale_of
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
    """The score, then a grade per module of the course, then a summary (``bot.ui.forms``):
    nothing is recorded before Confirm."""
    found = await enrollment_context(uow_factory, enrollment_id)
    if found is None:
        return False
    enrollment, course, person = found.enrollment, found.course, found.person
    lang = ui_lang(i18n)
    modules = [[m.id, m.name(lang)] for m in course.modules][:MAX_MODULES]
    await open_form(
        SCORE,
        target,
        state,
        i18n,
        context={
            "enrollment_id": enrollment_id,
            "cohort_id": enrollment.cohort_id,
            "reassessment": reassessment,
            "next_cohort": next_cohort,
            "scale": course.grading_scale,
            "doc_lang": found.cohort.language,  # App. 4 prints the grade in the course's language
            "name": display_name(person),
            "max": course.max_score,
            "modules": modules,
        },
        values={MAX: course.max_score, MODULES: len(modules)},
    )
    return True


MAX, MODULES = "_max", "_modules"  # known values no step asks: the course's max score, modules


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


def score(raw: str) -> int:
    typed = raw.strip()
    if not typed.isdigit() or len(typed) > 6:
        raise Invalid("results-bad-score")  # its $max: the form's (the course's maximum)
    return int(typed)


def within_max(value: int, values: Values) -> None:
    """§28: a score from 0 to the course's maximum."""
    if value > int(values[MAX]):
        raise Invalid("results-bad-score")


async def grade_choices(view: StepView) -> list[Choice]:
    """§29, App. 4: the grades of the course's scale (``domain.grading``), best first."""
    scale = view.context["scale"]
    return [
        Choice(code, view.i18n.get(f"grading-{scale_of(scale)}-{code}"))
        for code in grades_of(scale)
    ]


def grade_step(n: int) -> Step:
    def module(view: StepView) -> dict[str, Any]:
        return {"module": view.context["modules"][n][1]}

    return Step(
        f"grade_{n}",
        "grading-ask",
        "results-label-grade",
        parse=None,  # chosen from the scale: App. 4 never carries free text
        choices=grade_choices,
        when=lambda values: n < int(values.get(MODULES, 0)),
        args=module,
    )


async def save_score(run: FormRun) -> str | None:
    values, context, i18n = run.values, run.context, run.i18n
    person: Person = run["person"]
    uow_factory: UnitOfWorkFactory = run["uow_factory"]
    clock: Clock = run["clock"]
    assert person.id is not None
    core: FluentRuntimeCore = run["i18n_core"]
    scale, doc_lang = context["scale"], context["doc_lang"]
    grades = {  # in the words of the document's language, as App. 4 prints them
        int(module_id): core.get(f"grading-{scale_of(scale)}-{values[f'grade_{n}']}", doc_lang)[
            :MAX_GRADE_LENGTH
        ]
        for n, (module_id, _) in enumerate(context["modules"])
        if values.get(f"grade_{n}")
    }
    result = await record_score(
        uow_factory,
        person.id,
        int(context["enrollment_id"]),
        int(values["score"]),
        grades,
        clock(),
        reassessment=bool(context["reassessment"]),
        next_cohort=bool(context.get("next_cohort")),
        tz=run["settings"].tz,
    )
    if result.refusal is not None:
        lang = ui_lang(i18n)
        when = long_date(result.allowed_from, lang) if result.allowed_from else "—"
        return i18n.get("results-score-refused-" + result.refusal, date=when)
    summary = await decide_cohort_outcomes(uow_factory, context["cohort_id"], clock(), person.id)
    mine = (
        [r for r in summary.results if r.enrollment.id == context["enrollment_id"]]
        if summary
        else []
    )
    line = listener_line(i18n, mine[0]) if mine else ""
    return i18n.get(
        "results-score-saved",
        name=context["name"],
        score=values["score"],
        max=context["max"],
        outcome=line,
    )


SCORE = Form(
    name="score",
    title="results-score-summary",
    confirm="results-score-confirm",
    submit=save_score,
    steps=(
        Step(
            "score",
            "results-form-ask-score",
            "results-label-score",
            score,
            check=within_max,
        ),
        *(grade_step(n) for n in range(MAX_MODULES)),
    ),
    title_args=lambda context: {
        "name": context["name"],
        "max": context["max"],
        "again": "yes" if context["reassessment"] else "no",
    },
)
FORMS = (SCORE,)


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


def create_router() -> Router:
    router = Router(name="results-scores")
    router.message.register(scores_command, Command("scores"))
    router.message.register(results_command, Command("results"))
    router.callback_query.register(cohort_for_scores, CohortPick.filter(F.action == "score"))
    router.callback_query.register(cohort_results, CohortPick.filter(F.action == "results"))
    router.callback_query.register(roster_page, ListenerPage.filter())
    router.callback_query.register(listener_for_score, ListenerPick.filter(F.action == "score"))
    router.callback_query.register(cancel_form, ResultsNav.filter(F.action == "cancel"))
    return router
