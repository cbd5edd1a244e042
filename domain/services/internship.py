"""§30 internship use cases: the cohort's memorandum of cooperation, the App. 5 reference
uploaded by the teacher or an admin, the admin's check, and the App. 6 certificate on
acceptance (numbered in the certificate series, frozen, verifiable like the others).

Rules are in ``domain.internship``; the certificate's PDF renderer is passed in (``domain``
never imports reportlab).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from domain.certificate_numbers import parse_certificate_number
from domain.courses import CourseKind
from domain.document_numbers import normalize_document_number
from domain.documents import EnterpriseReference, InternshipCertificateDoc, holder_gender
from domain.internship import (
    InternshipRefusal,
    Memorandum,
    ReferenceFileKind,
    ReferenceStatus,
    ReferenceUpload,
    internship_certificate_refusal,
    reference_upload_refusal,
)
from domain.model import (
    AuditEntry,
    Certificate,
    Cohort,
    Course,
    DocumentKind,
    Enrollment,
    EnrollmentStatus,
    Lang,
    Person,
    Role,
)
from domain.notifications import document_notice, text_notice
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.services.certificates import IssuingOptions, notice_dedup_key
from domain.validity import certificate_valid_until

__all__ = [
    "MAX_ENTERPRISE",
    "InternshipPlace",
    "MemorandumDraft",
    "ReferenceReview",
    "accept_reference",
    "blank_enterprise_reference",
    "internship_places",
    "memorandum_line",
    "record_memorandum",
    "reject_reference",
    "review_reference",
    "upload_reference",
]

MAX_ENTERPRISE = 300
NOTICE_CERTIFICATE = "internship-notice-certificate"
NOTICE_REJECTED = "internship-notice-rejected"
NOTICE_UPLOADED = "internship-admin-uploaded"
RenderInternship = Callable[[InternshipCertificateDoc], Awaitable[bytes]]


@dataclass(frozen=True)
class MemorandumDraft:
    number: str
    signed_on: date
    enterprise_name: str


async def record_memorandum(
    uows: UnitOfWorkFactory, actor_id: int, cohort_id: int, draft: MemorandumDraft, now: datetime
) -> Memorandum | None:
    """§30: record (or correct) the memorandum of cooperation an internship cohort rests on;
    ``None`` when the cohort is not an internship one. The number as the form prints it
    after its own "№" (``normalize_document_number``). Audit-logged."""
    async with uows() as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None or course.kind is not CourseKind.INTERNSHIP:
            return None
        before = await uow.internship.memorandum(cohort_id)
        memorandum = await uow.internship.save_memorandum(
            Memorandum(
                cohort_id=cohort_id,
                number=normalize_document_number(draft.number),
                signed_on=draft.signed_on,
                enterprise_name=" ".join(draft.enterprise_name.split()),
                recorded_by=actor_id,
                recorded_at=now,
            )
        )
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "memorandum.record",
                "cohort",
                str(cohort_id),
                _memo_audit(before),
                _memo_audit(memorandum),
                now,
            )
        )
        await uow.commit()
    return memorandum


def _memo_audit(memorandum: Memorandum | None) -> dict[str, str] | None:
    if memorandum is None:
        return None
    return {
        "number": memorandum.number,
        "signed_on": memorandum.signed_on.isoformat(),
        "enterprise": memorandum.enterprise_name,
    }


def memorandum_line(memorandum: Memorandum, lang: Lang) -> str:
    """The memorandum as App. 6 cites it: "№ 12 от 01.09.2026" / "01.09.2026 № 12"."""
    day = memorandum.signed_on.strftime("%d.%m.%Y")
    if lang == "kk":
        return f"{day} № {memorandum.number}"
    return f"№ {memorandum.number} от {day}"


@dataclass(frozen=True)
class InternshipPlace:
    """A listener's place on an internship course, with the state of the reference."""

    enrollment: Enrollment
    cohort: Cohort
    course: Course
    person: Person
    memorandum: Memorandum | None
    references: list[ReferenceUpload] = field(default_factory=list)
    certificate: Certificate | None = None

    @property
    def state(self) -> str:
        """none | pending | rejected | issued — a message-id suffix."""
        if self.certificate is not None:
            return "issued"
        if not self.references:
            return "none"
        return str(self.references[-1].status).replace("accepted", "issued")

    @property
    def pending(self) -> ReferenceUpload | None:
        last = self.references[-1] if self.references else None
        return last if last and last.status is ReferenceStatus.PENDING else None


async def _place(uow: UnitOfWork, enrollment: Enrollment) -> InternshipPlace | None:
    cohort = await uow.cohorts.get(enrollment.cohort_id)
    course = await uow.courses.get(cohort.course_id) if cohort else None
    person = await uow.people.get(enrollment.person_id)
    if cohort is None or course is None or person is None or enrollment.id is None:
        return None
    issued = [
        c
        for c in await uow.certificates.for_enrollment(enrollment.id)
        if c.kind is DocumentKind.INTERNSHIP_CERTIFICATE
    ]
    return InternshipPlace(
        enrollment,
        cohort,
        course,
        person,
        await uow.internship.memorandum(cohort.id or 0),
        await uow.internship.references_for(enrollment.id),
        issued[0] if issued else None,
    )


async def internship_places(
    uows: UnitOfWorkFactory, *, person_id: int | None = None, cohort_id: int | None = None
) -> list[InternshipPlace]:
    """A teacher's places on internship courses, or a cohort's listeners (for the admin)."""
    async with uows(read_only=True) as uow:
        if person_id is not None:
            enrollments = await uow.enrollments.for_person(person_id)
        else:
            enrollments = await uow.enrollments.for_cohort(cohort_id or 0)
        places = [await _place(uow, e) for e in enrollments]
    return [
        p
        for p in places
        if p is not None
        and p.course.kind is CourseKind.INTERNSHIP
        and p.enrollment.status in (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED)
    ]


async def internship_place(uows: UnitOfWorkFactory, enrollment_id: int) -> InternshipPlace | None:
    async with uows(read_only=True) as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        return await _place(uow, enrollment) if enrollment else None


def blank_enterprise_reference(
    lang: Lang, place: InternshipPlace | None = None, memorandum: Memorandum | None = None
) -> EnterpriseReference:
    """App. 5 to hand to the enterprise: what the Organization knows is filled in (the
    teacher, the enterprise of the memorandum, the cohort's dates, the hours); the rest stays
    blank for the enterprise to fill in, sign and stamp."""
    memo = memorandum or (place.memorandum if place else None)
    return EnterpriseReference(
        holder_full_name=place.person.full_name if place else "",
        enterprise_name=memo.enterprise_name if memo else "",
        period_start=place.cohort.starts_on if place else None,
        period_end=place.cohort.ends_on if place else None,
        academic_hours=place.course.hours if place else None,
        position_held="",
        skills_acquired="",
        enterprise_head_name="",
        lang=lang,
        holder_gender=holder_gender(place.person.iin) if place else None,
    )


@dataclass(frozen=True)
class UploadResult:
    refusal: InternshipRefusal | None = None
    reference: ReferenceUpload | None = None
    not_found: bool = False


async def upload_reference(
    uows: UnitOfWorkFactory,
    actor_id: int,
    enrollment_id: int,
    file_id: str,
    file_kind: ReferenceFileKind,
    now: datetime,
    *,
    teacher_person_id: int | None = None,
) -> UploadResult:
    """§30: "по окончании стажировки педагог предоставляет Организации заполненную
    предприятием справку" — the teacher (``teacher_person_id``: only their own place) or an
    admin uploads it; it waits for the admin's check. Admins are told (outbox)."""
    async with uows() as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        if enrollment is None or (
            teacher_person_id is not None and enrollment.person_id != teacher_person_id
        ):
            return UploadResult(not_found=True)
        place = await _place(uow, enrollment)
        if place is None:
            return UploadResult(not_found=True)
        refusal = reference_upload_refusal(
            place.course.kind,
            enrollment.status,
            place.certificate is not None,
            place.pending is not None,
        )
        if refusal is not None:
            return UploadResult(refusal)
        reference = await uow.internship.add_reference(
            ReferenceUpload(enrollment_id, file_id, file_kind, actor_id, now)
        )
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "internship_reference.upload",
                "enrollment",
                str(enrollment_id),
                None,
                {"reference_id": reference.id, "file_kind": str(file_kind)},
                now,
            )
        )
        if teacher_person_id is not None:
            for admin in await uow.people.list_by_role(Role.ADMIN):
                if admin.telegram_id is None:
                    continue
                await uow.outbox.enqueue(
                    text_notice(
                        admin.telegram_id,
                        admin.language or "ru",
                        NOTICE_UPLOADED,
                        f"internship-ref:{reference.id}:{admin.id}",
                        now,
                        name=place.person.full_name or place.person.first_name,
                        cohort=place.cohort.code,
                    )
                )
        await uow.commit()
    return UploadResult(reference=reference)


@dataclass(frozen=True)
class ReferenceReview:
    reference: ReferenceUpload
    place: InternshipPlace


async def review_reference(uows: UnitOfWorkFactory, reference_id: int) -> ReferenceReview | None:
    async with uows(read_only=True) as uow:
        reference = await uow.internship.get_reference(reference_id)
        enrollment = await uow.enrollments.get_by_id(reference.enrollment_id) if reference else None
        place = await _place(uow, enrollment) if enrollment else None
    if reference is None or place is None:
        return None
    return ReferenceReview(reference, place)


async def reject_reference(
    uows: UnitOfWorkFactory, actor_id: int, reference_id: int, note: str, now: datetime
) -> InternshipRefusal | None:
    """The reference does not match App. 5 (a blank left empty, no signature…): the teacher is
    told why and may upload a corrected one."""
    async with uows() as uow:
        reference = await uow.internship.get_reference(reference_id)
        if reference is None:
            return InternshipRefusal.NOT_PENDING
        if reference.status is not ReferenceStatus.PENDING:
            return InternshipRefusal.NOT_PENDING
        reference.status = ReferenceStatus.REJECTED
        reference.decided_by = actor_id
        reference.decided_at = now
        reference.note = " ".join(note.split())
        await uow.internship.update_reference(reference)
        enrollment = await uow.enrollments.get_by_id(reference.enrollment_id)
        person = await uow.people.get(enrollment.person_id) if enrollment else None
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "internship_reference.reject",
                "enrollment",
                str(reference.enrollment_id),
                {"status": "pending"},
                {"status": "rejected", "note": reference.note},
                now,
            )
        )
        if person is not None and person.telegram_id is not None:
            await uow.outbox.enqueue(
                text_notice(
                    person.telegram_id,
                    person.language or "ru",
                    NOTICE_REJECTED,
                    f"internship-rejected:{reference.id}",
                    now,
                    reason=reference.note,
                )
            )
        await uow.commit()
    return None


@dataclass(frozen=True)
class AcceptResult:
    refusal: InternshipRefusal | None = None
    certificate: Certificate | None = None
    pdf: bytes = b""


async def accept_reference(
    uows: UnitOfWorkFactory,
    actor_id: int,
    reference_id: int,
    today: date,
    now: datetime,
    options: IssuingOptions,
    render: RenderInternship,
) -> AcceptResult:
    """§30: on the accepted App. 5 reference the App. 6 internship certificate is issued —
    numbered in the certificate series, valid as §33 says of certificates, with the signed QR,
    its PDF frozen — in the cohort's language; the place is completed; the teacher gets it."""
    async with uows() as uow:
        reference = await uow.internship.get_reference(reference_id)
        if reference is None:
            return AcceptResult(InternshipRefusal.NOT_PENDING)
        number = await uow.certificates.next_number(options.prefix, today.year)
        enrollment = await uow.enrollments.get_by_id(reference.enrollment_id)
        place = await _place(uow, enrollment) if enrollment else None
        if enrollment is None or place is None:
            return AcceptResult(InternshipRefusal.NOT_ENROLLED)
        refusal = internship_certificate_refusal(
            place.course.kind,
            enrollment.status,
            reference.status,
            place.certificate is not None,
            place.memorandum is not None,
        )
        if refusal is not None:
            return AcceptResult(refusal)  # rolled back: the number was never issued
        assert place.memorandum is not None
        lang = place.cohort.language
        organization = options.organization(lang)
        holder = place.person.full_name or place.person.first_name
        certificate = await uow.certificates.add(
            Certificate(
                number=number,
                kind=DocumentKind.INTERNSHIP_CERTIFICATE,
                person_id=place.person.id or 0,
                enrollment_id=enrollment.id,
                holder_full_name=holder,
                topic=place.course.topic(lang),
                academic_hours=place.course.hours,
                issued_on=today,
                # §33: three years from the completion of the courses, in force from issue
                valid_until=certificate_valid_until(
                    enrollment.completed_on or place.cohort.ends_on, today
                ),
                organization_name=organization.name_kk if lang == "kk" else organization.name_ru,
            )
        )
        parsed = parse_certificate_number(certificate.number)
        assert parsed is not None
        pdf = await render(
            InternshipCertificateDoc(
                number=certificate.number,
                holder_full_name=holder,
                topic=certificate.topic,
                academic_hours=certificate.academic_hours,
                issued_on=today,
                lang=lang,
                organization=organization,
                enterprise_name=place.memorandum.enterprise_name,
                memorandum=memorandum_line(place.memorandum, lang),
                verification_url=options.qr_url(parsed),
                holder_gender=holder_gender(place.person.iin),
            )
        )
        certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        await uow.certificates.update(certificate)
        stored = await uow.documents.save_for_certificate(
            certificate,
            kind=DocumentKind.INTERNSHIP_CERTIFICATE,
            lang=lang,
            content=pdf,
            created_at=now,
            file_name=f"internship-{certificate.number}.pdf",
        )
        reference.status = ReferenceStatus.ACCEPTED
        reference.decided_by = actor_id
        reference.decided_at = now
        await uow.internship.update_reference(reference)
        enrollment.status = EnrollmentStatus.COMPLETED
        enrollment.completed_on = enrollment.completed_on or min(today, place.cohort.ends_on)
        await uow.enrollments.update(enrollment)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "internship_certificate.issue",
                "certificate",
                certificate.number,
                None,
                {
                    "person_id": certificate.person_id,
                    "enrollment_id": enrollment.id,
                    "reference_id": reference.id,
                    "pdf_sha256": certificate.pdf_sha256,
                },
                now,
            )
        )
        person = place.person
        if person.telegram_id is not None and stored.id is not None and certificate.id:
            reader = person.language or lang
            await uow.outbox.enqueue(
                document_notice(
                    person.telegram_id,
                    reader,
                    stored.id,
                    NOTICE_CERTIFICATE,
                    notice_dedup_key(certificate.id, DocumentKind.INTERNSHIP_CERTIFICATE),
                    now,
                    number=certificate.number,
                    topic=place.course.topic(reader) or certificate.topic,
                )
            )
        await uow.commit()
    return AcceptResult(certificate=certificate, pdf=pdf)


async def memorandum_of(uows: UnitOfWorkFactory, cohort_id: int) -> Memorandum | None:
    async with uows(read_only=True) as uow:
        return await uow.internship.memorandum(cohort_id)
