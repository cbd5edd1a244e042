"""The sandbox on a free port: the real bot polls the emulator over HTTP."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox, start_sandbox


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
