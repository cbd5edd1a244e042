"""The unit of work: one session, one transaction, the repositories on top of it."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.db import SQLITE_IMMEDIATE
from storage.repositories.applications import ApplicationsRepository
from storage.repositories.assessments import AssessmentsRepository
from storage.repositories.attendance import AttendanceRepository
from storage.repositories.audit import AuditRepository
from storage.repositories.certificates import CertificatesRepository, DocumentsRepository
from storage.repositories.cohorts import CohortsRepository, SessionsRepository
from storage.repositories.consultations import ConsultationsRepository
from storage.repositories.courses import CoursesRepository
from storage.repositories.enrollments import EnrollmentsRepository, OrdersRepository
from storage.repositories.outbox import OutboxRepository
from storage.repositories.people import PeopleRepository, SchoolsRepository
from storage.repositories.requests import RequestsRepository


class SqlAlchemyUnitOfWork:
    """``async with uow: ...; await uow.commit()`` — anything not committed is rolled back.

    Each ``async with`` opens a fresh session (so an instance may be entered again later, not
    concurrently). Leaving the block rolls back whatever was not committed, also after an
    exception, and closes the session.
    """

    session: AsyncSession
    people: PeopleRepository
    schools: SchoolsRepository
    courses: CoursesRepository
    cohorts: CohortsRepository
    sessions: SessionsRepository
    applications: ApplicationsRepository
    orders: OrdersRepository
    enrollments: EnrollmentsRepository
    attendance: AttendanceRepository
    assessments: AssessmentsRepository
    certificates: CertificatesRepository
    documents: DocumentsRepository
    requests: RequestsRepository
    consultations: ConsultationsRepository
    audit: AuditRepository
    outbox: OutboxRepository

    def __init__(self, session_factory: async_sessionmaker[Any]) -> None:
        self._session_factory = session_factory

    async def __aenter__(self) -> Self:
        self.session = s = self._session_factory()
        self.people = PeopleRepository(s)
        self.schools = SchoolsRepository(s)
        self.courses = CoursesRepository(s)
        self.cohorts = CohortsRepository(s)
        self.sessions = SessionsRepository(s)
        self.applications = ApplicationsRepository(s)
        self.orders = OrdersRepository(s)
        self.enrollments = EnrollmentsRepository(s)
        self.attendance = AttendanceRepository(s)
        self.assessments = AssessmentsRepository(s)
        self.certificates = CertificatesRepository(s)
        self.documents = DocumentsRepository(s)
        self.requests = RequestsRepository(s)
        self.consultations = ConsultationsRepository(s)
        self.audit = AuditRepository(s)
        self.outbox = OutboxRepository(s)
        bind = s.bind
        if bind is not None and bind.dialect.name == "sqlite":
            # WAL with a deferred BEGIN: a unit of work that reads, then writes after another
            # connection committed, fails at once with "database is locked" (SQLite skips the
            # busy wait for a stale snapshot). Taking the write lock up front waits instead.
            await s.connection(execution_options={SQLITE_IMMEDIATE: True})
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.session.rollback()  # a no-op after commit; discards anything since
        finally:
            await self.session.close()

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()
