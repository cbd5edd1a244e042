"""Issue 7: two `python -m bot run` processes on one PostgreSQL database and one emulator.

Both instances run the delivery worker (the part that must not duplicate). Both also poll:
Telegram — and the emulator — refuse a second simultaneous getUpdates with 409, which aiogram
logs and retries, so updates are handled by whichever instance holds the poll; that is what
two pollers on one token do, and it changes nothing for delivery (no `--no-polling` flag
was needed).

200 notices are enqueued; instance A is killed with SIGKILL mid-way. Every notice must reach
its chat, and the only repeats allowed are rows A had claimed and may have sent in the instant
before the kill (Telegram has no idempotency key: a send whose answer never came back cannot
be told from one that never left); nothing claimed by B, nothing sent before, is repeated.
Then both processes allocate 100 registration numbers each at the same time: 200 distinct.
"""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.dev.sandbox.runner import SANDBOX_TOKEN, Sandbox, start_sandbox
from domain.notifications import text_notice
from tests.e2e.processes import BOT_SECRET, until

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]

SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432"
NOTICES = 200
CHATS = 100
FIRST_TG = 820_000
LEASE_SECONDS = 8
ROOT = Path(__file__).resolve().parents[2]


async def _server_reachable() -> bool:
    import asyncpg

    try:
        connection = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test", timeout=3)
    except (TimeoutError, OSError, asyncpg.PostgresError):
        return False
    await connection.close()
    return True


@pytest.fixture
async def database_url() -> AsyncIterator[str]:
    import asyncpg

    if not await _server_reachable():
        if os.environ.get("BILIKTILIK_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is required (BILIKTILIK_REQUIRE_POSTGRES=1)")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not reachable")
    name = f"biliktilik_e2e_{secrets.token_hex(4)}"
    admin = await asyncpg.connect("postgresql://postgres@127.0.0.1:5432/test")
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"{SERVER}/{name}"
        from storage.migrate import upgrade_database

        await upgrade_database(url)  # once, before two processes start
        yield url
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture
async def emulator() -> AsyncIterator[Sandbox]:
    sandbox = await start_sandbox(port=0, with_bot=False)
    for n in range(CHATS):
        sandbox.emulator.add_user(FIRST_TG + n, f"Мұғалім{n}", None, None, "kk")
        sandbox.emulator.users[FIRST_TG + n].started = True
    yield sandbox
    await sandbox.stop()


def start_instance(url: str, database_url: str, log: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "BOT_TOKEN": SANDBOX_TOKEN,
        "TELEGRAM_API_BASE": url,
        "DATABASE_URL": database_url,
        "ADMIN_IDS": "700001",
        "REDIS_URL": "",
        "BILIKTILIK_OUTBOX_LEASE_SECONDS": str(LEASE_SECONDS),
        "CERT_SECRET": BOT_SECRET,
    }
    command = [sys.executable, "-m", "bot", *(args or ("run",))]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )


async def uow_on(database_url: str):
    from storage.db import create_engine, create_session_factory
    from storage.uow import UnitOfWorkFactory

    engine = create_engine(database_url)
    return engine, UnitOfWorkFactory(create_session_factory(engine))


def delivered_texts(sandbox: Sandbox) -> Counter[str]:
    found: Counter[str] = Counter()
    for n in range(CHATS):
        chat = sandbox.emulator.chats.get(FIRST_TG + n)
        for message in chat.messages.values() if chat else ():
            if message.from_bot:
                found[str(message.to_api().get("text"))] += 1
    return found


NUMBERS_SCRIPT = """
import asyncio, os, sys
from storage.db import create_engine, create_session_factory
from storage.uow import SqlAlchemyUnitOfWork

async def main():
    engine = create_engine(os.environ["DATABASE_URL"])
    factory = create_session_factory(engine)
    for _ in range(100):
        uow = SqlAlchemyUnitOfWork(factory)
        async with uow:
            number = await uow.certificates.next_number("BLK", 2026)
            await uow.commit()
        print(number, flush=True)
    await engine.dispose()

asyncio.run(main())
"""


async def test_two_instances_deliver_every_notice_and_number_uniquely(
    database_url: str, emulator: Sandbox, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    engine, uow_factory = await uow_on(database_url)
    now = datetime.now(UTC)
    expected: dict[str, int] = {}
    async with uow_factory() as uow:
        for i in range(NOTICES):
            chat_id = FIRST_TG + i % CHATS
            await uow.outbox.enqueue(
                text_notice(
                    chat_id,
                    "ru",
                    "application-status-rejected",
                    f"e2e:{i}",
                    now,
                    topic=f"Курс {i:03d}",
                    reason=f"проверка {i:03d}",
                )
            )
            expected[f"проверка {i:03d}"] = chat_id
        await uow.commit()

    a = start_instance(emulator.url, database_url, tmp_path / "a.log")
    b = start_instance(emulator.url, database_url, tmp_path / "b.log")
    try:

        def sent() -> int:
            return sum(emulator.emulator.delivered[FIRST_TG + n] for n in range(CHATS))

        await until(lambda: sent() >= 60, 90, "the first deliveries")
        a.send_signal(signal.SIGKILL)
        a.wait(10)
        killed_at = sent()
        async with uow_factory() as uow:
            from sqlalchemy import text

            rows = await uow.session.execute(
                text(
                    "SELECT dedup_key, claimed_by FROM outbox WHERE status = 'pending' "
                    "AND claimed_by IS NOT NULL"
                )
            )
            claimed_by_dead = {key for key, worker in rows.all() if worker.endswith(f":{a.pid}")}
        await until(lambda: sent() >= NOTICES, 60 + LEASE_SECONDS, "every notice")
        await asyncio.sleep(LEASE_SECONDS + 2)  # a repeat would come after the lease
        assert b.poll() is None, (tmp_path / "b.log").read_text()[-3000:]
    finally:
        for process in (a, b):
            if process.poll() is None:
                process.terminate()
                process.wait(15)

    texts = delivered_texts(emulator)
    by_reason: Counter[str] = Counter()
    for text_, count in texts.items():
        for reason in expected:
            if reason in text_:
                by_reason[reason] += count
    missing = [r for r in expected if by_reason[r] == 0]
    assert missing == [], f"lost: {missing}"
    repeated = {r for r, count in by_reason.items() if count > 1}
    repeated_keys = {f"e2e:{int(r.split()[-1])}" for r in repeated}
    assert repeated_keys <= claimed_by_dead, (repeated_keys, claimed_by_dead)
    assert len(repeated) <= 16, repeated  # at most the sends in flight (CONCURRENT_CHATS)
    assert 0 < killed_at < NOTICES
    async with uow_factory() as uow:
        statuses = await uow.outbox.count_by_status()
    assert {str(k): v for k, v in statuses.items() if v} == {"sent": NOTICES}

    # registration numbers: both processes allocate at once
    script = tmp_path / "allocate_registration_numbers.py"
    script.write_text(NUMBERS_SCRIPT)
    env = {**os.environ, "DATABASE_URL": database_url}
    runs = [
        await asyncio.create_subprocess_exec(
            sys.executable, str(script), cwd=ROOT, env=env, stdout=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = await asyncio.gather(*(run.communicate() for run in runs))
    assert [run.returncode for run in runs] == [0, 0]
    numbers = outputs[0][0].decode().split() + outputs[1][0].decode().split()
    assert len(numbers) == 200 and len(set(numbers)) == 200
    await engine.dispose()
