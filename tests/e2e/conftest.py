"""The sandbox on a free port: the real bot polls the emulator over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox, start_sandbox


@pytest.fixture(autouse=True)
def scripted_throttle(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scripted clients act many times a second, far faster than a person: the bot's
    throttle (5 updates per 5 s per user by default) is raised for them, in this process and
    in the bot processes started from it (they inherit the environment)."""
    monkeypatch.setenv("THROTTLE_MESSAGES", "1000")
    monkeypatch.setenv("THROTTLE_SECONDS", "1")


@pytest.fixture
async def sandbox(tmp_path) -> AsyncIterator[Sandbox]:
    running = await start_sandbox(
        port=0, database_url=f"sqlite+aiosqlite:///{tmp_path / 'e2e.db'}", demo_data=True
    )
    yield running
    await running.stop()


@pytest.fixture
async def client(sandbox: Sandbox) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(sandbox.url) as http:
        yield http
