"""Brief SQLite units of work run their statements on the loop thread; a lock wait does not.

The statements are traced with sqlite3's own trace callback, which runs in the thread that
executes them.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from domain.model import Person, Role
from storage.db import create_engine, create_session_factory
from storage.migrate import upgrade_database
from storage.uow import UnitOfWorkFactory


@pytest.fixture
async def sqlite_uow(tmp_path: Path):
    url = f"sqlite+aiosqlite:///{tmp_path / 'loop.db'}"
    await upgrade_database(url)
    engine = create_engine(url)
    yield UnitOfWorkFactory(create_session_factory(engine)), tmp_path / "loop.db"
    await engine.dispose()


async def _traced(uow) -> list[tuple[int, str]]:
    """Records (thread, statement) of everything this unit of work's connection executes."""
    connection = await uow.session.connection()
    raw = (await connection.get_raw_connection()).driver_connection._conn
    seen: list[tuple[int, str]] = []
    raw.set_trace_callback(lambda statement: seen.append((threading.get_ident(), statement)))
    return seen


def _teacher(telegram_id: int) -> Person:
    return Person(telegram_id=telegram_id, first_name="Айгүл", roles={Role.TEACHER})


@pytest.mark.parametrize("read_only", [True, False], ids=["look-up", "write"])
async def test_a_brief_unit_of_work_executes_on_the_loop_thread(sqlite_uow, read_only) -> None:
    uow_factory, _ = sqlite_uow
    loop_thread = threading.get_ident()
    async with uow_factory(brief=True, read_only=read_only) as uow:
        seen = await _traced(uow)
        assert await uow.people.get_by_telegram_id(501) is None
        if not read_only:
            await uow.people.add(_teacher(501))
            await uow.commit()
    assert any("FROM people" in statement for _, statement in seen)
    assert {thread for thread, _ in seen} == {loop_thread}
    assert sum(statement == "COMMIT" for _, statement in seen) == (0 if read_only else 1)

    async with uow_factory(read_only=True) as uow:  # not brief: the driver's thread, as always
        seen = await _traced(uow)
        found = await uow.people.get_by_telegram_id(501)
    assert (found is not None) is (not read_only)
    assert seen and loop_thread not in {thread for thread, _ in seen}


async def test_a_failed_write_in_a_brief_unit_of_work_leaves_nothing(sqlite_uow) -> None:
    uow_factory, _ = sqlite_uow
    async with uow_factory(brief=True) as uow:
        await uow.people.add(_teacher(502))
        await uow.commit()
    with pytest.raises(IntegrityError):
        async with uow_factory(brief=True) as uow:
            await uow.session.execute(
                text("INSERT INTO people (telegram_id, first_name) VALUES (503, 'x')")
            )
            await uow.session.execute(  # the same Telegram id again: the unique index refuses
                text("INSERT INTO people (telegram_id, first_name) VALUES (502, 'y')")
            )
            await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.people.get_by_telegram_id(503) is None


async def test_another_process_holding_the_write_lock_is_waited_for_off_the_loop(
    sqlite_uow,
) -> None:
    uow_factory, path = sqlite_uow
    other_process = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other_process.execute("BEGIN IMMEDIATE")  # as a backup or a migration would
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticking = asyncio.create_task(ticker())
    asyncio.get_running_loop().call_later(0.5, other_process.rollback)
    began = time.monotonic()
    try:
        async with uow_factory(brief=True) as uow:  # BEGIN IMMEDIATE: busy, then waited for
            waited = time.monotonic() - began
            await uow.people.add(_teacher(504))
            await uow.commit()
    finally:
        ticking.cancel()
        other_process.close()
    assert waited >= 0.45
    assert ticks >= 20, "the loop stood still while the lock was held"
    async with uow_factory(read_only=True) as uow:
        assert await uow.people.get_by_telegram_id(504) is not None


async def test_a_check_in_cancelled_while_waiting_for_the_lock_leaves_no_lock_behind(
    sqlite_uow,
) -> None:
    uow_factory, path = sqlite_uow
    other_process = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other_process.execute("BEGIN IMMEDIATE")

    async def check_in() -> None:
        async with uow_factory(brief=True) as uow:  # waits for the lock in the driver's thread
            await uow.people.add(_teacher(505))
            await uow.commit()

    waiting = asyncio.create_task(check_in())
    await asyncio.sleep(0.3)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    other_process.rollback()  # the abandoned BEGIN in the thread now gets the lock…
    other_process.close()
    await asyncio.sleep(0.5)  # …and must give it back at once
    async with uow_factory(brief=True) as uow:  # the next writer is not locked out
        await uow.people.add(_teacher(506))
        await uow.commit()
    probe = sqlite3.connect(path, timeout=1, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")  # nor is another process
        probe.execute("ROLLBACK")
    finally:
        probe.close()
    async with uow_factory(read_only=True) as uow:
        assert await uow.people.get_by_telegram_id(505) is None
        assert await uow.people.get_by_telegram_id(506) is not None
