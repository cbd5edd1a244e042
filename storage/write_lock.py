"""One writer at a time per SQLite database, queued in the event loop instead of in SQLite.

SQLite admits one write transaction at a time. Without this, concurrent writers of one process
wait inside SQLite's busy handler, which polls with sleeps of up to 100 ms and gives up after
``busy_timeout`` ("database is locked"): under 50 concurrent updates answers took seconds and
some failed. Queueing the writers of this process on an ``asyncio.Lock`` first hands the lock
over the moment the previous writer commits, in arrival order; ``busy_timeout`` still covers
other processes (a backup, a migration).

A write unit of work opened while the same task already holds the turn (nested) does not
queue behind itself: it goes straight to ``BEGIN IMMEDIATE`` and fails after the busy timeout,
as it always did. The wait for the turn is bounded too (``MAX_WAIT_SECONDS``, the pool's own
timeout): past it the writer goes ahead and lets SQLite decide, so a writer stuck on something
else can delay the others but never hang them.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar

from sqlalchemy.engine import Engine

MAX_WAIT_SECONDS = 30.0

_locks: weakref.WeakKeyDictionary[Engine, dict[asyncio.AbstractEventLoop, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
)
#: ids of the engines whose writer turn the current task holds
_held: ContextVar[frozenset[int]] = ContextVar(
    "biliktilik_sqlite_writer_turns", default=frozenset()
)


def _lock_for(engine: Engine) -> asyncio.Lock:
    per_loop = _locks.setdefault(engine, {})
    loop = asyncio.get_running_loop()
    lock = per_loop.get(loop)
    if lock is None:
        for stale in [other for other in per_loop if other.is_closed()]:
            del per_loop[stale]
        lock = per_loop[loop] = asyncio.Lock()
    return lock


@asynccontextmanager
async def sqlite_writer_turn(
    engine: Engine, wait_seconds: float = MAX_WAIT_SECONDS
) -> AsyncIterator[None]:
    """Hold this process's writer turn for ``engine`` (see the module docstring)."""
    held = _held.get()
    if id(engine) in held:  # nested in our own write: do not wait for ourselves
        yield
        return
    lock = _lock_for(engine)
    try:
        async with asyncio.timeout(wait_seconds):
            await lock.acquire()
    except TimeoutError:
        yield
        return
    token = _held.set(held | {id(engine)})
    try:
        yield
    finally:
        _held.reset(token)
        lock.release()
