"""Check-ins and marks of attendance (§24.3: at least 80 % of all sessions)."""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from domain.model import Attendance, AttendanceMethod
from domain.ports import AlreadyCheckedIn
from storage.models import AttendanceRow
from storage.repositories.base import Repository, violated


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
