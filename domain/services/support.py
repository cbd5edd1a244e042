"""§36–37 post-course support, teacher side: for one calendar year after completion the
teacher asks for methodological/consulting help, help with a publication, or a professional-
community event; the request goes to a trainer of their cohort (who is notified)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from domain.model import (
    Cohort,
    Consultation,
    ConsultationStatus,
    Course,
    Enrollment,
    EnrollmentStatus,
    SupportKind,
)
from domain.notifications import text_notice
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.post_course import post_course_support_open, support_ends_on
from domain.text import clean_text

__all__ = [
    "QUESTION_MAX",
    "SupportRefusal",
    "SupportResult",
    "SupportWindow",
    "ask_support",
    "my_consultations",
    "support_windows",
]

QUESTION_MAX = 2000


class SupportRefusal(enum.StrEnum):
    """Message-id suffixes (``support-refused-...``)."""

    NOT_FOUND = "not-found"  # not this teacher's completed course (forged or stale)
    PERIOD_ENDED = "period-ended"
    EMPTY = "empty"
    TOO_LONG = "too-long"


@dataclass(frozen=True)
class SupportWindow:
    enrollment: Enrollment
    cohort: Cohort
    course: Course
    ends_on: date
    open: bool


@dataclass(frozen=True)
class SupportResult:
    refusal: SupportRefusal | None
    consultation: Consultation | None = None
    ends_on: date | None = None


def _window(
    enrollment: Enrollment, cohort: Cohort, course: Course, today: date
) -> SupportWindow | None:
    """§36: support follows a completed course (certificate); the year runs from completion."""
    if enrollment.status is not EnrollmentStatus.COMPLETED or enrollment.completed_on is None:
        return None
    return SupportWindow(
        enrollment,
        cohort,
        course,
        support_ends_on(enrollment.completed_on),
        post_course_support_open(enrollment.completed_on, today),
    )


async def support_windows(
    uows: UnitOfWorkFactory, person_id: int, today: date
) -> list[SupportWindow]:
    """The teacher's own completed courses with the end date of their support year."""
    async with uows(read_only=True) as uow:
        windows = []
        for enrollment in await uow.enrollments.for_person(person_id):
            cohort = await uow.cohorts.get(enrollment.cohort_id)
            course = await uow.courses.get(cohort.course_id) if cohort else None
            if cohort is not None and course is not None:
                window = _window(enrollment, cohort, course, today)
                if window is not None:
                    windows.append(window)
    return windows


async def _trainer_for(uow: UnitOfWork, cohort: Cohort) -> int | None:
    """A trainer of the cohort; the one with the fewest open questions, so they share the load
    (ties: the first listed)."""
    loads = [
        (len(await uow.consultations.open_for_trainer(t)), i, t)
        for i, t in enumerate(cohort.trainer_ids)
    ]
    return min(loads)[2] if loads else None


async def ask_support(
    uows: UnitOfWorkFactory,
    person_id: int,
    enrollment_id: int,
    kind: SupportKind,
    question: str,
    now: datetime,
    today: date,
) -> SupportResult:
    """Store the consultation, route it to a trainer, notify the trainer via the outbox."""
    question = clean_text(question, multiline=True).strip()
    if not question:
        return SupportResult(SupportRefusal.EMPTY)
    if len(question) > QUESTION_MAX:
        return SupportResult(SupportRefusal.TOO_LONG)
    async with uows() as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        if enrollment is None or enrollment.person_id != person_id:
            return SupportResult(SupportRefusal.NOT_FOUND)
        cohort = await uow.cohorts.get(enrollment.cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        teacher = await uow.people.get(person_id)
        window = _window(enrollment, cohort, course, today) if cohort and course else None
        if window is None or cohort is None or course is None or teacher is None:
            return SupportResult(SupportRefusal.NOT_FOUND)
        if not window.open:
            return SupportResult(SupportRefusal.PERIOD_ENDED, ends_on=window.ends_on)
        trainer_id = await _trainer_for(uow, cohort)
        consultation = await uow.consultations.add(
            Consultation(
                person_id=person_id,
                enrollment_id=enrollment_id,
                kind=kind,
                question=question,
                trainer_id=trainer_id,
                status=ConsultationStatus.OPEN,
                created_at=now,
            )
        )
        trainer = await uow.people.get(trainer_id) if trainer_id is not None else None
        if trainer is not None and trainer.telegram_id is not None:
            lang = trainer.language or "ru"
            await uow.outbox.enqueue(
                text_notice(
                    trainer.telegram_id,
                    lang,
                    "support-new-question",
                    f"support-question:{consultation.id}",
                    now,
                    teacher=teacher.full_name,
                    topic=course.topic(lang),
                    question=question,
                )
            )
        await uow.commit()
    return SupportResult(None, consultation, window.ends_on)


async def my_consultations(uows: UnitOfWorkFactory, person_id: int) -> list[Consultation]:
    """The teacher's own questions with the answers, newest first."""
    async with uows(read_only=True) as uow:
        found = await uow.consultations.for_person(person_id)
    return sorted(found, key=lambda c: c.id or 0, reverse=True)
