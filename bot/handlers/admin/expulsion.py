"""§32 expulsion (/expel): cohort → listener → reason → order number → commission decision
number → its date → confirm. The teacher is notified via the outbox; the employer notice is
shown here for the admin to forward (and kept as an outbox record)."""

from __future__ import annotations

from datetime import date, datetime

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext
from aiogram_i18n.cores import FluentRuntimeCore

from bot.handlers.admin.results_callbacks import CohortPick, ListenerPick
from bot.handlers.admin.results_screens import ask_cohort, show_roster
from bot.ui.callbacks import ResultsNav
from bot.ui.formatting import format_args
from bot.ui.markup import raw_args
from bot.ui.screens import button, nav_keyboard, not_found
from domain.model import EnrollmentStatus, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.expulsion import MAX_TEXT, ExpulsionDecision, expel
from domain.services.lookups import display_name, enrollment_holder

STEPS = ("reason", "order", "commission", "commission_date")


class ExpelForm(StatesGroup):
    reason = State()
    order = State()
    commission = State()
    commission_date = State()
    confirm = State()


def parse_day(text: str) -> date | None:
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


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


async def ask_step(message: Message, i18n: I18nContext, state: FSMContext, step: str) -> None:
    await state.set_state(getattr(ExpelForm, step))
    data = await state.get_data()
    await message.answer(
        i18n.get("results-expel-ask-" + step.replace("_", "-"), name=data["name"]),
        reply_markup=nav_keyboard(i18n, back=step != "reason"),
    )


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
    await state.clear()
    await state.update_data(enrollment_id=enrollment.id, name=display_name(person))
    if isinstance(query.message, Message):
        await ask_step(query.message, i18n, state, "reason")


async def step_entered(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    current = (await state.get_state() or "").split(":")[-1]
    text = (message.text or "").strip()
    if not text or len(text) > MAX_TEXT:
        await message.answer(i18n.get("results-expel-too-long", max=MAX_TEXT))
        return
    if current == "commission_date":
        day = parse_day(text)
        if day is None:
            await message.answer(i18n.get("results-expel-bad-date"))
            return
        text = day.isoformat()
    await state.update_data({current: text})
    following = STEPS.index(current) + 1
    if following < len(STEPS):
        await ask_step(message, i18n, state, STEPS[following])
        return
    await state.set_state(ExpelForm.confirm)
    data = await state.get_data()
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(i18n.get("results-back"), ResultsNav(action="back").pack()),
                button(
                    i18n.get("results-expel-confirm-button"), ResultsNav(action="confirm").pack()
                ),
                button(i18n.get("results-cancel"), ResultsNav(action="cancel").pack()),
            ]
        ]
    )
    await message.answer(
        i18n.get(
            "results-expel-confirm",
            name=data["name"],
            reason=data["reason"],
            order=data["order"],
            commission=data["commission"],
            commission_date=date.fromisoformat(data["commission_date"]).strftime("%d.%m.%Y"),
        ),
        reply_markup=markup,
    )


async def back(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await query.answer()
    current = (await state.get_state() or "").split(":")[-1]
    previous = STEPS[-1] if current == "confirm" else STEPS[max(0, STEPS.index(current) - 1)]
    if isinstance(query.message, Message):
        await ask_step(query.message, i18n, state, previous)


async def confirmed(
    query: CallbackQuery,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    i18n_core: FluentRuntimeCore,
) -> None:
    data = await state.get_data()
    await state.clear()
    decision = ExpulsionDecision(
        data["reason"],
        data["order"],
        data["commission"],
        date.fromisoformat(data["commission_date"]),
    )
    assert person.id is not None
    result = await expel(
        uow_factory,
        person.id,
        data["enrollment_id"],
        decision,
        clock(),
        # the employer's letter is plain text (not HTML): a plain str, escaped wherever shown
        lambda lang, key, **args: str(
            i18n_core.get(key, lang, **raw_args(format_args(args, lang)))
        ),
    )
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    await message.edit_reply_markup(reply_markup=None)
    if result.refusal is not None:
        await message.answer(i18n.get("results-expel-refused-" + result.refusal))
        return
    key = "results-expel-done" if result.teacher_notified else "results-expel-done-no-chat"
    await message.answer(i18n.get(key, name=data["name"]))
    await message.answer(
        i18n.get(
            "results-expel-employer",
            contact=result.employer_contact or "—",
            text=result.employer_text,
        )
    )


async def not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("results-send-text"))


def create_router() -> Router:
    router = Router(name="results-expulsion")
    text = F.text & ~F.text.startswith("/")
    typed = StateFilter(*(getattr(ExpelForm, s) for s in STEPS))
    router.message.register(expel_command, Command("expel"))
    router.callback_query.register(cohort_for_expel, CohortPick.filter(F.action == "expel"))
    router.callback_query.register(listener_for_expel, ListenerPick.filter(F.action == "expel"))
    router.message.register(step_entered, typed, text)
    router.message.register(not_text, typed, ~F.text.startswith("/"))
    router.callback_query.register(
        back,
        ResultsNav.filter(F.action == "back"),
        StateFilter(*(getattr(ExpelForm, s) for s in STEPS[1:]), ExpelForm.confirm),
    )
    router.callback_query.register(
        confirmed, ResultsNav.filter(F.action == "confirm"), ExpelForm.confirm
    )
    return router
