"""Speed: the root ``services`` fixture migrates a new database and loads every Fluent file for
each test (seconds on a busy machine). Here both happen once per session: each test gets a byte
copy of a migrated template database and shares the read-only translation core. Otherwise the
same as the root fixture (keep them in step). tests/unit/test_certificate_services.py imports
these fixtures too."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import Services
from bot.config import Settings
from bot.i18n import create_core
from tests.conftest import FakeClock


@pytest.fixture(scope="session")
def _certificates_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from storage.migrate import upgrade_database

    path = tmp_path_factory.mktemp("certificates-template") / "template.db"
    asyncio.run(upgrade_database(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def _certificates_i18n_core() -> Any:
    return create_core()


@pytest.fixture
async def services(
    settings: Settings, clock: FakeClock, _certificates_template: Path, _certificates_i18n_core: Any
) -> AsyncIterator[Services]:
    from storage.db import create_engine, create_session_factory
    from storage.uow import SqlAlchemyUnitOfWork

    shutil.copy(_certificates_template, settings.database_url.split(":///", 1)[1])
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    yield Services(
        settings=settings,
        uow_factory=lambda: SqlAlchemyUnitOfWork(session_factory),
        clock=clock,
        i18n_core=_certificates_i18n_core,
        session_factory=session_factory,
    )
    await engine.dispose()
