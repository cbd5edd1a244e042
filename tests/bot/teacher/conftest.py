"""A faster ``services`` fixture for the teacher tests: the database is migrated once per test
session into a template file and each test gets a fresh copy (Alembic costs seconds per test on
a busy machine; copying a small SQLite file costs milliseconds). The loaded i18n core is shared
(read-only)."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiogram_i18n.cores import FluentRuntimeCore

from bot.config import Settings
from bot.runtime.container import Services
from bot.ui.i18n import create_core
from tests.conftest import FakeClock


def build_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storage.migrate import upgrade_database

    path = tmp_path_factory.mktemp("teacher-template") / "template.db"
    asyncio.run(upgrade_database(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def teacher_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_template(tmp_path_factory)


@pytest.fixture(scope="session")
def teacher_i18n_core() -> FluentRuntimeCore:
    return create_core()


@asynccontextmanager
async def fast_services(
    settings: Settings, clock: FakeClock, template: Path, core: FluentRuntimeCore
) -> AsyncIterator[Services]:
    from storage.db import create_engine, create_session_factory
    from storage.uow import UnitOfWorkFactory

    target = settings.database_url.removeprefix("sqlite+aiosqlite:///")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    yield Services(
        settings=settings,
        uow_factory=UnitOfWorkFactory(session_factory),
        clock=clock,
        i18n_core=core,
        session_factory=session_factory,
    )
    await engine.dispose()


@pytest.fixture
async def services(
    settings: Settings,
    clock: FakeClock,
    teacher_db_template: Path,
    teacher_i18n_core: FluentRuntimeCore,
) -> AsyncIterator[Services]:
    async with fast_services(settings, clock, teacher_db_template, teacher_i18n_core) as ready:
        yield ready
