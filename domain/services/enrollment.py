"""Admin use-cases for §16 and §18: review applications, import an education department's list,
issue the enrollment order and notify each enrolled teacher.

Reading of the Rules used here:

* §18: listeners are enrolled by an order of the head of the Organization, based on letters of
  education departments with lists attached. An approved application (§10) or a row of an
  imported list gives the teacher a place in the cohort at once (an ``Enrollment`` with no
  ``order_id``: the seat is held); the order then formalizes every such place of the cohort.
* A list is imported all or nothing (one transaction): a wrong row, or a list bigger than the
  seats left, stores nothing.
* Teachers in a list who have not started the bot get a ``Person`` without ``telegram_id``;
  the teacher feature links them by IIN or phone when they start the bot and sends the
  invitation then. Here nothing is queued for them.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from domain.collation import sorted_by_name
from domain.courses import ScheduleCheck, schedule_covers_course
from domain.document_numbers import normalize_document_number
from domain.documents import (
    BasisLetter,
    EnrolledTeacher,
    EnrollmentOrderDoc,
    InternshipBase,
    OrganizationInfo,
)
from domain.model import (
    Application,
    ApplicationStatus,
    AuditEntry,
    DocumentKind,
    Enrollment,
    EnrollmentOrder,
    EnrollmentStatus,
    Lang,
    Person,
    Role,
)
from domain.names import display_name
from domain.notifications import AGREEMENT_ACTION, text_notice, with_action
from domain.ports import DocumentFile, DuplicateNumber, UnitOfWork, UnitOfWorkFactory
from domain.services.admin_courses import NotAllowedError
from domain.spreadsheet_rows import EnrollmentRow

# Keys of the teacher's notices, defined by the teacher feature (locales/*/teacher-application.ftl)
# with the placeholders topic, reason, starts_on; extra arguments are ignored by Fluent.
NOTICE_APPROVED = "application-status-approved"
NOTICE_REJECTED = "application-status-rejected"
NOTICE_ENROLLED = "application-status-enrolled"

Progress = Callable[[int, int], Awaitable[None]]


async def _require_admin(uow: UnitOfWork, actor_id: int) -> None:
    actor = await uow.people.get(actor_id)
    if actor is None or Role.ADMIN not in actor.roles:
        raise NotAllowedError(actor_id)


class Decision(enum.StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    ALREADY_DECIDED = "already-decided"
    NO_SEATS = "no-seats"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class DecidedBy:
    """Who decided an application and when: the answer to a tap on a card that is already
    decided (another admin's card, a doubled tap)."""

    status: ApplicationStatus
    name: str
    at: datetime | None


async def application_decided_by(uows: UnitOfWorkFactory, application_id: int) -> DecidedBy | None:
    """§10: ``None`` while the application waits (SUBMITTED) or when it does not exist; else
    its status, the name of the admin who decided it (from the audit log) and the moment."""
    async with uows(read_only=True) as uow:
        application = await uow.applications.get(application_id)
        if application is None or application.status is ApplicationStatus.SUBMITTED:
            return None
        entries = await uow.audit.for_entity("application", str(application_id))
        decisions = [e for e in entries if e.action.startswith("application.")]
        actor = None
        if decisions and decisions[-1].actor_id is not None:
            actor = await uow.people.get(decisions[-1].actor_id)
    name = (actor.full_name or actor.first_name) if actor is not None else ""
    return DecidedBy(application.status, name or "—", application.decided_at)


async def submitted_applications(
    uows: UnitOfWorkFactory, cohort_id: int
) -> list[tuple[Application, Person]]:
    async with uows(read_only=True) as uow:
        applications = await uow.applications.for_cohort(cohort_id, ApplicationStatus.SUBMITTED)
        people = {p.id: p for p in await uow.people.get_many(a.person_id for a in applications)}
    return [(a, people[a.person_id]) for a in applications if a.person_id in people]


async def decide_application(
    uows: UnitOfWorkFactory,
    actor_id: int,
    application_id: int,
    approve: bool,
    reason: str,
    now: datetime,
) -> Decision:
    """Approve (the teacher gets a held seat in the cohort, formalized by the next order) or
    reject with a reason. Only a SUBMITTED application can be decided: a second press changes
    nothing. The teacher is told through the outbox, in their language."""
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        application = await uow.applications.get(application_id)
        if application is None:
            return Decision.UNKNOWN
        if application.status is not ApplicationStatus.SUBMITTED:
            return Decision.ALREADY_DECIDED
        cohort = await uow.cohorts.get(application.cohort_id)
        teacher = await uow.people.get(application.person_id)
        if cohort is None or teacher is None:
            return Decision.UNKNOWN
        course = await uow.courses.get(cohort.course_id)
        if approve:
            if await uow.cohorts.seats_taken(cohort.id or 0) >= cohort.seats:
                return Decision.NO_SEATS
            if await uow.enrollments.get(teacher.id or 0, cohort.id or 0) is None:
                await uow.enrollments.add(
                    Enrollment(person_id=teacher.id or 0, cohort_id=cohort.id or 0)
                )
        before = {"status": str(application.status)}
        application.status = ApplicationStatus.APPROVED if approve else ApplicationStatus.REJECTED
        application.reject_reason = "" if approve else reason
        application.decided_at = now
        await uow.applications.update(application)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "application.approve" if approve else "application.reject",
                "application",
                str(application_id),
                before,
                {"status": str(application.status), "reason": application.reject_reason},
                now,
            )
        )
        if teacher.telegram_id is not None and course is not None:
            lang: Lang = teacher.language or application.language
            await uow.outbox.enqueue(
                text_notice(
                    teacher.telegram_id,
                    lang,
                    NOTICE_APPROVED if approve else NOTICE_REJECTED,
                    f"application:{application_id}:{application.status}",
                    now,
                    topic=course.topic(lang),
                    code=cohort.code,
                    starts_on=cohort.starts_on,
                    reason=reason,
                )
            )
        await uow.commit()
    return Decision.APPROVED if approve else Decision.REJECTED


@dataclass
class ImportSummary:
    created: int = 0  # new people (most without Telegram yet)
    matched: int = 0  # people already known by IIN
    enrolled: int = 0
    already_in_cohort: list[int] = field(default_factory=list)  # row numbers
    refused_no_seats: int | None = None  # seats left, when refused (the list was bigger)


async def import_enrollment_list(
    uows: UnitOfWorkFactory,
    actor_id: int,
    cohort_id: int,
    rows: Sequence[EnrollmentRow],
    now: datetime,
    progress: Progress | None = None,
) -> ImportSummary:
    """§18: hold a place in the cohort for every teacher of a validated list, all or nothing.

    A teacher is matched by IIN; a new one becomes a ``Person`` without ``telegram_id``. A
    teacher already holding a place in this cohort is counted, not enrolled twice. When the
    new places exceed the seats left, nothing is stored and ``refused_no_seats`` says how many
    seats are left.
    """
    summary = ImportSummary()
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        cohort = await uow.cohorts.get(cohort_id)
        if cohort is None:
            raise LookupError(cohort_id)
        free = cohort.seats - await uow.cohorts.seats_taken(cohort_id)
        # A list of 10,000 rows: a few set-based queries, not several queries per row.
        known = await uow.people.get_many_by_iin(row.iin for row in rows)
        in_cohort = await uow.enrollments.person_ids_in_cohort(cohort_id)
        new_rows = [row for row in rows if row.iin not in known]
        summary.created, summary.matched = len(new_rows), len(rows) - len(new_rows)
        for row in rows:
            person = known.get(row.iin)
            if person is not None and person.id in in_cohort:
                summary.already_in_cohort.append(row.row)
        summary.enrolled = len(rows) - len(summary.already_in_cohort)
        if summary.enrolled > free:
            return ImportSummary(refused_no_seats=max(free, 0))
        created = await uow.people.add_many(
            [
                Person(
                    telegram_id=None,
                    language=row.language,
                    full_name=row.full_name,
                    iin=row.iin,
                    phone=row.phone,
                    position=row.position,
                    school_name=row.school,
                    roles={Role.TEACHER},
                    created_at=now,
                )
                for row in new_rows
            ]
        )
        by_iin = known | {person.iin: person for person in created if person.iin}
        places: list[Enrollment] = []
        for done, row in enumerate(rows, start=1):
            person_id = by_iin[row.iin].id
            assert person_id is not None
            if person_id not in in_cohort:
                places.append(Enrollment(person_id=person_id, cohort_id=cohort_id))
                in_cohort.add(person_id)
            if progress is not None:  # the reporter throttles its own edits
                await progress(done, len(rows))
        await uow.enrollments.add_many(places)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "enrollment.import",
                "cohort",
                str(cohort_id),
                None,
                {
                    "rows": len(rows),
                    "created": summary.created,
                    "matched": summary.matched,
                    "enrolled": summary.enrolled,
                },
                now,
            )
        )
        await uow.commit()
    return summary


@dataclass(frozen=True)
class OrderDraft:
    number: str
    issued_on: date
    basis_letter_number: str
    basis_letter_date: date
    basis_department: str  # in Russian (the Russian order prints it)
    basis_department_kk: str = ""  # in Kazakh (the Kazakh order); "" → the Russian one


class OrderRefusal(enum.StrEnum):
    DUPLICATE_NUMBER = "duplicate-number"
    NOBODY = "nobody"  # no place in the cohort waits for an order
    SCHEDULE_INCOMPLETE = "schedule-incomplete"  # §23: sessions short of the course hours


@dataclass
class OrderResult:
    order: EnrollmentOrder | None = None
    files: list[DocumentFile] = field(default_factory=list)
    enrolled: int = 0
    notified: int = 0
    refusal: OrderRefusal | None = None
    schedule: ScheduleCheck | None = None  # with SCHEDULE_INCOMPLETE: scheduled vs required


async def order_schedule_check(uow: UnitOfWork, cohort_id: int, hours: int) -> ScheduleCheck:
    """§23: the cohort's scheduled academic hours against the course's."""
    sessions = await uow.sessions.for_cohort(cohort_id)
    return schedule_covers_course(hours, [s.academic_hours for s in sessions])


async def cohort_schedule_check(uows: UnitOfWorkFactory, cohort_id: int) -> ScheduleCheck | None:
    """§23: may an order be issued for this cohort as far as its schedule goes (``None`` for
    an unknown cohort)? The order form asks it first, so the admin is told before typing."""
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None:
            return None
        return await order_schedule_check(uow, cohort_id, course.hours)


async def issue_order(
    uows: UnitOfWorkFactory,
    actor_id: int,
    cohort_id: int,
    draft: OrderDraft,
    organization: OrganizationInfo,
    render: Callable[[EnrollmentOrderDoc], bytes],
    now: datetime,
) -> OrderResult:
    """§16, §18: the order enrolls every held place of the cohort not yet in an order;
    approved applications become ENROLLED; the PDF is rendered in Kazakh and Russian and
    frozen in ``uow.documents``; each enrolled teacher with Telegram is notified. Refused
    while the cohort's sessions add up to fewer academic hours than the course has
    (``schedule_covers_course``, §23): the order would enroll teachers on a course that cannot
    be held in full."""
    # the forms print "№ {number}" themselves: a typed "№" is not printed twice
    draft = replace(
        draft,
        number=normalize_document_number(draft.number),
        basis_letter_number=normalize_document_number(draft.basis_letter_number),
    )
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        cohort = await uow.cohorts.get(cohort_id)
        if cohort is None:
            raise LookupError(cohort_id)
        course = await uow.courses.get(cohort.course_id)
        assert course is not None
        waiting = [
            e
            for e in await uow.enrollments.for_cohort(cohort_id, EnrollmentStatus.ENROLLED)
            if e.order_id is None
        ]
        if not waiting:
            return OrderResult(refusal=OrderRefusal.NOBODY)
        schedule = await order_schedule_check(uow, cohort_id, course.hours)
        if not schedule.complete:
            return OrderResult(refusal=OrderRefusal.SCHEDULE_INCOMPLETE, schedule=schedule)
        try:
            order = await uow.orders.add(
                EnrollmentOrder(
                    number=draft.number,
                    issued_on=draft.issued_on,
                    cohort_id=cohort_id,
                    basis_letter_number=draft.basis_letter_number,
                    basis_letter_date=draft.basis_letter_date,
                    basis_department=draft.basis_department,
                    basis_department_kk=draft.basis_department_kk,
                    created_by=actor_id,
                )
            )
        except DuplicateNumber:
            return OrderResult(refusal=OrderRefusal.DUPLICATE_NUMBER)
        assert order.id is not None
        people = {p.id: p for p in await uow.people.get_many(e.person_id for e in waiting)}
        for enrollment in waiting:
            enrollment.order_id = order.id
            await uow.enrollments.update(enrollment)
        for application in await uow.applications.for_cohort(cohort_id, ApplicationStatus.APPROVED):
            if application.person_id in people:
                application.status = ApplicationStatus.ENROLLED
                await uow.applications.update(application)
        listed = [people[e.person_id] for e in waiting]
        memorandum = await uow.internship.memorandum(cohort_id)
        base = (
            InternshipBase(memorandum.enterprise_name, memorandum.number, memorandum.signed_on)
            if memorandum is not None
            else None
        )
        result = OrderResult(order=order, enrolled=len(waiting))
        for lang in ("kk", "ru"):
            doc = EnrollmentOrderDoc(
                number=order.number,
                dated=order.issued_on,
                lang=lang,
                organization=organization,
                topic=course.topic(lang),
                academic_hours=course.hours,
                cohort=cohort.code,
                starts_on=cohort.starts_on,
                ends_on=cohort.ends_on,
                basis_letters=[
                    BasisLetter(
                        draft.basis_letter_number,
                        draft.basis_letter_date,
                        (draft.basis_department_kk if lang == "kk" else "")
                        or draft.basis_department,
                    )
                ],
                internship_base=base,
                teachers=[
                    EnrolledTeacher(p.full_name or p.first_name, p.school_name, p.position)
                    for p in sorted_by_name(listed, display_name, lang)
                ],
            )
            result.files.append(
                await uow.documents.save(
                    owner_kind="enrollment_order",
                    owner_id=order.id,
                    kind=DocumentKind.ENROLLMENT_ORDER,
                    lang=lang,
                    content=render(doc),
                    created_at=now,
                    file_name=f"order-{order.number}-{lang}.pdf",
                )
            )
        for enrollment in waiting:
            teacher = people[enrollment.person_id]
            if teacher.telegram_id is None:
                continue  # linked later by IIN/phone; the teacher feature invites them then
            lang = teacher.language or cohort.language
            await uow.outbox.enqueue(
                with_action(
                    text_notice(
                        teacher.telegram_id,
                        lang,
                        NOTICE_ENROLLED,
                        f"enrolled:{enrollment.id}",
                        now,
                        topic=course.topic(lang),
                        code=cohort.code,
                        order=order.number,
                        starts_on=cohort.starts_on,
                        ends_on=cohort.ends_on,
                    ),
                    AGREEMENT_ACTION,
                    enrollment_id=enrollment.id or 0,
                )
            )
            result.notified += 1
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "order.issue",
                "enrollment_order",
                str(order.id),
                None,
                {
                    "number": order.number,
                    "cohort_id": cohort_id,
                    "enrollment_ids": [e.id for e in waiting],
                },
                now,
            )
        )
        await uow.commit()
    return result
