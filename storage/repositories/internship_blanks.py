"""§30 memoranda and App. 5 references; §29 (2025) security blanks."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from domain.blanks import BlankStatus, CertificateBlank
from domain.internship import Memorandum, ReferenceFileKind, ReferenceStatus, ReferenceUpload
from domain.ports import AlreadyIssued, DuplicateNumber
from storage.models import (
    CertificateBlankRow,
    CertificateRow,
    CohortMemorandumRow,
    EnterpriseReferenceRow,
)
from storage.repositories.base import Repository, violated

_MEMO = ("cohort_id", "number", "signed_on", "enterprise_name", "recorded_by", "recorded_at")
_REF = (
    "enrollment_id", "file_id", "uploaded_by", "uploaded_at", "decided_by", "decided_at",
    "note",
)  # fmt: skip
_BLANK = ("series", "number", "certificate_id", "note", "recorded_by", "recorded_at")


def _memorandum(row: CohortMemorandumRow) -> Memorandum:
    return Memorandum(id=row.id, **{name: getattr(row, name) for name in _MEMO})


def _reference(row: EnterpriseReferenceRow) -> ReferenceUpload:
    return ReferenceUpload(
        id=row.id,
        file_kind=ReferenceFileKind(row.file_kind),
        status=ReferenceStatus(row.status),
        **{name: getattr(row, name) for name in _REF},
    )


def _blank(row: CertificateBlankRow, certificate_number: str | None = None) -> CertificateBlank:
    return CertificateBlank(
        id=row.id,
        status=BlankStatus(row.status),
        certificate_number=certificate_number,
        **{name: getattr(row, name) for name in _BLANK},
    )


class InternshipRepository(Repository):
    async def memorandum(self, cohort_id: int) -> Memorandum | None:
        row = await self.session.scalar(
            select(CohortMemorandumRow).where(CohortMemorandumRow.cohort_id == cohort_id)
        )
        return _memorandum(row) if row else None

    async def save_memorandum(self, memorandum: Memorandum) -> Memorandum:
        """One per cohort: a second save replaces the first one's fields."""
        row = await self.session.scalar(
            select(CohortMemorandumRow).where(CohortMemorandumRow.cohort_id == memorandum.cohort_id)
        )
        if row is None:
            row = CohortMemorandumRow()
            self.session.add(row)
        for name in _MEMO:
            setattr(row, name, getattr(memorandum, name))
        await self.session.flush()
        memorandum.id = row.id
        return memorandum

    async def add_reference(self, reference: ReferenceUpload) -> ReferenceUpload:
        row = EnterpriseReferenceRow(
            file_kind=str(reference.file_kind),
            status=str(reference.status),
            **{name: getattr(reference, name) for name in _REF},
        )
        self.session.add(row)
        await self.session.flush()
        reference.id = row.id
        return reference

    async def get_reference(self, reference_id: int) -> ReferenceUpload | None:
        row = await self.session.get(EnterpriseReferenceRow, reference_id)
        return _reference(row) if row else None

    async def update_reference(self, reference: ReferenceUpload) -> ReferenceUpload:
        row = await self.session.get(EnterpriseReferenceRow, reference.id)
        assert row is not None
        row.status = str(reference.status)
        row.decided_by = reference.decided_by
        row.decided_at = reference.decided_at
        row.note = reference.note
        await self.session.flush()
        return reference

    async def references_for(self, enrollment_id: int) -> list[ReferenceUpload]:
        rows = await self.session.scalars(
            select(EnterpriseReferenceRow)
            .where(EnterpriseReferenceRow.enrollment_id == enrollment_id)
            .order_by(EnterpriseReferenceRow.id)
        )
        return [_reference(row) for row in rows]

    async def pending_references(self, limit: int = 100) -> list[ReferenceUpload]:
        rows = await self.session.scalars(
            select(EnterpriseReferenceRow)
            .where(EnterpriseReferenceRow.status == str(ReferenceStatus.PENDING))
            .order_by(EnterpriseReferenceRow.id)
            .limit(limit)
        )
        return [_reference(row) for row in rows]


class BlanksRepository(Repository):
    async def add(self, blank: CertificateBlank) -> CertificateBlank:
        """Raises ``DuplicateNumber`` when the blank (series + number) is already recorded,
        ``AlreadyIssued`` when the certificate already has a blank."""
        row = CertificateBlankRow(
            status=str(blank.status), **{name: getattr(blank, name) for name in _BLANK}
        )
        try:
            async with self.savepoint():
                self.session.add(row)
        except IntegrityError as error:
            if violated(error, "certificate_blanks", "series", "number"):
                raise DuplicateNumber(blank.ref.label()) from error
            if violated(error, "certificate_blanks", "certificate_id"):
                raise AlreadyIssued(blank.ref.label()) from error
            raise
        blank.id = row.id
        return blank

    async def for_certificate(self, certificate_id: int) -> CertificateBlank | None:
        row = await self.session.scalar(
            select(CertificateBlankRow).where(CertificateBlankRow.certificate_id == certificate_id)
        )
        return _blank(row) if row else None

    async def get(self, series: str, number: str) -> CertificateBlank | None:
        row = await self.session.scalar(
            select(CertificateBlankRow).where(
                CertificateBlankRow.series == series, CertificateBlankRow.number == number
            )
        )
        return _blank(row) if row else None

    async def recent(self, limit: int = 20) -> list[CertificateBlank]:
        rows = await self.session.execute(
            select(CertificateBlankRow, CertificateRow.number)
            .outerjoin(CertificateRow, CertificateRow.id == CertificateBlankRow.certificate_id)
            .order_by(CertificateBlankRow.id.desc())
            .limit(limit)
        )
        return [_blank(row, number) for row, number in rows.all()]
