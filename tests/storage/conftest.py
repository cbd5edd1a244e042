"""Storage tests run on both dialects: a temp SQLite file and a fresh PostgreSQL database.

PostgreSQL: each test gets its own database (created from the server at
``BILIKTILIK_TEST_POSTGRES_URL``, default ``postgresql+asyncpg://postgres@127.0.0.1:5432/test``)
and drops it afterwards. Unreachable server: the test is skipped, unless
``BILIKTILIK_REQUIRE_POSTGRES=1``, then it fails.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from domain.model import (
    Cohort,
    Course,
    CourseFormat,
    CourseKind,
    CourseModule,
    Enrollment,
    Person,
    Role,
    TrainingSession,
)
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade_database
from storage.uow import SqlAlchemyUnitOfWork, UnitOfWorkFactory

POSTGRES_URL = os.environ.get(
    "BILIKTILIK_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
UNREACHABLE = "PostgreSQL not reachable on 127.0.0.1:5432"
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _libpq_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def _admin_connection() -> Any:
    import asyncpg

    try:
        return await asyncpg.connect(_libpq_dsn(POSTGRES_URL), timeout=5)
    except (OSError, asyncpg.PostgresError) as error:
        if os.environ.get("BILIKTILIK_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"{UNREACHABLE}: {error}")
        pytest.skip(UNREACHABLE)


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database of each dialect (the SQLite file's directory does not exist yet)."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'data' / 'biliktilik.db'}"
        return
    admin = await _admin_connection()
    name = f"biliktilik_test_{uuid.uuid4().hex[:12]}"
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        admin = await _admin_connection()
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    await upgrade_database(database_url)
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def session_factory(engine: AsyncEngine) -> async_sessionmaker[Any]:
    return create_session_factory(engine)


@pytest.fixture
def uow_factory(
    session_factory: async_sessionmaker[Any],
) -> Callable[[], SqlAlchemyUnitOfWork]:
    return UnitOfWorkFactory(session_factory)


@pytest.fixture
def dialect(database_url: str) -> str:
    return make_url(database_url).get_backend_name()


class World:
    """A small committed world: a course with two modules, a cohort, sessions, a listener."""

    def __init__(self) -> None:
        self.teacher: Person
        self.trainer: Person
        self.course: Course
        self.cohort: Cohort
        self.sessions: list[TrainingSession]
        self.enrollment: Enrollment


@pytest.fixture
async def world(uow_factory: Callable[[], SqlAlchemyUnitOfWork]) -> World:
    w = World()
    async with uow_factory() as uow:
        w.teacher = await uow.people.add(
            Person(
                telegram_id=1001,
                full_name="Әлия Қасымова",
                language="kk",
                roles={Role.TEACHER},
                created_at=NOW,
            )
        )
        w.trainer = await uow.people.add(
            Person(
                telegram_id=2001,
                full_name="Ержан Трене",
                language="ru",
                roles={Role.TRAINER, Role.TEACHER},
                created_at=NOW,
            )
        )
        w.course = await uow.courses.add(
            Course(
                topic_kk="Цифрлық сауаттылық",
                topic_ru="Цифровая грамотность",
                kind=CourseKind.SHORT,
                format=CourseFormat.COMBINED,
                hours=72,
                max_score=100,
                modules=[
                    CourseModule("Модуль 1", "Модуль 1", 36),
                    CourseModule("Модуль 2", "Модуль 2", 36),
                ],
            )
        )
        assert w.course.id is not None
        w.cohort = await uow.cohorts.add(
            Cohort(
                course_id=w.course.id,
                code="ЦС-2026-01",
                language="kk",
                starts_on=date(2026, 12, 1),
                ends_on=date(2026, 12, 10),
                seats=2,
                trainer_ids=[w.trainer.id or 0],
            )
        )
        assert w.cohort.id is not None
        w.sessions = [
            await uow.sessions.add(
                TrainingSession(
                    cohort_id=w.cohort.id,
                    starts_at=NOW + timedelta(days=8 + i),
                    ends_at=NOW + timedelta(days=8 + i, hours=3),
                )
            )
            for i in range(3)
        ]
        w.enrollment = await uow.enrollments.add(
            Enrollment(person_id=w.teacher.id or 0, cohort_id=w.cohort.id)
        )
        await uow.commit()
    return w
