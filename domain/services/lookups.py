"""Read-only look-ups the screens need. Each opens a read-only unit of work, so on SQLite it
never waits for a writer; what it returns is plain domain objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.collation import name_sort_key
from domain.model import (
    Application,
    Cohort,
    Course,
    Enrollment,
    EnrollmentStatus,
    Person,
    TrainingSession,
)
from domain.names import display_name as display_name  # screens import it from here
from domain.ports import UnitOfWorkFactory

#: Listeners a results screen lists: everyone enrolled by the order who is still on the course
#: or has finished it (transferred and expelled listeners are not in the cohort any more).
ACTIVE_LISTENERS = (
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.NOT_PASSED,
    EnrollmentStatus.COMPLETED,
)


@dataclass(frozen=True)
class CohortSchedule:
    cohort: Cohort
    course: Course
    sessions: list[TrainingSession]


@dataclass(frozen=True)
class EnrollmentContext:
    enrollment: Enrollment
    cohort: Cohort
    course: Course
    person: Person


async def recent_cohorts(uows: UnitOfWorkFactory, limit: int) -> list[Cohort]:
    """The latest cohorts first (by start date): the ones an admin works with."""
    async with uows(read_only=True) as uow:
        cohorts = await uow.cohorts.list_all()
    return list(reversed(cohorts))[:limit]


async def finished_cohorts(uows: UnitOfWorkFactory, today: date) -> list[Cohort]:
    """Cohorts whose last day is ``today`` or earlier, the most recent first."""
    async with uows(read_only=True) as uow:
        cohorts = [c for c in await uow.cohorts.list_all() if c.ends_on <= today]
    cohorts.sort(key=lambda c: (c.ends_on, c.id or 0), reverse=True)
    return cohorts


async def cohort_with_course(
    uows: UnitOfWorkFactory, cohort_id: int
) -> tuple[Cohort, Course] | None:
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
    if cohort is None or course is None:
        return None
    return cohort, course


async def listeners_to_issue(uows: UnitOfWorkFactory, cohort_id: int) -> int:
    """How many listeners of the cohort an issue run looks at (all but the transferred)."""
    async with uows(read_only=True) as uow:
        enrollments = await uow.enrollments.for_cohort(cohort_id)
    return sum(1 for e in enrollments if e.status is not EnrollmentStatus.TRANSFERRED)


async def cohort_roster(
    uows: UnitOfWorkFactory, cohort_id: int
) -> tuple[Cohort | None, list[tuple[Enrollment, Person]]]:
    """The cohort's active listeners with their people, sorted by name."""
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
        if cohort is None:
            return None, []
        enrollments = [
            e for e in await uow.enrollments.for_cohort(cohort_id) if e.status in ACTIVE_LISTENERS
        ]
        people = {p.id: p for p in await uow.people.get_many([e.person_id for e in enrollments])}
    pairs = [(e, people[e.person_id]) for e in enrollments if e.person_id in people]
    pairs.sort(key=lambda pair: name_sort_key(display_name(pair[1]), cohort.language))
    return cohort, pairs


async def enrollment_holder(
    uows: UnitOfWorkFactory, enrollment_id: int
) -> tuple[Enrollment, Person] | None:
    async with uows(read_only=True) as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        person = await uow.people.get(enrollment.person_id) if enrollment else None
    if enrollment is None or person is None:
        return None
    return enrollment, person


async def application_holder(
    uows: UnitOfWorkFactory, application_id: int
) -> tuple[Application, Person] | None:
    """An application (§10) and the teacher who sent it: its state is checked before a
    decision is even asked for."""
    async with uows(read_only=True) as uow:
        application = await uow.applications.get(application_id)
        person = await uow.people.get(application.person_id) if application else None
    if application is None or person is None:
        return None
    return application, person


async def enrollment_context(
    uows: UnitOfWorkFactory, enrollment_id: int
) -> EnrollmentContext | None:
    async with uows(read_only=True) as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
        course = await uow.courses.get(cohort.course_id) if cohort else None
        person = await uow.people.get(enrollment.person_id) if enrollment else None
    if enrollment is None or cohort is None or course is None or person is None:
        return None
    return EnrollmentContext(enrollment, cohort, course, person)


async def cohort_schedule(uows: UnitOfWorkFactory, cohort_id: int) -> CohortSchedule | None:
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        sessions = await uow.sessions.for_cohort(cohort_id) if cohort and course else []
    if cohort is None or course is None:
        return None
    return CohortSchedule(cohort, course, sessions)


async def ongoing_schedules(uows: UnitOfWorkFactory, person_id: int) -> list[CohortSchedule]:
    """The schedules of the cohorts a listener is enrolled in now (those with sessions)."""
    found: list[CohortSchedule] = []
    async with uows(read_only=True) as uow:
        for enrollment in await uow.enrollments.for_person(person_id):
            if enrollment.status is not EnrollmentStatus.ENROLLED:
                continue
            cohort = await uow.cohorts.get(enrollment.cohort_id)
            course = await uow.courses.get(cohort.course_id) if cohort else None
            if cohort is None or course is None:
                continue
            sessions = await uow.sessions.for_cohort(enrollment.cohort_id)
            if sessions:
                found.append(CohortSchedule(cohort, course, sessions))
    return found


async def person_name(uows: UnitOfWorkFactory, person_id: int | None) -> str:
    """The name of a person in a short answer ("already approved by …"); "—" when unknown."""
    if person_id is None:
        return "—"
    async with uows(read_only=True) as uow:
        person = await uow.people.get(person_id)
    return display_name(person) if person is not None else "—"
