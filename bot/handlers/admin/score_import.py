"""§28 scores from a spreadsheet (/scores_import): IIN, score, one column per module grade.
All or nothing — an error list names the row, the column and the reason."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.results_callbacks import CohortPick
from bot.handlers.admin.results_screens import ask_cohort
from bot.handlers.admin.scores import summary_texts
from bot.handlers.admin.table_upload import format_errors, receive_table
from bot.ui.screens import nav_keyboard, not_found, ui_lang
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.lookups import cohort_with_course
from domain.services.results import decide_cohort_outcomes
from domain.services.score_import import import_scores
from domain.spreadsheet_rows import RowError

#: Reasons worded by the shared spreadsheet texts (locales/*/admin-spreadsheets.ftl).
SHARED_REASONS = {"required", "too-long", "iin", "duplicate", "formula", "missing-column"}


class ImportForm(StatesGroup):
    file = State()


async def import_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    await ask_cohort(message, i18n, uow_factory, "import", state)


async def cohort_for_import(
    query: CallbackQuery,
    callback_data: CohortPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    state: FSMContext,
) -> None:
    found = await cohort_with_course(uow_factory, callback_data.cohort_id)
    if found is None:
        await not_found(query, i18n)
        return
    cohort, course = found
    await query.answer()
    await state.set_state(ImportForm.file)
    await state.update_data(cohort_id=cohort.id)
    lang = ui_lang(i18n)
    modules = "\n".join(f"• {m.name(lang)}" for m in course.modules) or "—"
    if isinstance(query.message, Message):
        await query.message.answer(
            i18n.get(
                "results-import-ask-file",
                cohort=cohort.code,
                max=course.max_score,
                modules=modules,
            ),
            reply_markup=nav_keyboard(i18n),
        )


def reason_key(reason: str) -> str:
    return ("sheet-reason-" if reason in SHARED_REASONS else "results-import-reason-") + reason


def column_key(name: str) -> str | None:
    """A missing column: IIN and score by their translated names, a module by its own."""
    return {"iin": "sheet-column-iin", "score": "results-column-score"}.get(name)


def errors_text(i18n: I18nContext, errors: list[RowError]) -> str:
    return format_errors(i18n, errors, reason_key=reason_key, column_key=column_key)


async def file_received(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    bot: Bot,
    uow_factory: UnitOfWorkFactory,
    person: Person,
    clock: Clock,
    settings: Settings,
) -> None:
    table = await receive_table(message, bot, i18n, reply_markup=nav_keyboard(i18n))
    if table is None:
        return
    data = await state.get_data()
    assert person.id is not None
    result = await import_scores(
        uow_factory,
        person.id,
        data["cohort_id"],
        table.headers,
        table.rows,
        clock(),
        tz=settings.tz,
    )
    if result is None:
        await state.clear()
        await message.answer(i18n.get("results-not-found"))
        return
    if not result.ok:
        await message.answer(errors_text(i18n, result.errors), reply_markup=nav_keyboard(i18n))
        return
    await state.clear()
    await message.answer(i18n.get("results-import-done", count=len(result.rows)))
    summary = await decide_cohort_outcomes(uow_factory, data["cohort_id"], clock(), person.id)
    if summary is not None:
        for text in summary_texts(i18n, summary):
            await message.answer(text)


async def not_a_file(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("results-import-send-file"), reply_markup=nav_keyboard(i18n))


def create_router() -> Router:
    router = Router(name="results-import")
    router.message.register(import_command, Command("scores_import"))
    router.callback_query.register(cohort_for_import, CohortPick.filter(F.action == "import"))
    router.message.register(file_received, ImportForm.file, F.document)
    router.message.register(not_a_file, ImportForm.file, ~F.text.startswith("/"))
    return router
