"""Documents the Rules (Order No. 95) prescribe, as plain data ready to be rendered.

Storage and use-cases build these from the database; ``bot.documents`` renders them to PDF.
Every text field holds user-supplied text *as typed*: the renderer escapes it.

Forms:

* App. 1–2 (§10)  — :class:`ApplicationDoc` (``kind="domestic"`` / ``kind="abroad"``)
* App. 3 (§29, §33) — :class:`CertificateDoc`
* App. 4 (§29)    — :class:`AppendixDoc`
* App. 5 (§30)    — :class:`EnterpriseReference`
* App. 6 (§30)    — :class:`InternshipCertificateDoc`
* §31 (free form) — :class:`ListeningReferenceDoc`
* §16, §18        — :class:`EnrollmentOrderDoc`
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

Lang = Literal["kk", "ru"]
Gender = Literal["f", "m"]
"""Only chooses the Russian verb ending ("прошла" / "прошел"); ``None`` prints "прошел(ла)"."""

InstructionLanguage = Literal["kk", "ru", "en"]
"""Language of instruction asked by App. 1–2 ("с ___ языком обучения")."""

AbroadDuration = Literal["3_months", "1_year"]
"""App. 2: "(до 3 месяцев или до 1 года) месячных (годовых) курсах"."""


def holder_gender(iin: str | None) -> Gender | None:
    """The ``Gender`` a document's Russian verbs agree with, from the holder's IIN (its 7th
    digit); ``None`` (no IIN) keeps the form's "прошел(ла)"."""
    from domain.iin import Sex, sex_from_iin

    sex = sex_from_iin(iin)
    if sex is None:
        return None
    return "m" if sex is Sex.MALE else "f"


@dataclass(frozen=True, slots=True)
class OrganizationInfo:
    """The organization that runs the courses (its official names head every form)."""

    name_kk: str
    name_ru: str
    head_name: str
    head_title_kk: str | None = None  # default: "Ұйым басшысы"
    head_title_ru: str | None = None  # default: "Руководитель организации"
    city: str | None = None
    logo_path: str | None = None  # PNG/JPEG file; None leaves the logo place empty


@dataclass(frozen=True, slots=True)
class CertificateDoc:
    """App. 3 certificate (§29); §33: signed by the head, valid 3 years, with a QR code."""

    number: str  # registration number, "<PREFIX>-<YEAR>-<6 digits>"
    holder_full_name: str
    topic: str
    academic_hours: int
    issued_on: date
    valid_until: date
    completed_on: date
    lang: Lang  # language of the course: the body text follows it
    organization: OrganizationInfo
    verification_url: str  # QR payload, printed as a QR code
    follows_number: str | None = None  # issued instead of this earlier certificate number
    holder_gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class ModuleLine:
    """One row of the App. 4 table: module of the programme, hours, grade."""

    name: str
    hours: int
    grade: str  # as the programme grades it: "зачтено", "85", "A", "сынақ"


@dataclass(frozen=True, slots=True)
class AppendixDoc:
    """App. 4 appendix to the certificate (§29)."""

    certificate_number: str
    holder_full_name: str
    topic: str
    lang: Lang
    organization: OrganizationInfo
    modules: list[ModuleLine]
    total_hours: int
    issued_on: date | None = None  # the form has "Дата выдачи"; usually the certificate's
    holder_gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class EnterpriseReference:
    """App. 5: reference the enterprise fills in after a TVET teacher's internship (§30)."""

    holder_full_name: str  # "" on a blank form: the enterprise writes it in
    enterprise_name: str
    period_start: date | None  # None: left blank for the enterprise
    period_end: date | None
    academic_hours: int | None
    position_held: str  # "исполнял функциональные обязанности ___ (наименование должности)"
    skills_acquired: str  # "приобрел профессиональные навыки ___"
    enterprise_head_name: str  # signs the reference
    lang: Lang
    program: str | None = None  # internship programme / course topic, if the enterprise names it
    assessment: str | None = None  # result, if the enterprise gives one
    supervisor_name: str | None = None  # §30: responsible employee of the enterprise
    holder_gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class InternshipCertificateDoc:
    """App. 6 internship certificate, issued on the basis of the App. 5 reference (§30)."""

    number: str
    holder_full_name: str
    topic: str
    academic_hours: int
    issued_on: date
    lang: Lang
    organization: OrganizationInfo
    enterprise_name: str | None = None  # the practice base; printed after the form's words
    memorandum: str | None = None  # §30 memorandum of cooperation, "№ 12 от 01.09.2026"
    verification_url: str | None = None  # QR, when the certificate is verifiable online
    reference: EnterpriseReference | None = None
    holder_gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class ListeningReferenceDoc:
    """§31 "справка о прослушивании курса" (free form) for those who did not pass.

    The reference lists the four options §31 gives a listener without a certificate.
    """

    number: str
    holder_full_name: str
    topic: str
    academic_hours: int
    period_start: date
    period_end: date
    sessions_attended: int
    sessions_total: int
    score: Decimal | int | float | None  # None: did not sit the final assessment
    max_score: Decimal | int | float
    reason_not_passed: str  # human text, e.g. "посещаемость ниже 80 %"
    issued_on: date
    lang: Lang
    organization: OrganizationInfo
    holder_gender: Gender | None = None


@dataclass(frozen=True, slots=True)
class ApplicationDoc:
    """App. 1 (domestic) / App. 2 (abroad) application to the head of the teacher's school (§10).

    The blanks of the forms, in order: school (name), its head (full name), applicant (full
    name), position, [App. 2: duration, country], language of instruction, signature, date.
    The forms have no blank for the course topic, format or dates, so neither has this.
    """

    kind: Literal["domestic", "abroad"]
    lang: Lang
    school_name: str
    school_head_name: str
    applicant_full_name: str
    applicant_position: str
    instruction_language: InstructionLanguage | str  # a code, or the words as the teacher typed
    submitted_on: date | None = None  # None leaves "«__» ____ 20__" blank for a handwritten date
    abroad_duration: AbroadDuration | None = None  # App. 2 only
    country: str | None = None  # App. 2 only


@dataclass(frozen=True, slots=True)
class BasisLetter:
    """§18: a letter of an education department (with a list of teachers attached)."""

    number: str
    dated: date
    department: str


@dataclass(frozen=True, slots=True)
class EnrolledTeacher:
    full_name: str
    school: str
    position: str


@dataclass(frozen=True, slots=True)
class EnrollmentOrderDoc:
    """§16, §18: order of the head of the Organization enrolling listeners on a course."""

    number: str
    dated: date
    lang: Lang
    organization: OrganizationInfo
    topic: str
    academic_hours: int
    cohort: str  # cohort (поток / ағын) name or number
    starts_on: date
    ends_on: date
    basis_letters: list[BasisLetter] = field(default_factory=list)
    teachers: list[EnrolledTeacher] = field(default_factory=list)
    #: §30: an internship cohort's practice base and memorandum of cooperation, if recorded
    internship_base: InternshipBase | None = None


@dataclass(frozen=True, slots=True)
class InternshipBase:
    """§30: the enterprise and the memorandum of cooperation the internship rests on."""

    enterprise_name: str
    memorandum_number: str
    memorandum_date: date


@dataclass(frozen=True, slots=True)
class BlankOverlayDoc:
    """§29 (2025): only the variable data of a certificate, to be printed onto the security
    blank (which carries the form itself): name, topic, hours, dates, number, QR."""

    number: str
    holder_full_name: str
    topic: str
    academic_hours: int
    issued_on: date
    valid_until: date | None
    lang: Lang
    verification_url: str


@dataclass(frozen=True, slots=True)
class FieldBox:
    """Where one variable field goes on the blank: the box's top-left corner measured from
    the sheet's top-left corner, its width and height, all in millimetres."""

    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
