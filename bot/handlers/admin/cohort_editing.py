"""Editing a cohort: dates, seats, trainers, a session moved or deleted.

Entry: "✏️ Edit" on the cohort card, or ``/editcohort CODE``. Each change is one small step
with a Cancel button; the use case (``domain.services.cohort_editing``) checks it, audits it
and tells the enrolled listeners and the trainers. A refused value changes nothing and the
step waits for another one.
"""

from __future__ import annotations

from datetime import datetime

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.panel import button
from bot.handlers.admin.typed_dates import parse_day
from bot.ui.formatting import long_date
from bot.ui.screens import ui_lang
from domain.model import Cohort, Person, Role
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_cohorts import MAX_SEATS, cohort_schedule, get_cohort
from domain.services.admin_roles import people_with_role
from domain.services.cohort_editing import (
    CohortEditError,
    EditResult,
    change_dates,
    change_seats,
    change_trainers,
    delete_session,
    find_cohort_by_code,
    move_session,
)
from domain.services.lookups import display_name

MENU = ("dates", "seats", "trainers", "sessions")


class CohortEdit(CallbackData, prefix="ace"):
    action: str  # menu | dates | seats | trainers | toggle | save | sessions | session | move
    #              | delete | delete-yes | cancel
    cohort_id: int
    item: int = 0  # a trainer's person id (toggle) or a session id


class EditForm(StatesGroup):
    dates = State()
    seats = State()
    trainers = State()
    move = State()


def _cancel_row(i18n: I18nContext, cohort_id: int) -> list[InlineKeyboardButton]:
    return [
        button(i18n.get("form-cancel"), CohortEdit(action="cancel", cohort_id=cohort_id).pack())
    ]


def _cancel_only(i18n: I18nContext, cohort_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[_cancel_row(i18n, cohort_id)])


async def start(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
) -> None:
    """The edit menu of ``cohort`` (also a cohort-card action)."""
    await state.clear()
    cohort_id = cohort.id or 0
    rows = [
        [button(i18n.get("admin-edit-" + a), CohortEdit(action=a, cohort_id=cohort_id).pack())]
        for a in MENU
    ]
    await message.answer(
        i18n.get(
            "admin-edit-menu",
            code=cohort.code,
            starts=long_date(cohort.starts_on, i18n.locale),
            ends=long_date(cohort.ends_on, i18n.locale),
            seats=cohort.seats,
        ),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
    )


async def edit_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    code = (command.args or "").strip()
    if not code:
        await message.answer(i18n.get("admin-edit-usage"))
        return
    cohort = await find_cohort_by_code(uow_factory, code)
    if cohort is None:
        await message.answer(i18n.get("admin-edit-unknown-cohort", code=code))
        return
    await start(message, i18n, state, cohort, uow_factory)


def _trainers_keyboard(
    i18n: I18nContext, cohort_id: int, trainers: list[Person], chosen: list[int]
) -> InlineKeyboardMarkup:
    rows = [
        [
            button(
                ("✅ " if t.id in chosen else "▫️ ") + display_name(t)[:50],
                CohortEdit(action="toggle", cohort_id=cohort_id, item=t.id or 0).pack(),
            )
        ]
        for t in trainers
    ]
    rows.append(
        [button(i18n.get("admin-nav-save"), CohortEdit(action="save", cohort_id=cohort_id).pack())]
    )
    rows.append(_cancel_row(i18n, cohort_id))
    return InlineKeyboardMarkup(inline_keyboard=rows)


async def _done(message: Message, i18n: I18nContext, state: FSMContext, result: EditResult) -> None:
    await state.clear()
    await message.answer(
        i18n.get(
            "admin-edit-done-" + result.kind.value,
            code=result.cohort.code,
            notified=result.notified,
        )
    )


async def _refused(message: Message, i18n: I18nContext, error: CohortEditError) -> None:
    await message.answer(i18n.get("admin-edit-refused-" + error.reason.value, max=MAX_SEATS))


async def edit_action(
    query: CallbackQuery,
    callback_data: CohortEdit,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    cohort = await get_cohort(uow_factory, callback_data.cohort_id)
    message = query.message if isinstance(query.message, Message) else None
    if cohort is None or message is None:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    action, cohort_id = callback_data.action, cohort.id or 0
    data = await state.get_data()
    if action in ("toggle", "save", "delete-yes") and data.get("edit_cohort_id") != cohort_id:
        await query.answer(i18n.get("error-bad-button"), show_alert=True)
        return
    await query.answer()
    tz = settings.tz
    if action == "cancel":
        await state.clear()
        await message.answer(i18n.get("form-cancelled"))
    elif action == "menu":
        await start(message, i18n, state, cohort, uow_factory)
    elif action == "dates":
        await state.set_state(EditForm.dates)
        await state.update_data(edit_cohort_id=cohort_id)
        await message.answer(
            i18n.get("admin-edit-ask-dates", code=cohort.code),
            reply_markup=_cancel_only(i18n, cohort_id),
        )
    elif action == "seats":
        await state.set_state(EditForm.seats)
        await state.update_data(edit_cohort_id=cohort_id)
        await message.answer(
            i18n.get("admin-edit-ask-seats", code=cohort.code, seats=cohort.seats, max=MAX_SEATS),
            reply_markup=_cancel_only(i18n, cohort_id),
        )
    elif action == "trainers":
        trainers = await people_with_role(uow_factory, Role.TRAINER)
        await state.set_state(EditForm.trainers)
        await state.update_data(edit_cohort_id=cohort_id, trainer_ids=list(cohort.trainer_ids))
        await message.answer(
            i18n.get("admin-edit-ask-trainers", code=cohort.code),
            reply_markup=_trainers_keyboard(i18n, cohort_id, trainers, list(cohort.trainer_ids)),
        )
    elif action == "toggle":
        trainers = await people_with_role(uow_factory, Role.TRAINER)
        chosen: list[int] = list(data.get("trainer_ids", []))
        if callback_data.item not in {t.id for t in trainers}:
            await message.answer(i18n.get("admin-edit-refused-not-trainer"))
            return
        item = callback_data.item
        chosen = [i for i in chosen if i != item] if item in chosen else [*chosen, item]
        await state.update_data(trainer_ids=chosen)
        await message.edit_reply_markup(
            reply_markup=_trainers_keyboard(i18n, cohort_id, trainers, chosen)
        )
    elif action == "save":
        assert person.id is not None
        try:
            result = await change_trainers(
                uow_factory, person.id, cohort_id, list(data.get("trainer_ids", [])), clock()
            )
        except CohortEditError as error:
            await _refused(message, i18n, error)
            return
        await _done(message, i18n, state, result)
    elif action == "sessions":
        await _list_sessions(message, i18n, cohort, uow_factory, settings)
    elif action == "session":
        await _show_session(message, i18n, cohort, callback_data.item, uow_factory, settings)
    elif action == "move":
        await state.set_state(EditForm.move)
        await state.update_data(edit_cohort_id=cohort_id, session_id=callback_data.item)
        await message.answer(
            i18n.get("admin-edit-ask-move"), reply_markup=_cancel_only(i18n, cohort_id)
        )
    elif action == "delete":
        await state.clear()
        await state.update_data(edit_cohort_id=cohort_id, session_id=callback_data.item)
        yes = CohortEdit(action="delete-yes", cohort_id=cohort_id, item=callback_data.item)
        await message.answer(
            i18n.get("admin-edit-ask-delete"),
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[
                    [button(i18n.get("admin-edit-delete-yes"), yes.pack())],
                    _cancel_row(i18n, cohort_id),
                ]
            ),
        )
    elif action == "delete-yes":
        assert person.id is not None
        if data.get("session_id") != callback_data.item:
            await message.answer(i18n.get("error-bad-button"))
            return
        try:
            result = await delete_session(
                uow_factory, person.id, cohort_id, callback_data.item, tz, clock()
            )
        except CohortEditError as error:
            await state.clear()
            await _refused(message, i18n, error)
            return
        await _done(message, i18n, state, result)


async def _list_sessions(
    message: Message,
    i18n: I18nContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    sessions = await cohort_schedule(uow_factory, cohort.id or 0)
    if not sessions:
        await message.answer(i18n.get("admin-schedule-empty", code=cohort.code))
        return
    tz = settings.tz
    rows = [
        [
            button(
                f"{s.starts_at.astimezone(tz):%d.%m.%Y %H:%M} · {s.place}"[:60],
                CohortEdit(action="session", cohort_id=cohort.id or 0, item=s.id or 0).pack(),
            )
        ]
        for s in sessions
    ]
    await message.answer(
        i18n.get("admin-edit-pick-session", code=cohort.code),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=rows),
    )


async def _show_session(
    message: Message,
    i18n: I18nContext,
    cohort: Cohort,
    session_id: int,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    found = [s for s in await cohort_schedule(uow_factory, cohort.id or 0) if s.id == session_id]
    if not found:
        await message.answer(i18n.get("admin-edit-refused-unknown-session"))
        return
    local = found[0].starts_at.astimezone(settings.tz)
    cohort_id = cohort.id or 0
    await message.answer(
        i18n.get(
            "admin-edit-session",
            day=long_date(local.date(), ui_lang(i18n)),
            time=f"{local:%H:%M}",
            place=found[0].place or "—",
        ),
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[
                [
                    button(
                        i18n.get("admin-edit-move"),
                        CohortEdit(action="move", cohort_id=cohort_id, item=session_id).pack(),
                    ),
                    button(
                        i18n.get("admin-edit-delete"),
                        CohortEdit(action="delete", cohort_id=cohort_id, item=session_id).pack(),
                    ),
                ],
                _cancel_row(i18n, cohort_id),
            ]
        ),
    )


async def dates_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    parts = (message.text or "").replace("—", " ").replace("-", " ").split()
    days = [parse_day(p) for p in parts]
    data = await state.get_data()
    if len(days) != 2 or None in days:
        await message.answer(
            i18n.get("admin-edit-bad-dates"),
            reply_markup=_cancel_only(i18n, data["edit_cohort_id"]),
        )
        return
    starts, ends = days[0], days[1]
    assert starts is not None and ends is not None and person.id is not None
    try:
        result = await change_dates(
            uow_factory, person.id, data["edit_cohort_id"], starts, ends, settings.tz, clock()
        )
    except CohortEditError as error:
        await _refused(message, i18n, error)
        return
    await _done(message, i18n, state, result)


async def seats_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
) -> None:
    text = (message.text or "").strip()
    data = await state.get_data()
    if not text.isdigit() or len(text) > 6:
        await message.answer(
            i18n.get("admin-edit-refused-seats", max=MAX_SEATS),
            reply_markup=_cancel_only(i18n, data["edit_cohort_id"]),
        )
        return
    assert person.id is not None
    try:
        result = await change_seats(
            uow_factory, person.id, data["edit_cohort_id"], int(text), clock()
        )
    except CohortEditError as error:
        await _refused(message, i18n, error)
        return
    await _done(message, i18n, state, result)


async def move_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    data = await state.get_data()
    try:
        moment = datetime.strptime(" ".join((message.text or "").split()), "%d.%m.%Y %H:%M")
    except ValueError:
        await message.answer(
            i18n.get("admin-edit-bad-move"), reply_markup=_cancel_only(i18n, data["edit_cohort_id"])
        )
        return
    assert person.id is not None
    try:
        result = await move_session(
            uow_factory,
            person.id,
            data["edit_cohort_id"],
            data["session_id"],
            moment.date(),
            moment.time(),
            settings.tz,
            clock(),
        )
    except CohortEditError as error:
        await _refused(message, i18n, error)
        return
    await _done(message, i18n, state, result)


def create_router() -> Router:
    router = Router(name="admin-cohort-editing")
    router.message.register(edit_command, Command("editcohort"), StateFilter("*"))
    router.callback_query.register(edit_action, CohortEdit.filter())
    text = (F.text, ~F.text.startswith("/"))
    router.message.register(dates_typed, EditForm.dates, *text)
    router.message.register(seats_typed, EditForm.seats, *text)
    router.message.register(move_typed, EditForm.move, *text)
    return router
