"""§32: expulsion of a listener who breached the §24 agreement, by order and commission decision.

The teacher is notified through the outbox in their language; the employer (§24: "the
Organization notifies the employer") has no Telegram chat, so the notice is rendered in the
teacher's language and stored as an outbox row of kind ``employer_notice`` — a record of what
the organization hands over — and shown to the admin, who forwards it to the contact.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from domain.model import AuditEntry, EnrollmentStatus, Lang, OutboxMessage, OutboxStatus, Person
from domain.notifications import text_notice
from domain.ports import UnitOfWorkFactory
from domain.text import clean_text

__all__ = [
    "EMPLOYER_NOTICE",
    "ExpulsionDecision",
    "ExpulsionRefusal",
    "ExpulsionResult",
    "expel",
]

EMPLOYER_NOTICE = "employer_notice"
MAX_TEXT = 500

#: ``render(lang, key, **args) -> text``: the translation function, injected by the bot; plain
#: text, the arguments raw as in a notice (a date is formatted by it, in ``lang``).
Render = Callable[..., str]


@dataclass(frozen=True)
class ExpulsionDecision:
    """§32: the reason (which §24 duty was breached), the head's order number and the
    commission's decision (number and date)."""

    reason: str
    order_number: str
    commission_number: str
    commission_date: date


class ExpulsionRefusal(enum.StrEnum):
    NOT_FOUND = "not-found"
    NOT_ACTIVE = "not-active"  # only a listener still studying (ENROLLED) can be expelled
    BAD_INPUT = "bad-input"


@dataclass(frozen=True)
class ExpulsionResult:
    refusal: ExpulsionRefusal | None = None
    person: Person | None = None
    employer_contact: str = ""
    employer_text: str = ""
    teacher_notified: bool = False


def _valid(decision: ExpulsionDecision) -> bool:
    texts = (decision.reason, decision.order_number, decision.commission_number)
    return all(clean_text(t).strip() and len(t) <= MAX_TEXT for t in texts)


async def expel(
    uows: UnitOfWorkFactory,
    actor_id: int,
    enrollment_id: int,
    decision: ExpulsionDecision,
    now: datetime,
    render: Render,
) -> ExpulsionResult:
    """§32: EXPELLED with the reason and order number; teacher notice (outbox) and employer
    notice (outbox record) in the teacher's language; audit with before/after.

    Reading: the commission decision has no column of its own; it is kept in the audit entry
    and in both notices, and the order number goes to ``Enrollment.expulsion_order``."""
    if not _valid(decision):
        return ExpulsionResult(ExpulsionRefusal.BAD_INPUT)
    async with uows() as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        person = await uow.people.get(enrollment.person_id) if enrollment else None
        cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if enrollment is None or person is None or cohort is None or course is None:
            return ExpulsionResult(ExpulsionRefusal.NOT_FOUND)
        if enrollment.status is not EnrollmentStatus.ENROLLED:
            return ExpulsionResult(ExpulsionRefusal.NOT_ACTIVE, person=person)
        before: dict[str, Any] = {"status": str(enrollment.status)}
        enrollment.status = EnrollmentStatus.EXPELLED
        enrollment.expelled_reason = clean_text(decision.reason).strip()
        enrollment.expulsion_order = clean_text(decision.order_number).strip()
        await uow.enrollments.update(enrollment)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "enrollment.expel",
                "enrollment",
                str(enrollment_id),
                before,
                {
                    "status": str(enrollment.status),
                    "reason": enrollment.expelled_reason,
                    "order": enrollment.expulsion_order,
                    "commission_number": clean_text(decision.commission_number).strip(),
                    "commission_date": decision.commission_date.isoformat(),
                },
                now,
            )
        )
        lang: Lang = person.language or cohort.language
        args: dict[str, object] = {
            "name": person.full_name or person.first_name,
            "topic": course.topic(lang),
            "cohort": cohort.code,
            "reason": enrollment.expelled_reason,
            "order": enrollment.expulsion_order,
            "commission": clean_text(decision.commission_number).strip(),
            "commission_date": decision.commission_date,
        }
        notified = False
        if person.telegram_id:
            await uow.outbox.enqueue(
                text_notice(
                    person.telegram_id,
                    lang,
                    "results-expelled-teacher",
                    f"expelled:{enrollment_id}",
                    now,
                    **args,
                )
            )
            notified = True
        contact = person.employer_contact
        if not contact and person.school_id:
            school = await uow.schools.get(person.school_id)
            contact = school.employer_contact if school else ""
        school_name = person.school_name
        if not school_name and person.school_id:
            school = await uow.schools.get(person.school_id)
            school_name = school.name if school else ""
        text = render(lang, "results-expelled-employer", school=school_name or "—", **args)
        # A record, not a Telegram message: the admin sees the text right now and forwards it.
        await uow.outbox.enqueue(
            OutboxMessage(
                chat_id=0,
                kind=EMPLOYER_NOTICE,
                payload={
                    "lang": lang,
                    "text": text,
                    "contact": contact,
                    "enrollment_id": enrollment_id,
                    "handed_to": actor_id,
                },
                dedup_key=f"employer-notice:{enrollment_id}",
                not_before=now,
                status=OutboxStatus.SENT,
                sent_at=now,
            )
        )
        await uow.commit()
    return ExpulsionResult(
        person=person, employer_contact=contact, employer_text=text, teacher_notified=notified
    )
