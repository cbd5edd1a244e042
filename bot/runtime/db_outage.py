"""The database is locked or unreachable for a while: recognise it, and pause what depends on it.

SQLite: another process holds the write lock longer than the busy timeout → ``database is
locked``. PostgreSQL: the server refuses connections (``ConnectionRefusedError`` straight from
asyncpg, not wrapped by SQLAlchemy), or a connection dies under a query (SQLAlchemy's
``OperationalError`` / ``InterfaceError``, the connection invalidated). None of these is a bug:
a person is told to try again in a minute, and background jobs try again later.

Telling them so needs their language, perhaps before it could be loaded the usual way:
``stored_language`` reads it outside any unit of work (SQLite in WAL mode reads under another's
write lock), with a short time limit.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import exc as sa

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

logger = logging.getLogger("biliktilik.database")

#: SQLite messages that mean "busy right now", not "this statement is wrong".
SQLITE_BUSY = ("database is locked", "database is busy", "database table is locked")
PAUSE_FIRST_SECONDS = 1.0
PAUSE_MAX_SECONDS = 60.0
#: A language look-up while the database is down must not hold up the answer.
LANGUAGE_LOOKUP_SECONDS = 2.0


def _driver_unreachable(error: BaseException) -> bool:
    try:
        import asyncpg
    except ImportError:  # pragma: no cover - asyncpg is installed with the project
        return False
    return isinstance(
        error,
        asyncpg.PostgresConnectionError
        | asyncpg.CannotConnectNowError
        | asyncpg.TooManyConnectionsError
        | asyncpg.AdminShutdownError
        | asyncpg.ConnectionDoesNotExistError,
    )


def _redis_unreachable(error: BaseException) -> bool:
    """The FSM storage when `REDIS_URL` is set: a form's step cannot be read or saved."""
    try:
        from redis import exceptions as redis
    except ImportError:  # pragma: no cover - redis comes with aiogram's Redis storage extra
        return False
    return isinstance(error, redis.ConnectionError | redis.TimeoutError | redis.BusyLoadingError)


def _one_unavailable(error: BaseException) -> bool:
    if isinstance(error, ConnectionError | sa.TimeoutError):
        return True
    if _driver_unreachable(error) or _redis_unreachable(error):
        return True
    if isinstance(error, sa.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, sa.OperationalError):
        message = str(error.orig if error.orig is not None else error).lower()
        if "sqlite" in type(error.orig).__module__:
            return any(part in message for part in SQLITE_BUSY)
        return True  # PostgreSQL maps connection and server-shutdown errors to this class
    return isinstance(error, sa.InterfaceError)


def is_database_unavailable(error: BaseException | None) -> bool:
    """True for a locked or unreachable database, also when wrapped by another error."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if _one_unavailable(error):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


class OutagePause:
    """After a failure because the database is unavailable, a job waits 1 s, 2 s, 4 s … (at
    most a minute) before it touches the database again; one success resets the wait.

    APScheduler keeps waking the job every second; a paused job returns at once, so a long
    outage costs one log line per pause, not a traceback per second, and the database is not
    hammered while it recovers.
    """

    def __init__(self, name: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.name = name
        self.clock = clock
        self.failures = 0
        self.resume_at = 0.0

    @property
    def pause_seconds(self) -> float:
        return min(PAUSE_MAX_SECONDS, PAUSE_FIRST_SECONDS * 2 ** max(0, self.failures - 1))

    async def run(self, job: Callable[[], Awaitable[Any]]) -> Any:
        if self.clock() < self.resume_at:
            return None
        try:
            result = await job()
        except Exception as error:
            if not is_database_unavailable(error):
                raise
            self.failures += 1
            self.resume_at = self.clock() + self.pause_seconds
            logger.warning(
                "database unavailable; job paused",
                extra={
                    "job": self.name,
                    "pause_seconds": self.pause_seconds,
                    "error": f"{type(error).__name__}: {str(error)[:200]}",
                },
            )
            return None
        if self.failures:
            logger.info("database available again; job resumed", extra={"job": self.name})
        self.failures = 0
        self.resume_at = 0.0
        return result


async def stored_language(
    session_factory: async_sessionmaker[AsyncSession] | None, telegram_id: int
) -> str | None:
    """The person's chosen language, read outside any unit of work (every one may be failing to
    begin); None if there is no database session or it cannot be read in time."""
    from storage.repositories.people import PeopleRepository

    if session_factory is None:
        return None

    async def read() -> str | None:
        async with session_factory() as session:
            person = await PeopleRepository(session).get_by_telegram_id(telegram_id)
        return person.language if person is not None else None

    try:
        return await asyncio.wait_for(read(), LANGUAGE_LOOKUP_SECONDS)
    except Exception:  # unreachable too: fall back to Telegram's language
        return None
