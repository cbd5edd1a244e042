"""§32 expulsion (/expel): cohort → listener → reason → order number → commission decision
number → its date → a summary to confirm (``bot.ui.forms``). The teacher is notified via the
outbox; the employer notice is shown here for the admin to forward (and kept as an outbox
record)."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.handlers.admin.results_callbacks import CohortPick, ListenerPick
from bot.handlers.admin.results_screens import ask_cohort, show_roster
from bot.ui.formatting import format_args
from bot.ui.forms import Form, FormRun, Step, day, open_form, text
from bot.ui.markup import raw_args
from bot.ui.screens import not_found
from domain.model import EnrollmentStatus, Person
from domain.ports import UnitOfWorkFactory
from domain.services.expulsion import MAX_TEXT, ExpulsionDecision, expel
from domain.services.lookups import display_name, enrollment_holder


async def expel_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    await ask_cohort(message, i18n, uow_factory, "expel", state)


async def cohort_for_expel(
    query: CallbackQuery,
    callback_data: CohortPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await show_roster(query.message, i18n, uow_factory, "expel", callback_data.cohort_id)


async def listener_for_expel(
    query: CallbackQuery,
    callback_data: ListenerPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
) -> None:
    found = await enrollment_holder(uow_factory, callback_data.enrollment_id)
    if found is None:
        await not_found(query, i18n)
        return
    enrollment, person = found
    if enrollment.status is not EnrollmentStatus.ENROLLED:
        await query.answer(i18n.get("results-expel-refused-not-active"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        context = {"enrollment_id": enrollment.id, "name": display_name(person)}
        await open_form(EXPULSION, query.message, state, i18n, context)


async def expel_listener(run: FormRun) -> str | None:
    values, i18n = run.values, run.i18n
    decision = ExpulsionDecision(
        values["reason"],
        values["order"],
        values["commission"],
        date.fromisoformat(values["commission_date"]),
    )
    person: Person = run["person"]
    i18n_core: FluentRuntimeCore = run["i18n_core"]
    assert person.id is not None
    result = await expel(
        run["uow_factory"],
        person.id,
        run.context["enrollment_id"],
        decision,
        run["clock"](),
        # the employer's letter is plain text (not HTML): a plain str, escaped wherever shown
        lambda lang, key, **args: str(
            i18n_core.get(key, lang, **raw_args(format_args(args, lang)))
        ),
    )
    if result.refusal is not None:
        return i18n.get("results-expel-refused-" + result.refusal)
    await run.message.answer(
        i18n.get(
            "results-expel-employer",
            contact=result.employer_contact or "—",
            text=result.employer_text,
        )
    )
    key = "results-expel-done" if result.teacher_notified else "results-expel-done-no-chat"
    return i18n.get(key, name=run.context["name"])


EXPULSION = Form(
    name="expel",
    title="results-expel-confirm",
    confirm="results-expel-confirm-button",
    submit=expel_listener,
    steps=(
        Step("reason", "results-expel-ask-reason", "results-expel-label-reason", text(MAX_TEXT)),
        Step("order", "results-expel-ask-order", "results-expel-label-order", text(64)),
        Step(
            "commission",
            "results-expel-ask-commission",
            "results-expel-label-commission",
            text(64),
        ),
        Step(
            "commission_date",
            "results-expel-ask-commission-date",
            "results-expel-label-commission-date",
            day(),
        ),
    ),
)
FORMS = (EXPULSION,)


def create_router() -> Router:
    router = Router(name="results-expulsion")
    router.message.register(expel_command, Command("expel"))
    router.callback_query.register(cohort_for_expel, CohortPick.filter(F.action == "expel"))
    router.callback_query.register(listener_for_expel, ListenerPick.filter(F.action == "expel"))
    return router
