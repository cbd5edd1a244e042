"""`python -m bot run` as a separate process against the in-process emulator: started, killed
with SIGKILL at a moment the test chooses, and started again on the same database.

Readiness needs no waiting: updates queue in the emulator until a process polls them. Before
a kill, `settled` waits until the emulator has no unconfirmed update (aiogram confirms an update
by the offset of its next poll, which it sends while the handler still runs), so a restarted
process never gets the killed one's last update a second time by accident.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.dev.sandbox.flood import TELEGRAM_LIMITS, FloodLimits
from bot.dev.sandbox.runner import SANDBOX_TOKEN, Sandbox
from bot.dev.sandbox.state import Emulator

ROOT = Path(__file__).resolve().parents[2]
BOT_ID = int(SANDBOX_TOKEN.split(":")[0])
POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432"
#: How long a chat waits for an answer: a (re)started process first imports and migrates,
#: about 5 s of CPU, several times that on a loaded machine. Only a failing test waits it out.
STARTUP_SECONDS = 60.0

#: The bot processes' CERT_SECRET (``biliktilik run`` refuses a weak one), new for each test run.
BOT_SECRET = secrets.token_hex(32)


class BotProcess:
    """One `python -m bot run`; `restart` starts a fresh one with the same environment."""

    def __init__(self, sandbox: Sandbox, database_url: str, log_dir: Path, **env: str) -> None:
        self.sandbox = sandbox
        self.log_dir = log_dir
        self.env = {
            **os.environ,
            "BOT_TOKEN": SANDBOX_TOKEN,
            "TELEGRAM_API_BASE": sandbox.url,
            "DATABASE_URL": database_url,
            "ADMIN_IDS": "700001",
            "REDIS_URL": "",
            "CERTIFICATE_PREFIX": "BLK",
            "CERT_SECRET": BOT_SECRET,
            **env,
        }
        self.runs = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def log(self) -> Path:
        return self.log_dir / f"bot-{self.runs}.log"

    def start(self, *args: str) -> BotProcess:
        """`python -m bot run`, or with other arguments (``"run", "--webhook"``)."""
        assert self.process is None or self.process.poll() is not None
        self.runs += 1
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", *(args or ("run",))],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        return self

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs, the transaction in flight is simply cut off."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(self.process.wait, 10)

    async def terminate(self, timeout: float = 60.0) -> int:  # noqa: ASYNC109
        """SIGTERM, as `docker stop` or systemd sends it: the graceful stop; its exit code."""
        assert self.process is not None
        self.process.send_signal(signal.SIGTERM)
        return await asyncio.to_thread(self.process.wait, timeout)

    async def restart(self) -> None:
        await self.kill()
        self.start()

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        return "\n".join(
            (self.log_dir / f"bot-{n}.log").read_text(errors="replace")[-4000:]
            for n in range(1, self.runs + 1)
        )

    def stop(self) -> None:
        """At the end of a test: killed too (a graceful stop waits for the poll in flight)."""
        if self.alive():
            assert self.process is not None
            self.process.kill()
            self.process.wait(10)


async def until(
    condition: Callable[[], bool | Awaitable[bool]],
    timeout: float,  # noqa: ASYNC109 - a polling deadline, not a cancel scope
    what: str,
    every: float = 0.05,
) -> None:
    """Poll ``condition`` every ``every`` seconds until it holds; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if not isinstance(result, bool):
            result = await result
        if result:
            return
        assert time.monotonic() < deadline, f"timed out after {timeout} s waiting for {what}"
        await asyncio.sleep(every)


async def settled(emulator: Emulator, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Every update sent so far was confirmed by the bot (it will not be delivered again)."""
    await until(lambda: not emulator.updates.pending, timeout, "the bot to confirm its updates")


@asynccontextmanager
async def emulator_only(flood: FloodLimits | None = TELEGRAM_LIMITS) -> AsyncIterator[Sandbox]:
    """The emulator alone, for bot processes; its stop does not wait for a dead poller."""
    import aiohttp

    from bot.dev.sandbox.runner import start_sandbox

    sandbox = await start_sandbox(port=0, with_bot=False, flood=flood)
    try:
        yield sandbox
    finally:
        # A killed process's long poll still waits in the emulator; a new getUpdates ends it
        # at once (409 to the old one), as Telegram does, so the server stops without waiting.
        async with aiohttp.ClientSession() as http:
            url = f"{sandbox.url}/bot{SANDBOX_TOKEN}/getUpdates"
            async with http.post(url, json={"timeout": 0}) as response:
                await response.read()
        await sandbox.stop()


@asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """A fresh, migrated database on the local server (fails instead of skipping when
    `BILIKTILIK_REQUIRE_POSTGRES=1`)."""
    import asyncpg

    try:
        admin = await asyncpg.connect(f"{POSTGRES_SERVER}/test", timeout=3)
    except (TimeoutError, OSError, asyncpg.PostgresError):
        if os.environ.get("BILIKTILIK_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is required (BILIKTILIK_REQUIRE_POSTGRES=1)")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    name = f"biliktilik_e2e_{secrets.token_hex(4)}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{name}"
        from storage.migrate import upgrade_database

        await upgrade_database(url)
        yield url
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()
