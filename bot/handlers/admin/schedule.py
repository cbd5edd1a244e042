"""A cohort's schedule of sessions (date, time, academic hours, room or online link): added one
by one (a form per session, ``bot.ui.forms``: nothing is stored before Confirm; the outcome
offers the next one), shown as a list, and sent as an .ics calendar file
(``bot.files.calendar``)."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.handlers.admin.callbacks import CohortAction
from bot.handlers.admin.panel import button
from bot.ui.formatting import long_date
from bot.ui.forms import (
    Form,
    FormRun,
    Invalid,
    Step,
    StepView,
    day,
    integer,
    open_form,
    text,
    time_of_day,
)
from bot.ui.forms.model import Values
from domain.model import Cohort, Lang, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_cohorts import add_sessions, cohort_schedule
from domain.services.admin_courses import get_course
from domain.spreadsheet_rows import MAX_CELL_TEXT, MAX_SESSION_HOURS, ScheduleRow


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


async def start_session_form(
    message: Message, i18n: I18nContext, state: FSMContext, cohort: Cohort
) -> None:
    """One session per form: date, time, academic hours, room or link, then a summary."""
    await open_form(
        NEW_SESSION,
        message,
        state,
        i18n,
        context={
            "cohort_id": cohort.id,
            "code": cohort.code,
            "from": cohort.starts_on.isoformat(),
            "to": cohort.ends_on.isoformat(),
        },
        values={FROM: cohort.starts_on.isoformat(), TO: cohort.ends_on.isoformat()},
    )


FROM, TO = "_from", "_to"  # the cohort's dates: known values no step asks, for the date check


def within_cohort(value: str, values: Values) -> None:
    if not values.get(FROM, value) <= value <= values.get(TO, value):
        raise Invalid(
            "admin-session-outside",
            starts=date.fromisoformat(values[FROM]),
            ends=date.fromisoformat(values[TO]),
        )


def cohort_dates(view: StepView) -> dict[str, str]:
    return {
        "starts": long_date(date.fromisoformat(view.context["from"]), view.i18n.locale),
        "ends": long_date(date.fromisoformat(view.context["to"]), view.i18n.locale),
    }


async def add_session(run: FormRun) -> str | None:
    """Checked by the same rules as an imported schedule (dates of the cohort, no clash)."""
    values, i18n = run.values, run.i18n
    row = ScheduleRow(
        1,
        date.fromisoformat(values["day"]),
        time.fromisoformat(values["time"]),
        int(values["hours"]),
        values["place"],
    )
    person: Person = run["person"]
    settings: Settings = run["settings"]
    assert person.id is not None
    cohort_id = int(run.context["cohort_id"])
    _, problems = await add_sessions(
        run["uow_factory"], person.id, cohort_id, [row], ZoneInfo(settings.timezone), run["clock"]()
    )
    run.markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [
                button(
                    i18n.get("admin-session-another"),
                    CohortAction(action="add-session", cohort_id=cohort_id).pack(),
                )
            ]
        ]
    )
    if problems:
        return i18n.get("admin-session-refused-" + problems[0].reason.value)
    return i18n.get("admin-session-added")


NEW_SESSION = Form(
    name="session",
    title="admin-session-summary",
    confirm="admin-session-confirm",
    submit=add_session,
    steps=(
        Step(
            "day",
            "admin-session-ask-day",
            "admin-session-label-day",
            day(),
            check=within_cohort,
            args=cohort_dates,
        ),
        Step("time", "admin-session-ask-time", "admin-session-label-time", time_of_day()),
        Step(
            "hours",
            "admin-session-ask-hours",
            "admin-session-label-hours",
            integer(1, MAX_SESSION_HOURS),
        ),
        Step(
            "place",
            "admin-session-ask-place",
            "admin-session-label-place",
            text(MAX_CELL_TEXT),
        ),
    ),
    title_args=lambda context: {"code": context["code"], "max": MAX_SESSION_HOURS},
)
FORMS = (NEW_SESSION,)


def create_router() -> Router:
    return Router(name="admin-schedule")
