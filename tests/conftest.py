"""Shared fixtures: a migrated SQLite database, the real dispatcher fed with updates, a clock."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import bot.platform.deferred_aiogram  # noqa: F401  (first, as in `biliktilik`: deferred schemas)

# isort: split

from bot.config import Settings
from bot.dev.testing import Harness
from bot.runtime.app import create_dispatcher
from bot.runtime.container import Services
from bot.runtime.limits import MemoryLimiter
from bot.runtime.middlewares.rate_limit import Rate, RateLimitMiddleware
from bot.ui.i18n import create_core
from tests.teremok_check import COUNTED, TeremokCheck


class FakeClock:
    """Injected 'now': tests move time explicitly."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


ADMIN_ID = 900_001


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        bot_token=None,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
        admin_ids=[ADMIN_ID],
        certificate_prefix="ORL",
        cert_secret="test-secret",
        organization_name_kk="«Өрлеу» біліктілікті арттыру орталығы",
        organization_name_ru="Центр повышения квалификации «Өрлеу»",
        head_name="Ғалымжан Сәрсенбайұлы Ахметов",
    )


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrations run once per test session; each test gets a byte copy of the result."""
    from storage.migrate import upgrade_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    asyncio.run(upgrade_database(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def i18n_core() -> Any:
    """Translations are read-only: loaded once and shared."""
    return create_core()


@pytest.fixture
async def services(
    settings: Settings, clock: FakeClock, migrated_template: Path, i18n_core: Any
) -> AsyncIterator[Services]:
    from storage.db import create_engine, create_session_factory
    from storage.uow import UnitOfWorkFactory

    shutil.copy(migrated_template, settings.database_url.split(":///", 1)[1])
    engine = create_engine(settings.database_url)
    session_factory = create_session_factory(engine)
    yield Services(
        settings=settings,
        uow_factory=UnitOfWorkFactory(session_factory),
        clock=clock,
        i18n_core=i18n_core,
        session_factory=session_factory,
    )
    await engine.dispose()


@pytest.fixture
async def harness(services: Services, request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    """The real dispatcher on a recording bot; every outgoing call is validated by
    ``teremok`` (``tests/teremok_check.py``) and a violation fails the test. A test that
    sends a call Telegram refuses on purpose is marked ``teremok_violations``. Rate-limit
    windows are counted on the injected clock: a test's look-ups never straddle a real minute."""
    generous = RateLimitMiddleware(
        {"default": Rate(1000, 1), "verify": Rate(10, 60)},
        limiter=MemoryLimiter(clock=lambda: services.clock().timestamp()),
    )
    from storage.fsm import DatabaseFsmStorage

    storage = DatabaseFsmStorage(services.session_factory, services.clock)
    dispatcher = create_dispatcher(services, storage=storage, rate_limit=generous)
    await dispatcher.emit_startup(bot=None, dispatcher=dispatcher)
    h = Harness.create(dispatcher)
    check = TeremokCheck()
    check.install(h)
    yield h
    await dispatcher.emit_shutdown(bot=h.bot, dispatcher=dispatcher)
    if request.node.get_closest_marker("teremok_violations") is None:
        check.assert_clean()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "teremok_violations: the test's harness may send calls teremok refuses"
    )


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if COUNTED["calls"]:
        terminalreporter.write_line(
            f"teremok: {COUNTED['calls']} outgoing Bot API calls validated, "
            f"{COUNTED['violations']} violations"
        )
