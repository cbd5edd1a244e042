"""Entities of the course lifecycle, named as the Rules and the glossary name them.

Plain dataclasses: storage maps them to tables, handlers render them, rules decide on them.
Enums that belong to a single rule live next to that rule (``courses``, ``assessment``,
``requests_rules``, ``post_course``, ``validity``) and are re-exported here for convenience.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any, Literal

from domain.assessment import Outcome
from domain.courses import CourseFormat, CourseKind
from domain.post_course import SupportKind
from domain.requests_rules import RequestKind
from domain.validity import CertificateStatus

Lang = Literal["kk", "ru"]
LANGUAGES: tuple[Lang, ...] = ("kk", "ru")

__all__ = [
    "LANGUAGES",
    "Application",
    "ApplicationKind",
    "ApplicationStatus",
    "Attendance",
    "AttendanceMethod",
    "AuditEntry",
    "Certificate",
    "CertificateStatus",
    "Cohort",
    "Consultation",
    "ConsultationStatus",
    "Course",
    "CourseFormat",
    "CourseKind",
    "CourseModule",
    "DocumentKind",
    "Enrollment",
    "EnrollmentOrder",
    "EnrollmentStatus",
    "FinalAssessment",
    "Lang",
    "ModuleGrade",
    "OutboxMessage",
    "OutboxStatus",
    "Outcome",
    "Person",
    "Request",
    "RequestKind",
    "RequestStatus",
    "Role",
    "School",
    "SupportKind",
    "TrainingSession",
]


class Role(enum.StrEnum):
    TEACHER = "teacher"
    TRAINER = "trainer"
    ADMIN = "admin"


@dataclass
class School:
    """Organization of education (білім беру ұйымы) where a teacher works; the employer."""

    name: str
    head_name: str = ""
    region: str = ""
    employer_contact: str = ""
    id: int | None = None


@dataclass
class Person:
    """Anyone who talks to the bot; a teacher (listener) once the profile is filled."""

    telegram_id: int | None
    language: Lang | None = None
    first_name: str = ""
    username: str | None = None
    full_name: str = ""
    iin: str | None = None
    phone: str | None = None
    position: str = ""
    school_id: int | None = None
    school_name: str = ""
    employer_contact: str = ""
    roles: set[Role] = field(default_factory=set)
    consent_version: str | None = None
    consent_at: datetime | None = None
    unreachable_since: datetime | None = None
    deletion_requested_at: datetime | None = None
    created_at: datetime | None = None
    id: int | None = None

    @property
    def has_consented(self) -> bool:
        return self.consent_at is not None

    @property
    def profile_complete(self) -> bool:
        return bool(
            self.full_name
            and self.iin
            and self.phone
            and self.position
            and (self.school_id or self.school_name)
        )

    def has_role(self, role: Role) -> bool:
        return role in self.roles


@dataclass
class CourseModule:
    """A module of the course programme (бағдарлама модулі) with its academic hours."""

    name_kk: str
    name_ru: str
    hours: int
    position: int = 0
    id: int | None = None

    def name(self, lang: Lang) -> str:
        return self.name_kk if lang == "kk" else self.name_ru


@dataclass
class Course:
    """A professional-development course (§5 format, §23 kind and hours)."""

    topic_kk: str
    topic_ru: str
    kind: CourseKind
    format: CourseFormat
    hours: int
    max_score: int
    languages: tuple[Lang, ...] = ("kk", "ru")
    distance: bool = False
    duration_days: int | None = None
    modules: list[CourseModule] = field(default_factory=list)
    grading_scale: str = "pass_fail"  # domain.grading.GradingScale: module grades of App. 4
    id: int | None = None

    def topic(self, lang: Lang) -> str:
        return self.topic_kk if lang == "kk" else self.topic_ru


@dataclass
class Cohort:
    """A group of listeners taking one course together (ағын / поток)."""

    course_id: int
    code: str
    language: Lang
    starts_on: date
    ends_on: date
    seats: int
    trainer_ids: list[int] = field(default_factory=list)
    open_for_applications: bool = True
    id: int | None = None


@dataclass
class TrainingSession:
    """One scheduled class (сабақ / занятие) of a cohort."""

    cohort_id: int
    starts_at: datetime
    ends_at: datetime
    academic_hours: int = 2
    place: str = ""
    topic: str = ""
    id: int | None = None

    def local_day(self, tz: tzinfo) -> date:
        """The session's calendar day in the organization's time zone (not UTC's)."""
        return self.starts_at.astimezone(tz).date()

    @property
    def start_time(self) -> time:
        return self.starts_at.timetz()


class ApplicationKind(enum.StrEnum):
    DOMESTIC = "domestic"  # Appendix 1
    ABROAD = "abroad"  # Appendix 2


class ApplicationStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    ENROLLED = "enrolled"
    WITHDRAWN = "withdrawn"


@dataclass
class Application:
    """§10: an application (өтініш) on the form of Appendix 1 or 2."""

    person_id: int
    cohort_id: int
    kind: ApplicationKind
    addressed_to: str  # head of the teacher's own school
    language: Lang  # language of instruction
    abroad_duration: Literal["3m", "1y"] | None = None
    abroad_country: str = ""
    abroad_language: str = ""
    status: ApplicationStatus = ApplicationStatus.SUBMITTED
    reject_reason: str = ""
    created_at: datetime | None = None
    decided_at: datetime | None = None
    id: int | None = None


@dataclass
class EnrollmentOrder:
    """§16, §18: the head's order enrolling listeners, based on education departments' letters."""

    number: str
    issued_on: date
    cohort_id: int
    basis_letter_number: str
    basis_letter_date: date
    basis_department: str = ""  # the department's name in Russian (or as typed, if only one)
    created_by: int | None = None
    basis_department_kk: str = ""  # the department's name in Kazakh
    id: int | None = None


class EnrollmentStatus(enum.StrEnum):
    ENROLLED = "enrolled"
    COMPLETED = "completed"  # passed: certificate
    NOT_PASSED = "not_passed"  # listening reference
    EXPELLED = "expelled"
    TRANSFERRED = "transferred"


@dataclass
class Enrollment:
    """A listener's place in a cohort, with the §24 agreement acceptance and the outcome."""

    person_id: int
    cohort_id: int
    order_id: int | None = None
    status: EnrollmentStatus = EnrollmentStatus.ENROLLED
    agreement_version: str | None = None
    agreement_lang: Lang | None = None
    agreement_accepted_at: datetime | None = None
    expelled_reason: str = ""
    expulsion_order: str = ""
    completed_on: date | None = None
    transferred_from_id: int | None = None
    id: int | None = None

    @property
    def agreement_accepted(self) -> bool:
        return self.agreement_accepted_at is not None


class AttendanceMethod(enum.StrEnum):
    CODE = "code"
    QR = "qr"
    MANUAL = "manual"


@dataclass
class Attendance:
    enrollment_id: int
    session_id: int
    checked_in_at: datetime
    method: AttendanceMethod
    marked_by: int | None = None
    reason: str = ""
    id: int | None = None


@dataclass
class ModuleGrade:
    module_id: int
    grade: str


@dataclass
class FinalAssessment:
    """§28: the final assessment (or a §31 re-assessment) of one listener."""

    enrollment_id: int
    score: int
    max_score: int
    assessed_on: date
    is_reassessment: bool = False
    module_grades: list[ModuleGrade] = field(default_factory=list)
    id: int | None = None
    with_next_cohort: bool = False  # §31.2: taken with the next cohort (not §31.1)


class DocumentKind(enum.StrEnum):
    CERTIFICATE = "certificate"
    APPENDIX = "appendix"
    LISTENING_REFERENCE = "listening_reference"
    INTERNSHIP_CERTIFICATE = "internship_certificate"
    APPLICATION = "application"
    ENROLLMENT_ORDER = "enrollment_order"


@dataclass
class Certificate:
    """§29, §33: an issued document with a registration number; its PDF is frozen."""

    number: str
    kind: DocumentKind
    person_id: int
    enrollment_id: int | None
    holder_full_name: str
    topic: str
    academic_hours: int
    issued_on: date
    valid_until: date | None
    organization_name: str = ""
    revoked_on: date | None = None
    revoke_reason: str = ""
    follows_number: str | None = None
    pdf_sha256: str = ""
    replaces_number: str | None = None  # §33 reissue: the revoked certificate replaced
    id: int | None = None


class RequestStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


@dataclass
class Request:
    """§31: re-assessment, re-assessment with the next cohort, transfer, finishing."""

    person_id: int
    enrollment_id: int
    kind: RequestKind
    reason: str = ""
    target_cohort_id: int | None = None
    document_file_ids: list[str] = field(default_factory=list)
    status: RequestStatus = RequestStatus.PENDING
    decision_note: str = ""
    decided_by: int | None = None
    created_at: datetime | None = None
    decided_at: datetime | None = None
    id: int | None = None


class ConsultationStatus(enum.StrEnum):
    OPEN = "open"
    ANSWERED = "answered"


@dataclass
class Consultation:
    """§36–37: a post-course support request routed to a trainer of the course."""

    person_id: int
    enrollment_id: int
    kind: SupportKind
    question: str
    trainer_id: int | None = None
    answer: str = ""
    status: ConsultationStatus = ConsultationStatus.OPEN
    created_at: datetime | None = None
    answered_at: datetime | None = None
    id: int | None = None


@dataclass
class AuditEntry:
    actor_id: int | None
    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    at: datetime | None = None
    id: int | None = None


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # gave up: blocked user, permanent error


@dataclass
class OutboxMessage:
    """A message to deliver later: reminders, notices, documents. Claimed, sent, marked done."""

    chat_id: int
    kind: str
    payload: dict[str, Any]
    dedup_key: str
    not_before: datetime
    status: OutboxStatus = OutboxStatus.PENDING
    attempts: int = 0
    last_error: str = ""
    sent_at: datetime | None = None
    id: int | None = None
