"""A small populated world for the fuzz and security tests: an admin, two cohorts with a
trainer each, an enrolled teacher with attendance, a request and a consultation, a teacher
with a pending application, a registered stranger — plus a digest of the tables that must not
change when an outsider pokes at the bot.

The database is migrated once per test session into a template and copied per test
(Alembic costs seconds; copying a small SQLite file costs milliseconds)."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from aiogram.types import Chat, User
from sqlalchemy import text

from bot.config import Settings
from bot.dev.testing import make_user
from bot.runtime.container import Services
from bot.ui.i18n import create_core
from domain.model import (
    Application,
    ApplicationKind,
    Cohort,
    RequestKind,
    Role,
)
from tests.bot.results.factories import (
    add_consultation,
    add_person,
    add_request,
    attend,
    enroll,
    make_world,
)
from tests.conftest import ADMIN_ID, FakeClock

TRAINER_A, TRAINER_B, TEACHER, STRANGER = 820_001, 820_002, 810_001, 830_001
APPLICANT = 810_050
GROUP = Chat(id=-100_555, type="supergroup", title="Курс мұғалімдері")

# Rows an outsider must never create, change or remove. people/person_roles are checked
# separately (a newcomer writing in private is registered as a teacher — that is expected);
# audit_log grows with every logged refusal, outbox/fsm_states are bookkeeping.
PROTECTED_TABLES = (
    "courses", "course_modules", "cohorts", "cohort_trainers", "training_sessions",
    "applications", "enrollment_orders", "enrollments", "attendance", "final_assessments",
    "module_grades", "certificates", "certificate_counters", "document_files", "requests",
    "request_documents", "consultations", "schools",
)  # fmt: skip


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storage.migrate import upgrade_database

    path = tmp_path_factory.mktemp("hardening-template") / "template.db"
    asyncio.run(upgrade_database(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture
async def services(
    settings: Settings, clock: FakeClock, migrated_template: Path
) -> AsyncIterator[Services]:
    from storage.db import create_engine, create_session_factory
    from storage.uow import UnitOfWorkFactory

    target = settings.database_url.removeprefix("sqlite+aiosqlite:///")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_template, target)
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    yield Services(
        settings=settings,
        uow_factory=UnitOfWorkFactory(session_factory),
        clock=clock,
        i18n_core=create_core(),
        session_factory=session_factory,
    )
    await engine.dispose()


@dataclass
class World:
    cohort_a: Cohort
    cohort_b: Cohort
    ids: dict[str, list[int]]  # every id an attacker might forge, by kind
    users: dict[str, User]


async def build_world(services: Services) -> World:
    factory = services.uow_factory
    made = await make_world(factory, sessions=3, teachers=2, ends_on=date(2026, 12, 4))
    await add_person(
        factory, ADMIN_ID, "Әсел Админова", roles={Role.ADMIN, Role.TEACHER}, serial=40
    )
    trainer_b = await add_person(
        factory, TRAINER_B, "Бекзат Басқа", roles={Role.TRAINER}, serial=41
    )
    stranger = await add_person(factory, STRANGER, "Белгісіз Адам", lang="kk")
    applicant = await add_person(factory, APPLICANT, "Дана Өтінішова", serial=42)
    async with factory() as uow:
        cohort_b = await uow.cohorts.add(
            Cohort(
                course_id=made.course.id,
                code="FG-2026-12-B",
                language="kk",
                starts_on=date(2027, 1, 11),
                ends_on=date(2027, 1, 22),
                seats=25,
                trainer_ids=[trainer_b.id],
            )
        )
        application = await uow.applications.add(
            Application(
                person_id=applicant.id or 0,
                cohort_id=cohort_b.id or 0,
                kind=ApplicationKind.DOMESTIC,
                addressed_to="Школа-гимназия № 7",
                language="kk",
                created_at=services.clock(),
            )
        )
        await uow.commit()
    await attend(factory, made.enrollments[0], made.sessions[:1])
    other = await enroll(factory, stranger, cohort_b, agreed=False)
    request = await add_request(factory, made.enrollments[0], RequestKind.TRANSFER, target=cohort_b)
    consultation = await add_consultation(
        factory, made.enrollments[1], trainer_id=made.trainer.id if made.trainer else None
    )
    ids = {
        "cohort": [made.cohort.id or 0, cohort_b.id or 0],
        "session": [s.id or 0 for s in made.sessions],
        "enrollment": [e.id or 0 for e in made.enrollments] + [other.id or 0],
        "request": [request.id or 0],
        "consultation": [consultation.id or 0],
        "application": [application.id or 0],
        "course": [made.course.id or 0],
    }
    users = {
        "admin": make_user(ADMIN_ID, "ru", "Әсел"),
        "trainer_a": make_user(TRAINER_A, "ru", "Серік"),
        "trainer_b": make_user(TRAINER_B, "kk", "Бекзат"),
        "teacher": make_user(TEACHER, "ru", "Айгүл"),
        "stranger": make_user(STRANGER, "kk", "Белгісіз"),
        "applicant": make_user(APPLICANT, None, "Дана"),
    }
    return World(made.cohort, cohort_b, ids, users)


async def digest(services: Services) -> dict[str, str]:
    """Per protected table: row count and a hash of every row, plus the non-teacher roles."""
    found: dict[str, str] = {}
    async with services.session_factory() as session:
        for table in PROTECTED_TABLES:
            rows = (await session.execute(text(f"SELECT * FROM {table}"))).all()
            body = "\n".join(sorted(repr(tuple(row)) for row in rows))
            found[table] = f"{len(rows)}:{hashlib.sha256(body.encode()).hexdigest()[:16]}"
        roles = (
            await session.execute(
                text(
                    "SELECT person_id, role FROM person_roles WHERE role != 'teacher' "
                    "ORDER BY person_id, role"
                )
            )
        ).all()
        found["person_roles"] = repr([tuple(r) for r in roles])
    return found


async def audit_count(services: Services) -> int:
    async with services.session_factory() as session:
        return int((await session.execute(text("SELECT count(*) FROM audit_log"))).scalar_one())
