"""A throw-away SQLite database with a running cohort, for the benchmark sections."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.runtime.container import Services
from bot.ui.i18n import create_core
from domain.courses import CourseFormat, CourseKind
from domain.model import Cohort, Course, CourseModule, Enrollment, Person, Role, TrainingSession

NOW = datetime(2026, 11, 23, 5, 10, tzinfo=UTC)


@dataclass
class Cohort_:
    cohort_id: int
    session_id: int
    teacher_telegram_ids: list[int]


@asynccontextmanager
async def bench_services(database_url: str | None = None) -> AsyncIterator[Services]:
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade_database
    from storage.uow import UnitOfWorkFactory

    with tempfile.TemporaryDirectory() as directory:
        url = database_url or f"sqlite+aiosqlite:///{Path(directory) / 'bench.db'}"
        settings = Settings(
            _env_file=None, database_url=url, certificate_prefix="BLK", cert_secret="bench-secret"
        )
        await upgrade_database(url)
        engine = create_engine(url)
        session_factory = create_session_factory(engine)
        try:
            yield Services(
                settings=settings,
                uow_factory=UnitOfWorkFactory(session_factory),
                clock=lambda: NOW,
                i18n_core=create_core(),
                session_factory=session_factory,
            )
        finally:
            await engine.dispose()


async def running_cohort(
    uow_factory: Any,
    teachers: int,
    first_id: int = 10_000,
    other_cohorts: int = 0,
    now: datetime = NOW,
) -> Cohort_:
    """A course, a cohort with one session open at ``now``, `teachers` enrolled who gave
    consent and accepted §24; and `other_cohorts` cohorts more, each with a session at the
    same hour (a national operator's morning: a typed code must not cost a look at all of
    them). Also what the end-to-end tests use for a lesson under way (with the real now)."""
    starts_on, ends_on = (now - timedelta(days=3)).date(), (now + timedelta(days=4)).date()
    async with uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Бенчмарк курсы",
                topic_ru="Курс для замеров",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=36,
                max_score=100,
                modules=[CourseModule("Модуль", "Модуль", 36, position=1)],
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code="BENCH-1",
                language="kk",
                starts_on=starts_on,
                ends_on=ends_on,
                seats=teachers + 10,
            )
        )
        session = await uow.sessions.add(
            TrainingSession(
                cohort_id=cohort.id,
                starts_at=now - timedelta(minutes=5),
                ends_at=now + timedelta(hours=3),
                academic_hours=4,
            )
        )
        for n in range(other_cohorts):
            other = await uow.cohorts.add(
                Cohort(
                    course_id=course.id,
                    code=f"BENCH-{n + 2}",
                    language="ru" if n % 2 else "kk",
                    starts_on=starts_on,
                    ends_on=ends_on,
                    seats=25,
                )
            )
            await uow.sessions.add(
                TrainingSession(
                    cohort_id=other.id,
                    starts_at=now - timedelta(minutes=5),
                    ends_at=now + timedelta(hours=3),
                    academic_hours=4,
                )
            )
        ids = []
        for offset in range(teachers):
            telegram_id = first_id + offset
            person = await uow.people.add(
                Person(
                    telegram_id=telegram_id,
                    language="kk",
                    full_name=f"Тыңдаушы {offset}",
                    roles={Role.TEACHER},
                    consent_version="bench",
                    consent_at=now,
                    created_at=now,
                )
            )
            await uow.enrollments.add(
                Enrollment(
                    person_id=person.id,
                    cohort_id=cohort.id,
                    agreement_version="bench",
                    agreement_lang="kk",
                    agreement_accepted_at=now - timedelta(days=1),
                )
            )
            ids.append(telegram_id)
        await uow.commit()
    return Cohort_(cohort_id=cohort.id, session_id=session.id, teacher_telegram_ids=ids)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def rounded(result: dict[str, Any]) -> dict[str, Any]:
    return {k: round(v, 2) if isinstance(v, float) else v for k, v in result.items()}
