"""§30 internship of TVET teachers: memorandum of cooperation, App. 5 reference, App. 6.

§30: "Стажировка … проводится на основании меморандума о сотрудничестве, заключенного между
Организацией … и предприятием (организацией). … По окончании стажировки педагог
предоставляет Организации заполненную предприятием (организацией) справку о прохождении
педагогом стажировки … по форме согласно приложению 5. На основании справки … Организация
выдает сертификат о прохождении стажировки по форме согласно приложению 6."
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from domain.courses import CourseKind
from domain.model import EnrollmentStatus

__all__ = [
    "APPENDIX_5_FIELDS",
    "InternshipRefusal",
    "Memorandum",
    "ReferenceFileKind",
    "ReferenceStatus",
    "ReferenceUpload",
    "internship_certificate_refusal",
    "reference_upload_refusal",
]

#: What the admin checks the uploaded reference against: the blanks of App. 5, in order.
APPENDIX_5_FIELDS = (
    "holder",  # Выдан(а) … (Ф.И.О.)
    "enterprise",  # проходил(а) стажировку на базе … (наименование предприятия)
    "period",  # с «__» … по «__» …
    "hours",  # в объеме … академических часов
    "position",  # исполнял функциональные обязанности … (наименование должности)
    "skills",  # приобрел профессиональные навыки …
    "head",  # Руководитель предприятия: Ф.И.О., подпись
    "stamp",  # Место печати (при наличии)
)


@dataclass
class Memorandum:
    """§30: the memorandum of cooperation an internship cohort rests on."""

    cohort_id: int
    number: str
    signed_on: date
    enterprise_name: str
    recorded_by: int | None = None
    recorded_at: datetime | None = None
    id: int | None = None


class ReferenceStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ReferenceFileKind(enum.StrEnum):
    PDF = "pdf"
    PHOTO = "photo"


@dataclass
class ReferenceUpload:
    """The App. 5 reference as uploaded by the teacher or an admin (a Telegram file)."""

    enrollment_id: int
    file_id: str
    file_kind: ReferenceFileKind
    uploaded_by: int | None
    uploaded_at: datetime
    status: ReferenceStatus = ReferenceStatus.PENDING
    decided_by: int | None = None
    decided_at: datetime | None = None
    note: str = ""
    id: int | None = None


class InternshipRefusal(enum.StrEnum):
    NOT_INTERNSHIP = "not-internship"  # the course is no §23 internship
    NOT_ENROLLED = "not-enrolled"  # expelled, transferred away
    ALREADY_ISSUED = "already-issued"  # the App. 6 certificate exists
    PENDING = "pending"  # a reference already waits for the admin
    NOT_PENDING = "not-pending"  # accepted or rejected already
    NO_MEMORANDUM = "no-memorandum"  # §30: no memorandum recorded for the cohort


_ACTIVE = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED)


def reference_upload_refusal(
    kind: CourseKind,
    status: EnrollmentStatus,
    certificate_issued: bool,
    pending: bool,
) -> InternshipRefusal | None:
    """§30: the reference is handed in for an internship course by a listener still on it
    (enrolled, or completed), once: not after the App. 6 certificate, not while another
    reference waits for the admin's check (a rejected one may be replaced)."""
    if kind is not CourseKind.INTERNSHIP:
        return InternshipRefusal.NOT_INTERNSHIP
    if status not in _ACTIVE:
        return InternshipRefusal.NOT_ENROLLED
    if certificate_issued:
        return InternshipRefusal.ALREADY_ISSUED
    if pending:
        return InternshipRefusal.PENDING
    return None


def internship_certificate_refusal(
    kind: CourseKind,
    status: EnrollmentStatus,
    reference: ReferenceStatus,
    certificate_issued: bool,
    has_memorandum: bool,
) -> InternshipRefusal | None:
    """§30: the App. 6 certificate is issued "на основании справки" — an accepted App. 5
    reference — for a listener of an internship course still on it, once, and only when the
    cohort's memorandum of cooperation is recorded (the internship "проводится на основании
    меморандума"). Reading: the internship has no §28 final test of its own (§28 speaks of
    short courses); the enterprise's reference is its result, so no score is required."""
    if kind is not CourseKind.INTERNSHIP:
        return InternshipRefusal.NOT_INTERNSHIP
    if status not in _ACTIVE:
        return InternshipRefusal.NOT_ENROLLED
    if certificate_issued:
        return InternshipRefusal.ALREADY_ISSUED
    if reference is not ReferenceStatus.PENDING:
        return InternshipRefusal.NOT_PENDING
    if not has_memorandum:
        return InternshipRefusal.NO_MEMORANDUM
    return None
