"""Shared plumbing: a repository holds the unit of work's session and never commits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """Flush inside a SAVEPOINT so a constraint violation leaves the transaction usable."""
        async with self.session.begin_nested():
            yield
            await self.session.flush()


def violated(error: IntegrityError, table: str, *columns: str) -> bool:
    """Did ``error`` come from the unique constraint on ``table(columns)``?

    PostgreSQL names the constraint (``uq_<table>_<col>_<col>`` by our naming convention);
    SQLite lists the columns (``UNIQUE constraint failed: table.col, table.col``).
    """
    message = str(error.orig)
    constraint = "uq_" + table + "_" + "_".join(columns)
    sqlite_columns = ", ".join(f"{table}.{column}" for column in columns)
    return constraint in message or f"failed: {sqlite_columns}" in message
