"""/schedule: a listener gets their cohort's schedule as an .ics file with one event per
session in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import SendDocument
from aiogram.types import BufferedInputFile
from icalendar import Calendar

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from tests.bot.checkin.factories import TEACHER_KK_TG, TEACHER_RU_TG, build_world


def parse_ics(request: SendDocument) -> Calendar:
    document = request.document
    assert isinstance(document, BufferedInputFile)
    assert document.filename.endswith(".ics")
    return Calendar.from_ical(document.data)


async def test_listener_gets_the_schedule_as_ics(harness: Harness, services: Services) -> None:
    world = await build_world(services)
    sent = await harness.send(make_user(TEACHER_RU_TG, "ru"), "/schedule")
    documents = [r for r in sent if isinstance(r, SendDocument)]
    assert len(documents) == 1
    assert documents[0].caption == (
        "📅 Расписание потока ФГ-2026-01: Функциональная грамотность. Откройте файл, чтобы "
        "добавить занятия в календарь телефона."
    )
    events = parse_ics(documents[0]).walk("VEVENT")
    assert len(events) == len(world.sessions) == 5
    first = events[0]
    assert first.decoded("dtstart") == datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    assert first.decoded("dtend") == datetime(2026, 11, 23, 11, 30, tzinfo=UTC)
    assert first.decoded("dtstart").utcoffset() == timedelta(0)
    assert str(first["summary"]) == "Функциональная грамотность"
    assert str(first["location"]) == "ауд. 204"
    assert [e.decoded("dtstart") for e in events] == [s.starts_at for s in world.sessions]
    assert len({str(e["uid"]) for e in events}) == 5

    sent = await harness.send(make_user(TEACHER_KK_TG, "kk"), "/schedule")
    document = next(r for r in sent if isinstance(r, SendDocument))
    assert document.caption is not None and document.caption.startswith(
        "📅 ФГ-2026-01 ағынының сабақ кестесі: Функционалдық сауаттылық."
    )
    assert str(parse_ics(document).walk("VEVENT")[0]["summary"]) == "Функционалдық сауаттылық"


async def test_person_without_courses_is_told_so(harness: Harness, services: Services) -> None:
    await build_world(services)
    assert texts(await harness.send(make_user(730_001, "kk"), "/schedule")) == [
        "Сізде сабақ кестесі бар ағымдағы курс жоқ."
    ]
    assert texts(await harness.send(make_user(730_002, "ru"), "/schedule")) == [
        "У вас нет текущих курсов с расписанием."
    ]
