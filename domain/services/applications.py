"""§10, Appendices 1–2: open cohorts and the teacher's application to the head of their school.

App. 1 (domestic) asks: school, its head, the applicant, position, language of instruction,
signature, date. App. 2 (abroad) adds the duration (up to 3 months or up to 1 year) and the
country. School, applicant and position come from the profile; the rest is asked by the form.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, cast

from domain.courses import CourseFormat, CourseKind
from domain.documents import AbroadDuration, ApplicationDoc
from domain.model import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    Cohort,
    Course,
    Lang,
    Person,
)
from domain.ports import AlreadyApplied, UnitOfWork, UnitOfWorkFactory
from domain.services.alerts import NEW_APPLICATIONS, alert_admins
from domain.services.profile import validate_full_name
from domain.text import clean_text

__all__ = [
    "ACTIVE_STATUSES",
    "COUNTRY_MAX",
    "INSTRUCTION_LANGUAGES",
    "ApplicationDraft",
    "ApplyCheck",
    "ApplyRefusal",
    "OpenCohort",
    "application_kind",
    "check_can_apply",
    "fixed_duration",
    "my_applications",
    "open_cohorts",
    "submit_application",
]

INSTRUCTION_LANGUAGES = ("kk", "ru", "en")
COUNTRY_MAX = 100
ABROAD_DURATIONS: tuple[AbroadDuration, ...] = ("3_months", "1_year")
_STORED_DURATION: dict[str, Literal["3m", "1y"]] = {"3_months": "3m", "1_year": "1y"}

ACTIVE_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.APPROVED,
    ApplicationStatus.ENROLLED,
)
"""An application in one of these blocks a second one to the same cohort; after a rejection
or a withdrawal the teacher may apply again."""


class ApplyRefusal(enum.StrEnum):
    """Why an application is refused: message-id suffixes (``apply-refused-...``)."""

    NO_PROFILE = "no-profile"
    UNKNOWN_COHORT = "unknown-cohort"
    CLOSED = "closed"  # not open for applications, or already started
    FULL = "full"
    DUPLICATE = "duplicate"
    ALREADY_ENROLLED = "already-enrolled"
    BAD_ANSWER = "bad-answer"  # a blank of the form is missing or invalid


@dataclass(frozen=True)
class OpenCohort:
    cohort: Cohort
    course: Course
    seats_left: int


@dataclass(frozen=True)
class ApplyCheck:
    refusal: ApplyRefusal | None
    cohort: Cohort | None = None
    course: Course | None = None
    head_name_hint: str = ""  # the head named in this teacher's latest application

    @property
    def allowed(self) -> bool:
        return self.refusal is None


@dataclass
class ApplicationDraft:
    """The blanks the form asks (JSON-friendly, kept in the FSM between steps)."""

    cohort_id: int
    head_name: str
    instruction_language: str
    abroad_duration: str | None = None
    country: str = ""


@dataclass(frozen=True)
class SubmitResult:
    refusal: ApplyRefusal | None
    application: Application | None = None
    document: ApplicationDoc | None = None


def application_kind(course: Course) -> ApplicationKind:
    """§10: abroad courses (§5.3, §23 abroad kinds) are applied for with App. 2, all others
    with App. 1."""
    abroad = course.format is CourseFormat.ABROAD or course.kind in (
        CourseKind.ABROAD_SHORT,
        CourseKind.ABROAD_LONG,
    )
    return ApplicationKind.ABROAD if abroad else ApplicationKind.DOMESTIC


def fixed_duration(course: Course) -> AbroadDuration | None:
    """App. 2 asks "up to 3 months" or "up to 1 year"; §23 abroad kinds already say which
    (a short abroad course is up to 3 months, a long one up to a year): asked only otherwise."""
    if course.kind is CourseKind.ABROAD_SHORT:
        return "3_months"
    if course.kind is CourseKind.ABROAD_LONG:
        return "1_year"
    return None


async def open_cohorts(uows: UnitOfWorkFactory, today: date) -> list[OpenCohort]:
    """Cohorts open for applications, not started, with a seat left; earliest first."""
    async with uows(read_only=True) as uow:
        found = await uow.cohorts.open_for_applications(today)
        result = []
        for cohort, seats_left in found:
            course = await uow.courses.get(cohort.course_id)
            if course is not None:
                result.append(OpenCohort(cohort, course, seats_left))
    return result


async def _check(uow: UnitOfWork, person: Person, cohort_id: int, today: date) -> ApplyCheck:
    if not (person.has_consented and person.profile_complete) or person.id is None:
        return ApplyCheck(ApplyRefusal.NO_PROFILE)
    cohort = await uow.cohorts.get(cohort_id)
    course = await uow.courses.get(cohort.course_id) if cohort else None
    if cohort is None or course is None or cohort.id is None:
        return ApplyCheck(ApplyRefusal.UNKNOWN_COHORT)
    if not cohort.open_for_applications or cohort.starts_on < today:
        return ApplyCheck(ApplyRefusal.CLOSED, cohort, course)
    if await uow.enrollments.get(person.id, cohort.id) is not None:
        return ApplyCheck(ApplyRefusal.ALREADY_ENROLLED, cohort, course)
    previous = await uow.applications.for_person(person.id)
    if any(a.cohort_id == cohort.id and a.status in ACTIVE_STATUSES for a in previous):
        return ApplyCheck(ApplyRefusal.DUPLICATE, cohort, course)
    if await uow.cohorts.seats_taken(cohort.id) >= cohort.seats:
        return ApplyCheck(ApplyRefusal.FULL, cohort, course)
    hint = previous[-1].addressed_to if previous else ""
    return ApplyCheck(None, cohort, course, hint)


async def check_can_apply(
    uows: UnitOfWorkFactory, person_id: int, cohort_id: int, today: date
) -> ApplyCheck:
    """Checked before the form starts, and again on submit."""
    async with uows(read_only=True) as uow:
        person = await uow.people.get(person_id)
        if person is None:
            return ApplyCheck(ApplyRefusal.NO_PROFILE)
        return await _check(uow, person, cohort_id, today)


def _valid_draft(draft: ApplicationDraft, course: Course, cohort: Cohort) -> bool:
    """Every blank filled: the head's full name; the language of instruction — the cohort's
    own (a cohort is taught in one language, so the application must name it); for App. 2 a
    duration (the one the course kind fixes, if it does) and a country."""
    if validate_full_name(draft.head_name)[0] is not None:
        return False
    if draft.instruction_language != cohort.language:
        return False
    if application_kind(course) is ApplicationKind.DOMESTIC:
        return True
    fixed = fixed_duration(course)
    if fixed is not None and draft.abroad_duration != fixed:
        return False
    country = clean_text(draft.country).strip()
    return draft.abroad_duration in ABROAD_DURATIONS and 0 < len(country) <= COUNTRY_MAX


async def submit_application(
    uows: UnitOfWorkFactory, person_id: int, draft: ApplicationDraft, now: datetime, today: date
) -> SubmitResult:
    """§10: store the application (status SUBMITTED) and return the filled form to render."""
    async with uows() as uow:
        person = await uow.people.get(person_id)
        if person is None:
            return SubmitResult(ApplyRefusal.NO_PROFILE)
        check = await _check(uow, person, draft.cohort_id, today)
        if check.refusal is not None or check.cohort is None or check.course is None:
            return SubmitResult(check.refusal or ApplyRefusal.UNKNOWN_COHORT)
        kind = application_kind(check.course)
        if not _valid_draft(draft, check.course, check.cohort):
            return SubmitResult(ApplyRefusal.BAD_ANSWER)
        head_name = validate_full_name(draft.head_name)[1]
        abroad = kind is ApplicationKind.ABROAD
        application = Application(
            person_id=person_id,
            cohort_id=draft.cohort_id,
            kind=kind,
            addressed_to=head_name,
            language=check.cohort.language,
            abroad_duration=_STORED_DURATION[draft.abroad_duration]
            if abroad and draft.abroad_duration
            else None,
            abroad_country=clean_text(draft.country).strip() if abroad else "",
            abroad_language=draft.instruction_language if abroad else "",
            status=ApplicationStatus.SUBMITTED,
            created_at=now,
        )
        try:
            await uow.applications.add(application)
        except AlreadyApplied:  # a concurrent submit won: the database's unique index
            return SubmitResult(ApplyRefusal.DUPLICATE)
        await alert_admins(uow, NEW_APPLICATIONS, now)  # one alert per minute, batched
        await uow.commit()
    lang: Lang = person.language or "ru"
    document = ApplicationDoc(
        kind="abroad" if abroad else "domestic",
        lang=lang,
        school_name=person.school_name,
        school_head_name=head_name,
        applicant_full_name=person.full_name,
        applicant_position=person.position,
        instruction_language=draft.instruction_language,
        submitted_on=today,
        abroad_duration=cast(AbroadDuration, draft.abroad_duration) if abroad else None,
        country=clean_text(draft.country).strip() if abroad else None,
    )
    return SubmitResult(None, application, document)


async def my_applications(
    uows: UnitOfWorkFactory, person_id: int
) -> list[tuple[Application, Course]]:
    """The teacher's own applications (never anyone else's) with their courses."""
    async with uows(read_only=True) as uow:
        result = []
        for application in await uow.applications.for_person(person_id):
            cohort = await uow.cohorts.get(application.cohort_id)
            course = await uow.courses.get(cohort.course_id) if cohort else None
            if course is not None:
                result.append((application, course))
    return result
