"""§38 effectiveness report (/effectiveness [months]): the §36–37 consultation figures, the
follow-up survey's results with a chart and an XLSX workbook, and the three-yearly review —
when the last one was recorded, when the next is due, and a button to record one done."""

from __future__ import annotations

from datetime import date, timedelta

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.files.charts import bar_chart_png
from bot.files.effectiveness_xlsx import render_effectiveness_xlsx
from bot.handlers.admin.panel import button
from bot.handlers.admin.typed_dates import parse_day
from bot.ui.formatting import local_today, long_date
from bot.ui.screens import ui_lang
from domain.follow_up import APPLIED_ANSWERS, HELPED_SCALE, REVIEW_NOTE_MAX, SURVEY_WAVES
from domain.model import Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.follow_up import (
    ReviewError,
    SurveySummary,
    record_review,
    review_status,
    survey_summary,
)
from domain.services.reports import Effectiveness, effectiveness

DEFAULT_MONTHS, MAX_MONTHS = 12, 36
#: From "did not help at all" (red) to "helped very much" (green).
SCALE_COLORS = ("#c0392b", "#e67e22", "#f1c40f", "#27ae60", "#1e8449")


class ReviewCb(CallbackData, prefix="aef"):
    action: str  # record | cancel


class ReviewForm(StatesGroup):
    day = State()
    note = State()


def _cancel_keyboard(i18n: I18nContext) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[button(i18n.get("form-cancel"), ReviewCb(action="cancel").pack())]]
    )


def _consultations_text(i18n: I18nContext, months: int, since: date, report: Effectiveness) -> str:
    """``since``: the period's first day, the organization's local date."""
    hours = report.median_answer_hours
    return i18n.get(
        "results-effectiveness",
        months=months,
        since=long_date(since, ui_lang(i18n)),
        total=report.total,
        consultation=report.per_kind.get("consultation", 0),
        publication=report.per_kind.get("publication", 0),
        community=report.per_kind.get("community_event", 0),
        answered=report.answered,
        share=report.answered_percent,
        # a number, so that Fluent writes it with the locale's decimal comma ("0,5")
        median="—" if hours is None else round(hours, 1),
    )


def _survey_text(i18n: I18nContext, summary: SurveySummary) -> str:
    lines = [i18n.get("survey-report-title")]
    for wave in SURVEY_WAVES:
        figures = summary.waves[wave]
        average = figures.helped_average
        if not figures.responses:
            lines.append(i18n.get("survey-report-wave-none", months=wave))
            continue
        lines.append(
            i18n.get(
                "survey-report-wave",
                months=wave,
                responses=figures.responses,
                average="—" if average is None else round(average, 1),
                applied=figures.applied_percent,
                comments=len(figures.comments),
            )
        )
    return "\n".join(lines)


async def effectiveness_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    months = DEFAULT_MONTHS
    if command.args:
        arg = command.args.strip()
        if not arg.isdigit() or not 1 <= int(arg) <= MAX_MONTHS:
            await message.answer(i18n.get("results-effectiveness-bad-months", max=MAX_MONTHS))
            return
        months = int(arg)
    since = clock() - timedelta(days=round(months * 30.44))
    report = await effectiveness(uow_factory, since, settings.tz)
    summary = await survey_summary(uow_factory, since)
    consultations = _consultations_text(i18n, months, since.astimezone(settings.tz).date(), report)
    survey = _survey_text(i18n, summary)
    await message.answer(consultations + "\n\n" + survey)
    scores = summary.helped_all
    png = bar_chart_png(
        i18n.get("survey-chart-title"),
        [str(score) for score in HELPED_SCALE],
        [scores[score] for score in HELPED_SCALE],
        i18n.get("survey-chart-axis"),
        SCALE_COLORS,
    )
    await message.answer_photo(
        BufferedInputFile(png, filename="survey.png"), caption=i18n.get("survey-chart-caption")
    )
    workbook = render_effectiveness_xlsx(
        i18n.get("survey-xlsx-sheet"),
        [
            (i18n.get("survey-xlsx-period"), months),
            (i18n.get("survey-xlsx-consultations"), report.total),
            (i18n.get("survey-xlsx-answered"), report.answered),
        ],
        [i18n.get("survey-xlsx-wave")]
        + [i18n.get("survey-xlsx-responses")]
        + [i18n.get("survey-xlsx-helped", score=s) for s in HELPED_SCALE]
        + [i18n.get("survey-xlsx-average")]
        + [i18n.get("survey-applied-" + a) for a in APPLIED_ANSWERS],
        [
            [
                wave,
                summary.waves[wave].responses,
                *(summary.waves[wave].helped[s] for s in HELPED_SCALE),
                summary.waves[wave].helped_average,
                *(summary.waves[wave].applied[a] for a in APPLIED_ANSWERS),
            ]
            for wave in SURVEY_WAVES
        ],
        i18n.get("survey-xlsx-comments"),
        [(wave, c) for wave in SURVEY_WAVES for c in summary.waves[wave].comments],
    )
    await message.answer_document(
        BufferedInputFile(workbook, filename=f"effectiveness-{months}.xlsx"),
        caption=i18n.get("survey-xlsx-caption"),
    )
    await _send_review_status(message, i18n, uow_factory, clock, settings)


async def _send_review_status(
    message: Message,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    status = await review_status(uow_factory, local_today(clock, settings))
    lang = ui_lang(i18n)
    if status.last is None:
        text = i18n.get("review-status-none")
    else:
        text = i18n.get(
            "review-status",
            last=long_date(status.last.reviewed_on, lang),
            due=long_date(status.due_on, lang),
            note=status.last.note,
        )
    await message.answer(
        text,
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[
                [button(i18n.get("review-button-record"), ReviewCb(action="record").pack())]
            ]
        ),
    )


async def review_pressed(
    query: CallbackQuery, callback_data: ReviewCb, i18n: I18nContext, state: FSMContext
) -> None:
    await query.answer()
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        return
    if callback_data.action == "record":
        await state.clear()
        await state.set_state(ReviewForm.day)
        await message.answer(i18n.get("review-ask-date"), reply_markup=_cancel_keyboard(i18n))
    else:
        await state.clear()
        await message.answer(i18n.get("form-cancelled"))


async def review_day_typed(
    message: Message, i18n: I18nContext, state: FSMContext, clock: Clock, settings: Settings
) -> None:
    day = parse_day(message.text or "")
    if day is None:
        await message.answer(i18n.get("admin-bad-date"), reply_markup=_cancel_keyboard(i18n))
        return
    if day > local_today(clock, settings):
        await message.answer(i18n.get("review-refused-future"), reply_markup=_cancel_keyboard(i18n))
        return
    await state.update_data(reviewed_on=day.isoformat())
    await state.set_state(ReviewForm.note)
    await message.answer(
        i18n.get("review-ask-note", max=REVIEW_NOTE_MAX), reply_markup=_cancel_keyboard(i18n)
    )


async def review_note_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    data = await state.get_data()
    assert person.id is not None
    try:
        await record_review(
            uow_factory,
            person.id,
            date.fromisoformat(data["reviewed_on"]),
            message.text or "",
            clock(),
            local_today(clock, settings),
        )
    except ReviewError as error:
        await message.answer(
            i18n.get("review-refused-" + error.reason.value, max=REVIEW_NOTE_MAX),
            reply_markup=_cancel_keyboard(i18n),
        )
        return
    await state.clear()
    await message.answer(i18n.get("review-recorded"))
    await _send_review_status(message, i18n, uow_factory, clock, settings)


def create_router() -> Router:
    router = Router(name="admin-effectiveness")
    router.message.register(effectiveness_command, Command("effectiveness"))
    router.callback_query.register(review_pressed, ReviewCb.filter())
    text = (F.text, ~F.text.startswith("/"))
    router.message.register(review_day_typed, ReviewForm.day, *text)
    router.message.register(review_note_typed, ReviewForm.note, *text)
    return router
