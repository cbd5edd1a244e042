"""§10 applications (Appendix 1 or 2)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from domain.model import Application, ApplicationKind, ApplicationStatus, Lang
from domain.ports import AlreadyApplied
from storage.models import ApplicationRow
from storage.repositories.base import Repository, violated

_FIELDS = (
    "person_id", "cohort_id", "addressed_to", "language", "abroad_duration", "abroad_country",
    "abroad_language", "reject_reason", "created_at", "decided_at",
)  # fmt: skip


def to_application(row: ApplicationRow) -> Application:
    return Application(
        id=row.id,
        person_id=row.person_id,
        cohort_id=row.cohort_id,
        kind=ApplicationKind(row.kind),
        addressed_to=row.addressed_to,
        language=cast(Lang, row.language),
        abroad_duration=cast(Any, row.abroad_duration),
        abroad_country=row.abroad_country,
        abroad_language=row.abroad_language,
        status=ApplicationStatus(row.status),
        reject_reason=row.reject_reason,
        created_at=row.created_at,
        decided_at=row.decided_at,
    )


def _write(row: ApplicationRow, application: Application) -> None:
    for name in _FIELDS:
        setattr(row, name, getattr(application, name))
    row.kind = str(application.kind)
    row.status = str(application.status)


class ApplicationsRepository(Repository):
    async def get(self, application_id: int) -> Application | None:
        row = await self.session.get(ApplicationRow, application_id)
        return to_application(row) if row else None

    async def add(self, application: Application) -> Application:
        """Raises ``AlreadyApplied`` if the person has an active application to the cohort
        (a partial unique index: rejected and withdrawn ones do not count)."""
        row = ApplicationRow()
        await self._write_in_savepoint(row, application)
        application.id = row.id
        return application

    async def update(self, application: Application) -> Application:
        """Raises ``AlreadyApplied`` if reactivating it would make a second active one."""
        row = await self.session.get(ApplicationRow, application.id)
        if row is None:
            raise LookupError(application.id)
        await self._write_in_savepoint(row, application)
        return application

    async def _write_in_savepoint(self, row: ApplicationRow, application: Application) -> None:
        """The row is changed inside the SAVEPOINT: a refused write is undone with it."""
        try:
            async with self.savepoint():
                _write(row, application)
                self.session.add(row)
        except IntegrityError as error:
            if violated(error, "applications", "person_id", "cohort_id"):
                raise AlreadyApplied(application.person_id, application.cohort_id) from error
            raise

    async def for_person(self, person_id: int) -> list[Application]:
        rows = await self.session.scalars(
            select(ApplicationRow)
            .where(ApplicationRow.person_id == person_id)
            .order_by(ApplicationRow.id)
        )
        return [to_application(row) for row in rows]

    async def for_cohort(
        self, cohort_id: int, status: ApplicationStatus | None = None
    ) -> list[Application]:
        query = select(ApplicationRow).where(ApplicationRow.cohort_id == cohort_id)
        if status is not None:
            query = query.where(ApplicationRow.status == str(status))
        rows = await self.session.scalars(query.order_by(ApplicationRow.id))
        return [to_application(row) for row in rows]

    async def with_status(self, status: ApplicationStatus, limit: int = 100) -> list[Application]:
        rows = await self.session.scalars(
            select(ApplicationRow)
            .where(ApplicationRow.status == str(status))
            .order_by(ApplicationRow.id)
            .limit(limit)
        )
        return [to_application(row) for row in rows]

    async def count_with_status(self, status: ApplicationStatus) -> int:
        count = await self.session.scalar(
            select(func.count(ApplicationRow.id)).where(ApplicationRow.status == str(status))
        )
        return int(count or 0)

    async def delete_for_person(self, person_id: int) -> list[int]:
        """Remove all of a person's applications; returns their ids (for their stored files)."""
        ids = list(
            await self.session.scalars(
                select(ApplicationRow.id).where(ApplicationRow.person_id == person_id)
            )
        )
        if ids:
            await self.session.execute(delete(ApplicationRow).where(ApplicationRow.id.in_(ids)))
        return ids
