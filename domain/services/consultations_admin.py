"""§36–37: answering post-course consultation requests (by the trainer they were routed to, a
trainer of the listener's cohort, or an admin); the answer reaches the teacher via the outbox.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from domain.model import (
    AuditEntry,
    Cohort,
    Consultation,
    ConsultationStatus,
    Course,
    Person,
)
from domain.notifications import text_notice
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.services.trainer import REFUSED_ACTION
from domain.text import clean_text

__all__ = [
    "MAX_ANSWER",
    "AnswerRefusal",
    "AnswerResult",
    "ConsultationView",
    "answer_consultation",
    "consultation_to_answer",
    "open_consultations",
]

MAX_ANSWER = 3500  # a Telegram message holds 4096 characters; room for the heading


@dataclass(frozen=True)
class ConsultationView:
    consultation: Consultation
    person: Person
    cohort: Cohort
    course: Course


class AnswerRefusal(enum.StrEnum):
    NOT_FOUND = "not-found"
    NOT_YOURS = "not-yours"
    ALREADY_ANSWERED = "already-answered"
    EMPTY = "empty"
    TOO_LONG = "too-long"


@dataclass(frozen=True)
class AnswerResult:
    refusal: AnswerRefusal | None = None
    view: ConsultationView | None = None


async def _view(uow: UnitOfWork, consultation: Consultation) -> ConsultationView | None:
    person = await uow.people.get(consultation.person_id)
    enrollment = await uow.enrollments.get_by_id(consultation.enrollment_id)
    cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
    course = await uow.courses.get(cohort.course_id) if cohort else None
    if person is None or cohort is None or course is None:
        return None
    return ConsultationView(consultation, person, cohort, course)


def may_answer(view: ConsultationView, actor_id: int, is_admin: bool) -> bool:
    """§37: support comes from the course's trainers: the trainer the request was routed to
    and any trainer of the listener's cohort (a colleague may stand in). Admins answer all."""
    if is_admin:
        return True
    return view.consultation.trainer_id == actor_id or actor_id in view.cohort.trainer_ids


async def open_consultations(
    uows: UnitOfWorkFactory, actor_id: int, is_admin: bool, limit: int = 30
) -> list[ConsultationView]:
    """Open requests the actor may answer, oldest first."""
    async with uows(read_only=True) as uow:
        found = await uow.consultations.open_all(limit=500)
        views = [await _view(uow, c) for c in found]
    mine = [v for v in views if v is not None and may_answer(v, actor_id, is_admin)]
    return mine[:limit]


async def consultation_to_answer(
    uows: UnitOfWorkFactory, actor_id: int, is_admin: bool, consultation_id: int, now: datetime
) -> ConsultationView | None:
    """The request the actor opens to answer, or ``None``. A trainer refused (another cohort's
    request, or one that does not exist: both are forged buttons) is written to the audit log
    like every refused trainer action."""
    async with uows() as uow:
        consultation = await uow.consultations.get(consultation_id)
        view = await _view(uow, consultation) if consultation else None
        if view is not None and may_answer(view, actor_id, is_admin):
            return view
        if not is_admin:
            await _log_refusal(uow, actor_id, consultation_id, now)
            await uow.commit()
    return None


async def _log_refusal(uow: UnitOfWork, actor_id: int, consultation_id: int, now: datetime) -> None:
    await uow.audit.record(
        AuditEntry(
            actor_id=actor_id,
            action=REFUSED_ACTION,
            entity="consultation",
            entity_id=str(consultation_id),
            after={"attempted": "consultation.answer"},
            at=now,
        )
    )


async def answer_consultation(
    uows: UnitOfWorkFactory,
    actor_id: int,
    is_admin: bool,
    consultation_id: int,
    answer: str,
    now: datetime,
) -> AnswerResult:
    """Store the answer (once), notify the teacher with ``results-support-answer``, audit."""
    answer = clean_text(answer, multiline=True).strip()
    if not answer:
        return AnswerResult(AnswerRefusal.EMPTY)
    if len(answer) > MAX_ANSWER:
        return AnswerResult(AnswerRefusal.TOO_LONG)
    async with uows() as uow:
        consultation = await uow.consultations.get(consultation_id)
        view = await _view(uow, consultation) if consultation else None
        if consultation is None or view is None:
            return AnswerResult(AnswerRefusal.NOT_FOUND)
        if not may_answer(view, actor_id, is_admin):
            await _log_refusal(uow, actor_id, consultation_id, now)
            await uow.commit()
            return AnswerResult(AnswerRefusal.NOT_YOURS)
        if consultation.status is ConsultationStatus.ANSWERED:
            return AnswerResult(AnswerRefusal.ALREADY_ANSWERED, view)
        consultation.answer = answer
        consultation.status = ConsultationStatus.ANSWERED
        consultation.answered_at = now
        if consultation.trainer_id is None and not is_admin:
            consultation.trainer_id = actor_id
        await uow.consultations.update(consultation)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "consultation.answer",
                "consultation",
                str(consultation_id),
                {"status": str(ConsultationStatus.OPEN)},
                {"status": str(consultation.status), "answer": answer},
                now,
            )
        )
        person = view.person
        if person.telegram_id:
            lang = person.language or view.cohort.language
            await uow.outbox.enqueue(
                text_notice(
                    person.telegram_id,
                    lang,
                    "results-support-answer",
                    f"support-answer:{consultation_id}",
                    now,
                    question=consultation.question[:500],
                    answer=answer,
                    topic=view.course.topic(lang),
                )
            )
        await uow.commit()
    return AnswerResult(view=view)
