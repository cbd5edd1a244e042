"""Fixtures for the admin tests: people in each role, a course and a cohort, file uploads."""

from __future__ import annotations

import itertools
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from aiogram.methods import GetFile
from aiogram.types import Document, File, User

from bot.dev.testing import Harness, make_user
from bot.runtime.container import Services
from domain.courses import CourseFormat, CourseKind
from domain.model import AuditEntry, Cohort, Course, CourseModule, Person, Role
from tests.conftest import ADMIN_ID

TEACHER_ID, TRAINER_ID, STRANGER_ID = 700_001, 700_002, 700_003


class Uploads:
    """Lets the recording bot "download" documents the tests send."""

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.files: dict[str, bytes] = {}
        self._ids = itertools.count(1)
        session = harness.session
        original = session.make_request

        async def make_request(bot: Any, method: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(method, GetFile):
                session.requests.append(method)
                return File(file_id=method.file_id, file_unique_id="u", file_path=method.file_id)
            return await original(bot, method, *args, **kwargs)

        async def stream_content(
            url: str, *args: Any, **kwargs: Any
        ) -> AsyncGenerator[bytes, None]:
            yield self.files[url.rsplit("/", 1)[-1]]

        session.make_request = make_request  # type: ignore[method-assign]
        session.stream_content = stream_content  # type: ignore[method-assign]

    async def send(
        self, user: User, data: bytes, filename: str, size: int | None = None
    ) -> list[Any]:
        file_id = f"upload{next(self._ids)}"
        self.files[file_id] = data
        document = Document(
            file_id=file_id,
            file_unique_id=file_id,
            file_name=filename,
            file_size=len(data) if size is None else size,
        )
        return await self.harness.send_message(user, document=document)


@pytest.fixture
def uploads(harness: Harness) -> Uploads:
    return Uploads(harness)


async def start(harness: Harness, user: User, lang: str) -> None:
    await harness.send(user, "/start")
    await harness.press(user, f"lang:{lang}")


@dataclass
class People:
    admin: User
    teacher: User
    trainer: User
    stranger: User


@pytest.fixture
async def people(harness: Harness, services: Services) -> People:
    """An admin (from ADMIN_IDS), a teacher, a trainer (role granted in storage), all with
    Russian chosen; a stranger who never started the bot."""
    admin = make_user(ADMIN_ID, "ru", "Админ")
    teacher = make_user(TEACHER_ID, "ru", "Айгүл")
    trainer = make_user(TRAINER_ID, "ru", "Ерлан")
    for user in (admin, teacher, trainer):
        await start(harness, user, "ru")
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(TRAINER_ID)
        assert person is not None and person.id is not None
        await uow.people.set_roles(person.id, {Role.TEACHER, Role.TRAINER})
        await uow.commit()
    return People(admin, teacher, trainer, make_user(STRANGER_ID, "kk", "Белгісіз"))


async def person(services: Services, telegram_id: int) -> Person:
    async with services.uow_factory() as uow:
        found = await uow.people.get_by_telegram_id(telegram_id)
    assert found is not None
    return found


async def audit(services: Services) -> list[AuditEntry]:
    """Oldest first."""
    async with services.uow_factory() as uow:
        return list(reversed(await uow.audit.recent(200)))


async def make_course(services: Services, hours: int = 72) -> Course:
    async with services.uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Математиканы оқыту әдістемесі",
                topic_ru="Методика преподавания математики",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=hours,
                max_score=100,
                modules=[CourseModule("Модуль 1", "Модуль 1", hours)],
            )
        )
        await uow.commit()
    return course


async def make_cohort(services: Services, course: Course, seats: int = 30) -> Cohort:
    async with services.uow_factory() as uow:
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id or 0,
                code="2026-12-МАТ-1",
                language="ru",
                starts_on=date(2026, 12, 1),
                ends_on=date(2026, 12, 12),
                seats=seats,
            )
        )
        await uow.commit()
    return cohort
