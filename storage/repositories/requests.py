"""§31 requests (re-assessment, transfer, finishing) with their supporting documents."""

from __future__ import annotations

from sqlalchemy import func, select

from domain.model import Request, RequestKind, RequestStatus
from storage.models import RequestDocumentRow, RequestRow
from storage.repositories.base import Repository

_FIELDS = (
    "person_id", "enrollment_id", "reason", "target_cohort_id", "decision_note", "decided_by",
    "created_at", "decided_at",
)  # fmt: skip


def to_request(row: RequestRow) -> Request:
    return Request(
        id=row.id,
        kind=RequestKind(row.kind),
        status=RequestStatus(row.status),
        document_file_ids=[d.file_id for d in row.documents],
        **{name: getattr(row, name) for name in _FIELDS},
    )


def _write(row: RequestRow, request: Request) -> None:
    for name in _FIELDS:
        setattr(row, name, getattr(request, name))
    row.kind = str(request.kind)
    row.status = str(request.status)
    current = [d.file_id for d in row.documents] if row.id is not None else []
    if current != request.document_file_ids:
        row.documents = [
            RequestDocumentRow(position=index, file_id=file_id)
            for index, file_id in enumerate(request.document_file_ids)
        ]


class RequestsRepository(Repository):
    async def get(self, request_id: int) -> Request | None:
        row = await self.session.get(RequestRow, request_id)
        return to_request(row) if row else None

    async def add(self, request: Request) -> Request:
        row = RequestRow()
        _write(row, request)
        self.session.add(row)
        await self.session.flush()
        request.id = row.id
        return request

    async def update(self, request: Request) -> Request:
        row = await self.session.get(RequestRow, request.id)
        if row is None:
            raise LookupError(request.id)
        _write(row, request)
        await self.session.flush()
        return request

    async def for_person(self, person_id: int) -> list[Request]:
        rows = await self.session.scalars(
            select(RequestRow).where(RequestRow.person_id == person_id).order_by(RequestRow.id)
        )
        return [to_request(row) for row in rows]

    async def for_enrollment(self, enrollment_id: int) -> list[Request]:
        rows = await self.session.scalars(
            select(RequestRow)
            .where(RequestRow.enrollment_id == enrollment_id)
            .order_by(RequestRow.id)
        )
        return [to_request(row) for row in rows]

    async def with_status(self, status: RequestStatus, limit: int = 100) -> list[Request]:
        rows = await self.session.scalars(
            select(RequestRow)
            .where(RequestRow.status == str(status))
            .order_by(RequestRow.id)
            .limit(limit)
        )
        return [to_request(row) for row in rows]

    async def count_with_status(self, status: RequestStatus) -> int:
        count = await self.session.scalar(
            select(func.count(RequestRow.id)).where(RequestRow.status == str(status))
        )
        return int(count or 0)
