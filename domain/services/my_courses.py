""" "My courses": per enrollment, attendance so far (§24.3), score and pass mark (§24.4), module
grades (App. 4), and the outcome — certificate (§29, §33), listening reference (§31) or
expulsion (§32). Only the teacher's own enrollments are ever read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from domain.assessment import Outcome, pass_mark
from domain.attendance import (
    attendance_share,
    can_still_reach_attendance,
    sessions_missable,
    sessions_needed_for_attendance,
)
from domain.model import (
    Certificate,
    Cohort,
    Course,
    DocumentKind,
    Enrollment,
    EnrollmentStatus,
    FinalAssessment,
    Lang,
)
from domain.ports import DocumentFile, UnitOfWork, UnitOfWorkFactory

__all__ = ["CourseCard", "ModuleLine", "frozen_documents", "my_courses", "own_enrollment"]

_OUTCOME = {
    EnrollmentStatus.COMPLETED: Outcome.CERTIFICATE,
    EnrollmentStatus.NOT_PASSED: Outcome.LISTENING_REFERENCE,
    EnrollmentStatus.EXPELLED: Outcome.EXPELLED,
}


@dataclass(frozen=True)
class ModuleLine:
    name: str
    hours: int
    grade: str


@dataclass
class CourseCard:
    enrollment: Enrollment
    cohort: Cohort
    course: Course
    attended: int
    held: int
    total: int
    percent: int  # rounded down: 79.9 % is shown as 79 %, never as a passing 80 %
    still_needed: int
    reachable: bool
    assessment: FinalAssessment | None
    pass_mark: Decimal
    outcome: Outcome
    modules: list[ModuleLine] = field(default_factory=list)
    certificate: Certificate | None = None
    reference: Certificate | None = None


async def own_enrollment(uow: UnitOfWork, person_id: int, enrollment_id: int) -> Enrollment | None:
    """The enrollment if it belongs to this person; ``None`` for anyone else's (forged ids)."""
    enrollment = await uow.enrollments.get_by_id(enrollment_id)
    if enrollment is None or enrollment.person_id != person_id:
        return None
    return enrollment


async def _card(
    uow: UnitOfWork, enrollment: Enrollment, now: datetime, lang: Lang
) -> CourseCard | None:
    cohort = await uow.cohorts.get(enrollment.cohort_id)
    course = await uow.courses.get(cohort.course_id) if cohort else None
    if cohort is None or course is None or enrollment.id is None:
        return None
    sessions = await uow.sessions.for_cohort(cohort.id or 0)
    total = len(sessions)
    held = sessions_missable((s.ends_at for s in sessions), now)  # a session under way counts
    # as still attendable (§24.3): "80 % out of reach" only once the deciding one is over
    attended = min(await uow.attendance.count_attended(enrollment.id), total)
    held = max(held, attended)
    assessment = await uow.assessments.latest(enrollment.id)
    names = {m.id: m for m in course.modules}
    modules = [
        ModuleLine(names[g.module_id].name(lang), names[g.module_id].hours, g.grade)
        for g in (assessment.module_grades if assessment else [])
        if g.module_id in names
    ]
    issued = await uow.certificates.for_enrollment(enrollment.id)
    certificate = next(
        (
            c
            for c in issued
            if c.kind in (DocumentKind.CERTIFICATE, DocumentKind.INTERNSHIP_CERTIFICATE)
            and c.revoked_on is None
        ),
        None,
    )
    reference = next((c for c in issued if c.kind is DocumentKind.LISTENING_REFERENCE), None)
    return CourseCard(
        enrollment=enrollment,
        cohort=cohort,
        course=course,
        attended=attended,
        held=held,
        total=total,
        percent=int(attendance_share(attended, total) * 100),
        still_needed=sessions_needed_for_attendance(attended, held, total),
        reachable=can_still_reach_attendance(attended, held, total),
        assessment=assessment,
        pass_mark=pass_mark(assessment.max_score if assessment else course.max_score),
        outcome=_OUTCOME.get(enrollment.status, Outcome.IN_PROGRESS),
        modules=modules,
        certificate=certificate,
        reference=reference,
    )


async def my_courses(
    uows: UnitOfWorkFactory, person_id: int, now: datetime, lang: Lang
) -> list[CourseCard]:
    """The teacher's enrollments, newest cohort first (transferred-from ones are left out:
    the enrollment in the target cohort carries on)."""
    async with uows(read_only=True) as uow:
        cards = []
        for enrollment in await uow.enrollments.for_person(person_id):
            if enrollment.status is EnrollmentStatus.TRANSFERRED:
                continue
            card = await _card(uow, enrollment, now, lang)
            if card is not None:
                cards.append(card)
    cards.sort(key=lambda c: (c.cohort.starts_on, c.enrollment.id or 0), reverse=True)
    return cards


async def frozen_documents(
    uows: UnitOfWorkFactory, person_id: int, enrollment_id: int
) -> list[DocumentFile] | None:
    """The frozen PDFs issued for the teacher's own enrollment, re-sent byte for byte (never
    re-rendered). ``None`` when the enrollment is not theirs."""
    async with uows(read_only=True) as uow:
        enrollment = await own_enrollment(uow, person_id, enrollment_id)
        if enrollment is None or enrollment.id is None:
            return None
        files = []
        for certificate in await uow.certificates.for_enrollment(enrollment.id):
            if certificate.person_id != person_id or certificate.id is None:
                continue
            files += await uow.documents.list_for_certificate(certificate.id)
    return files
