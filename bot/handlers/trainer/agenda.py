"""The trainer's day: "🧑‍🏫" menu button and /today list today's sessions of their cohorts
(time, place or online link, cohort, topic) with buttons to start the check-in, open the
roster and add the cohort's schedule to a calendar."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiogram_i18n import I18nContext
from aiogram_i18n.lazy.filter import LazyFilter

from bot.config import Settings
from bot.files.calendar import cohort_calendar, ics_file_name
from bot.handlers.trainer.callbacks import CalendarCb, SessionAction
from bot.handlers.trainer.common import refuse
from bot.ui.formatting import format_clock, long_date
from bot.ui.markup import label
from bot.ui.screens import ui_lang
from domain.model import Lang, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.lookups import cohort_schedule
from domain.services.trainer import AgendaItem, agenda, is_trainer_of, record_refusal


def day_bounds(now: datetime, settings: Settings) -> tuple[datetime, datetime]:
    """Today in the organization's time zone, as an aware [start, end) span."""
    local = now.astimezone(settings.tz)
    start = datetime.combine(local.date(), time(0), tzinfo=settings.tz)
    return start, start + timedelta(days=1)


def agenda_text(
    items: list[AgendaItem], i18n: I18nContext, settings: Settings, now: datetime
) -> str:
    lang = ui_lang(i18n)
    tz = settings.tz
    day = long_date(now.astimezone(tz).date(), lang)
    if not items:
        return i18n.get("trainer-agenda-empty", date=day)
    lines = [i18n.get("trainer-agenda-title", date=day)]
    for item in items:
        topic = item.course.topic("kk" if lang == "kk" else "ru")
        if item.session.topic:
            topic = f"{topic}: {item.session.topic}"
        lines.append(
            i18n.get(
                "trainer-agenda-item",
                start=format_clock(item.session.starts_at, lang, tz),
                end=format_clock(item.session.ends_at, lang, tz),
                cohort=item.cohort.code,
                topic=topic,
                place=item.session.place or "—",
            )
        )
    return "\n".join(lines)


def agenda_keyboard(
    items: list[AgendaItem], i18n: I18nContext, settings: Settings
) -> InlineKeyboardMarkup | None:
    lang = ui_lang(i18n)
    rows: list[list[InlineKeyboardButton]] = []
    cohorts: dict[int, str] = {}
    for item in items:
        assert item.session.id is not None and item.cohort.id is not None
        start = format_clock(item.session.starts_at, lang, settings.tz)
        rows.append(
            [
                InlineKeyboardButton(
                    text=label(
                        i18n, "trainer-btn-start-checkin", start=start, cohort=item.cohort.code
                    ),
                    callback_data=SessionAction(action="start", session_id=item.session.id).pack(),
                ),
                InlineKeyboardButton(
                    text=label(i18n, "trainer-btn-roster", start=start, cohort=item.cohort.code),
                    callback_data=SessionAction(action="roster", session_id=item.session.id).pack(),
                ),
            ]
        )
        cohorts[item.cohort.id] = item.cohort.code
    for cohort_id, code in cohorts.items():
        rows.append(
            [
                InlineKeyboardButton(
                    text=label(i18n, "trainer-btn-calendar", cohort=code),
                    callback_data=CalendarCb(cohort_id=cohort_id).pack(),
                )
            ]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


async def show_agenda(
    message: Message,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    now = clock()
    start, end = day_bounds(now, settings)
    items = await agenda(uow_factory, person, start, end, now)
    if items is None:
        await refuse(message, i18n)
        return
    await message.answer(
        agenda_text(items, i18n, settings, now), reply_markup=agenda_keyboard(items, i18n, settings)
    )


async def send_calendar(
    query: CallbackQuery,
    callback_data: CalendarCb,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    lang: Lang = "kk" if ui_lang(i18n) == "kk" else "ru"
    schedule = await cohort_schedule(uow_factory, callback_data.cohort_id)
    if schedule is None or not is_trainer_of(person, schedule.cohort):
        await record_refusal(
            uow_factory, person, "calendar", clock(), cohort_id=callback_data.cohort_id
        )
        await refuse(query, i18n)
        return
    cohort, course, sessions = schedule.cohort, schedule.course, schedule.sessions
    organization = settings.organization_name_kk if lang == "kk" else settings.organization_name_ru
    content = cohort_calendar(cohort, course, sessions, lang, organization, clock())
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer_document(
            BufferedInputFile(
                content, filename=ics_file_name(cohort, i18n.get("screens-file-schedule"))
            ),
            caption=i18n.get(
                "trainer-calendar-caption",
                cohort=cohort.code,
                topic=course.topic(lang),
            ),
        )


def create_router() -> Router:
    router = Router(name="trainer-agenda")
    router.message.register(show_agenda, Command("today"))
    router.message.register(show_agenda, LazyFilter("menu-trainer"))
    router.callback_query.register(send_calendar, CalendarCb.filter())
    return router
