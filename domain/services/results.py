"""§28–29, §31, §32: final-assessment scores and the outcome of every listener of a cohort.

``record_score`` stores one score (a §28 final assessment or a §31 re-assessment) with the
module grades of the certificate appendix; ``decide_cohort_outcomes`` applies
``domain.assessment.decide_outcome`` to every listener and stores the result on the enrollment
(COMPLETED / NOT_PASSED with the completion date). The certificates feature calls
``decide_cohort_outcomes`` before issuing.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from domain.assessment import Outcome, decide_outcome, meets_score
from domain.attendance import meets_attendance
from domain.collation import name_sort_key
from domain.local_dates import local_date
from domain.model import (
    AuditEntry,
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
    FinalAssessment,
    ModuleGrade,
    Person,
    RequestKind,
    RequestStatus,
)
from domain.names import display_name
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.requests_rules import counts_towards_yearly_limit, reassessment_allowed_on

__all__ = [
    "MAX_GRADE_LENGTH",
    "CohortOutcomes",
    "ListenerResult",
    "ScoreRefusal",
    "ScoreResult",
    "Shortfall",
    "decide_cohort_outcomes",
    "evaluate_listener",
    "record_score",
]

MAX_GRADE_LENGTH = 32
"""A module grade is short text ("5", "зачтено", "A"): the appendix column is narrow."""

#: Enrollments whose outcome the bot decides. EXPELLED is reported, TRANSFERRED left to the
#: enrollment in the target cohort.
_DECIDED = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED, EnrollmentStatus.NOT_PASSED)
_SCORABLE = _DECIDED


class Shortfall(enum.StrEnum):
    """Why a listener has no certificate (message-id suffixes ``results-shortfall-*``)."""

    ATTENDANCE = "attendance"  # §24.3 below 80 %
    SCORE = "score"  # §24.4 below 50 % of the max score
    AGREEMENT = "agreement"  # §24 agreement never accepted
    NOT_ASSESSED = "not-assessed"


@dataclass(frozen=True)
class ListenerResult:
    enrollment: Enrollment
    person: Person
    attended: int
    total_sessions: int
    score: int | None
    max_score: int
    outcome: Outcome
    shortfalls: tuple[Shortfall, ...]


@dataclass
class CohortOutcomes:
    cohort: Cohort
    course: Course
    results: list[ListenerResult] = field(default_factory=list)

    def with_outcome(self, outcome: Outcome) -> list[ListenerResult]:
        return [r for r in self.results if r.outcome is outcome]


def evaluate_listener(
    enrollment: Enrollment,
    person: Person,
    attended: int,
    total_sessions: int,
    assessment: FinalAssessment | None,
    max_score: int,
    assessment_over: bool = False,
) -> ListenerResult:
    """§29/§31/§32 outcome via ``decide_outcome``, plus every reason a certificate is missing
    (all of them, not only the first, so the admin sees the whole picture)."""
    score = assessment.score if assessment else None
    expelled = enrollment.status is EnrollmentStatus.EXPELLED
    outcome = decide_outcome(
        attended,
        total_sessions,
        score,
        max_score,
        enrollment.agreement_accepted,
        expelled,
        assessment_over,
    )
    shortfalls: list[Shortfall] = []
    if not expelled:
        if not meets_attendance(attended, total_sessions):
            shortfalls.append(Shortfall.ATTENDANCE)
        if score is None:
            shortfalls.append(Shortfall.NOT_ASSESSED)
        elif not meets_score(score, max_score):
            shortfalls.append(Shortfall.SCORE)
        if not enrollment.agreement_accepted:
            shortfalls.append(Shortfall.AGREEMENT)
    return ListenerResult(
        enrollment, person, attended, total_sessions, score, max_score, outcome, tuple(shortfalls)
    )


_STATUS_FOR = {
    Outcome.CERTIFICATE: EnrollmentStatus.COMPLETED,
    Outcome.LISTENING_REFERENCE: EnrollmentStatus.NOT_PASSED,
}


def _snapshot(enrollment: Enrollment) -> dict[str, Any]:
    return {
        "status": str(enrollment.status),
        "completed_on": enrollment.completed_on.isoformat() if enrollment.completed_on else None,
    }


async def _apply_outcome(
    uow: UnitOfWork,
    actor_id: int | None,
    result: ListenerResult,
    assessed_on: date | None,
    now: datetime,
) -> None:
    """Store COMPLETED / NOT_PASSED with the completion date. Reading of "completion": the
    day of the (latest) final assessment or re-assessment that decided the outcome.
    A COMPLETED listener who already holds a certificate is never downgraded here: a
    certificate is revoked through its own procedure (§33), not by a corrected score."""
    enrollment = result.enrollment
    status = _STATUS_FOR.get(result.outcome)
    if status is None or assessed_on is None:
        return
    if (
        enrollment.status is EnrollmentStatus.COMPLETED
        and status is not enrollment.status
        and enrollment.id is not None
        and await uow.certificates.for_enrollment(enrollment.id)
    ):
        return
    if enrollment.status is status and enrollment.completed_on == assessed_on:
        return
    before = _snapshot(enrollment)
    enrollment.status = status
    enrollment.completed_on = assessed_on
    await uow.enrollments.update(enrollment)
    await uow.audit.record(
        AuditEntry(
            actor_id,
            "enrollment.outcome",
            "enrollment",
            str(enrollment.id),
            before,
            _snapshot(enrollment),
            now,
        )
    )


async def decide_cohort_outcomes(
    uows: UnitOfWorkFactory,
    cohort_id: int,
    now: datetime,
    actor_id: int | None = None,
    *,
    assessment_over: bool = False,
) -> CohortOutcomes | None:
    """§28–29, §31, §32 for every listener of the cohort; stores the outcomes, returns the
    summary (``None`` for an unknown cohort). Attendance counts all *scheduled* sessions of
    the cohort (§24.3). Listeners without a score stay ENROLLED (in progress) — unless
    ``assessment_over`` (documents are issued for the ended cohort): then they did not pass
    (§31, ``decide_outcome``), completed on the cohort's last day."""
    async with uows() as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None:
            return None
        summary = CohortOutcomes(cohort, course)
        total = await uow.sessions.count_for_cohort(cohort_id)
        enrollments = [
            e
            for e in await uow.enrollments.for_cohort(cohort_id)
            if e.status is not EnrollmentStatus.TRANSFERRED
        ]
        people = {p.id: p for p in await uow.people.get_many([e.person_id for e in enrollments])}
        for enrollment in enrollments:
            assert enrollment.id is not None
            assessment = await uow.assessments.latest(enrollment.id)
            attended = min(await uow.attendance.count_attended(enrollment.id), total)
            result = evaluate_listener(
                enrollment,
                people[enrollment.person_id],
                attended,
                total,
                assessment,
                course.max_score,
                assessment_over,
            )
            decided_on = assessment.assessed_on if assessment else None
            if decided_on is None and assessment_over:
                decided_on = cohort.ends_on
            await _apply_outcome(uow, actor_id, result, decided_on, now)
            summary.results.append(result)
        await uow.commit()
    summary.results.sort(key=lambda r: name_sort_key(display_name(r.person), cohort.language))
    return summary


class ScoreRefusal(enum.StrEnum):
    """Why a score was not stored (message-id suffixes ``results-score-refused-*``)."""

    NOT_FOUND = "not-found"
    NOT_ACTIVE = "not-active"  # expelled or transferred
    OUT_OF_RANGE = "out-of-range"
    UNKNOWN_MODULE = "unknown-module"
    BAD_GRADE = "bad-grade"
    NOT_FAILED = "not-failed"  # §31: re-assessment is for those who did not pass
    WITHIN_YEAR = "within-year"  # §31.1
    NO_NEXT_COHORT_REQUEST = "no-next-cohort-request"  # §31.2 needs an approved request


@dataclass(frozen=True)
class ScoreResult:
    refusal: ScoreRefusal | None = None
    assessment: FinalAssessment | None = None
    allowed_from: date | None = None


def check_score(score: int, max_score: int) -> bool:
    """§28: a score is a whole number from 0 to the course's max score inclusive."""
    return 0 <= score <= max_score


async def _previous_reassessments(uow: UnitOfWork, person_id: int, course_id: int) -> list[date]:
    """§31.1 counts re-assessments of the same teacher and course, in any cohort — §31.1 ones
    only (``counts_towards_yearly_limit``): a §31.2 retake with the next cohort is not one."""
    dates: list[date] = []
    for enrollment in await uow.enrollments.for_person(person_id):
        cohort = await uow.cohorts.get(enrollment.cohort_id)
        if cohort is None or cohort.course_id != course_id or enrollment.id is None:
            continue
        dates += [
            a.assessed_on
            for a in await uow.assessments.for_enrollment(enrollment.id)
            if counts_towards_yearly_limit(a.is_reassessment, a.with_next_cohort)
        ]
    return dates


async def _next_cohort_right_open(uow: UnitOfWork, enrollment_id: int) -> bool:
    """§31.2: an approved "re-assessment with the next cohort" request of this enrollment whose
    score has not been entered yet (each approved request gives one retake)."""
    approved = [
        r
        for r in await uow.requests.for_enrollment(enrollment_id)
        if r.kind is RequestKind.REASSESSMENT_NEXT_COHORT and r.status is RequestStatus.APPROVED
    ]
    used = [a for a in await uow.assessments.for_enrollment(enrollment_id) if a.with_next_cohort]
    return len(approved) > len(used)


async def record_score(
    uows: UnitOfWorkFactory,
    actor_id: int,
    enrollment_id: int,
    score: int,
    grades: Mapping[int, str],
    now: datetime,
    *,
    reassessment: bool = False,
    next_cohort: bool = False,
    tz: tzinfo,
) -> ScoreResult:
    """Store a §28 final-assessment score (or a §31 re-assessment) with module grades.

    A score outside 0..max is refused; so is a grade for a module of another course. A
    re-assessment needs a NOT_PASSED listener, and then one of two separate rights
    (``counts_towards_yearly_limit``): §31.1 (``next_cohort=False``) — no other §31.1
    re-assessment of the same course within 365 days; §31.2 (``next_cohort=True``) — an
    approved request to be re-assessed with the next cohort, not used yet; the yearly limit
    does not apply. Audit-logged with the previous latest score as "before"."""
    today = local_date(now, tz)  # the assessment day is the organization's date
    async with uows() as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if enrollment is None or course is None or course.id is None:
            return ScoreResult(ScoreRefusal.NOT_FOUND)
        if enrollment.status not in _SCORABLE:
            return ScoreResult(ScoreRefusal.NOT_ACTIVE)
        if not check_score(score, course.max_score):
            return ScoreResult(ScoreRefusal.OUT_OF_RANGE)
        module_ids = {m.id for m in course.modules}
        if any(module_id not in module_ids for module_id in grades):
            return ScoreResult(ScoreRefusal.UNKNOWN_MODULE)
        if any(not g.strip() or len(g.strip()) > MAX_GRADE_LENGTH for g in grades.values()):
            return ScoreResult(ScoreRefusal.BAD_GRADE)
        next_cohort = reassessment and next_cohort
        if reassessment and enrollment.status is not EnrollmentStatus.NOT_PASSED:
            return ScoreResult(ScoreRefusal.NOT_FAILED)
        if next_cohort:
            if not await _next_cohort_right_open(uow, enrollment_id):
                return ScoreResult(ScoreRefusal.NO_NEXT_COHORT_REQUEST)
        elif reassessment:
            wait = reassessment_allowed_on(
                await _previous_reassessments(uow, enrollment.person_id, course.id), today
            )
            if wait is not None:
                return ScoreResult(ScoreRefusal.WITHIN_YEAR, allowed_from=wait)
        previous = await uow.assessments.latest(enrollment_id)
        assessment = await uow.assessments.add(
            FinalAssessment(
                enrollment_id=enrollment_id,
                score=score,
                max_score=course.max_score,
                assessed_on=today,
                is_reassessment=reassessment,
                with_next_cohort=next_cohort,
                module_grades=[ModuleGrade(m, g.strip()) for m, g in sorted(grades.items())],
            )
        )
        await uow.audit.record(
            AuditEntry(
                actor_id,
                ("assessment.reassess_next_cohort" if next_cohort else "assessment.reassess")
                if reassessment
                else "assessment.score",
                "enrollment",
                str(enrollment_id),
                {"score": previous.score} if previous else None,
                {
                    "score": score,
                    "max_score": course.max_score,
                    "grades": {str(k): v for k, v in grades.items()},
                },
                now,
            )
        )
        await uow.commit()
    return ScoreResult(assessment=assessment)
