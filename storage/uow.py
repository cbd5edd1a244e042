"""The unit of work: one session, one transaction, the repositories on top of it.

Two kinds, chosen by whoever opens it (``uow_factory()`` or ``uow_factory(read_only=True)``):

- a **write** unit of work on SQLite starts with ``BEGIN IMMEDIATE``: the write lock is taken
  up front, after this process's earlier writers are done (``storage.write_lock``). We keep
  IMMEDIATE rather than a deferred BEGIN retried on ``SQLITE_BUSY``: in WAL mode a deferred
  transaction that read a snapshot and then tries to write after another connection committed
  fails at once (no busy wait helps a stale snapshot), and the only correct retry is to re-run
  the whole use-case — which may already have decided things from what it read and which the
  unit of work cannot replay by itself. Waiting for the lock before reading is simple and
  always right.
- a **read-only** unit of work starts with a deferred ``BEGIN``: in WAL mode it reads a
  consistent snapshot without taking or waiting for the write lock, so look-ups (the person
  behind every update, verification, agendas) never queue behind writers. Any write through
  it raises :class:`storage.read_only.ReadOnlyViolation`. On PostgreSQL both kinds begin the
  same ordinary transaction (the guard against writes still applies).
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from types import TracebackType
from typing import Any, Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.db import SQLITE_IMMEDIATE
from storage.read_only import mark_read_only
from storage.repositories.applications import ApplicationsRepository
from storage.repositories.assessments import AssessmentsRepository
from storage.repositories.attendance import AttendanceRepository
from storage.repositories.audit import AuditRepository
from storage.repositories.certificates import CertificatesRepository, DocumentsRepository
from storage.repositories.cohorts import CohortsRepository, SessionsRepository
from storage.repositories.consultations import ConsultationsRepository
from storage.repositories.courses import CoursesRepository
from storage.repositories.enrollments import EnrollmentsRepository, OrdersRepository
from storage.repositories.follow_up import FollowUpRepository
from storage.repositories.internship_blanks import BlanksRepository, InternshipRepository
from storage.repositories.outbox import OutboxRepository
from storage.repositories.people import PeopleRepository, SchoolsRepository
from storage.repositories.requests import RequestsRepository
from storage.sqlite_on_the_loop import statements_on_the_loop
from storage.write_lock import sqlite_writer_turn


class SqlAlchemyUnitOfWork:
    """``async with uow: ...; await uow.commit()`` — anything not committed is rolled back.

    Each ``async with`` opens a fresh session (so an instance may be entered again later, not
    concurrently). Leaving the block rolls back whatever was not committed, also after an
    exception, and closes the session. ``read_only=True``: see the module docstring.
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
    follow_up: FollowUpRepository
    internship: InternshipRepository
    blanks: BlanksRepository

    def __init__(
        self,
        session_factory: async_sessionmaker[Any],
        *,
        read_only: bool = False,
        brief: bool = False,
    ) -> None:
        self._session_factory = session_factory
        self.read_only = read_only
        self.brief = brief

    async def __aenter__(self) -> Self:
        self._exit_stack = AsyncExitStack()
        if self.brief:
            self._exit_stack.enter_context(statements_on_the_loop())
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
        self.follow_up = FollowUpRepository(s)
        self.internship = InternshipRepository(s)
        self.blanks = BlanksRepository(s)
        if self.read_only:
            mark_read_only(s.sync_session)
            return self  # the deferred BEGIN comes with the first statement
        bind = s.bind
        if bind is not None and bind.dialect.name == "sqlite":
            # see the module docstring: the write lock up front, this process's writers in turn
            try:
                await self._exit_stack.enter_async_context(sqlite_writer_turn(bind.sync_engine))
                await s.connection(execution_options={SQLITE_IMMEDIATE: True})
            except BaseException:
                await self._exit_stack.aclose()
                await s.close()
                raise
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
            try:
                await self.session.close()
            finally:
                await self._exit_stack.aclose()  # the next writer's turn

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()


class UnitOfWorkFactory:
    """``uow_factory()`` → a write unit of work; ``uow_factory(read_only=True)`` → a look-up;
    ``brief=True`` (either kind) → a few indexed statements on every update's path, run on
    the loop thread on SQLite (``storage.sqlite_on_the_loop``)."""

    def __init__(self, session_factory: async_sessionmaker[Any]) -> None:
        self.session_factory = session_factory

    def __call__(self, *, read_only: bool = False, brief: bool = False) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.session_factory, read_only=read_only, brief=brief)
