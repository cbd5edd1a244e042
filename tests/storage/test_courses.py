"""Courses with modules, cohorts with trainers and seats, training sessions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.model import (
    Cohort,
    CourseModule,
    Enrollment,
    EnrollmentStatus,
    Person,
    TrainingSession,
)
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


async def test_course_round_trip_with_modules(uow_factory: UowFactory, world: World) -> None:
    async with uow_factory() as uow:
        stored = await uow.courses.get(world.course.id or 0)
        assert stored == world.course
        assert [m.position for m in stored.modules] == [0, 1]
        assert all(m.id for m in stored.modules)
        assert await uow.courses.find_by_topic("Цифрлық сауаттылық") == world.course
        assert await uow.courses.find_by_topic("нет") is None
        # edit: rename the first module, drop the second, add a third
        first = stored.modules[0]
        first.name_ru = "Первый"
        stored.modules = [first, CourseModule("Үшінші", "Третий", 36, position=2)]
        stored.max_score = 50
        await uow.courses.update(stored)
        await uow.commit()
    async with uow_factory() as uow:
        again = await uow.courses.get(world.course.id or 0)
        assert again == stored
        assert again.modules[0].id == first.id
        assert [m.name_ru for m in again.modules] == ["Первый", "Третий"]
        assert [c.id for c in await uow.courses.list_all()] == [world.course.id]


async def test_cohort_round_trip_and_trainer_lookup(uow_factory: UowFactory, world: World) -> None:
    async with uow_factory() as uow:
        assert await uow.cohorts.get(world.cohort.id or 0) == world.cohort
        assert await uow.cohorts.for_trainer(world.trainer.id or 0) == [world.cohort]
        assert await uow.cohorts.for_trainer(world.teacher.id or 0) == []
        world.cohort.trainer_ids = [world.teacher.id or 0, world.trainer.id or 0]
        world.cohort.seats = 30
        await uow.cohorts.update(world.cohort)
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.cohorts.get(world.cohort.id or 0)
        assert stored is not None
        assert stored.trainer_ids == [world.teacher.id, world.trainer.id]
        assert stored.seats == 30
        assert await uow.cohorts.for_course(world.course.id or 0) == [stored]


async def test_open_for_applications_counts_seats(uow_factory: UowFactory, world: World) -> None:
    today = date(2026, 11, 23)
    async with uow_factory() as uow:
        closed = await uow.cohorts.add(
            Cohort(
                course_id=world.course.id or 0,
                code="closed",
                language="ru",
                starts_on=date(2026, 12, 5),
                ends_on=date(2026, 12, 9),
                seats=5,
                open_for_applications=False,
            )
        )
        started = await uow.cohorts.add(
            Cohort(
                course_id=world.course.id or 0,
                code="started",
                language="ru",
                starts_on=date(2026, 11, 20),
                ends_on=date(2026, 11, 30),
                seats=5,
            )
        )
        later = await uow.cohorts.add(
            Cohort(
                course_id=world.course.id or 0,
                code="later",
                language="ru",
                starts_on=date(2027, 1, 10),
                ends_on=date(2027, 1, 20),
                seats=1,
            )
        )
        assert closed.id and started.id and later.id
        # world.cohort: 2 seats, 1 enrolled
        assert await uow.cohorts.open_for_applications(today) == [(world.cohort, 1), (later, 1)]
        other = await uow.people.add(Person(telegram_id=3003, created_at=NOW))
        await uow.enrollments.add(
            Enrollment(person_id=other.id or 0, cohort_id=world.cohort.id or 0)
        )
        expelled = await uow.people.add(Person(telegram_id=3004, created_at=NOW))
        await uow.enrollments.add(
            Enrollment(
                person_id=expelled.id or 0, cohort_id=later.id, status=EnrollmentStatus.EXPELLED
            )
        )
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.cohorts.seats_taken(world.cohort.id or 0) == 2
        assert await uow.cohorts.seats_taken(later.id) == 0
        assert await uow.cohorts.open_for_applications(today) == [(later, 1)]


async def test_sessions_for_cohort_and_between(uow_factory: UowFactory, world: World) -> None:
    async with uow_factory() as uow:
        stored = await uow.sessions.for_cohort(world.cohort.id or 0)
        assert stored == world.sessions
        assert all(s.starts_at.tzinfo is not None for s in stored)
        assert await uow.sessions.count_for_cohort(world.cohort.id or 0) == 3
        start = NOW + timedelta(days=9)
        assert await uow.sessions.between(start, start + timedelta(days=1)) == [world.sessions[1]]
        assert await uow.sessions.between(start, start + timedelta(days=5)) == world.sessions[1:]
        assert (
            await uow.sessions.between(
                NOW, NOW + timedelta(days=30), cohort_id=world.cohort.id or 0
            )
            == world.sessions
        )
        assert await uow.sessions.between(NOW, NOW + timedelta(days=30), cohort_id=999) == []
        month = NOW, NOW + timedelta(days=30)
        own = {world.cohort.id or 0, 999}
        assert await uow.sessions.between(*month, cohort_ids=own) == world.sessions
        assert await uow.sessions.between(*month, cohort_ids={999}) == []
        assert await uow.sessions.between(start, start + timedelta(days=1), cohort_ids=own) == [
            world.sessions[1]
        ]
        # an aware datetime in another zone compares by instant
        almaty = NOW.astimezone(ZoneInfo("Asia/Almaty"))
        assert len(await uow.sessions.between(almaty, almaty + timedelta(days=30))) == 3
        moved = world.sessions[0]
        moved.place = "ауд. 204"
        moved.starts_at = datetime(2026, 12, 1, 5, 0, tzinfo=UTC)
        await uow.sessions.update(moved)
        assert await uow.sessions.delete(world.sessions[2].id or 0) is True
        assert await uow.sessions.delete(world.sessions[2].id or 0) is False
        extra = await uow.sessions.add_many(
            [
                TrainingSession(
                    cohort_id=world.cohort.id or 0, starts_at=NOW, ends_at=NOW + timedelta(hours=2)
                )
            ]
        )
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.sessions.get(moved.id or 0) == moved
        assert [s.id for s in await uow.sessions.for_cohort(world.cohort.id or 0)] == [
            extra[0].id,
            moved.id,
            world.sessions[1].id,
        ]
