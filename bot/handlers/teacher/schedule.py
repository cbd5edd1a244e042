"""/schedule: the listener's ongoing cohorts, each as an .ics calendar file."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.files.calendar import cohort_calendar, ics_file_name
from domain.model import Lang, Person
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.lookups import ongoing_schedules


async def schedule(
    message: Message,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    """The listener's ongoing cohorts, each as an .ics file."""
    lang: Lang = "kk" if i18n.locale == "kk" else "ru"
    assert person.id is not None
    files = await ongoing_schedules(uow_factory, person.id)
    if not files:
        await message.answer(i18n.get("schedule-none"))
        return
    organization = settings.organization_name_kk if lang == "kk" else settings.organization_name_ru
    for cohort, course, sessions in ((f.cohort, f.course, f.sessions) for f in files):
        content = cohort_calendar(cohort, course, sessions, lang, organization, clock())
        await message.answer_document(
            BufferedInputFile(
                content, filename=ics_file_name(cohort, i18n.get("screens-file-schedule"))
            ),
            caption=i18n.get(
                "schedule-caption",
                cohort=cohort.code,
                topic=course.topic(lang),
            ),
        )


def create_router() -> Router:
    router = Router(name="teacher-schedule")
    router.message.register(schedule, Command("schedule"))
    return router
