"""§31, teacher side: the requests of a listener who did not get a certificate (or whose course
was interrupted) — re-assessment at most once a year, re-assessment with the next cohort,
transfer to another cohort within the current year, finishing an interrupted course with
supporting documents. The admin decides (``request_decisions``); limits are checked here."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from domain.local_dates import local_date
from domain.model import (
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
    Request,
    RequestKind,
    RequestStatus,
)
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.requests_rules import (
    RefusalReason,
    check_reassessment,
    counts_towards_yearly_limit,
    finish_interrupted_allowed,
    reassessment_with_next_cohort_allowed,
    transfer_allowed,
)
from domain.services.alerts import NEW_REQUESTS, alert_admins
from domain.text import one_line

__all__ = [
    "MAX_DOCUMENTS",
    "MAX_DOCUMENT_BYTES",
    "REASON_MAX",
    "RequestRefusal",
    "RequestResult",
    "check_request",
    "eligible_enrollments",
    "kinds_for",
    "my_requests",
    "submit_request",
    "target_cohorts",
]

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # Telegram bots can download files up to 20 MB
MAX_DOCUMENTS = 10
REASON_MAX = 1000

_NO_CERTIFICATE = (EnrollmentStatus.NOT_PASSED,)
_INTERRUPTED_OR_NOT_PASSED = (EnrollmentStatus.ENROLLED, EnrollmentStatus.NOT_PASSED)


class RequestRefusal(enum.StrEnum):
    """Message-id suffixes (``requests-refused-...``); §31 rule refusals reuse
    ``domain.requests_rules.RefusalReason`` values."""

    NOT_FOUND = "not-found"  # not this teacher's enrollment (forged or stale)
    NOT_ELIGIBLE = "not-eligible"  # this option does not apply to the enrollment's status
    PENDING = "pending"  # the same request is already waiting for a decision
    NO_TARGET = "no-target"  # no suitable cohort to move to
    REASSESSMENT_WITHIN_YEAR = RefusalReason.REASSESSMENT_WITHIN_YEAR.value
    VALID_REASON_REQUIRED = RefusalReason.VALID_REASON_REQUIRED.value
    DOCUMENTS_REQUIRED = RefusalReason.DOCUMENTS_REQUIRED.value
    NOT_CURRENT_YEAR = RefusalReason.NOT_CURRENT_YEAR.value
    TARGET_COHORT_STARTED = RefusalReason.TARGET_COHORT_STARTED.value
    TARGET_COHORT_FINISHED = RefusalReason.TARGET_COHORT_FINISHED.value
    DIFFERENT_COURSE = RefusalReason.DIFFERENT_COURSE.value
    TOO_MANY_DOCUMENTS = "too-many-documents"
    REASON_TOO_LONG = "reason-too-long"


@dataclass(frozen=True)
class RequestResult:
    refusal: RequestRefusal | None
    allowed_from: date | None = None
    request: Request | None = None


def kinds_for(enrollment: Enrollment) -> list[RequestKind]:
    """§31: re-assessment (both forms) is for a listener who did not pass; a transfer and
    finishing an interrupted course also for one whose course is still running (interrupted).
    Reading: expelled (§32) and certified listeners have no §31 options."""
    kinds = []
    if enrollment.status in _NO_CERTIFICATE:
        kinds += [RequestKind.REASSESSMENT, RequestKind.REASSESSMENT_NEXT_COHORT]
    if enrollment.status in _INTERRUPTED_OR_NOT_PASSED:
        kinds += [RequestKind.TRANSFER, RequestKind.FINISH_INTERRUPTED]
    return kinds


async def eligible_enrollments(
    uows: UnitOfWorkFactory, person_id: int
) -> list[tuple[Enrollment, Cohort, Course]]:
    """The teacher's own enrollments that have at least one §31 option."""
    async with uows(read_only=True) as uow:
        result = []
        for enrollment in await uow.enrollments.for_person(person_id):
            cohort = await uow.cohorts.get(enrollment.cohort_id)
            course = await uow.courses.get(cohort.course_id) if cohort else None
            if kinds_for(enrollment) and cohort is not None and course is not None:
                result.append((enrollment, cohort, course))
    return result


async def _own(
    uow: UnitOfWork, person_id: int, enrollment_id: int
) -> tuple[Enrollment, Cohort] | None:
    enrollment = await uow.enrollments.get_by_id(enrollment_id)
    if enrollment is None or enrollment.person_id != person_id:
        return None
    cohort = await uow.cohorts.get(enrollment.cohort_id)
    return (enrollment, cohort) if cohort is not None else None


async def _candidates(
    uow: UnitOfWork, cohort: Cohort, kind: RequestKind, today: date
) -> list[Cohort]:
    """Cohorts of the same course a listener could move to or be re-assessed with."""
    others = [c for c in await uow.cohorts.for_course(cohort.course_id) if c.id != cohort.id]
    if kind is RequestKind.REASSESSMENT_NEXT_COHORT:
        return [c for c in others if c.starts_on > cohort.starts_on and c.ends_on >= today]
    if kind is RequestKind.TRANSFER:
        return [c for c in others if c.starts_on >= today and c.starts_on.year == today.year]
    return [c for c in others if c.starts_on >= today]


async def target_cohorts(
    uows: UnitOfWorkFactory, person_id: int, enrollment_id: int, kind: RequestKind, today: date
) -> list[Cohort] | None:
    """Cohorts to choose from; ``None`` when the enrollment is not this teacher's."""
    async with uows(read_only=True) as uow:
        own = await _own(uow, person_id, enrollment_id)
        if own is None:
            return None
        return await _candidates(uow, own[1], kind, today)


async def _reassessment_dates(
    uow: UnitOfWork, person_id: int, course_id: int, tz: tzinfo
) -> list[date]:
    """§31.1: the re-assessments this teacher used on this course — held ones and approved
    requests (an approved request uses the year's chance even before the score is in)."""
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
        dates += [
            local_date(r.decided_at, tz)
            for r in await uow.requests.for_enrollment(enrollment.id)
            if r.kind is RequestKind.REASSESSMENT
            and r.status is RequestStatus.APPROVED
            and r.decided_at is not None
        ]
    return dates


async def _check(
    uow: UnitOfWork,
    person_id: int,
    enrollment: Enrollment,
    cohort: Cohort,
    kind: RequestKind,
    reason: str,
    target_id: int | None,
    files: list[str],
    today: date,
    tz: tzinfo,
) -> RequestResult:
    if kind not in kinds_for(enrollment):
        return RequestResult(RequestRefusal.NOT_ELIGIBLE)
    pending = await uow.requests.for_enrollment(enrollment.id or 0)
    if any(r.kind is kind and r.status is RequestStatus.PENDING for r in pending):
        return RequestResult(RequestRefusal.PENDING)
    if len(reason) > REASON_MAX:
        return RequestResult(RequestRefusal.REASON_TOO_LONG)
    if len(files) > MAX_DOCUMENTS:
        return RequestResult(RequestRefusal.TOO_MANY_DOCUMENTS)
    if kind is RequestKind.REASSESSMENT:
        check = check_reassessment(
            await _reassessment_dates(uow, person_id, cohort.course_id, tz), today
        )
        return RequestResult(
            RequestRefusal(check.refusal.value) if check.refusal else None, check.allowed_from
        )
    candidates = {c.id: c for c in await _candidates(uow, cohort, kind, today)}
    if target_id is None:
        return RequestResult(None if candidates else RequestRefusal.NO_TARGET)
    target = candidates.get(target_id)
    if target is None:
        return RequestResult(RequestRefusal.NO_TARGET)
    if kind is RequestKind.REASSESSMENT_NEXT_COHORT:
        check = reassessment_with_next_cohort_allowed(target.ends_on, today)
    elif kind is RequestKind.TRANSFER:
        check = transfer_allowed(cohort.starts_on.year, target.starts_on, today, bool(reason))
    else:
        check = finish_interrupted_allowed(bool(files), bool(reason))
    return RequestResult(RequestRefusal(check.refusal.value) if check.refusal else None)


async def check_request(
    uows: UnitOfWorkFactory,
    person_id: int,
    enrollment_id: int,
    kind: RequestKind,
    today: date,
    tz: tzinfo,
) -> RequestResult:
    """Before the form starts: may this teacher ask for ``kind`` on this enrollment at all?"""
    async with uows(read_only=True) as uow:
        own = await _own(uow, person_id, enrollment_id)
        if own is None:
            return RequestResult(RequestRefusal.NOT_FOUND)
        return await _check(uow, person_id, own[0], own[1], kind, "", None, [], today, tz)


async def submit_request(
    uows: UnitOfWorkFactory,
    person_id: int,
    enrollment_id: int,
    kind: RequestKind,
    reason: str,
    target_cohort_id: int | None,
    document_file_ids: list[str],
    now: datetime,
    today: date,
    tz: tzinfo,
) -> RequestResult:
    """Store a PENDING request after every §31 check; the admin queue decides it."""
    reason = one_line(reason)
    async with uows() as uow:
        own = await _own(uow, person_id, enrollment_id)
        if own is None:
            return RequestResult(RequestRefusal.NOT_FOUND)
        enrollment, cohort = own
        needs_target = kind is not RequestKind.REASSESSMENT
        if needs_target and target_cohort_id is None:
            return RequestResult(RequestRefusal.NO_TARGET)
        result = await _check(
            uow,
            person_id,
            enrollment,
            cohort,
            kind,
            reason,
            target_cohort_id if needs_target else None,
            document_file_ids,
            today,
            tz,
        )
        if result.refusal is not None:
            return result
        request = await uow.requests.add(
            Request(
                person_id=person_id,
                enrollment_id=enrollment_id,
                kind=kind,
                reason=reason,
                target_cohort_id=target_cohort_id if needs_target else None,
                document_file_ids=list(document_file_ids),
                status=RequestStatus.PENDING,
                created_at=now,
            )
        )
        await alert_admins(uow, NEW_REQUESTS, now)  # one alert per minute, batched
        await uow.commit()
    return RequestResult(None, request=request)


async def my_requests(uows: UnitOfWorkFactory, person_id: int) -> list[tuple[Request, Course]]:
    """The teacher's own requests, newest first, with the course they concern."""
    async with uows(read_only=True) as uow:
        result = []
        for request in await uow.requests.for_person(person_id):
            enrollment = await uow.enrollments.get_by_id(request.enrollment_id)
            cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
            course = await uow.courses.get(cohort.course_id) if cohort else None
            if course is not None:
                result.append((request, course))
    result.reverse()
    return result
