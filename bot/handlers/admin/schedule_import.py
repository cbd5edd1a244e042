"""Import a cohort's schedule from an XLSX/CSV file: all or nothing, errors by row and column.

Also the shared upload step of the admin imports: ``read_upload`` checks the file's name and
size before downloading it and turns it into a ``bot.spreadsheets.Table``.
"""

from __future__ import annotations

import html
from zoneinfo import ZoneInfo

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.spreadsheets import MAX_BYTES, SpreadsheetError, Table, format_errors, read_table
from domain.model import Cohort, Person
from domain.services.admin_cohorts import add_sessions
from domain.spreadsheet_rows import RowError, validate_schedule_rows


class ScheduleImport(StatesGroup):
    file = State()


async def read_upload(message: Message, bot: Bot) -> Table:
    """Download the sent document (refused early if too big or not .xlsx/.csv) and read it."""
    document = message.document
    assert document is not None
    name = document.file_name or ""
    if not name.lower().endswith((".xlsx", ".csv", ".txt")):
        raise SpreadsheetError("sheet-error-type")
    if (document.file_size or 0) > MAX_BYTES:
        raise SpreadsheetError("sheet-error-too-big", max_mb=MAX_BYTES // (1024 * 1024))
    try:
        buffer = await bot.download(document.file_id)
        content = buffer.read() if buffer is not None else b""
    except Exception as error:  # Telegram refused or the connection broke: ask to resend
        raise SpreadsheetError("sheet-error-download") from error
    return read_table(content, name)


async def start(
    message: Message, i18n: I18nContext, state: FSMContext, cohort: Cohort, uow_factory
) -> None:
    await state.set_state(ScheduleImport.file)
    await state.update_data(cohort_id=cohort.id)
    await message.answer(i18n.get("admin-schedule-import-ask", code=html.escape(cohort.code)))


async def file_sent(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory,
    clock,
    settings,
) -> None:
    try:
        table = await read_upload(message, bot)
    except SpreadsheetError as error:
        await message.answer(i18n.get(error.key, **error.params))
        return
    checked = validate_schedule_rows(table.headers, table.rows)
    if checked.errors:
        await message.answer(format_errors(i18n, checked.errors))
        return
    data = await state.get_data()
    added, problems = await add_sessions(
        uow_factory(),
        person.id,
        int(data["cohort_id"]),
        checked.rows,
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


async def not_a_file(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("admin-import-send-file"))


def register(router: Router) -> None:
    router.message.register(file_sent, ScheduleImport.file, F.document)
    router.message.register(not_a_file, ScheduleImport.file, ~F.text.startswith("/"))
