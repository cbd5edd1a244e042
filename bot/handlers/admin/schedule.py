"""A cohort's schedule of sessions (date, time, academic hours, room or online link): added one
by one, shown as a list, and sent as an .ics calendar file (``bot.files.calendar``)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.ui.formatting import long_date
from domain.model import Cohort, Lang, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_cohorts import add_sessions, cohort_schedule
from domain.services.admin_courses import get_course
from domain.spreadsheet_rows import validate_schedule_rows

SESSION_HEADERS = ["date", "time", "hours", "place"]


class SessionForm(StatesGroup):
    line = State()


async def send_schedule(
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
    tz = ZoneInfo(settings.timezone)
    lines = [
        i18n.get(
            "admin-schedule-line",
            number=n,
            day=long_date(s.starts_at.astimezone(tz).date(), i18n.locale),
            time=f"{s.starts_at.astimezone(tz):%H:%M}",
            hours=s.academic_hours,
            place=s.place,
        )
        for n, s in enumerate(sessions, start=1)
    ]
    await message.answer(
        i18n.get("admin-schedule-title", code=cohort.code, count=len(sessions))
        + "\n"
        + "\n".join(lines)
    )


async def send_calendar(
    message: Message,
    i18n: I18nContext,
    cohort: Cohort,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    """The schedule as an .ics file (``bot.files.calendar``) to forward to trainers and
    teachers."""
    from bot.files.calendar import cohort_calendar, ics_file_name

    sessions = await cohort_schedule(uow_factory, cohort.id or 0)
    course = await get_course(uow_factory, cohort.course_id)
    if not sessions or course is None:
        await message.answer(i18n.get("admin-schedule-empty", code=cohort.code))
        return
    lang: Lang = "kk" if i18n.locale == "kk" else "ru"
    organization = settings.organization_name_kk if lang == "kk" else settings.organization_name_ru
    data = cohort_calendar(cohort, course, sessions, lang, organization, clock())
    await message.answer_document(
        BufferedInputFile(data, filename=ics_file_name(cohort, i18n.get("screens-file-schedule"))),
        caption=i18n.get("admin-schedule-ics", code=cohort.code),
    )


async def session_typed(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    clock: Clock,
    settings: Settings,
) -> None:
    """One session per message: "DD.MM.YYYY HH:MM hours room-or-link", checked by the same
    rules as an imported schedule."""
    parts = (message.text or "").split(maxsplit=3)
    cells = dict(zip(SESSION_HEADERS, parts + [""] * (4 - len(parts)), strict=True))
    checked = validate_schedule_rows(SESSION_HEADERS, [(1, cells)])
    if checked.errors:
        await message.answer(
            i18n.get(
                "admin-session-bad",
                reason=i18n.get(
                    "sheet-reason-" + checked.errors[0].reason,
                    value=checked.errors[0].value,
                    other_row=0,
                ),
            )
        )
        return
    data = await state.get_data()
    assert person.id is not None
    added, problems = await add_sessions(
        uow_factory,
        person.id,
        int(data["cohort_id"]),
        checked.rows,
        ZoneInfo(settings.timezone),
        clock(),
    )
    if problems:
        await message.answer(
            i18n.get("admin-schedule-refused-" + problems[0].reason.value, row=problems[0].row)
        )
        return
    await message.answer(i18n.get("admin-session-added", count=len(added)))


def create_router() -> Router:
    router = Router(name="admin-schedule")
    router.message.register(session_typed, SessionForm.line, F.text, ~F.text.startswith("/"))
    return router
