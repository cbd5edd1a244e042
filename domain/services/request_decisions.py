"""§31: the admin's decision on a listener's request (re-assessment, re-assessment with the
next cohort, transfer, finishing an interrupted course), delivered to the teacher.

Approving a transfer (or finishing an interrupted course in another cohort) moves the listener:
the old enrollment becomes TRANSFERRED and a new one in the target cohort remembers where it
came from. Approving a re-assessment changes nothing yet: the admin then enters the
re-assessment score (``results.record_score(..., reassessment=True)``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from domain.model import (
    AuditEntry,
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
    Person,
    Request,
    RequestKind,
    RequestStatus,
)
from domain.notifications import text_notice
from domain.ports import AlreadyEnrolled, UnitOfWork, UnitOfWorkFactory
from domain.text import clean_text

__all__ = [
    "DecisionRefusal",
    "DecisionResult",
    "RequestView",
    "decide_request",
    "pending_requests",
    "request_view",
]

MAX_NOTE = 1000
#: ``render(lang, key, **args) -> text``: the translation function, injected by the bot.
Render = Callable[..., str]
_MOVES = (RequestKind.TRANSFER, RequestKind.FINISH_INTERRUPTED)


@dataclass(frozen=True)
class RequestView:
    request: Request
    person: Person
    enrollment: Enrollment
    cohort: Cohort
    course: Course
    target: Cohort | None


class DecisionRefusal(enum.StrEnum):
    NOT_FOUND = "not-found"
    ALREADY_DECIDED = "already-decided"
    NOTE_REQUIRED = "note-required"  # a refusal says why
    NOTE_TOO_LONG = "note-too-long"
    TARGET_MISSING = "target-missing"
    ALREADY_IN_TARGET = "already-in-target"


@dataclass(frozen=True)
class DecisionResult:
    refusal: DecisionRefusal | None = None
    view: RequestView | None = None
    new_enrollment: Enrollment | None = None


async def _view(uow: UnitOfWork, request: Request) -> RequestView | None:
    person = await uow.people.get(request.person_id)
    enrollment = await uow.enrollments.get_by_id(request.enrollment_id)
    cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
    course = await uow.courses.get(cohort.course_id) if cohort else None
    if person is None or enrollment is None or cohort is None or course is None:
        return None
    target = await uow.cohorts.get(request.target_cohort_id) if request.target_cohort_id else None
    return RequestView(request, person, enrollment, cohort, course, target)


async def pending_requests(uows: UnitOfWorkFactory, limit: int = 30) -> list[RequestView]:
    """Oldest first: requests wait in the order they came."""
    async with uows(read_only=True) as uow:
        requests = await uow.requests.with_status(RequestStatus.PENDING, limit)
        views = [await _view(uow, r) for r in requests]
    return [v for v in views if v is not None]


async def request_view(uows: UnitOfWorkFactory, request_id: int) -> RequestView | None:
    async with uows(read_only=True) as uow:
        request = await uow.requests.get(request_id)
        return await _view(uow, request) if request else None


async def _move(uow: UnitOfWork, view: RequestView, target: Cohort) -> Enrollment:
    """§31.3: the listener continues in the target cohort. Reading: the §24 agreement is the
    same for the course, so its acceptance carries over; attendance starts afresh with the
    target cohort's own schedule."""
    old = view.enrollment
    old.status = EnrollmentStatus.TRANSFERRED
    await uow.enrollments.update(old)
    assert target.id is not None
    return await uow.enrollments.add(
        Enrollment(
            person_id=old.person_id,
            cohort_id=target.id,
            order_id=None,
            agreement_version=old.agreement_version,
            agreement_lang=old.agreement_lang,
            agreement_accepted_at=old.agreement_accepted_at,
            transferred_from_id=old.id,
        )
    )


async def decide_request(
    uows: UnitOfWorkFactory,
    actor_id: int,
    request_id: int,
    approve: bool,
    note: str,
    now: datetime,
    render: Render,
) -> DecisionResult:
    """Approve or reject a pending §31 request; the teacher is told through the outbox
    (``request-decision-approved`` / ``-rejected``). A rejection needs a note.
    Approving a finishing request without a target cohort reinstates the listener in their
    own cohort (status back to ENROLLED)."""
    note = clean_text(note, multiline=True).strip()
    if len(note) > MAX_NOTE:
        return DecisionResult(DecisionRefusal.NOTE_TOO_LONG)
    if not approve and not note:
        return DecisionResult(DecisionRefusal.NOTE_REQUIRED)
    async with uows() as uow:
        request = await uow.requests.get(request_id)
        view = await _view(uow, request) if request else None
        if request is None or view is None:
            return DecisionResult(DecisionRefusal.NOT_FOUND)
        if request.status is not RequestStatus.PENDING:
            return DecisionResult(DecisionRefusal.ALREADY_DECIDED, view)
        before = {"status": str(request.status), "enrollment_status": str(view.enrollment.status)}
        new_enrollment = None
        if approve and request.kind in _MOVES and request.target_cohort_id is not None:
            if view.target is None:
                return DecisionResult(DecisionRefusal.TARGET_MISSING, view)
            try:
                new_enrollment = await _move(uow, view, view.target)
            except AlreadyEnrolled:
                return DecisionResult(DecisionRefusal.ALREADY_IN_TARGET, view)
        elif approve and request.kind is RequestKind.TRANSFER:
            return DecisionResult(DecisionRefusal.TARGET_MISSING, view)
        elif approve and request.kind is RequestKind.FINISH_INTERRUPTED:
            view.enrollment.status = EnrollmentStatus.ENROLLED
            await uow.enrollments.update(view.enrollment)
        request.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
        request.decision_note = note
        request.decided_by = actor_id
        request.decided_at = now
        await uow.requests.update(request)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "request.decide",
                "request",
                str(request_id),
                before,
                {
                    "status": str(request.status),
                    "note": note,
                    "enrollment_status": str(view.enrollment.status),
                    "new_enrollment_id": new_enrollment.id if new_enrollment else None,
                },
                now,
            )
        )
        person = view.person
        if person.telegram_id:
            lang = person.language or view.cohort.language
            # the teacher's own texts (teacher-requests.ftl), so a decision reads the same as
            # the teacher's list of requests; the kind is rendered now, in their language
            told = note
            if new_enrollment is not None and view.target is not None:
                moved = render(lang, "results-request-moved", cohort=view.target.code)
                told = f"{moved} {note}".strip()
            key = "request-decision-approved" if approve else "request-decision-rejected"
            await uow.outbox.enqueue(
                text_notice(
                    person.telegram_id,
                    lang,
                    key,
                    f"request-decision:{request_id}",
                    now,
                    kind=render(lang, "requests-kind-" + request.kind.replace("_", "-")),
                    note=told,
                )
            )
        await uow.commit()
    return DecisionResult(view=view, new_enrollment=new_enrollment)
