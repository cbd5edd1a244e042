"""A listener checks in to a session with the trainer's rotating code (§24.1, §24.3).

Rules, in the order they are checked (the first that fails is the answer; nothing changes):

1. the session exists and the person has a place in its cohort (else *another cohort* if they
   study in some other cohort, *not enrolled* otherwise); the place is not expelled (§32) and
   is still an ongoing enrollment;
2. the check-in window is open: from 15 minutes before the start to the end
   (``domain.attendance.checkin_window_open``);
3. the §24 agreement is accepted (``domain.agreement.may_check_in``);
4. not checked in to this session already;
5. fewer than 5 wrong or stale codes from this person for this session in the last 10
   minutes (guessing a 6-digit code stays hopeless);
6. the code is the session's current one or the previous one (``domain.checkin_codes``).

Failed attempts are written to the audit log (action ``checkin.failed``, actor = the person,
entity = the session) with the reason, so the trainer sees them in the roster.

A typed code carries no session id: it is matched against the sessions around now (a day
either way) so that a real code typed too early, too late or by someone of another cohort gets
that precise answer instead of "wrong code".
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.agreement import may_check_in
from domain.attendance import CHECKIN_OPENS_BEFORE, attendance_share, checkin_window_open
from domain.checkin_codes import CodeCheck, accepts_code, check_code
from domain.model import (
    Attendance,
    AttendanceMethod,
    AuditEntry,
    Enrollment,
    EnrollmentStatus,
    Lang,
    TrainingSession,
)
from domain.ports import UnitOfWork, UnitOfWorkFactory

__all__ = [
    "ATTEMPTS_PERIOD",
    "FAILED_ACTION",
    "MAX_WRONG_CODES",
    "CheckInOutcome",
    "CheckInResult",
    "check_in",
    "failed_attempts",
]

MAX_WRONG_CODES = 5
ATTEMPTS_PERIOD = timedelta(minutes=10)
FAILED_ACTION = "checkin.failed"
SESSION_ENTITY = "session"
PERSON_ENTITY = "person"
_NEARBY = timedelta(days=1)
_COUNTED = frozenset({"wrong_code", "stale_code"})


class CheckInOutcome(enum.StrEnum):
    CHECKED_IN = "checked_in"
    WRONG_CODE = "wrong_code"
    STALE_CODE = "stale_code"
    ALREADY_CHECKED_IN = "already_checked_in"
    ANOTHER_COHORT = "another_cohort"
    NOT_ENROLLED = "not_enrolled"
    EXPELLED = "expelled"
    AGREEMENT_NOT_ACCEPTED = "agreement_not_accepted"
    NOT_OPEN_YET = "not_open_yet"
    ENDED = "ended"
    NO_SESSION_NOW = "no_session_now"
    TOO_MANY_ATTEMPTS = "too_many_attempts"


@dataclass(frozen=True)
class CheckInResult:
    outcome: CheckInOutcome
    session: TrainingSession | None = None
    enrollment: Enrollment | None = None
    attended: int = 0
    total: int = 0
    opens_at: datetime | None = None  # NOT_OPEN_YET, NO_SESSION_NOW: when check-in opens
    retry_after: datetime | None = None  # TOO_MANY_ATTEMPTS
    # CHECKED_IN, ALREADY_CHECKED_IN: the course topic for the answer ("" when unknown)
    topic_kk: str = ""
    topic_ru: str = ""

    def course_topic(self, lang: Lang) -> str:
        return self.topic_kk if lang == "kk" else self.topic_ru

    @property
    def percent(self) -> int:
        """Attendance share, whole percent rounded down (79.9 % is not 80 %)."""
        share = attendance_share(self.attended, self.total)
        return int(share * 100)


async def check_in(
    uows: UnitOfWorkFactory,
    person_id: int,
    code: str,
    now: datetime,
    secret: bytes,
    session_id: int | None = None,
) -> CheckInResult:
    """Check ``person_id`` in with ``code``: typed (``session_id`` None, method CODE) or from
    the QR deep link (``session_id`` given, method QR). Commits once: the attendance or the
    failed attempt."""
    # a few indexed statements on every check-in: ``brief`` runs them on the loop thread
    async with uows(brief=True) as uow:
        method = AttendanceMethod.QR if session_id is not None else AttendanceMethod.CODE
        enrollments = await uow.enrollments.for_person(person_id)
        session: TrainingSession | None
        code_valid: bool | None = None  # None: not evaluated yet
        if session_id is not None:
            session = await uow.sessions.get(session_id)
        else:
            session, code_valid = await _session_for_typed_code(uow, enrollments, code, now, secret)
        if session is None:
            result = await _no_session(uow, enrollments, now, session_id is not None)
            await _record_failure(uow, person_id, PERSON_ENTITY, person_id, result, method, now)
            await uow.commit()
            return result
        result = await _decide(
            uow, person_id, enrollments, session, code, code_valid, now, secret, method
        )
        if result.outcome is not CheckInOutcome.CHECKED_IN:
            assert session.id is not None
            await _record_failure(uow, person_id, SESSION_ENTITY, session.id, result, method, now)
        await uow.commit()
        return result


async def _session_for_typed_code(
    uow: UnitOfWork, enrollments: list[Enrollment], code: str, now: datetime, secret: bytes
) -> tuple[TrainingSession | None, bool | None]:
    """The session a typed code belongs to: a session near now whose current or previous code
    it is (own cohorts first); else the person's own session whose window is open (the code is
    then wrong or stale). ``(None, None)`` when there is neither.

    Own cohorts' sessions are read first and alone: a right code — nearly every attempt — then
    costs a few rows, not every cohort's sessions of those days (a thousand cohorts at a
    national operator). Only a code no own session accepts looks at the others, to tell
    "another cohort's code" from a wrong one."""
    own_cohorts = {e.cohort_id for e in enrollments if e.status is EnrollmentStatus.ENROLLED}
    start, end = now - _NEARBY, now + _NEARBY
    own = await uow.sessions.between(start, end, cohort_ids=own_cohorts) if own_cohorts else []
    accepting = _accepting(own, code, now, secret)
    if accepting is None:
        others = [
            s for s in await uow.sessions.between(start, end) if s.cohort_id not in own_cohorts
        ]
        accepting = _accepting(others, code, now, secret)
    if accepting is not None:
        return accepting, True
    for candidate in own:
        if checkin_window_open(candidate.starts_at, candidate.ends_at, now):
            return candidate, None
    return None, None


def _accepting(
    sessions: list[TrainingSession], code: str, now: datetime, secret: bytes
) -> TrainingSession | None:
    return next(
        (s for s in sessions if s.id is not None and accepts_code(secret, s.id, code, now)), None
    )


async def _no_session(
    uow: UnitOfWork, enrollments: list[Enrollment], now: datetime, from_link: bool
) -> CheckInResult:
    if from_link:  # a forged or outdated link: say "wrong code", reveal nothing
        return CheckInResult(CheckInOutcome.WRONG_CODE)
    ongoing = [e for e in enrollments if e.status is EnrollmentStatus.ENROLLED]
    if not ongoing:
        if any(e.status is EnrollmentStatus.EXPELLED for e in enrollments):
            return CheckInResult(CheckInOutcome.EXPELLED)
        return CheckInResult(CheckInOutcome.NOT_ENROLLED)
    upcoming: list[TrainingSession] = []
    for enrollment in ongoing:
        upcoming += [
            s for s in await uow.sessions.for_cohort(enrollment.cohort_id) if s.ends_at > now
        ]
    next_session = min(upcoming, key=lambda s: s.starts_at, default=None)
    return CheckInResult(
        CheckInOutcome.NO_SESSION_NOW,
        session=next_session,
        opens_at=next_session.starts_at - CHECKIN_OPENS_BEFORE if next_session else None,
    )


async def _decide(
    uow: UnitOfWork,
    person_id: int,
    enrollments: list[Enrollment],
    session: TrainingSession,
    code: str,
    code_valid: bool | None,
    now: datetime,
    secret: bytes,
    method: AttendanceMethod,
) -> CheckInResult:
    assert session.id is not None
    enrollment = next((e for e in enrollments if e.cohort_id == session.cohort_id), None)
    if enrollment is None:
        studies_elsewhere = any(e.status is EnrollmentStatus.ENROLLED for e in enrollments)
        outcome = (
            CheckInOutcome.ANOTHER_COHORT if studies_elsewhere else CheckInOutcome.NOT_ENROLLED
        )
        return CheckInResult(outcome, session=session)
    if enrollment.status is EnrollmentStatus.EXPELLED:
        return CheckInResult(CheckInOutcome.EXPELLED, session=session, enrollment=enrollment)
    if enrollment.status is not EnrollmentStatus.ENROLLED:
        return CheckInResult(CheckInOutcome.NOT_ENROLLED, session=session, enrollment=enrollment)
    if not checkin_window_open(session.starts_at, session.ends_at, now):
        if now < session.starts_at:
            return CheckInResult(
                CheckInOutcome.NOT_OPEN_YET,
                session=session,
                enrollment=enrollment,
                opens_at=session.starts_at - CHECKIN_OPENS_BEFORE,
            )
        return CheckInResult(CheckInOutcome.ENDED, session=session, enrollment=enrollment)
    if not may_check_in(enrollment.agreement_accepted_at):
        return CheckInResult(
            CheckInOutcome.AGREEMENT_NOT_ACCEPTED, session=session, enrollment=enrollment
        )
    assert enrollment.id is not None
    facts = await uow.attendance.checkin_facts(
        person_id=person_id,
        enrollment_id=enrollment.id,
        session_id=session.id,
        cohort_id=session.cohort_id,
        failure_entity=SESSION_ENTITY,
        failure_action=FAILED_ACTION,
        failure_reasons=_COUNTED,
        failures_since=now - ATTEMPTS_PERIOD,
    )
    counts = facts.attended, facts.total
    if facts.already_checked_in:
        return CheckInResult(
            CheckInOutcome.ALREADY_CHECKED_IN,
            session,
            enrollment,
            *counts,
            topic_kk=facts.topic_kk,
            topic_ru=facts.topic_ru,
        )
    if facts.failed_attempts >= MAX_WRONG_CODES:
        assert facts.oldest_failed_at is not None
        return CheckInResult(
            CheckInOutcome.TOO_MANY_ATTEMPTS,
            session,
            enrollment,
            retry_after=facts.oldest_failed_at + ATTEMPTS_PERIOD,
        )
    verdict = CodeCheck.VALID if code_valid else check_code(secret, session.id, code, now)
    if verdict is not CodeCheck.VALID:
        outcome = (
            CheckInOutcome.STALE_CODE if verdict is CodeCheck.STALE else CheckInOutcome.WRONG_CODE
        )
        return CheckInResult(outcome, session, enrollment, *counts)
    added = await uow.attendance.add_if_absent(
        Attendance(
            enrollment_id=enrollment.id, session_id=session.id, checked_in_at=now, method=method
        )
    )
    if not added:  # a double tap raced us: same answer as a second check-in
        return CheckInResult(
            CheckInOutcome.ALREADY_CHECKED_IN,
            session,
            enrollment,
            *counts,
            topic_kk=facts.topic_kk,
            topic_ru=facts.topic_ru,
        )
    attended, total = counts
    return CheckInResult(
        CheckInOutcome.CHECKED_IN,
        session,
        enrollment,
        attended + 1,
        total,
        topic_kk=facts.topic_kk,
        topic_ru=facts.topic_ru,
    )


async def failed_attempts(
    uow: UnitOfWork, person_id: int | None, session_id: int, since: datetime | None = None
) -> list[AuditEntry]:
    """Wrong and stale codes for ``session_id`` (of one person, or of everyone if None),
    made after ``since`` (exclusive: the wait ends exactly 10 minutes after the oldest)."""
    entries = await uow.audit.for_entity(SESSION_ENTITY, str(session_id))
    return [
        entry
        for entry in entries
        if entry.action == FAILED_ACTION
        and (person_id is None or entry.actor_id == person_id)
        and (entry.after or {}).get("reason") in _COUNTED
        and (since is None or (entry.at is not None and entry.at > since))
    ]


async def _record_failure(
    uow: UnitOfWork,
    person_id: int,
    entity: str,
    entity_id: int,
    result: CheckInResult,
    method: AttendanceMethod,
    now: datetime,
) -> None:
    await uow.audit.record(
        AuditEntry(
            actor_id=person_id,
            action=FAILED_ACTION,
            entity=entity,
            entity_id=str(entity_id),
            after={"reason": str(result.outcome), "method": str(method)},
            at=now,
        )
    )
