"""Personal data law: the teacher downloads everything stored about them, and may ask for
deletion. Only the teacher's own records are exported — never another person's name or id
(admins who decided, trainers who answered or marked attendance are left out)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from domain.model import Person
from domain.ports import UnitOfWork, UnitOfWorkFactory

__all__ = ["export_my_data", "pending_deletions", "request_deletion"]


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | tuple):
        return sorted(str(v) for v in value)
    if hasattr(value, "value"):  # enums
        return value.value
    return value


def _pick(obj: Any, *fields: str) -> dict[str, Any]:
    return {name: _value(getattr(obj, name)) for name in fields}


async def export_my_data(uows: UnitOfWorkFactory, person_id: int) -> dict[str, Any]:
    """Profile, consent, applications, enrollments with attendance and results, issued
    document numbers, §31 requests and §36–37 consultations of this person only."""
    async with uows(read_only=True) as uow:
        person = await uow.people.get(person_id)
        if person is None:
            raise LookupError(person_id)
        data: dict[str, Any] = {
            "profile": _pick(
                person,
                "full_name",
                "iin",
                "phone",
                "position",
                "school_name",
                "employer_contact",
                "language",
                "first_name",
                "username",
                "telegram_id",
                "consent_version",
                "consent_at",
                "deletion_requested_at",
                "created_at",
            )
        }
        applications = []
        for application in await uow.applications.for_person(person_id):
            cohort = await uow.cohorts.get(application.cohort_id)
            applications.append(
                {
                    "cohort": cohort.code if cohort else None,
                    **_pick(
                        application,
                        "kind",
                        "addressed_to",
                        "language",
                        "abroad_duration",
                        "abroad_country",
                        "abroad_language",
                        "status",
                        "reject_reason",
                        "created_at",
                        "decided_at",
                    ),
                }
            )
        data["applications"] = applications
        data["enrollments"] = [
            await _enrollment(uow, e) for e in await uow.enrollments.for_person(person_id)
        ]
        data["documents"] = [
            _pick(
                c,
                "number",
                "kind",
                "topic",
                "academic_hours",
                "issued_on",
                "valid_until",
                "revoked_on",
            )
            for c in await uow.certificates.for_person(person_id)
        ]
        data["requests"] = [
            {
                "documents_attached": len(r.document_file_ids),
                **_pick(
                    r,
                    "kind",
                    "reason",
                    "target_cohort_id",
                    "status",
                    "decision_note",
                    "created_at",
                    "decided_at",
                ),
            }
            for r in await uow.requests.for_person(person_id)
        ]
        data["consultations"] = [
            _pick(c, "kind", "question", "answer", "status", "created_at", "answered_at")
            for c in await uow.consultations.for_person(person_id)
        ]
    return data


async def _enrollment(uow: UnitOfWork, enrollment: Any) -> dict[str, Any]:
    cohort = await uow.cohorts.get(enrollment.cohort_id)
    course = await uow.courses.get(cohort.course_id) if cohort else None
    sessions = {s.id: s for s in await uow.sessions.for_cohort(enrollment.cohort_id)}
    attendance = [
        {
            "session_starts_at": _value(sessions[a.session_id].starts_at)
            if a.session_id in sessions
            else None,
            **_pick(a, "checked_in_at", "method"),
        }
        for a in await uow.attendance.for_enrollment(enrollment.id)
    ]
    results = [
        {
            "module_grades": [
                {"module_id": g.module_id, "grade": g.grade} for g in a.module_grades
            ],
            **_pick(a, "score", "max_score", "assessed_on", "is_reassessment"),
        }
        for a in await uow.assessments.for_enrollment(enrollment.id)
    ]
    return {
        "cohort": cohort.code if cohort else None,
        "topic_kk": course.topic_kk if course else None,
        "topic_ru": course.topic_ru if course else None,
        **_pick(
            enrollment,
            "status",
            "agreement_version",
            "agreement_lang",
            "agreement_accepted_at",
            "expelled_reason",
            "expulsion_order",
            "completed_on",
        ),
        "attendance": attendance,
        "results": results,
    }


async def request_deletion(uows: UnitOfWorkFactory, person_id: int, now: datetime) -> Person:
    """Record the deletion request (kept once: a second request keeps the first time). Admins
    carry it out; records of issued certificates stay as long as the law requires (§33: a
    certificate must remain verifiable)."""
    async with uows() as uow:
        person = await uow.people.get(person_id)
        if person is None:
            raise LookupError(person_id)
        if person.deletion_requested_at is None:
            person.deletion_requested_at = now
            await uow.people.update(person)
            await uow.commit()
    return person


async def pending_deletions(uows: UnitOfWorkFactory) -> list[Person]:
    """For admins: people waiting for their data to be deleted, earliest first."""
    async with uows(read_only=True) as uow:
        return await uow.people.deletion_requested()
