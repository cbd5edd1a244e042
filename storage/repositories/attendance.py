"""Check-ins and marks of attendance (§24.3: at least 80 % of all sessions)."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Insert, Select, bindparam, delete, exists, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from domain.model import Attendance, AttendanceMethod
from domain.ports import AlreadyCheckedIn, CheckInFacts
from storage.models import (
    AttendanceRow,
    AuditLogRow,
    CohortRow,
    CourseRow,
    TrainingSessionRow,
)
from storage.repositories.base import Repository, violated


def _checkin_facts() -> Select[Any]:
    """Scalar subqueries for the counts, the existing check-in and the recent failures, next
    to the course topic: one round trip instead of six (each one several thread hops on
    aiosqlite). Failures are audit entries of the person on this session with the failure
    action and a counted reason, made after ``failures_since``. Built once, with bound
    parameters, because building it costs more CPU than SQLite takes to answer it."""
    failures = (
        select(AuditLogRow.at)
        .where(
            AuditLogRow.entity == bindparam("failure_entity"),
            AuditLogRow.entity_id == bindparam("session_key"),
            AuditLogRow.action == bindparam("failure_action"),
            AuditLogRow.actor_id == bindparam("person_id"),
            AuditLogRow.at > bindparam("failures_since"),
            AuditLogRow.after["reason"]
            .as_string()
            .in_(bindparam("failure_reasons", expanding=True)),
        )
        .subquery()
    )
    enrollment: BindParameter[int] = bindparam("enrollment_id")
    attended = (
        select(func.count(AttendanceRow.id))
        .where(AttendanceRow.enrollment_id == enrollment)
        .scalar_subquery()
    )
    total = (
        select(func.count(TrainingSessionRow.id))
        .where(TrainingSessionRow.cohort_id == bindparam("cohort_id"))
        .scalar_subquery()
    )
    already = exists().where(
        AttendanceRow.enrollment_id == enrollment,
        AttendanceRow.session_id == bindparam("session_id"),
    )
    failed = select(func.count()).select_from(failures).scalar_subquery()
    oldest = select(func.min(failures.c.at)).scalar_subquery()
    return (
        select(
            attended,
            total,
            already,
            failed,
            oldest.label("oldest"),
            CourseRow.topic_kk,
            CourseRow.topic_ru,
        )
        .select_from(CohortRow)
        .join(CourseRow, CourseRow.id == CohortRow.course_id)
        .where(CohortRow.id == bindparam("cohort_id"))
    )


_CHECKIN_FACTS = _checkin_facts()


@functools.cache
def _insert_if_absent(dialect: str) -> Insert:
    """``INSERT ... ON CONFLICT (enrollment_id, session_id) DO NOTHING``, built once per dialect."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(AttendanceRow.__table__)  # type: ignore[arg-type]  # a Table, typed FromClause
        .values(
            {
                column: bindparam(column)
                for column in (
                    "enrollment_id",
                    "session_id",
                    "checked_in_at",
                    "method",
                    "marked_by",
                    "reason",
                )
            }
        )
        .on_conflict_do_nothing(index_elements=["enrollment_id", "session_id"])
    )


def to_attendance(row: AttendanceRow) -> Attendance:
    return Attendance(
        id=row.id,
        enrollment_id=row.enrollment_id,
        session_id=row.session_id,
        checked_in_at=row.checked_in_at,
        method=AttendanceMethod(row.method),
        marked_by=row.marked_by,
        reason=row.reason,
    )


class AttendanceRepository(Repository):
    async def add(self, attendance: Attendance) -> Attendance:
        """Record a check-in. Raises ``AlreadyCheckedIn`` if this one is already recorded."""
        row = AttendanceRow(
            enrollment_id=attendance.enrollment_id,
            session_id=attendance.session_id,
            checked_in_at=attendance.checked_in_at,
            method=str(attendance.method),
            marked_by=attendance.marked_by,
            reason=attendance.reason,
        )
        try:
            async with self.savepoint():
                self.session.add(row)
        except IntegrityError as error:
            if violated(error, "attendance", "enrollment_id", "session_id"):
                raise AlreadyCheckedIn(attendance.enrollment_id, attendance.session_id) from error
            raise
        attendance.id = row.id
        return attendance

    async def add_if_absent(self, attendance: Attendance) -> bool:
        """Record a check-in in one statement; False if it was already recorded (a double tap
        or a concurrent update: the unique constraint decides, nothing is raised)."""
        result = await self.session.execute(
            _insert_if_absent(self.dialect),
            {
                "enrollment_id": attendance.enrollment_id,
                "session_id": attendance.session_id,
                "checked_in_at": attendance.checked_in_at,
                "method": str(attendance.method),
                "marked_by": attendance.marked_by,
                "reason": attendance.reason,
            },
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def checkin_facts(
        self,
        *,
        person_id: int,
        enrollment_id: int,
        session_id: int,
        cohort_id: int,
        failure_entity: str,
        failure_action: str,
        failure_reasons: Iterable[str],
        failures_since: datetime,
    ) -> CheckInFacts:
        """Counts, the existing check-in, recent failed attempts and the course topic: one
        SELECT of scalar subqueries instead of six round trips (each one a thread hop on
        aiosqlite). Failures are audit entries of ``person_id`` about ``failure_entity`` (this
        session) with ``failure_action`` and a reason among ``failure_reasons``, made after
        ``failures_since``."""
        row = (
            await self.session.execute(
                _CHECKIN_FACTS,
                {
                    "person_id": person_id,
                    "enrollment_id": enrollment_id,
                    "session_id": session_id,
                    "session_key": str(session_id),
                    "cohort_id": cohort_id,
                    "failure_entity": failure_entity,
                    "failure_action": failure_action,
                    "failure_reasons": list(failure_reasons),
                    "failures_since": failures_since,
                },
            )
        ).one()
        return CheckInFacts(
            attended=int(row[0] or 0),
            total=int(row[1] or 0),
            already_checked_in=bool(row[2]),
            failed_attempts=int(row[3] or 0),
            oldest_failed_at=row[4],
            topic_kk=row[5],
            topic_ru=row[6],
        )

    async def get(self, enrollment_id: int, session_id: int) -> Attendance | None:
        row = await self.session.scalar(
            select(AttendanceRow).where(
                AttendanceRow.enrollment_id == enrollment_id,
                AttendanceRow.session_id == session_id,
            )
        )
        return to_attendance(row) if row else None

    async def remove(self, enrollment_id: int, session_id: int) -> bool:
        """Undo a mark (a trainer's correction). True if there was one."""
        result = await self.session.execute(
            delete(AttendanceRow).where(
                AttendanceRow.enrollment_id == enrollment_id,
                AttendanceRow.session_id == session_id,
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def count_attended(self, enrollment_id: int) -> int:
        count = await self.session.scalar(
            select(func.count(AttendanceRow.id)).where(AttendanceRow.enrollment_id == enrollment_id)
        )
        return int(count or 0)

    async def for_enrollment(self, enrollment_id: int) -> list[Attendance]:
        rows = await self.session.scalars(
            select(AttendanceRow)
            .where(AttendanceRow.enrollment_id == enrollment_id)
            .order_by(AttendanceRow.checked_in_at, AttendanceRow.id)
        )
        return [to_attendance(row) for row in rows]

    async def for_session(self, session_id: int) -> list[Attendance]:
        rows = await self.session.scalars(
            select(AttendanceRow)
            .where(AttendanceRow.session_id == session_id)
            .order_by(AttendanceRow.checked_in_at, AttendanceRow.id)
        )
        return [to_attendance(row) for row in rows]
