"""The trainer's day: agenda, check-in board, roster, marks by hand, 80 % warnings (§24.3).

Every use-case takes the acting person and re-checks on the server that they have the trainer
role AND are a trainer of that very cohort; anyone else is refused and the attempt is written
to the audit log (action ``trainer.refused``), whatever callback data they forged.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from domain.agreement import may_check_in
from domain.attendance import (
    CHECKIN_OPENS_BEFORE,
    attendance_share,
    can_still_reach_attendance,
    sessions_missable,
)
from domain.checkin_codes import code_for
from domain.collation import name_sort_key
from domain.model import (
    Attendance,
    AttendanceMethod,
    AuditEntry,
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
    Person,
    Role,
    TrainingSession,
)
from domain.names import display_name
from domain.notifications import text_notice
from domain.ports import AlreadyCheckedIn, UnitOfWork, UnitOfWorkFactory
from domain.services.alerts import alert_trainers_unreachable, unreachable_in
from domain.services.checkin import failed_attempts
from domain.text import clean_text

__all__ = [
    "MAX_REASON_LENGTH",
    "REFUSED_ACTION",
    "AgendaItem",
    "CheckInBoard",
    "MarkOutcome",
    "Roster",
    "RosterRow",
    "agenda",
    "checkin_board",
    "is_trainer_of",
    "mark_present",
    "record_refusal",
    "roster",
    "stop_board",
    "warn_unreachable_attendance",
]

REFUSED_ACTION = "trainer.refused"
STOP_ACTION = "checkin.board_stopped"
MARK_ACTION = "attendance.marked_manually"
MAX_REASON_LENGTH = 300


def is_trainer_of(person: Person, cohort: Cohort) -> bool:
    """Trainer commands: only a person with the trainer role who trains this cohort."""
    return person.has_role(Role.TRAINER) and person.id in cohort.trainer_ids


async def record_refusal(
    uows: UnitOfWorkFactory,
    actor: Person,
    attempted: str,
    now: datetime,
    **details: int | str | None,
) -> None:
    """Log a refused trainer action (own transaction; commits)."""
    async with uows() as uow:
        await _log_refusal(uow, actor, attempted, now, **details)
        await uow.commit()


async def _log_refusal(
    uow: UnitOfWork, actor: Person, attempted: str, now: datetime, **details: int | str | None
) -> None:
    await uow.audit.record(
        AuditEntry(
            actor_id=actor.id,
            action=REFUSED_ACTION,
            entity="person",
            entity_id=str(actor.id),
            after={"attempted": attempted, **details},
            at=now,
        )
    )


@dataclass(frozen=True)
class AgendaItem:
    session: TrainingSession
    cohort: Cohort
    course: Course


async def agenda(
    uows: UnitOfWorkFactory, actor: Person, day_start: datetime, day_end: datetime, now: datetime
) -> list[AgendaItem] | None:
    """Sessions in ``[day_start, day_end)`` of the cohorts ``actor`` trains, by start time.
    None (and a logged refusal) if ``actor`` is not a trainer."""
    async with uows() as uow:
        if not actor.has_role(Role.TRAINER) or actor.id is None:
            await _log_refusal(uow, actor, "agenda", now)
            await uow.commit()
            return None
        items: list[AgendaItem] = []
        for cohort in await uow.cohorts.for_trainer(actor.id):
            assert cohort.id is not None
            course = await uow.courses.get(cohort.course_id)
            if course is None:
                continue
            for session in await uow.sessions.between(day_start, day_end, cohort.id):
                items.append(AgendaItem(session, cohort, course))
        items.sort(key=lambda item: (item.session.starts_at, item.session.id or 0))
        return items


@dataclass(frozen=True)
class CheckInBoard:
    """What the trainer shows in class: the current code and who has checked in."""

    session: TrainingSession
    cohort: Cohort
    course: Course
    code: str
    checked_in: int
    enrolled: int
    now: datetime
    stopped_at: datetime | None = None  # this trainer's latest "stop" for the session

    @property
    def opens_at(self) -> datetime:
        return self.session.starts_at - CHECKIN_OPENS_BEFORE

    @property
    def is_open(self) -> bool:
        return self.opens_at <= self.now < self.session.ends_at


async def _session_of_trainer(
    uow: UnitOfWork, actor: Person, session_id: int, attempted: str, now: datetime
) -> tuple[TrainingSession, Cohort, Course] | None:
    session = await uow.sessions.get(session_id)
    cohort = await uow.cohorts.get(session.cohort_id) if session else None
    course = await uow.courses.get(cohort.course_id) if cohort else None
    if session is None or cohort is None or course is None or not is_trainer_of(actor, cohort):
        await _log_refusal(uow, actor, attempted, now, session_id=session_id)
        return None
    return session, cohort, course


async def checkin_board(
    uows: UnitOfWorkFactory, actor: Person, session_id: int, now: datetime, secret: bytes
) -> CheckInBoard | None:
    """The current code and the live count "N of M"; None (refusal logged) if ``actor`` does
    not train the session's cohort. Also used by the 30-second refresh."""
    async with uows() as uow:
        found = await _session_of_trainer(uow, actor, session_id, "checkin_board", now)
        if found is None:
            await uow.commit()
            return None
        session, cohort, course = found
        assert cohort.id is not None
        enrolled = await uow.enrollments.for_cohort(cohort.id, EnrollmentStatus.ENROLLED)
        enrolled_ids = {e.id for e in enrolled}
        present = [
            a
            for a in await uow.attendance.for_session(session_id)
            if a.enrollment_id in enrolled_ids
        ]
        stops = [
            e.at
            for e in await uow.audit.for_entity("session", str(session_id))
            if e.action == STOP_ACTION and e.actor_id == actor.id and e.at is not None
        ]
        return CheckInBoard(
            session,
            cohort,
            course,
            code_for(secret, session_id, now),
            len(present),
            len(enrolled),
            now,
            max(stops, default=None),
        )


async def stop_board(
    uows: UnitOfWorkFactory, actor: Person, session_id: int, now: datetime, secret: bytes
) -> CheckInBoard | None:
    """The trainer stops showing the code. Recorded (``checkin.board_stopped``) so that a
    board refreshed by another bot instance notices the stop and closes too."""
    board = await checkin_board(uows, actor, session_id, now, secret)
    if board is None:
        return None
    async with uows() as uow:
        await uow.audit.record(
            AuditEntry(
                actor_id=actor.id,
                action=STOP_ACTION,
                entity="session",
                entity_id=str(session_id),
                after={"checked_in": board.checked_in, "enrolled": board.enrolled},
                at=now,
            )
        )
        await uow.commit()
    return board


@dataclass(frozen=True)
class RosterRow:
    person: Person
    enrollment: Enrollment
    attended: int
    held: int
    total: int
    failed_attempts: int
    present: bool  # at the session the roster was opened for

    @property
    def percent(self) -> int:
        return int(attendance_share(self.attended, self.total) * 100)

    @property
    def can_reach(self) -> bool:
        return can_still_reach_attendance(self.attended, self.held, self.total)


@dataclass(frozen=True)
class Roster:
    session: TrainingSession
    cohort: Cohort
    course: Course
    rows: list[RosterRow]
    total: int  # sessions scheduled for the cohort


async def roster(
    uows: UnitOfWorkFactory, actor: Person, session_id: int, now: datetime
) -> Roster | None:
    """Listeners of the session's cohort with attendance so far (x of all scheduled, %),
    their failed check-in attempts in this cohort, and whether they are at this session."""
    async with uows() as uow:
        found = await _session_of_trainer(uow, actor, session_id, "roster", now)
        if found is None:
            await uow.commit()
            return None
        session, cohort, course = found
        assert cohort.id is not None
        sessions = await uow.sessions.for_cohort(cohort.id)
        held = sessions_missable((s.ends_at for s in sessions), now)
        failures: dict[int | None, int] = {}
        for s in sessions:
            assert s.id is not None
            for entry in await failed_attempts(uow, None, s.id):
                failures[entry.actor_id] = failures.get(entry.actor_id, 0) + 1
        here = {a.enrollment_id for a in await uow.attendance.for_session(session_id)}
        enrollments = await uow.enrollments.for_cohort(cohort.id, EnrollmentStatus.ENROLLED)
        people = {p.id: p for p in await uow.people.get_many(e.person_id for e in enrollments)}
        rows = []
        for enrollment in enrollments:
            assert enrollment.id is not None
            attended = await uow.attendance.count_attended(enrollment.id)
            rows.append(
                RosterRow(
                    people[enrollment.person_id],
                    enrollment,
                    attended,
                    max(held, attended),
                    len(sessions),
                    failures.get(enrollment.person_id, 0),
                    enrollment.id in here,
                )
            )
        rows.sort(key=lambda r: name_sort_key(display_name(r.person), cohort.language))
        return Roster(session, cohort, course, rows, len(sessions))


class MarkOutcome(enum.StrEnum):
    MARKED = "marked"
    REFUSED = "refused"  # not a trainer of this cohort (logged)
    NOT_IN_COHORT = "not_in_cohort"
    NOT_STARTED = "not_started"
    AGREEMENT_NOT_ACCEPTED = "agreement_not_accepted"  # §24: no attendance before it
    ALREADY_PRESENT = "already_present"
    REASON_REQUIRED = "reason_required"
    REASON_TOO_LONG = "reason_too_long"


async def mark_present(
    uows: UnitOfWorkFactory,
    actor: Person,
    session_id: int,
    enrollment_id: int,
    reason: str,
    now: datetime,
) -> MarkOutcome:
    """A trainer marks a listener present by hand (method MANUAL) with a reason, audit-logged
    with before/after. Reading of §24.3: allowed once the session's check-in window has opened
    (also after the session, to correct a dead phone), never for a future session.
    §24 "Слушатель подписывает договор (соглашение) на обучение": a hand mark is attendance
    like a check-in, so it needs the accepted agreement too (``may_check_in``); a trainer
    cannot mark in a listener who has not accepted it. With an empty ``reason`` nothing is
    stored: REASON_REQUIRED then means every other rule holds."""
    reason = clean_text(reason).strip()
    async with uows() as uow:
        found = await _session_of_trainer(uow, actor, session_id, "mark_present", now)
        if found is None:
            await uow.commit()
            return MarkOutcome.REFUSED
        session = found[0]
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        if (
            enrollment is None
            or enrollment.cohort_id != session.cohort_id
            or enrollment.status is not EnrollmentStatus.ENROLLED
        ):
            return MarkOutcome.NOT_IN_COHORT
        if now < session.starts_at - CHECKIN_OPENS_BEFORE:
            return MarkOutcome.NOT_STARTED
        if not may_check_in(enrollment.agreement_accepted_at):
            return MarkOutcome.AGREEMENT_NOT_ACCEPTED
        if await uow.attendance.get(enrollment_id, session_id) is not None:
            return MarkOutcome.ALREADY_PRESENT
        # Checked last, so a call with an empty reason is a dry run of every other rule.
        if not reason:
            return MarkOutcome.REASON_REQUIRED
        if len(reason) > MAX_REASON_LENGTH:
            return MarkOutcome.REASON_TOO_LONG
        try:
            await uow.attendance.add(
                Attendance(
                    enrollment_id=enrollment_id,
                    session_id=session_id,
                    checked_in_at=now,
                    method=AttendanceMethod.MANUAL,
                    marked_by=actor.id,
                    reason=reason,
                )
            )
        except AlreadyCheckedIn:
            return MarkOutcome.ALREADY_PRESENT
        await uow.audit.record(
            AuditEntry(
                actor_id=actor.id,
                action=MARK_ACTION,
                entity="attendance",
                entity_id=f"{enrollment_id}:{session_id}",
                before={"present": False},
                after={"present": True, "method": str(AttendanceMethod.MANUAL), "reason": reason},
                at=now,
            )
        )
        await uow.commit()
        return MarkOutcome.MARKED


UNREACHABLE_ACTION = "attendance.unreachable"
"""Audit action recorded when a listener is first warned that 80 % is out of reach."""


async def warn_unreachable_attendance(
    uows: UnitOfWorkFactory, cohort_id: int, now: datetime
) -> int:
    """§24.3: once a listener can no longer reach 80 % even by attending every remaining
    session, enqueue one warning to them (dedup key per enrollment) and, for all the listeners
    who became unreachable in this run together, one message to each trainer of the cohort
    listing them (``domain.services.alerts``: its numbers are read when it is sent). A listener
    is warned once: the first warning is recorded in the audit log. Returns how many notices
    were newly enqueued."""
    added = 0
    async with uows() as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None:
            return 0
        trainers = await uow.people.get_many(cohort.trainer_ids)
        new_ids: list[int] = []
        for row, teacher in await unreachable_in(uow, cohort, now):
            entries = await uow.audit.for_entity("enrollment", str(row.enrollment_id))
            if any(e.action == UNREACHABLE_ACTION for e in entries):
                continue  # warned before
            new_ids.append(row.enrollment_id)
            await uow.audit.record(
                AuditEntry(
                    None,
                    UNREACHABLE_ACTION,
                    "enrollment",
                    str(row.enrollment_id),
                    None,
                    {"attended": row.attended, "total": row.total, "remaining": row.remaining},
                    now,
                )
            )
            if teacher.telegram_id:
                lang = teacher.language or cohort.language
                added += await uow.outbox.enqueue(
                    text_notice(
                        teacher.telegram_id,
                        lang,
                        "trainer-warning-to-teacher",
                        f"attendance-warning:{row.enrollment_id}:{teacher.id}",
                        now,
                        topic=course.topic(lang),
                        cohort=cohort.code,
                        attended=row.attended,
                        total=row.total,
                        needed=row.needed,
                        remaining=row.remaining,
                    )
                )
        added += await alert_trainers_unreachable(uow, cohort, trainers, new_ids, now)
        await uow.commit()
    return added
