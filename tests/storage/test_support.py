"""Requests with documents, consultations, and the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from domain.model import (
    AuditEntry,
    Consultation,
    ConsultationStatus,
    Request,
    RequestKind,
    RequestStatus,
    SupportKind,
)
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


async def test_requests_keep_their_documents(uow_factory: UowFactory, world: World) -> None:
    request = Request(
        person_id=world.teacher.id or 0,
        enrollment_id=world.enrollment.id or 0,
        kind=RequestKind.FINISH_INTERRUPTED,
        reason="ауырдым",
        document_file_ids=["AgAD-photo-1", "BQAD-pdf-2"],
        created_at=NOW,
    )
    async with uow_factory() as uow:
        await uow.requests.add(request)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.requests.get(request.id or 0) == request
        assert await uow.requests.count_with_status(RequestStatus.PENDING) == 1
        request.document_file_ids = ["BQAD-pdf-2", "AgAD-photo-3"]
        request.status = RequestStatus.APPROVED
        request.decided_by = world.trainer.id
        request.decided_at = NOW + timedelta(days=1)
        request.target_cohort_id = world.cohort.id
        await uow.requests.update(request)
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.requests.get(request.id or 0)
        assert stored == request
        assert await uow.requests.for_person(world.teacher.id or 0) == [request]
        assert await uow.requests.for_enrollment(world.enrollment.id or 0) == [request]
        assert await uow.requests.with_status(RequestStatus.PENDING) == []
        assert await uow.requests.with_status(RequestStatus.APPROVED) == [request]


async def test_consultations(uow_factory: UowFactory, world: World) -> None:
    consultation = Consultation(
        person_id=world.teacher.id or 0,
        enrollment_id=world.enrollment.id or 0,
        kind=SupportKind.PUBLICATION,
        question="Мақаланы қайда жариялауға болады?",
        trainer_id=world.trainer.id,
        created_at=NOW,
    )
    async with uow_factory() as uow:
        await uow.consultations.add(consultation)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.consultations.open_for_trainer(world.trainer.id or 0) == [consultation]
        assert await uow.consultations.open_all() == [consultation]
        consultation.answer = "«Ұстаз» журналына"
        consultation.status = ConsultationStatus.ANSWERED
        consultation.answered_at = NOW + timedelta(hours=3)
        await uow.consultations.update(consultation)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.consultations.get(consultation.id or 0) == consultation
        assert await uow.consultations.for_person(world.teacher.id or 0) == [consultation]
        assert await uow.consultations.open_for_trainer(world.trainer.id or 0) == []


PAST = datetime(2001, 1, 1, tzinfo=UTC)


async def test_audit_log(uow_factory: UowFactory) -> None:
    entries = [
        AuditEntry(
            actor_id=1,
            action="expel",
            entity="enrollment",
            entity_id="5",
            before={"status": "enrolled"},
            after={"status": "expelled", "order": "7-Ш"},
            at=PAST + timedelta(minutes=i),
        )
        for i in range(3)
    ]
    async with uow_factory() as uow:
        for entry in entries:
            await uow.audit.record(entry)
        defaulted = await uow.audit.record(
            AuditEntry(actor_id=None, action="import", entity="people", entity_id="batch-1")
        )
        await uow.commit()
    assert defaulted.at is not None
    assert abs(defaulted.at - datetime.now(UTC)) < timedelta(minutes=1)
    async with uow_factory() as uow:
        recent = await uow.audit.recent(2)
        history = await uow.audit.for_entity("enrollment", "5")
    assert recent[0] == defaulted and recent[1] == entries[2]
    assert history == entries
    assert history[0].after == {"status": "expelled", "order": "7-Ш"}
