"""A faster ``services`` fixture for the results tests: the database is migrated once per
test session into a template file, and each test gets a fresh copy of it (Alembic costs
seconds per test on a busy machine; copying a small SQLite file costs milliseconds)."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram_i18n.cores import FluentRuntimeCore

from bot.app import Services
from bot.config import Settings
from bot.i18n import create_core
from tests.conftest import FakeClock


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storage.migrate import upgrade_database

    path = tmp_path_factory.mktemp("results-template") / "template.db"
    asyncio.run(upgrade_database(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def shared_i18n_core() -> FluentRuntimeCore:
    """Parsing every .ftl file takes a second or two; the loaded core is read-only."""
    return create_core()


@pytest.fixture
async def services(
    settings: Settings,
    clock: FakeClock,
    migrated_template: Path,
    shared_i18n_core: FluentRuntimeCore,
) -> AsyncIterator[Services]:
    from storage.db import create_engine, create_session_factory
    from storage.uow import SqlAlchemyUnitOfWork

    target = settings.database_url.removeprefix("sqlite+aiosqlite:///")
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated_template, target)
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    yield Services(
        settings=settings,
        uow_factory=lambda: SqlAlchemyUnitOfWork(session_factory),
        clock=clock,
        i18n_core=shared_i18n_core,
        session_factory=session_factory,
    )
    await engine.dispose()
