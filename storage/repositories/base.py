"""Shared plumbing: a repository holds the unit of work's session and never commits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import SQLITE_IMMEDIATE


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @property
    def dialect(self) -> str:
        return self.session.get_bind().dialect.name

    async def begin_write(self) -> None:
        """On SQLite, make a not-yet-started transaction a write one (``BEGIN IMMEDIATE``).

        The write lock is then taken up front (waiting up to ``busy_timeout``) instead of on
        the first write, where a concurrent commit would fail the transaction with BUSY.
        """
        if self.dialect == "sqlite" and not self.session.in_transaction():
            await self.session.connection(execution_options={SQLITE_IMMEDIATE: True})

    async def insert_ignoring_conflict(
        self, table: Table, values: dict[str, Any], index_elements: list[str]
    ) -> bool:
        """``INSERT ... ON CONFLICT DO NOTHING``; True if a row was inserted."""
        dialect = postgresql if self.dialect == "postgresql" else sqlite
        statement = (
            dialect.insert(table)
            .values(**values)
            .on_conflict_do_nothing(index_elements=index_elements)
        )
        result = await self.session.execute(statement)
        return bool(result.rowcount)  # type: ignore[attr-defined]

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
