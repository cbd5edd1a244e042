"""The repository parts of a personal data deletion, on SQLite and PostgreSQL: the one-winner
claim of a request, removing enrollments with their history, applications and their files,
what waits in the outbox for a chat — and the whole use-case on both dialects."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import text

from domain.model import (
    Application,
    ApplicationKind,
    Attendance,
    AttendanceMethod,
    Certificate,
    Consultation,
    DocumentKind,
    FinalAssessment,
    OutboxStatus,
    Request,
    RequestKind,
    SupportKind,
)
from domain.notifications import text_notice
from domain.services.erasure import erase_personal_data
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


async def ask(uow_factory: UowFactory, world: World) -> int:
    async with uow_factory() as uow:
        teacher = await uow.people.get(world.teacher.id or 0)
        assert teacher is not None and teacher.id is not None
        teacher.deletion_requested_at = NOW
        teacher.iin, teacher.phone = "900101400123", "+77011234567"
        await uow.people.update(teacher)
        await uow.commit()
    return teacher.id


async def history(uow_factory: UowFactory, world: World) -> None:
    """Attendance, a graded result, a request with an attachment and a consultation on the
    world's enrollment; an application with a stored file."""
    enrollment, person = world.enrollment.id or 0, world.teacher.id or 0
    async with uow_factory() as uow:
        await uow.attendance.add(
            Attendance(enrollment, world.sessions[0].id or 0, NOW, AttendanceMethod.CODE)
        )
        await uow.assessments.add(FinalAssessment(enrollment, 80, 100, date(2026, 12, 10)))
        await uow.requests.add(
            Request(person, enrollment, RequestKind.REASSESSMENT, "ауырдым", None, ["photo-1"])
        )
        await uow.consultations.add(
            Consultation(person, enrollment, SupportKind.CONSULTATION, "сұрағым бар")
        )
        application = await uow.applications.add(
            Application(person, world.cohort.id or 0, ApplicationKind.DOMESTIC, "Директор", "kk")
        )
        await uow.documents.save(
            owner_kind="application",
            owner_id=application.id or 0,
            kind=DocumentKind.APPLICATION,
            lang="kk",
            content=b"%PDF application with IIN",
            created_at=NOW,
        )
        await uow.commit()


async def count(uow_factory: UowFactory, sql: str) -> int:
    async with uow_factory() as uow:
        return int((await uow.session.execute(text(sql))).scalar_one())


async def test_a_request_is_claimed_once(uow_factory: UowFactory, world: World) -> None:
    person_id = await ask(uow_factory, world)
    async with uow_factory() as uow:
        assert await uow.people.claim_deletion_request(person_id) is True
        assert await uow.people.claim_deletion_request(person_id) is False
        await uow.rollback()
    async with uow_factory() as uow:  # rolled back: still pending
        assert [p.id for p in await uow.people.deletion_requested()] == [person_id]
        assert await uow.people.claim_deletion_request(world.trainer.id or 0) is False
        assert await uow.people.claim_deletion_request(999_999) is False


async def test_enrollments_go_with_their_history_and_applications_with_their_files(
    uow_factory: UowFactory, world: World
) -> None:
    await history(uow_factory, world)
    async with uow_factory() as uow:
        await uow.enrollments.delete_with_history([world.enrollment.id or 0])
        ids = await uow.applications.delete_for_person(world.teacher.id or 0)
        assert await uow.documents.delete_for_owners("application", ids) == 1
        # a certificate's files are never removed this way
        assert await uow.documents.delete_for_owners("certificate", [1]) == 0
        await uow.commit()
    for table in (
        "enrollments",
        "attendance",
        "final_assessments",
        "requests",
        "request_documents",
        "consultations",
        "applications",
        "document_files",
    ):
        assert await count(uow_factory, f"SELECT count(*) FROM {table}") == 0, table
    assert await count(uow_factory, "SELECT count(*) FROM training_sessions") == 3


async def test_only_what_waits_for_the_chat_is_dropped(
    uow_factory: UowFactory, world: World
) -> None:
    async with uow_factory() as uow:
        for key, chat in (("a", 1001), ("b", 1001), ("c", 1001), ("other", 2001)):
            await uow.outbox.enqueue(text_notice(chat, "kk", "cancel-done", key, NOW))
        sent = await uow.outbox.get_by_dedup_key("a")
        failed = await uow.outbox.get_by_dedup_key("b")
        assert sent is not None and failed is not None
        await uow.outbox.mark_sent(sent.id or 0, NOW)
        await uow.outbox.mark_failed(failed.id or 0, "403", None)
        assert await uow.outbox.drop_pending(1001) == 2
        await uow.commit()
    async with uow_factory() as uow:
        left = {m.dedup_key: m.status for m in await uow.outbox.undelivered([1001, 2001])}
        assert left == {"other": OutboxStatus.PENDING}
        assert (await uow.outbox.get_by_dedup_key("a")).status == OutboxStatus.SENT  # type: ignore[union-attr]


async def test_erasure_keeps_an_issued_certificate_on_both_dialects(
    uow_factory: UowFactory, world: World
) -> None:
    person_id = await ask(uow_factory, world)
    await history(uow_factory, world)
    async with uow_factory() as uow:
        certificate = await uow.certificates.add(
            Certificate(
                "ORL-2026-000007", DocumentKind.CERTIFICATE, person_id,
                world.enrollment.id, "Әлия Қасымова", "Цифрлық сауаттылық", 72,
                date(2026, 12, 10), None,
            )
        )  # fmt: skip
        await uow.documents.save_for_certificate(
            certificate, kind=DocumentKind.CERTIFICATE, lang="kk", content=b"%PDF-cert",
            created_at=NOW,
        )  # fmt: skip
        await uow.commit()
    # two admins at once: one erases, the other finds nothing to do
    results = await asyncio.gather(
        *(erase_personal_data(uow_factory, person_id, world.trainer.id or 0, NOW) for _ in range(2))
    )
    assert sorted(r is None for r in results) == [False, True]
    [done] = [r for r in results if r is not None]
    assert (done.removed, done.kept_numbers, done.chat_id) == (False, ("ORL-2026-000007",), 1001)
    async with uow_factory() as uow:
        person = await uow.people.get(person_id)
        assert person is not None
        assert (person.full_name, person.iin, person.phone, person.telegram_id) == (
            "Әлия Қасымова",
            None,
            None,
            None,
        )
        stored = await uow.certificates.get_by_number("ORL-2026-000007")
        assert stored is not None and stored.holder_full_name == "Әлия Қасымова"
        pdf = await uow.documents.get_for_certificate(stored.id or 0)
        assert pdf is not None and pdf.content == b"%PDF-cert"
        assert await uow.attendance.count_attended(world.enrollment.id or 0) == 1
        assert len(await uow.assessments.for_enrollment(world.enrollment.id or 0)) == 1
        [request] = await uow.requests.for_person(person_id)
        assert (request.reason, request.document_file_ids) == ("", [])
        assert [c.question for c in await uow.consultations.for_person(person_id)] == [""]
        assert len(await uow.audit.for_entity("person", str(person_id))) == 1
    assert await count(uow_factory, "SELECT count(*) FROM document_files") == 1  # the certificate


async def test_nothing_issued_removes_every_row_on_both_dialects(
    uow_factory: UowFactory, world: World
) -> None:
    person_id = await ask(uow_factory, world)
    await history(uow_factory, world)
    erased = await erase_personal_data(
        uow_factory, person_id, world.trainer.id or 0, NOW + timedelta(days=1)
    )
    assert erased is not None and erased.removed
    assert await count(uow_factory, f"SELECT count(*) FROM people WHERE id = {person_id}") == 0
    for table in ("person_roles", "enrollments", "applications", "requests", "consultations"):
        sql = f"SELECT count(*) FROM {table} WHERE person_id = {person_id}"
        assert await count(uow_factory, sql) == 0, table
    for table in ("attendance", "final_assessments", "request_documents", "document_files"):
        assert await count(uow_factory, f"SELECT count(*) FROM {table}") == 0, table
    # the trainer and the cohort are untouched
    assert await count(uow_factory, "SELECT count(*) FROM cohort_trainers") == 1
