"""Session reminders: 18:00 (Asia/Almaty) the day before and an hour before, to listeners and
trainers, enqueued once whatever the job's timing, and still sent after downtime if useful."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.dev.testing import Harness
from bot.runtime.background import PERIODIC_JOBS
from bot.runtime.container import Services
from bot.runtime.jobs.reminders import send_reminders
from domain.model import EnrollmentStatus
from domain.services.reminders import (
    ReminderKind,
    hour_before_text_holds,
    reminder_due_at,
    reminder_useful,
)
from storage.models import OutboxRow
from tests.bot.checkin.factories import (
    OTHER_TRAINER_TG,
    TEACHER_KK_TG,
    TEACHER_RU_TG,
    TRAINER_TG,
    World,
    add_person,
    build_world,
    enroll,
)
from tests.conftest import FakeClock

ALMATY = ZoneInfo("Asia/Almaty")
TOMORROW_START = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # 15:00 in Almaty
DAY_BEFORE_DUE = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)  # 18:00 in Almaty the day before


async def rows(services: Services) -> list[tuple[str, int, str, str, dict[str, object]]]:
    async with services.uow_factory() as uow:
        found = (await uow.session.scalars(select(OutboxRow).order_by(OutboxRow.id))).all()
        return [
            (r.dedup_key, r.chat_id, r.payload["lang"], r.payload["key"], r.payload["args"])
            for r in found
            if r.dedup_key.startswith("reminder:")
        ]


def keys_for(world: World, kind: str, session_index: int) -> set[str]:
    a = world.sessions[session_index].id
    b = world.other_sessions[session_index].id
    return {
        f"reminder:{kind}:{a}:{world.teacher.id}",
        f"reminder:{kind}:{a}:{world.teacher_kk.id}",
        f"reminder:{kind}:{a}:{world.trainer.id}",
        f"reminder:{kind}:{b}:{world.other_trainer.id}",
    }


def test_due_times_and_usefulness() -> None:
    assert reminder_due_at(ReminderKind.DAY_BEFORE, TOMORROW_START, ALMATY) == DAY_BEFORE_DUE
    assert reminder_due_at(ReminderKind.HOUR_BEFORE, TOMORROW_START, ALMATY) == datetime(
        2026, 11, 24, 9, 0, tzinfo=UTC
    )
    # a session just after local midnight: the day before is the previous calendar day
    early = datetime(2026, 11, 24, 19, 30, tzinfo=UTC)  # 00:30 on 25 November in Almaty
    assert reminder_due_at(ReminderKind.DAY_BEFORE, early, ALMATY) == DAY_BEFORE_DUE.replace(day=24)
    day, hour = ReminderKind.DAY_BEFORE, ReminderKind.HOUR_BEFORE
    at = datetime(2026, 11, 24, 8, 59, 59, tzinfo=UTC)
    assert reminder_useful(day, TOMORROW_START, at, ALMATY)
    assert not reminder_useful(
        day, TOMORROW_START, at.replace(minute=0, second=0, hour=9), ALMATY
    )  # less than an hour left: only the hour reminder
    assert not reminder_useful(hour, TOMORROW_START, at, ALMATY)
    assert reminder_useful(hour, TOMORROW_START, datetime(2026, 11, 24, 9, 0, tzinfo=UTC), ALMATY)
    assert not reminder_useful(hour, TOMORROW_START, TOMORROW_START, ALMATY)


async def test_day_before_at_18_local_once_then_hour_before(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 12, 59, 59, tzinfo=UTC)
    assert await send_reminders(harness.bot, services) == 0
    clock.now = DAY_BEFORE_DUE
    assert await send_reminders(harness.bot, services) == 4
    found = await rows(services)
    assert {r[0] for r in found} == keys_for(world, "day", 1)
    by_chat = {r[1]: r for r in found}
    assert by_chat[TEACHER_RU_TG][2:4] == ("ru", "reminder-day-before")
    assert by_chat[TEACHER_KK_TG][2:4] == ("kk", "reminder-day-before")
    assert by_chat[TRAINER_TG][3] == "reminder-trainer-day-before"
    assert by_chat[OTHER_TRAINER_TG][2:4] == ("kk", "reminder-trainer-day-before")
    core = services.i18n_core
    assert core.get("reminder-day-before", "ru", **by_chat[TEACHER_RU_TG][4]) == (
        "🔔 Напоминание: занятие 24 ноября, вторник, 15:00.\n"
        "Функциональная грамотность (поток ФГ-2026-01)\n"
        "📍 ауд. 204"
    )
    assert core.get("reminder-day-before", "kk", **by_chat[TEACHER_KK_TG][4]) == (
        "🔔 Еске салу: сабақ уақыты — 24 қараша, сейсенбі, 15:00.\n"
        "Функционалдық сауаттылық (ФГ-2026-01 ағыны)\n"
        "📍 ауд. 204"
    )
    # the job runs every minute, on two instances: nothing more
    clock.advance(minutes=1)
    assert await send_reminders(harness.bot, services) == 0
    assert await send_reminders(harness.bot, services) == 0
    # the bot was down from the evening until 09:30 (start 10:00): the hour reminder still
    # goes, but with 30 minutes left it no longer says "in one hour"
    clock.now = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    assert await send_reminders(harness.bot, services) == 4
    found = await rows(services)
    assert {r[0] for r in found} == keys_for(world, "day", 1) | keys_for(world, "hour", 1)
    late = {r[1]: r for r in found if r[0].startswith("reminder:hour:")}
    assert late[TEACHER_RU_TG][3] == "reminder-soon"
    assert late[TRAINER_TG][3] == "reminder-trainer-soon"
    assert core.get("reminder-soon", "ru", **late[TEACHER_RU_TG][4]).startswith(
        "⏰ Скоро занятие: 24 ноября, вторник, 15:00."
    )
    assert core.get("reminder-soon", "kk", **late[TEACHER_KK_TG][4]).startswith(
        "⏰ Сабақ жақында басталады: 24 қараша, сейсенбі, 15:00."
    )
    # after the start nothing is sent for that session any more
    clock.now = TOMORROW_START
    assert await send_reminders(harness.bot, services) == 0


async def test_missed_day_before_is_sent_after_restart_if_more_than_an_hour_is_left(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 24, 8, 30, tzinfo=UTC)  # down all evening and night
    assert await send_reminders(harness.bot, services) == 4
    assert {r[0] for r in await rows(services)} == keys_for(world, "day", 1)
    clock.now = datetime(2026, 11, 24, 9, 10, tzinfo=UTC)
    assert await send_reminders(harness.bot, services) == 4
    found = await rows(services)
    assert {r[0] for r in found} == keys_for(world, "day", 1) | keys_for(world, "hour", 1)
    # 50 minutes before the start: "in one hour" is still what it says
    hour = {r[1]: r[3] for r in found if r[0].startswith("reminder:hour:")}
    assert hour[TEACHER_RU_TG] == "reminder-hour-before"
    assert hour[TEACHER_KK_TG] == "reminder-hour-before"
    assert hour[TRAINER_TG] == "reminder-trainer-hour-before"


async def test_day_before_skipped_when_less_than_an_hour_is_left(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 24, 9, 1, tzinfo=UTC)
    assert await send_reminders(harness.bot, services) == 4
    assert {r[0] for r in await rows(services)} == keys_for(world, "hour", 1)


async def test_expelled_and_unlinked_listeners_get_no_reminder(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    unlinked = await add_person(services, None, "ru", "Без Телеграма")
    await enroll(services, unlinked, world.cohort)
    expelled = await add_person(services, 750_001, "ru", "Отчисленный Слушатель")
    await enroll(services, expelled, world.cohort, status=EnrollmentStatus.EXPELLED)
    clock.now = DAY_BEFORE_DUE
    assert await send_reminders(harness.bot, services) == 4
    assert {r[1] for r in await rows(services)} == {
        TEACHER_RU_TG,
        TEACHER_KK_TG,
        TRAINER_TG,
        OTHER_TRAINER_TG,
    }


def test_in_one_hour_is_said_only_while_about_an_hour_is_left() -> None:
    assert hour_before_text_holds(TOMORROW_START, datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    assert hour_before_text_holds(TOMORROW_START, datetime(2026, 11, 24, 9, 15, tzinfo=UTC))
    assert not hour_before_text_holds(TOMORROW_START, datetime(2026, 11, 24, 9, 15, 1, tzinfo=UTC))
    assert not hour_before_text_holds(TOMORROW_START, datetime(2026, 11, 24, 9, 50, tzinfo=UTC))


def test_jobs_are_registered_with_the_scheduler() -> None:
    names = {job.name: job.every_seconds for job in PERIODIC_JOBS}
    assert names["session-reminders"] == 60.0
    assert names["attendance-warnings"] == 600.0
