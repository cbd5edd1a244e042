"""One writer at a time per SQLite database, queued in the event loop instead of in SQLite.

SQLite admits one write transaction at a time. Without this, concurrent writers of one process
wait inside SQLite's busy handler, which polls with sleeps of up to 100 ms and gives up after
``busy_timeout`` ("database is locked"): under 50 concurrent updates answers took seconds and
some failed. Queueing the writers of this process on an ``asyncio.Lock`` first hands the lock
over the moment the previous writer commits, in arrival order; ``busy_timeout`` still covers
other processes (a backup, a migration).

The wait is bounded by the busy timeout as well: a writer that waited that long proceeds to
``BEGIN IMMEDIATE`` anyway and lets SQLite decide, so a unit of work nested inside another
one's write fails as it did before instead of hanging.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.engine import Engine

_locks: weakref.WeakKeyDictionary[Engine, dict[asyncio.AbstractEventLoop, asyncio.Lock]] = (
    weakref.WeakKeyDictionary()
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
async def sqlite_writer_turn(engine: Engine, wait_seconds: float) -> AsyncIterator[None]:
    """Hold this process's writer turn for ``engine`` (or give up waiting after
    ``wait_seconds`` and go ahead without it)."""
    lock = _lock_for(engine)
    try:
        async with asyncio.timeout(wait_seconds):
            await lock.acquire()
    except TimeoutError:
        yield
        return
    try:
        yield
    finally:
        lock.release()
