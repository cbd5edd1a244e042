"""Brief SQLite units of work run their statements on the event loop thread.

aiosqlite runs every call — cursor, execute, fetch, close, commit — in the connection's own
thread and hands the result back through the event loop: about 0.14 ms per hand-off on two
cores, and SQLAlchemy makes three or four calls per statement, so a one-row look-up took
~0.55 ms, nearly all of it waiting for the loop to wake up. The statements themselves
(indexed reads, one-row writes in WAL mode with ``synchronous=NORMAL``) take microseconds.
The person behind every update and a check-in are such units of work; they open with
``uow_factory(brief=True)`` and their calls are made directly (measured: a check-in use-case
3.97 → 1.09 ms, the person look-up 1.76 → 0.38 ms; ``biliktilik bench``).

Why it is safe:

- only a brief unit of work does this; reports, exports, imports and issuing keep the thread,
  so a long query never stalls the loop;
- never two threads on one connection at once: a connection belongs to one unit of work at a
  time, whose calls are awaited one after another (``check_same_thread=False`` only lets the
  loop thread use a connection the driver's thread opened);
- no lock wait on the loop: ``BEGIN IMMEDIATE`` is tried without waiting (``busy_timeout``
  0) — if another process holds the write lock it is waited for in the driver's thread with
  the usual busy timeout (``begin_on_the_loop``); writers of this process queue on
  ``storage.write_lock`` before that. In WAL mode reads do not wait for writers (only a WAL
  recovery after a crash of another process can make one wait).

The one stall this allows: the COMMIT that takes the WAL past 1,000 pages runs SQLite's
automatic checkpoint (pages copied back, one sync) on the loop — a few milliseconds on a local
disk, once every few hundred check-ins. Sending every brief COMMIT to the thread instead was
measured: 304 → 232 check-ins/s (``biliktilik bench --only updates_handled``); not worth it.

aiosqlite's private ``Connection._execute`` (one place, all calls go through it) is what this
overrides; ``tests/storage/test_sqlite_on_the_loop.py`` fails if a new aiosqlite changes it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial
from typing import Any, TypeVar

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import SQLiteDialect_aiosqlite
from sqlalchemy.engine import make_url

T = TypeVar("T")

_brief: ContextVar[bool] = ContextVar("biliktilik_sqlite_brief", default=False)


@contextmanager
def statements_on_the_loop() -> Iterator[None]:
    """Within this block (this task only), SQLite calls are made on the loop thread."""
    token = _brief.set(True)
    try:
        yield
    finally:
        _brief.reset(token)


def on_the_loop() -> bool:
    return _brief.get()


class LoopAwareConnection(aiosqlite.Connection):
    """An aiosqlite connection that makes a brief unit of work's calls directly."""

    async def _execute(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if _brief.get() and self._running and self._connection is not None:
            return fn(*args, **kwargs)
        return await super()._execute(fn, *args, **kwargs)

    def in_thread(self, fn: Callable[..., T], *args: Any) -> Awaitable[T]:
        """``fn`` in the driver's thread even inside a brief unit of work (a lock wait)."""
        return super()._execute(fn, *args)


def loop_aware_creator(url: str) -> Callable[[], Awaitable[LoopAwareConnection]]:
    """SQLAlchemy's ``async_creator`` for ``url``: the dialect's own connect arguments, a
    :class:`LoopAwareConnection`, usable from the loop thread."""
    args, kwargs = SQLiteDialect_aiosqlite().create_connect_args(make_url(url))
    connect = partial(sqlite3.connect, *args, **{**kwargs, "check_same_thread": False})

    async def create() -> LoopAwareConnection:
        connection = LoopAwareConnection(connect, iter_chunk_size=64)
        connection._thread.daemon = True  # as SQLAlchemy does: never block the interpreter's exit
        await connection  # starts its thread and connects
        return connection

    return create


def begin_on_the_loop(
    driver_connection: LoopAwareConnection,
    statement: str,
    busy_timeout_ms: int,
    wait_in_thread: Callable[[Callable[[Any], Awaitable[Any]]], Any],
) -> None:
    """``BEGIN`` or ``BEGIN IMMEDIATE`` for a brief unit of work. The write lock is taken
    without waiting; if another process holds it, the wait happens in the driver's thread
    (``wait_in_thread``: SQLAlchemy's ``run_async`` of the adapted connection)."""
    raw = driver_connection._conn
    if statement != "BEGIN IMMEDIATE":  # a deferred BEGIN takes no lock
        raw.execute(statement)
        return
    raw.execute("PRAGMA busy_timeout = 0")
    try:
        raw.execute(statement)
        return
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:  # BUSY and its variants
            raise
    finally:
        raw.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
    try:
        wait_in_thread(lambda _connection: driver_connection.in_thread(raw.execute, statement))
    except BaseException:
        # Cancelled (or failed) while the thread may still be inside BEGIN and take the lock
        # later: what this task does with the connection next — the pool's rollback — must
        # queue behind it in that thread, not run beside it here and leave the lock held.
        _brief.set(False)
        raise
