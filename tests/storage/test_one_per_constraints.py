"""Item 7 of issue 16: the "one per" rules are database constraints on both dialects.

One active application per person and cohort (a partial unique index: after a rejection or a
withdrawal the teacher may apply again), one document of each kind per enrollment.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date

import pytest

from domain.model import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    Certificate,
    DocumentKind,
)
from domain.ports import AlreadyApplied, AlreadyIssued
from domain.services.applications import ACTIVE_STATUSES
from storage.models.enrollment import ACTIVE_APPLICATION_STATUSES
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


def _application(
    world: World, status: ApplicationStatus = ApplicationStatus.SUBMITTED
) -> Application:
    return Application(
        person_id=world.trainer.id or 0,
        cohort_id=world.cohort.id or 0,
        kind=ApplicationKind.DOMESTIC,
        addressed_to="Директору школы №12",
        language="kk",
        status=status,
        created_at=NOW,
    )


def test_the_index_covers_the_domains_active_statuses() -> None:
    assert set(ACTIVE_APPLICATION_STATUSES) == {str(s) for s in ACTIVE_STATUSES}


async def test_two_concurrent_applications_one_is_stored_the_other_refused(
    uow_factory: UowFactory, world: World
) -> None:
    """Both passed the application-level check; the database keeps exactly one."""
    started = asyncio.Event()

    async def first() -> Application:
        async with uow_factory() as uow:
            application = await uow.applications.add(_application(world))
            started.set()
            await asyncio.sleep(0.3)  # the second insert runs (and waits) meanwhile
            await uow.commit()
            return application

    async def second() -> Application:
        await started.wait()
        async with uow_factory() as uow:
            application = await uow.applications.add(_application(world))
            await uow.commit()
            return application

    results = await asyncio.gather(first(), second(), return_exceptions=True)
    assert isinstance(results[0], Application)
    assert isinstance(results[1], AlreadyApplied)
    async with uow_factory() as uow:
        stored = await uow.applications.for_person(world.trainer.id or 0)
    assert [a.id for a in stored] == [results[0].id]


async def test_a_refused_insert_leaves_the_transaction_usable(
    uow_factory: UowFactory, world: World
) -> None:
    async with uow_factory() as uow:
        await uow.applications.add(_application(world, ApplicationStatus.APPROVED))
        with pytest.raises(AlreadyApplied):
            await uow.applications.add(_application(world))
        await uow.commit()
    async with uow_factory() as uow:
        assert len(await uow.applications.for_person(world.trainer.id or 0)) == 1


async def test_after_a_rejection_or_withdrawal_the_teacher_may_apply_again(
    uow_factory: UowFactory, world: World
) -> None:
    async with uow_factory() as uow:
        rejected = await uow.applications.add(_application(world))
        rejected.status = ApplicationStatus.REJECTED
        await uow.applications.update(rejected)
        withdrawn = await uow.applications.add(_application(world))
        withdrawn.status = ApplicationStatus.WITHDRAWN
        await uow.applications.update(withdrawn)
        active = await uow.applications.add(_application(world))
        await uow.commit()
    async with uow_factory() as uow:
        rejected.status = ApplicationStatus.SUBMITTED  # reactivating a second one is refused
        with pytest.raises(AlreadyApplied):
            await uow.applications.update(rejected)
        await uow.commit()
    async with uow_factory() as uow:
        statuses = [a.status for a in await uow.applications.for_person(world.trainer.id or 0)]
    assert statuses == [
        ApplicationStatus.REJECTED,
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.SUBMITTED,
    ]
    assert active.id is not None


def _document(
    world: World, number: str, kind: DocumentKind, enrollment: bool = True
) -> Certificate:
    return Certificate(
        number=number,
        kind=kind,
        person_id=world.teacher.id or 0,
        enrollment_id=world.enrollment.id if enrollment else None,
        holder_full_name=world.teacher.full_name,
        topic=world.course.topic_kk,
        academic_hours=72,
        issued_on=date(2026, 12, 10),
        valid_until=None,
    )


async def test_one_document_of_each_kind_per_enrollment(
    uow_factory: UowFactory, world: World
) -> None:
    async with uow_factory() as uow:
        await uow.certificates.add(
            _document(world, "ORL-2026-000001", DocumentKind.LISTENING_REFERENCE)
        )
        with pytest.raises(AlreadyIssued):
            await uow.certificates.add(
                _document(world, "ORL-2026-000002", DocumentKind.LISTENING_REFERENCE)
            )
        # §31: after a re-assessment the certificate follows the reference.
        await uow.certificates.add(_document(world, "ORL-2026-000003", DocumentKind.CERTIFICATE))
        with pytest.raises(AlreadyIssued):
            await uow.certificates.add(
                _document(world, "ORL-2026-000004", DocumentKind.CERTIFICATE)
            )
        # Documents without an enrollment (imported) are not limited.
        for number in ("ORL-2026-000005", "ORL-2026-000006"):
            await uow.certificates.add(
                _document(world, number, DocumentKind.CERTIFICATE, enrollment=False)
            )
        await uow.commit()
    async with uow_factory() as uow:
        issued = await uow.certificates.for_person(world.teacher.id or 0)
    assert sorted(c.number for c in issued) == [
        "ORL-2026-000001",
        "ORL-2026-000003",
        "ORL-2026-000005",
        "ORL-2026-000006",
    ]


async def test_the_migration_withdraws_later_duplicates_before_adding_the_index(
    database_url: str,
) -> None:
    """A database at 0001 may hold two active applications of one person to one cohort (a
    race the application-level check missed): the earliest stays, the later is withdrawn."""
    from sqlalchemy import text

    from domain.model import Cohort, Person
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade_database
    from storage.uow import UnitOfWorkFactory

    await upgrade_database(database_url, "0001")
    engine = create_engine(database_url)
    uows = UnitOfWorkFactory(create_session_factory(engine))
    try:
        async with uows() as uow:
            person = await uow.people.add(Person(telegram_id=5, full_name="Ә Б", created_at=NOW))
            # the courses table as 0001 made it (later revisions add columns the model knows)
            course_id = await uow.session.scalar(
                text(
                    "INSERT INTO courses (topic_kk, topic_ru, kind, format, hours, max_score, "
                    "languages, distance) VALUES ('Т', 'Т', 'short', 'combined', 36, 100, "
                    "'kk,ru', false) RETURNING id"
                )
            )
            cohort = await uow.cohorts.add(
                Cohort(
                    course_id=course_id or 0,
                    code="Т-1",
                    language="kk",
                    starts_on=date(2026, 12, 1),
                    ends_on=date(2026, 12, 5),
                    seats=5,
                )
            )
            statuses = [
                ApplicationStatus.REJECTED,
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.APPROVED,
                ApplicationStatus.SUBMITTED,
            ]
            for status in statuses:
                application = _application_for(person.id or 0, cohort.id or 0, status)
                await uow.applications.add(application)
            await uow.commit()
        await upgrade_database(database_url)
        async with uows() as uow:
            stored = [a.status for a in await uow.applications.for_person(person.id or 0)]
    finally:
        await engine.dispose()
    assert stored == [
        ApplicationStatus.REJECTED,
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.WITHDRAWN,
    ]


def _application_for(person_id: int, cohort_id: int, status: ApplicationStatus) -> Application:
    return Application(
        person_id=person_id,
        cohort_id=cohort_id,
        kind=ApplicationKind.DOMESTIC,
        addressed_to="Директору",
        language="kk",
        status=status,
        created_at=NOW,
    )
