"""Read-only units of work: they read, they refuse to write, and on SQLite they never hold
up a writer; writers of one process take turns instead of failing with "database is locked"."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from domain.model import Attendance, AttendanceMethod, Person
from storage.read_only import ReadOnlyViolation
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import World

UowFactory = Callable[..., SqlAlchemyUnitOfWork]
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def test_read_only_reads_what_was_committed(uow_factory: UowFactory, world: World) -> None:
    async with uow_factory(read_only=True) as uow:
        found = await uow.people.get_by_telegram_id(1001)
    assert found is not None and found.full_name == "Әлия Қасымова"


async def test_read_only_refuses_to_add_a_person_and_nothing_is_stored(
    uow_factory: UowFactory,
) -> None:
    with pytest.raises(ReadOnlyViolation):
        async with uow_factory(read_only=True) as uow:
            await uow.people.add(Person(telegram_id=77, created_at=NOW))
            await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.people.get_by_telegram_id(77) is None


async def test_read_only_refuses_an_insert_statement(uow_factory: UowFactory, world: World) -> None:
    assert world.enrollment.id is not None and world.sessions[0].id is not None
    attendance = Attendance(
        enrollment_id=world.enrollment.id,
        session_id=world.sessions[0].id,
        checked_in_at=NOW,
        method=AttendanceMethod.CODE,
    )
    with pytest.raises(ReadOnlyViolation):
        async with uow_factory(read_only=True) as uow:
            await uow.attendance.add_if_absent(attendance)
    async with uow_factory() as uow:
        assert await uow.attendance.add_if_absent(attendance) is True
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.attendance.count_attended(world.enrollment.id) == 1


async def test_read_only_refuses_an_update_statement(uow_factory: UowFactory, world: World) -> None:
    with pytest.raises(ReadOnlyViolation):
        async with uow_factory(read_only=True) as uow:
            await uow.people.mark_unreachable(1001, NOW)
    async with uow_factory(read_only=True) as uow:
        person = await uow.people.get_by_telegram_id(1001)
    assert person is not None and person.unreachable_since is None


async def test_sqlite_reader_in_the_middle_of_its_snapshot_does_not_hold_up_a_writer(
    uow_factory: UowFactory, world: World, dialect: str
) -> None:
    if dialect != "sqlite":
        pytest.skip("SQLite's write lock; PostgreSQL readers never block writers")
    async with uow_factory(read_only=True) as reader:
        assert await reader.people.get_by_telegram_id(1001) is not None
        async with asyncio.timeout(2):  # a writer queued behind the reader would wait 5 s
            async with uow_factory() as writer:
                await writer.people.add(Person(telegram_id=78, created_at=NOW))
                await writer.commit()
        # the reader keeps its snapshot: what it read stays consistent within it
        assert await reader.people.get_by_telegram_id(78) is None
    async with uow_factory(read_only=True) as uow:
        assert await uow.people.get_by_telegram_id(78) is not None


async def test_forty_concurrent_writers_all_commit(uow_factory: UowFactory) -> None:
    async def register(telegram_id: int) -> None:
        async with uow_factory() as uow:
            assert await uow.people.get_by_telegram_id(telegram_id) is None
            await asyncio.sleep(0.01)  # hold the write transaction across an await
            await uow.people.add(Person(telegram_id=telegram_id, created_at=NOW))
            await uow.commit()

    await asyncio.gather(*(register(5000 + n) for n in range(40)))
    async with uow_factory(read_only=True) as uow:
        stored = [await uow.people.get_by_telegram_id(5000 + n) for n in range(40)]
    assert all(person is not None for person in stored)


async def test_sqlite_writers_of_one_process_take_the_write_lock_in_arrival_order(
    uow_factory: UowFactory, dialect: str
) -> None:
    """They queue in the event loop (storage.write_lock), not in SQLite's busy handler, which
    wakes waiters in no particular order after sleeps of up to 100 ms."""
    if dialect != "sqlite":
        pytest.skip("one writer at a time is SQLite's rule")
    order: list[int] = []

    async def write(n: int) -> None:
        async with uow_factory() as uow:
            order.append(n)
            await asyncio.sleep(0.02)  # hold the lock while the others arrive
            await uow.people.add(Person(telegram_id=6000 + n, created_at=NOW))
            await uow.commit()

    tasks = []
    for n in range(10):
        tasks.append(asyncio.create_task(write(n)))
        await asyncio.sleep(0)  # let it reach the queue before the next one starts
    await asyncio.gather(*tasks)
    assert order == list(range(10))


async def test_a_writer_on_a_locked_sqlite_file_gets_sqlalchemys_operational_error(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BEGIN IMMEDIATE goes to the driver directly; when another process holds the lock past
    the busy timeout the caller still sees ``sqlalchemy.exc.OperationalError`` — what the
    error handler turns into "try again in a minute" and background jobs into a pause."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    import storage.db
    from bot.runtime.db_outage import is_database_unavailable
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade_database
    from storage.uow import UnitOfWorkFactory

    monkeypatch.setattr(storage.db, "SQLITE_BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "locked.db"
    await upgrade_database(f"sqlite+aiosqlite:///{path}")
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(OperationalError) as raised:
            async with UnitOfWorkFactory(create_session_factory(engine))() as uow:
                await uow.people.add(Person(telegram_id=78, created_at=NOW))
        assert "database is locked" in str(raised.value)
        assert is_database_unavailable(raised.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        await engine.dispose()
