"""§18: import an education department's list (XLSX/CSV) into a cohort, all or nothing.

Every row is validated first (``domain.spreadsheet_rows``); any error → nothing is imported
and the answer lists row, column and reason (the first 20, then "and N more"). A valid list is
stored in one transaction, with the progress shown by editing one message.
"""

from __future__ import annotations

from functools import partial

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.table_upload import (
    ask_for_table,
    not_a_file,
    valid_rows,
)
from bot.ui.formatting import local_today
from bot.ui.progress import Progress
from domain.model import Cohort, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.enrollment import import_enrollment_list
from domain.spreadsheet_rows import validate_enrollment_rows


class ListImport(StatesGroup):
    file = State()


async def start(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
) -> None:
    await ask_for_table(message, i18n, state, ListImport.file, cohort, "admin-list-import-ask")


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
    today = local_today(clock, settings)  # an IIN born after it is refused
    rows = await valid_rows(message, bot, i18n, partial(validate_enrollment_rows, today=today))
    if rows is None:
        return
    data = await state.get_data()
    progress = await Progress.start(message, i18n, len(rows))
    try:
        assert person.id is not None
        summary = await import_enrollment_list(
            uow_factory, person.id, int(data["cohort_id"]), rows, clock(), progress.update
        )
    except BaseException:
        await progress.abandon()  # no progress line after the error's answer
        raise
    if summary.refused_no_seats is not None:
        await progress.finish(i18n.get("admin-list-no-seats", seats=summary.refused_no_seats))
        return
    await state.clear()
    await progress.finish(
        i18n.get(
            "admin-list-imported",
            enrolled=summary.enrolled,
            created=summary.created,
            matched=summary.matched,
            already=len(summary.already_in_cohort),
        )
    )


def create_router() -> Router:
    router = Router(name="admin-enrollment-import")
    router.message.register(file_sent, ListImport.file, F.document)
    router.message.register(not_a_file, ListImport.file, ~F.text.startswith("/"))
    return router
