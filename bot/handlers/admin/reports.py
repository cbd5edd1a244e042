"""Reports: §19 NOBD export (/nobd, XLSX) and cohort statistics with a chart (/stats). The §38
effectiveness report (/effectiveness [months]) is ``effectiveness.py``."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.files.charts import bar_chart_png
from bot.files.nobd_xlsx import render_nobd_xlsx
from bot.handlers.admin.results_callbacks import CohortPick
from bot.handlers.admin.results_screens import ask_cohort
from bot.ui.file_names import file_name
from bot.ui.formatting import long_date
from bot.ui.screens import not_found, ui_lang
from domain.ports import UnitOfWorkFactory
from domain.services.reports import (
    ATTENDANCE_BUCKETS,
    cohort_statistics,
    nobd_rows,
)
from domain.working_days import nobd_deadline

NOBD_COLUMNS = (
    "full-name",
    "iin",
    "school",
    "position",
    "topic",
    "hours",
    "starts",
    "ends",
    "completed",
    "certificate",
)


async def nobd_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    await ask_cohort(message, i18n, uow_factory, "nobd", state)


async def stats_command(
    message: Message, i18n: I18nContext, uow_factory: UnitOfWorkFactory, state: FSMContext
) -> None:
    await ask_cohort(message, i18n, uow_factory, "stats", state)


async def nobd_export(
    query: CallbackQuery,
    callback_data: CohortPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    lang = ui_lang(i18n)
    found = await nobd_rows(uow_factory, callback_data.cohort_id, lang)
    if found is None:
        await not_found(query, i18n)
        return
    await query.answer()
    cohort, rows = found
    message = query.message
    if not isinstance(message, Message):
        return
    if not rows:
        await message.answer(i18n.get("results-nobd-empty", cohort=cohort.code))
        return
    headers = [i18n.get("results-nobd-column-" + c) for c in NOBD_COLUMNS]
    content = render_nobd_xlsx(rows, headers, i18n.get("results-nobd-sheet"))
    first = min((r.completed_on for r in rows if r.completed_on), default=None)
    deadline = (
        long_date(nobd_deadline(first, settings.extra_holidays, settings.extra_working_days), lang)
        if first
        else "—"
    )
    await message.answer_document(
        BufferedInputFile(
            content, filename=file_name(i18n.get("screens-file-nobd"), cohort.code, ext="xlsx")
        ),
        caption=i18n.get(
            "results-nobd-caption",
            cohort=cohort.code,
            count=len(rows),
            deadline=deadline,
        ),
    )


async def statistics(
    query: CallbackQuery,
    callback_data: CohortPick,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
) -> None:
    stats = await cohort_statistics(uow_factory, callback_data.cohort_id)
    if stats is None:
        await not_found(query, i18n)
        return
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    buckets = stats.attendance
    text = i18n.get(
        "results-stats",
        cohort=stats.cohort.code,
        topic=stats.course.topic(ui_lang(i18n)),
        applications=stats.applications,
        enrolled=stats.enrolled,
        completed=stats.statuses["completed"],
        failed=stats.statuses["not_passed"],
        progress=stats.statuses["enrolled"],
        expelled=stats.statuses["expelled"],
        rate=stats.pass_rate_percent,
        certificates=stats.certificates,
        lt50=buckets["lt50"],
        mid=buckets["50-79"],
        good=buckets["80-99"],
        full=buckets["100"],
    )
    await message.answer(text)
    labels = [i18n.get("results-stats-bucket-" + b) for b in ATTENDANCE_BUCKETS]
    png = bar_chart_png(
        i18n.get("results-stats-chart-title", cohort=stats.cohort.code),
        labels,
        [buckets[b] for b in ATTENDANCE_BUCKETS],
        i18n.get("results-stats-chart-axis"),
    )
    await message.answer_photo(
        BufferedInputFile(png, filename=file_name(i18n.get("screens-file-attendance"), ext="png")),
        caption=i18n.get("results-stats-chart-caption"),
    )


def create_router() -> Router:
    router = Router(name="results-reports")
    router.message.register(nobd_command, Command("nobd"))
    router.message.register(stats_command, Command("stats"))
    router.callback_query.register(nobd_export, CohortPick.filter(F.action == "nobd"))
    router.callback_query.register(statistics, CohortPick.filter(F.action == "stats"))
    return router
