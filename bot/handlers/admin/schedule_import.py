"""Import a cohort's schedule from an XLSX/CSV file: all or nothing, errors by row and column.
The upload step is the imports' shared ``bot.handlers.admin.table_upload``."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.table_upload import (
    ask_for_table,
    format_errors,
    not_a_file,
    valid_rows,
)
from domain.model import Cohort, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_cohorts import add_sessions
from domain.spreadsheet_rows import RowError, validate_schedule_rows


class ScheduleImport(StatesGroup):
    file = State()


async def start(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await ask_for_table(
        message, i18n, state, ScheduleImport.file, cohort, "admin-schedule-import-ask"
    )


async def file_sent(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    rows = await valid_rows(message, bot, i18n, validate_schedule_rows)
    if rows is None:
        return
    data = await state.get_data()
    assert person.id is not None
    added, problems = await add_sessions(
        uow_factory,
        person.id,
        int(data["cohort_id"]),
        rows,
        ZoneInfo(settings.timezone),
        clock(),
    )
    if problems:
        errors = [
            RowError(p.row, i18n.get("sheet-column-date"), "schedule-" + p.reason.value)
            for p in problems
        ]
        await message.answer(format_errors(i18n, errors))
        return
    await state.clear()
    await message.answer(i18n.get("admin-schedule-imported", count=len(added)))


def create_router() -> Router:
    router = Router(name="admin-schedule-import")
    router.message.register(file_sent, ScheduleImport.file, F.document)
    router.message.register(not_a_file, ScheduleImport.file, ~F.text.startswith("/"))
    return router
