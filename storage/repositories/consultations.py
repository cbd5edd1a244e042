"""§36–37 post-course consultations routed to a trainer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from domain.model import Consultation, ConsultationStatus, SupportKind
from storage.models import ConsultationRow
from storage.repositories.base import Repository

_FIELDS = (
    "person_id", "enrollment_id", "question", "trainer_id", "answer", "created_at",
    "answered_at",
)  # fmt: skip


def to_consultation(row: ConsultationRow) -> Consultation:
    return Consultation(
        id=row.id,
        kind=SupportKind(row.kind),
        status=ConsultationStatus(row.status),
        **{name: getattr(row, name) for name in _FIELDS},
    )


def _write(row: ConsultationRow, consultation: Consultation) -> None:
    for name in _FIELDS:
        setattr(row, name, getattr(consultation, name))
    row.kind = str(consultation.kind)
    row.status = str(consultation.status)


class ConsultationsRepository(Repository):
    async def get(self, consultation_id: int) -> Consultation | None:
        row = await self.session.get(ConsultationRow, consultation_id)
        return to_consultation(row) if row else None

    async def add(self, consultation: Consultation) -> Consultation:
        row = ConsultationRow()
        _write(row, consultation)
        self.session.add(row)
        await self.session.flush()
        consultation.id = row.id
        return consultation

    async def update(self, consultation: Consultation) -> Consultation:
        row = await self.session.get(ConsultationRow, consultation.id)
        if row is None:
            raise LookupError(consultation.id)
        _write(row, consultation)
        await self.session.flush()
        return consultation

    async def for_person(self, person_id: int) -> list[Consultation]:
        rows = await self.session.scalars(
            select(ConsultationRow)
            .where(ConsultationRow.person_id == person_id)
            .order_by(ConsultationRow.id)
        )
        return [to_consultation(row) for row in rows]

    async def open_for_trainer(self, trainer_id: int) -> list[Consultation]:
        rows = await self.session.scalars(
            select(ConsultationRow)
            .where(
                ConsultationRow.trainer_id == trainer_id,
                ConsultationRow.status == str(ConsultationStatus.OPEN),
            )
            .order_by(ConsultationRow.id)
        )
        return [to_consultation(row) for row in rows]

    async def created_since(self, since: datetime) -> list[Consultation]:
        """Every request (open or answered) created at or after ``since``, oldest first."""
        rows = await self.session.scalars(
            select(ConsultationRow)
            .where(ConsultationRow.created_at >= since)
            .order_by(ConsultationRow.created_at, ConsultationRow.id)
        )
        return [to_consultation(row) for row in rows]

    async def open_all(self, limit: int = 100) -> list[Consultation]:
        rows = await self.session.scalars(
            select(ConsultationRow)
            .where(ConsultationRow.status == str(ConsultationStatus.OPEN))
            .order_by(ConsultationRow.id)
            .limit(limit)
        )
        return [to_consultation(row) for row in rows]
