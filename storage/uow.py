"""The unit of work: one session, one transaction, the repositories on top of it."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.repositories.people import PeopleRepository, SchoolsRepository


class SqlAlchemyUnitOfWork:
    """``async with uow: ...; await uow.commit()`` — anything not committed is rolled back.

    Each ``async with`` opens a fresh session, so one instance may be entered again later
    (not concurrently).
    """

    session: AsyncSession
    people: PeopleRepository
    schools: SchoolsRepository

    def __init__(self, session_factory: async_sessionmaker[Any]) -> None:
        self._session_factory = session_factory

    async def __aenter__(self) -> Self:
        self.session = self._session_factory()
        s = self.session
        self.people = PeopleRepository(s)
        self.schools = SchoolsRepository(s)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.session.rollback()  # no-op after commit; discards anything since
        finally:
            await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
