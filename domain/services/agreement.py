"""§24: the teacher reads the agreement (four conditions and the employer-notification clause)
in their language and accepts it; version, language and time are stored on the enrollment."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from domain.agreement import AGREEMENT_VERSION, AgreementCondition
from domain.model import Cohort, Course, Enrollment, EnrollmentStatus, Lang
from domain.ports import UnitOfWork, UnitOfWorkFactory

__all__ = [
    "AGREEMENT_CONDITIONS",
    "AgreementRefusal",
    "AgreementView",
    "accept_agreement",
    "agreement_accepted",
    "agreement_for",
]

AGREEMENT_CONDITIONS = tuple(AgreementCondition)


class AgreementRefusal(enum.StrEnum):
    """Message-id suffixes (``agreement-refused-...``)."""

    NOT_FOUND = "not-found"  # no such enrollment of this teacher (forged or stale button)
    NOT_ENROLLED = "not-enrolled"  # expelled, transferred, finished: nothing to accept
    ALREADY_ACCEPTED = "already-accepted"


@dataclass(frozen=True)
class AgreementView:
    refusal: AgreementRefusal | None
    enrollment: Enrollment | None = None
    cohort: Cohort | None = None
    course: Course | None = None


async def _own_enrollment(uow: UnitOfWork, person_id: int, enrollment_id: int) -> AgreementView:
    enrollment = await uow.enrollments.get_by_id(enrollment_id)
    if enrollment is None or enrollment.person_id != person_id:
        return AgreementView(AgreementRefusal.NOT_FOUND)
    cohort = await uow.cohorts.get(enrollment.cohort_id)
    course = await uow.courses.get(cohort.course_id) if cohort else None
    if cohort is None or course is None:
        return AgreementView(AgreementRefusal.NOT_FOUND)
    if enrollment.agreement_accepted:
        return AgreementView(AgreementRefusal.ALREADY_ACCEPTED, enrollment, cohort, course)
    if enrollment.status is not EnrollmentStatus.ENROLLED:
        return AgreementView(AgreementRefusal.NOT_ENROLLED, enrollment, cohort, course)
    return AgreementView(None, enrollment, cohort, course)


async def agreement_for(
    uows: UnitOfWorkFactory, person_id: int, enrollment_id: int
) -> AgreementView:
    """The enrollment whose agreement this teacher may read (only their own)."""
    async with uows(read_only=True) as uow:
        return await _own_enrollment(uow, person_id, enrollment_id)


async def accept_agreement(
    uows: UnitOfWorkFactory, person_id: int, enrollment_id: int, lang: Lang, now: datetime
) -> AgreementView:
    """§24: store the acceptance (text version, language, time). Accepting twice changes
    nothing: the first acceptance names the text the teacher actually agreed to."""
    async with uows() as uow:
        view = await _own_enrollment(uow, person_id, enrollment_id)
        if view.refusal is not None or view.enrollment is None:
            return view
        enrollment = view.enrollment
        enrollment.agreement_version = AGREEMENT_VERSION
        enrollment.agreement_lang = lang
        enrollment.agreement_accepted_at = now
        await uow.enrollments.update(enrollment)
        await uow.commit()
    return AgreementView(None, enrollment, view.cohort, view.course)


async def agreement_accepted(uows: UnitOfWorkFactory, enrollment_id: int) -> bool:
    """§24: has the listener of this enrollment accepted the agreement? (No check-in before.)
    Opens its own transaction: call it with a fresh unit of work."""
    async with uows(read_only=True) as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
    return enrollment is not None and enrollment.agreement_accepted
