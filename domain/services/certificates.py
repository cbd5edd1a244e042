"""§29, §31, §33: issuing a cohort's certificates, appendices and listening references.

``issue_cohort_documents`` decides every listener's outcome (``domain.services.results``),
then works teacher by teacher, each in its own transaction: allocate a registration number,
store the document, render and freeze its PDFs, enqueue the notices. A crash in the middle
loses nothing and duplicates nothing: a re-run skips the teachers whose documents are stored.

The PDF renderer is a port (``DocumentRenderer``): ``domain`` builds the documents of
``domain.documents`` and never imports reportlab; ``bot.documents.issuing`` adapts it.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from domain.assessment import Outcome
from domain.certificate_numbers import (
    REFERENCE_SERIES,
    CertificateNumber,
    parse_certificate_number,
    verification_url,
    web_verification_url,
)
from domain.courses import CourseKind
from domain.documents import (
    AppendixDoc,
    CertificateDoc,
    ListeningReferenceDoc,
    ModuleLine,
    OrganizationInfo,
    holder_gender,
)
from domain.model import (
    AuditEntry,
    Certificate,
    Cohort,
    Course,
    DocumentKind,
    Enrollment,
    EnrollmentStatus,
    FinalAssessment,
    Lang,
    Person,
)
from domain.notifications import document_notice
from domain.ports import AlreadyIssued, DocumentFile, UnitOfWork, UnitOfWorkFactory
from domain.services.results import ListenerResult, decide_cohort_outcomes
from domain.validity import certificate_valid_until

__all__ = [
    "DocumentRenderer",
    "IssueRefusal",
    "IssueSummary",
    "IssuedDocument",
    "IssuingOptions",
    "ReissueOutcome",
    "ReissueResult",
    "documents_of",
    "issue_cohort_documents",
    "notice_dedup_key",
    "reissue_certificate",
]

#: Caption message ids of the document notices (locales/*/certificates.ftl).
CAPTION_KEYS: Mapping[DocumentKind, str] = {
    DocumentKind.CERTIFICATE: "certificates-notice-certificate",
    DocumentKind.APPENDIX: "certificates-notice-appendix",
    DocumentKind.LISTENING_REFERENCE: "certificates-notice-reference",
}


class DocumentRenderer(Protocol):
    """Renders the documents to PDF bytes (and the few words the forms need in a language)."""

    async def certificate(self, doc: CertificateDoc) -> bytes: ...
    async def appendix(self, doc: AppendixDoc) -> bytes: ...
    async def listening_reference(self, doc: ListeningReferenceDoc) -> bytes: ...
    def reason_not_passed(self, shortfalls: Sequence[str], lang: Lang) -> str: ...
    def passed_grade(self, lang: Lang) -> str: ...


@dataclass(frozen=True)
class IssuingOptions:
    """The settings issuing needs: number prefix, QR secret and bot, the organization."""

    prefix: str
    secret: bytes
    bot_username: str
    organizations: Mapping[str, OrganizationInfo]  # by language of the document
    public_url: str = ""  # set: QR codes open the verification web page

    def qr_url(self, number: CertificateNumber) -> str:
        """§33 QR: the web page's signed link when ``PUBLIC_URL`` is set, else the bot's."""
        if self.public_url:
            return web_verification_url(self.public_url, number, self.secret)
        return verification_url(self.bot_username, number, self.secret)

    def organization(self, lang: Lang) -> OrganizationInfo:
        return self.organizations[lang]


class IssueRefusal(enum.StrEnum):
    NOT_FOUND = "not-found"
    NOT_FINISHED = "not-finished"  # the cohort ends after today: scores are not final yet
    INTERNSHIP = "internship"  # §30: App. 6 on the enterprise's reference, not App. 3–4


@dataclass
class IssueSummary:
    refusal: IssueRefusal | None = None
    cohort: Cohort | None = None
    course: Course | None = None
    certificates: list[str] = field(default_factory=list)  # numbers issued now
    references: list[str] = field(default_factory=list)
    skipped: int = 0  # already had their document
    not_assessed: int = 0  # no final-assessment score yet
    expelled: int = 0
    total: int = 0


Progress = Callable[[int, int], Awaitable[None]]


def notice_dedup_key(certificate_id: int, kind: DocumentKind) -> str:
    """One notice per stored document, ever: the outbox ignores a second row with this key."""
    return f"doc:{certificate_id}:{kind}"


async def issue_cohort_documents(
    uows: UnitOfWorkFactory,
    cohort_id: int,
    today: date,
    now: datetime,
    options: IssuingOptions,
    renderer: DocumentRenderer,
    actor_id: int | None,
    progress: Progress | None = None,
) -> IssueSummary:
    """§29: a certificate and its appendix to each listener who passed; §31: a listening
    reference to each one who did not, including one who did not sit the final assessment
    (no score). References are numbered in their own series (``REFERENCE_SERIES``), so the
    certificate register has no gaps. One transaction per teacher, so a crash resumes
    cleanly; idempotent (a teacher's stored document is never issued again).

    Refused while the cohort has not ended (its ``ends_on`` is after ``today``): reading of
    "when scores are final". Expelled listeners (§32) get nothing. ``not_assessed`` counts the
    references that went to listeners without a score.
    """
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
    if cohort is None:
        return IssueSummary(IssueRefusal.NOT_FOUND)
    if cohort.ends_on > today:
        return IssueSummary(IssueRefusal.NOT_FINISHED, cohort)
    async with uows(read_only=True) as uow:
        course = await uow.courses.get(cohort.course_id)
    if course is not None and course.kind is CourseKind.INTERNSHIP:
        # §30: an internship ends with the App. 6 certificate, issued on the accepted App. 5
        # reference (domain.services.internship), never with the App. 3 certificate.
        return IssueSummary(IssueRefusal.INTERNSHIP, cohort, course)
    outcomes = await decide_cohort_outcomes(uows, cohort_id, now, actor_id, assessment_over=True)
    if outcomes is None:
        return IssueSummary(IssueRefusal.NOT_FOUND)
    summary = IssueSummary(
        cohort=outcomes.cohort, course=outcomes.course, total=len(outcomes.results)
    )
    for done, result in enumerate(outcomes.results, start=1):
        await _issue_one(
            uows,
            outcomes.cohort,
            outcomes.course,
            result,
            today,
            now,
            options,
            renderer,
            actor_id,
            summary,
        )
        if progress is not None:
            await progress(done, summary.total)
    return summary


_DOCUMENT_FOR = {
    EnrollmentStatus.COMPLETED: DocumentKind.CERTIFICATE,
    EnrollmentStatus.NOT_PASSED: DocumentKind.LISTENING_REFERENCE,
}


async def _document_needed(uow: UnitOfWork, enrollment_id: int) -> DocumentKind | None:
    """The document this enrollment is owed now, or ``None`` (has it, expelled, in progress).

    Never a second certificate for an enrollment; a listener who got a reference and passed
    a §31 re-assessment later is owed a certificate, which then follows that reference."""
    enrollment = await uow.enrollments.get_by_id(enrollment_id)
    kind = _DOCUMENT_FOR.get(enrollment.status) if enrollment else None
    if kind is None:
        return None
    issued = {c.kind for c in await uow.certificates.for_enrollment(enrollment_id)}
    if DocumentKind.CERTIFICATE in issued or kind in issued:
        return None
    return kind


async def _issue_one(
    uows: UnitOfWorkFactory,
    cohort: Cohort,
    course: Course,
    result: ListenerResult,
    today: date,
    now: datetime,
    options: IssuingOptions,
    renderer: DocumentRenderer,
    actor_id: int | None,
    summary: IssueSummary,
) -> None:
    enrollment_id = result.enrollment.id
    assert enrollment_id is not None
    if result.enrollment.status is EnrollmentStatus.EXPELLED:
        summary.expelled += 1
        return
    async with uows(
        read_only=True
    ) as uow:  # a read-only look first: a re-run takes no write lock for issued ones
        needed = await _document_needed(uow, enrollment_id)
    if needed is None:
        summary.skipped += 1
        return
    async with uows() as uow:
        # The number first: it takes the write lock (SQLite) / the counter row lock
        # (PostgreSQL), so the check below cannot race another admin issuing the same cohort.
        series = REFERENCE_SERIES if needed is DocumentKind.LISTENING_REFERENCE else ""
        number = await uow.certificates.next_number(options.prefix, today.year, series)
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        if enrollment is None or await _document_needed(uow, enrollment_id) is not needed:
            summary.skipped += 1
            return  # rolled back: the number was never issued
        issuing = _Issuing(
            uow, cohort, course, result, enrollment, number, today, now, options, renderer
        )
        try:
            if needed is DocumentKind.CERTIFICATE:
                certificate = await issuing.certificate()
            else:
                certificate = await issuing.reference()
        except AlreadyIssued:  # the database's one-per-enrollment-and-kind rule
            summary.skipped += 1
            return  # rolled back: the number was never issued
        if needed is DocumentKind.CERTIFICATE:
            summary.certificates.append(certificate.number)
        else:
            summary.references.append(certificate.number)
            if result.score is None:
                summary.not_assessed += 1
        await uow.audit.record(
            AuditEntry(
                actor_id,
                f"{certificate.kind}.issue",
                "certificate",
                certificate.number,
                None,
                {
                    "person_id": certificate.person_id,
                    "enrollment_id": enrollment_id,
                    "valid_until": certificate.valid_until.isoformat()
                    if certificate.valid_until
                    else None,
                    "follows_number": certificate.follows_number,
                    "pdf_sha256": certificate.pdf_sha256,
                },
                now,
            )
        )
        await uow.commit()


@dataclass
class _Issuing:
    """One teacher's documents inside the open transaction."""

    uow: UnitOfWork
    cohort: Cohort
    course: Course
    result: ListenerResult
    enrollment: Enrollment
    number: str
    today: date
    now: datetime
    options: IssuingOptions
    renderer: DocumentRenderer

    @property
    def person(self) -> Person:
        return self.result.person

    @property
    def lang(self) -> Lang:
        """§29, App. 3–4: the body text follows the cohort's language of instruction."""
        return self.cohort.language

    @property
    def completed_on(self) -> date:
        """§33: the day the courses were completed (the deciding assessment's day), else the
        cohort's last day."""
        return self.enrollment.completed_on or self.cohort.ends_on

    @property
    def holder(self) -> str:
        return self.person.full_name or self.person.first_name

    async def _follows(self) -> str | None:
        """The earlier document this one follows: a reference of the same enrollment (§31
        re-assessment), else the last document of the cohort transferred from (§31.3)."""
        earlier = await self.uow.certificates.for_enrollment(self.enrollment.id or 0)
        if not earlier and self.enrollment.transferred_from_id is not None:
            earlier = await self.uow.certificates.for_enrollment(
                self.enrollment.transferred_from_id
            )
        return earlier[-1].number if earlier else None

    def _organization_name(self) -> str:
        """Stored with the certificate as it is printed today: verification shows it even
        after the organization is renamed."""
        organization = self.options.organization(self.lang)
        return organization.name_kk if self.lang == "kk" else organization.name_ru

    replaces: Certificate | None = None  # §33 reissue: the revoked certificate replaced

    async def _store(self, kind: DocumentKind, follows: str | None) -> Certificate:
        if self.replaces is not None:  # §33 reissue: same holder and course, a new number
            return await self.uow.certificates.add(
                Certificate(
                    number=self.number,
                    kind=kind,
                    person_id=self.replaces.person_id,
                    enrollment_id=None,  # the enrollment keeps its one (revoked) certificate
                    holder_full_name=self.replaces.holder_full_name,
                    topic=self.replaces.topic,
                    academic_hours=self.replaces.academic_hours,
                    issued_on=self.today,
                    valid_until=certificate_valid_until(self.today),
                    organization_name=self._organization_name(),
                    follows_number=self.replaces.number,  # printed "issued instead of №"
                    replaces_number=self.replaces.number,
                )
            )
        certificate = Certificate(
            number=self.number,
            kind=kind,
            person_id=self.person.id or 0,
            enrollment_id=self.enrollment.id,
            holder_full_name=self.holder,
            topic=self.course.topic(self.lang),
            academic_hours=self.course.hours,
            issued_on=self.today,
            valid_until=certificate_valid_until(self.completed_on, self.today)
            if kind is DocumentKind.CERTIFICATE
            else None,
            organization_name=self._organization_name(),
            follows_number=follows,
        )
        return await self.uow.certificates.add(certificate)

    async def _freeze(self, certificate: Certificate, kind: DocumentKind, pdf: bytes) -> None:
        """Store the PDF for good and enqueue its notice (if the teacher can be reached)."""
        stored = await self.uow.documents.save_for_certificate(
            certificate,
            kind=kind,
            lang=self.lang,
            content=pdf,
            created_at=self.now,
            file_name=f"{kind}-{certificate.number}.pdf",
        )
        if self.person.telegram_id is None or stored.id is None or certificate.id is None:
            return  # not linked to Telegram yet: /documents gives the files later
        reader = self.person.language or self.lang
        # The document is in the cohort's language; its notice is in the reader's, topic too.
        topic = self.course.topic(reader) or certificate.topic
        await self.uow.outbox.enqueue(
            document_notice(
                self.person.telegram_id,
                reader,
                stored.id,
                CAPTION_KEYS[kind],
                notice_dedup_key(certificate.id, kind),
                self.now,
                number=certificate.number,
                topic=topic,
            )
        )

    async def certificate(self) -> Certificate:
        """§29 App. 3 certificate with the §33 valid-until date and signed QR, and App. 4."""
        follows = None if self.replaces is not None else await self._follows()
        certificate = await self._store(DocumentKind.CERTIFICATE, follows)
        parsed = parse_certificate_number(certificate.number)
        assert parsed is not None and certificate.valid_until is not None
        organization = self.options.organization(self.lang)
        pdf = await self.renderer.certificate(
            CertificateDoc(
                number=certificate.number,
                holder_full_name=self.holder,
                topic=certificate.topic,
                academic_hours=certificate.academic_hours,
                issued_on=self.today,
                valid_until=certificate.valid_until,
                completed_on=self.completed_on,
                lang=self.lang,
                organization=organization,
                verification_url=self.options.qr_url(parsed),
                follows_number=certificate.follows_number,
                holder_gender=holder_gender(self.person.iin),
            )
        )
        appendix = await self.renderer.appendix(
            AppendixDoc(
                certificate_number=certificate.number,
                holder_full_name=self.holder,
                topic=certificate.topic,
                lang=self.lang,
                organization=organization,
                modules=self._module_lines(
                    await self.uow.assessments.latest(self.enrollment.id or 0)
                ),
                total_hours=certificate.academic_hours,
                issued_on=self.today,
                holder_gender=holder_gender(self.person.iin),
            )
        )
        certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        await self.uow.certificates.update(certificate)
        await self._freeze(certificate, DocumentKind.CERTIFICATE, pdf)
        await self._freeze(certificate, DocumentKind.APPENDIX, appendix)
        return certificate

    def _module_lines(self, assessment: FinalAssessment | None) -> list[ModuleLine]:
        """App. 4 rows: every module of the programme with its hours and the grade given;
        a module without a recorded grade shows the course's "passed" word (the listener
        passed the course as a whole). A course without modules gets one row: its topic."""
        grades = {g.module_id: g.grade for g in assessment.module_grades} if assessment else {}
        passed = self.renderer.passed_grade(self.lang)
        modules = sorted(self.course.modules, key=lambda m: m.position)
        if not modules:
            return [ModuleLine(self.course.topic(self.lang), self.course.hours, passed)]
        return [
            ModuleLine(m.name(self.lang), m.hours, grades.get(m.id or 0, passed)) for m in modules
        ]

    async def reference(self) -> Certificate:
        """§31 listening reference (free form) with the attendance, score and reason."""
        certificate = await self._store(DocumentKind.LISTENING_REFERENCE, None)
        result = self.result
        pdf = await self.renderer.listening_reference(
            ListeningReferenceDoc(
                number=certificate.number,
                holder_full_name=self.holder,
                topic=certificate.topic,
                academic_hours=certificate.academic_hours,
                period_start=self.cohort.starts_on,
                period_end=self.cohort.ends_on,
                sessions_attended=result.attended,
                sessions_total=result.total_sessions,
                score=result.score,
                max_score=result.max_score,
                reason_not_passed=self.renderer.reason_not_passed(
                    [str(s) for s in result.shortfalls], self.lang
                ),
                issued_on=self.today,
                lang=self.lang,
                organization=self.options.organization(self.lang),
                holder_gender=holder_gender(self.person.iin),
            )
        )
        certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        await self.uow.certificates.update(certificate)
        await self._freeze(certificate, DocumentKind.LISTENING_REFERENCE, pdf)
        return certificate


class ReissueOutcome(enum.StrEnum):
    REISSUED = "reissued"
    REFUSED = "refused"  # not a revoked certificate of an enrollment, or reissued already


@dataclass(frozen=True)
class ReissueResult:
    outcome: ReissueOutcome
    old: Certificate | None = None
    new: Certificate | None = None


async def reissue_certificate(
    uows: UnitOfWorkFactory,
    number: str,
    today: date,
    now: datetime,
    options: IssuingOptions,
    renderer: DocumentRenderer,
    actor_id: int | None,
) -> ReissueResult:
    """§33 reissue: a revoked certificate is replaced by a new number that names the one it
    replaces (printed "issued instead of № …"); verifying the old number then says "revoked
    on …, replaced by …". The holder gets the new certificate and appendix. Once per revoked
    certificate; a certificate still in force is never reissued (revoke it first)."""
    refused = ReissueResult(ReissueOutcome.REFUSED)
    async with uows() as uow:
        number_now = await uow.certificates.next_number(options.prefix, today.year)
        old = await uow.certificates.get_by_number(number)
        if (
            old is None
            or old.kind is not DocumentKind.CERTIFICATE
            or old.revoked_on is None
            or old.enrollment_id is None
            or await uow.certificates.replacement_of(old.number) is not None
        ):
            return refused  # rolled back: the number was never issued
        enrollment = await uow.enrollments.get_by_id(old.enrollment_id)
        cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
        course = await uow.courses.get(cohort.course_id) if cohort else None
        person = await uow.people.get(old.person_id)
        if enrollment is None or cohort is None or course is None or person is None:
            return refused
        result = ListenerResult(
            enrollment, person, 0, 0, None, course.max_score, Outcome.CERTIFICATE, ()
        )
        issuing = _Issuing(
            uow, cohort, course, result, enrollment, number_now, today, now, options, renderer
        )
        issuing.replaces = old
        new = await issuing.certificate()
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "certificate.reissue",
                "certificate",
                new.number,
                None,
                {"replaces": old.number, "pdf_sha256": new.pdf_sha256},
                now,
            )
        )
        await uow.commit()
    return ReissueResult(ReissueOutcome.REISSUED, old, new)


@dataclass(frozen=True)
class IssuedDocument:
    certificate: Certificate
    files: list[DocumentFile]
    checks: list[datetime] = field(default_factory=list)  # when it was verified, oldest first


async def documents_of(uows: UnitOfWorkFactory, person_id: int) -> list[IssuedDocument]:
    """A teacher's issued documents with their frozen PDFs, oldest first: re-sent as stored
    (same number, same bytes), whatever the organization's settings are today; with the
    moments each was verified (never by whom), so the holder knows an employer looked."""
    async with uows(read_only=True) as uow:
        issued = await uow.certificates.for_person(person_id)
        checks = await uow.certificates.checks_for([c.id for c in issued if c.id is not None])
        return [
            IssuedDocument(
                c, await uow.documents.list_for_certificate(c.id or 0), checks.get(c.id or 0, [])
            )
            for c in issued
        ]
