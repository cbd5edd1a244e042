"""aiogram FSM storage in the bot's own database: a half-filled form survives a restart.

Used when no `REDIS_URL` is set (the embedded default). One row per FSM key; writes are
upserts, so two updates of the same person never collide on a missing row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import nullcontext
from datetime import UTC, datetime
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, StateType, StorageKey
from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import FsmStateRow
from storage.sqlite_on_the_loop import statements_on_the_loop
from storage.write_lock import sqlite_writer_turn


def fsm_key(key: StorageKey) -> str:
    parts = [
        key.bot_id,
        key.chat_id,
        key.user_id,
        key.thread_id or "",
        key.business_connection_id or "",
        key.destiny,
    ]
    return ":".join(str(part) for part in parts)


_BY_KEY = select(FsmStateRow).where(FsmStateRow.key == bindparam("key"))


class DatabaseFsmStorage(BaseStorage):
    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.session_factory = session_factory
        self.clock = clock

    async def _row(self, key: StorageKey) -> FsmStateRow | None:
        """Read on every update (aiogram asks for the state first): one indexed row, so on
        SQLite it is read on the loop thread (``storage.sqlite_on_the_loop``)."""
        with statements_on_the_loop():
            async with self.session_factory() as session:
                return await session.scalar(_BY_KEY, {"key": fsm_key(key)})

    async def _upsert(self, key: StorageKey, **values: Any) -> None:
        async with self.session_factory() as session:
            dialect = session.bind.dialect.name if session.bind else "sqlite"
            insert = pg_insert if dialect == "postgresql" else sqlite_insert
            row: dict[str, Any] = {
                "key": fsm_key(key),
                "state": None,
                "data": {},
                "updated_at": self.clock(),
            }
            row.update(values)
            statement = insert(FsmStateRow).values(**row)
            statement = statement.on_conflict_do_update(
                index_elements=[FsmStateRow.key],
                set_={name: statement.excluded[name] for name in [*values, "updated_at"]},
            )
            # on SQLite, in turn with this process's other writers (storage.write_lock) rather
            # than in SQLite's busy handler, which polls with sleeps of up to 100 ms
            turn = (
                sqlite_writer_turn(session.bind.sync_engine)
                if dialect == "sqlite" and session.bind is not None
                else nullcontext()
            )
            async with turn:
                await session.execute(statement)
                await session.commit()

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._upsert(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        row = await self._row(key)
        return row.state if row else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._upsert(key, data=dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = await self._row(key)
        return dict(row.data) if row and row.data else {}

    async def close(self) -> None:
        return None
