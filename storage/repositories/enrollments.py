"""§16, §18 enrollment orders and §24 enrollments (with agreement acceptance and outcome)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from domain.model import Enrollment, EnrollmentOrder, EnrollmentStatus, Lang
from domain.ports import AlreadyEnrolled, DuplicateNumber
from storage.models import (
    AttendanceRow,
    ConsultationRow,
    EnrollmentOrderRow,
    EnrollmentRow,
    EnterpriseReferenceRow,
    FinalAssessmentRow,
    RequestRow,
)
from storage.repositories.base import Repository, violated
from storage.repositories.people import BULK_CHUNK

_ORDER_FIELDS = (
    "number", "issued_on", "cohort_id", "basis_letter_number", "basis_letter_date",
    "basis_department", "created_by", "basis_department_kk",
)  # fmt: skip


def to_order(row: EnrollmentOrderRow) -> EnrollmentOrder:
    return EnrollmentOrder(id=row.id, **{name: getattr(row, name) for name in _ORDER_FIELDS})


class OrdersRepository(Repository):
    """Enrollment orders (приказ о зачислении); the number is unique."""

    async def get(self, order_id: int) -> EnrollmentOrder | None:
        row = await self.session.get(EnrollmentOrderRow, order_id)
        return to_order(row) if row else None

    async def get_by_number(self, number: str) -> EnrollmentOrder | None:
        row = await self.session.scalar(
            select(EnrollmentOrderRow).where(EnrollmentOrderRow.number == number)
        )
        return to_order(row) if row else None

    async def add(self, order: EnrollmentOrder) -> EnrollmentOrder:
        """Raises ``DuplicateNumber`` if an order with this number exists."""
        row = EnrollmentOrderRow(**{name: getattr(order, name) for name in _ORDER_FIELDS})
        try:
            async with self.savepoint():
                self.session.add(row)
        except IntegrityError as error:
            if violated(error, "enrollment_orders", "number"):
                raise DuplicateNumber(order.number) from error
            raise
        order.id = row.id
        return order

    async def for_cohort(self, cohort_id: int) -> list[EnrollmentOrder]:
        rows = await self.session.scalars(
            select(EnrollmentOrderRow)
            .where(EnrollmentOrderRow.cohort_id == cohort_id)
            .order_by(EnrollmentOrderRow.issued_on, EnrollmentOrderRow.id)
        )
        return [to_order(row) for row in rows]


_FIELDS = (
    "person_id", "cohort_id", "order_id", "agreement_version", "agreement_lang",
    "agreement_accepted_at", "expelled_reason", "expulsion_order", "completed_on",
    "transferred_from_id",
)  # fmt: skip


def to_enrollment(row: EnrollmentRow) -> Enrollment:
    return Enrollment(
        id=row.id,
        person_id=row.person_id,
        cohort_id=row.cohort_id,
        order_id=row.order_id,
        status=EnrollmentStatus(row.status),
        agreement_version=row.agreement_version,
        agreement_lang=cast(Lang | None, row.agreement_lang),
        agreement_accepted_at=row.agreement_accepted_at,
        expelled_reason=row.expelled_reason,
        expulsion_order=row.expulsion_order,
        completed_on=row.completed_on,
        transferred_from_id=row.transferred_from_id,
    )


def _write(row: EnrollmentRow, enrollment: Enrollment) -> None:
    for name in _FIELDS:
        setattr(row, name, getattr(enrollment, name))
    row.status = str(enrollment.status)


#: Built once: every check-in runs it, and building a statement costs more CPU than SQLite
#: takes to answer it (SQLAlchemy also caches the compiled form by the statement's key).
_FOR_PERSON = (
    select(EnrollmentRow)
    .where(EnrollmentRow.person_id == bindparam("person_id"))
    .order_by(EnrollmentRow.id)
)


class EnrollmentsRepository(Repository):
    async def get_by_id(self, enrollment_id: int) -> Enrollment | None:
        row = await self.session.get(EnrollmentRow, enrollment_id)
        return to_enrollment(row) if row else None

    async def get(self, person_id: int, cohort_id: int) -> Enrollment | None:
        row = await self.session.scalar(
            select(EnrollmentRow).where(
                EnrollmentRow.person_id == person_id, EnrollmentRow.cohort_id == cohort_id
            )
        )
        return to_enrollment(row) if row else None

    async def add(self, enrollment: Enrollment) -> Enrollment:
        """Raises ``AlreadyEnrolled`` if the person already has a place in the cohort."""
        row = EnrollmentRow()
        _write(row, enrollment)
        try:
            async with self.savepoint():
                self.session.add(row)
        except IntegrityError as error:
            if violated(error, "enrollments", "person_id", "cohort_id"):
                raise AlreadyEnrolled(enrollment.person_id, enrollment.cohort_id) from error
            raise
        enrollment.id = row.id
        return enrollment

    async def person_ids_in_cohort(self, cohort_id: int) -> set[int]:
        rows = await self.session.scalars(
            select(EnrollmentRow.person_id).where(EnrollmentRow.cohort_id == cohort_id)
        )
        return set(rows)

    async def add_many(self, enrollments: list[Enrollment]) -> None:
        """Insert many places at once (an imported list). Raises ``AlreadyEnrolled``."""
        values = [
            {name: getattr(e, name) for name in _FIELDS} | {"status": str(e.status)}
            for e in enrollments
        ]
        try:
            async with self.savepoint():
                for start in range(0, len(values), BULK_CHUNK):
                    await self.session.execute(
                        insert(EnrollmentRow), values[start : start + BULK_CHUNK]
                    )
        except IntegrityError as error:
            if violated(error, "enrollments", "person_id", "cohort_id"):
                raise AlreadyEnrolled(enrollments[0].person_id, enrollments[0].cohort_id) from error
            raise

    async def update(self, enrollment: Enrollment) -> Enrollment:
        row = await self.session.get(EnrollmentRow, enrollment.id)
        if row is None:
            raise LookupError(enrollment.id)
        _write(row, enrollment)
        await self.session.flush()
        return enrollment

    async def for_person(self, person_id: int) -> list[Enrollment]:
        rows = await self.session.scalars(_FOR_PERSON, {"person_id": person_id})
        return [to_enrollment(row) for row in rows]

    async def for_cohort(
        self, cohort_id: int, status: EnrollmentStatus | None = None
    ) -> list[Enrollment]:
        query = select(EnrollmentRow).where(EnrollmentRow.cohort_id == cohort_id)
        if status is not None:
            query = query.where(EnrollmentRow.status == str(status))
        rows = await self.session.scalars(query.order_by(EnrollmentRow.id))
        return [to_enrollment(row) for row in rows]

    async def delete_with_history(self, enrollment_ids: list[int]) -> None:
        """Remove enrollments with everything recorded on them: attendance, results (with
        module grades), §31 requests (with their attachments) and consultations. A later
        enrollment transferred from one of them keeps its own history, only the link goes."""
        if not enrollment_ids:
            return
        for table in (
            RequestRow,
            ConsultationRow,
            AttendanceRow,
            FinalAssessmentRow,
            EnterpriseReferenceRow,
        ):
            await self.session.execute(delete(table).where(table.enrollment_id.in_(enrollment_ids)))
        await self.session.execute(
            update(EnrollmentRow)
            .where(EnrollmentRow.transferred_from_id.in_(enrollment_ids))
            .values(transferred_from_id=None)
        )
        await self.session.execute(
            delete(EnrollmentRow).where(EnrollmentRow.id.in_(enrollment_ids))
        )
