"""Test data for the results features, set up through the repositories."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from domain.courses import CourseFormat, CourseKind
from domain.iin import Sex, make_iin
from domain.model import (
    Attendance,
    AttendanceMethod,
    Cohort,
    Consultation,
    Course,
    CourseModule,
    Enrollment,
    EnrollmentStatus,
    Lang,
    Person,
    Request,
    RequestKind,
    Role,
    SupportKind,
    TrainingSession,
)

ADMIN_TG, TEACHER_TG, TRAINER_TG, STRANGER_TG = 900_001, 810_001, 820_001, 830_001
AGREED_AT = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def iin(serial: int) -> str:
    for extra in range(10):
        try:
            return make_iin(date(1980, 1, 1) + timedelta(days=serial), Sex.FEMALE, 100 + extra)
        except ValueError:
            continue
    raise AssertionError("no valid IIN")


@dataclass
class World:
    course: Course
    cohort: Cohort
    sessions: list[TrainingSession]
    teachers: list[Person] = field(default_factory=list)
    enrollments: list[Enrollment] = field(default_factory=list)
    trainer: Person | None = None


async def add_person(
    uow_factory: Any,
    telegram_id: int | None,
    name: str,
    *,
    roles: set[Role] | None = None,
    lang: Lang | None = "ru",
    serial: int = 0,
    employer: str = "",
) -> Person:
    async with uow_factory() as uow:
        person = await uow.people.add(
            Person(
                telegram_id=telegram_id,
                language=lang,
                first_name=name.split()[0],
                full_name=name,
                iin=iin(serial) if serial else None,
                phone="+77010000000",
                position="учитель математики",
                school_name="Школа-гимназия № 7",
                employer_contact=employer,
                roles=roles or {Role.TEACHER},
                consent_version="1",
                consent_at=AGREED_AT,
            )
        )
        await uow.commit()
    return person


async def make_world(
    uow_factory: Any,
    *,
    sessions: int = 5,
    max_score: int = 100,
    teachers: int = 2,
    ends_on: date = date(2026, 11, 20),
) -> World:
    """A 72-hour course with two modules, a cohort of ``sessions`` sessions, a trainer and
    ``teachers`` enrolled listeners who accepted the agreement."""
    trainer = await add_person(uow_factory, TRAINER_TG, "Серік Тренеров", roles={Role.TRAINER})
    async with uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Функционалдық сауаттылық",
                topic_ru="Функциональная грамотность",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=72,
                max_score=max_score,
                modules=[
                    CourseModule("Бағалау", "Оценивание", 36, 0),
                    CourseModule("Жоспарлау", "Планирование", 36, 1),
                ],
                grading_scale="five_point",
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code="FG-2026-11",
                language="ru",
                starts_on=ends_on - timedelta(days=18),
                ends_on=ends_on,
                seats=30,
                trainer_ids=[trainer.id],
            )
        )
        start = datetime.combine(cohort.starts_on, datetime.min.time(), tzinfo=UTC)
        planned = [
            await uow.sessions.add(
                TrainingSession(
                    cohort_id=cohort.id,
                    starts_at=start + timedelta(days=i, hours=9),
                    ends_at=start + timedelta(days=i, hours=11),
                )
            )
            for i in range(sessions)
        ]
        await uow.commit()
    world = World(course, cohort, planned, trainer=trainer)
    for n in range(teachers):
        person = await add_person(
            uow_factory,
            TEACHER_TG + n,
            f"Айгүл Тестова {n + 1}",
            serial=n + 1,
            employer=f"hr{n}@school7.kz",
        )
        world.teachers.append(person)
        world.enrollments.append(await enroll(uow_factory, person, cohort))
    return world


async def enroll(
    uow_factory: Any,
    person: Person,
    cohort: Cohort,
    *,
    agreed: bool = True,
    status: EnrollmentStatus = EnrollmentStatus.ENROLLED,
) -> Enrollment:
    async with uow_factory() as uow:
        enrollment = await uow.enrollments.add(
            Enrollment(
                person_id=person.id,
                cohort_id=cohort.id,
                status=status,
                agreement_version="1" if agreed else None,
                agreement_lang="ru" if agreed else None,
                agreement_accepted_at=AGREED_AT if agreed else None,
            )
        )
        await uow.commit()
    return enrollment


async def attend(uow_factory: Any, enrollment: Enrollment, sessions: list[TrainingSession]) -> None:
    async with uow_factory() as uow:
        for session in sessions:
            await uow.attendance.add(
                Attendance(
                    enrollment_id=enrollment.id,
                    session_id=session.id,
                    checked_in_at=session.starts_at,
                    method=AttendanceMethod.CODE,
                )
            )
        await uow.commit()


async def add_request(
    uow_factory: Any,
    enrollment: Enrollment,
    kind: RequestKind,
    *,
    target: Cohort | None = None,
    files: list[str] | None = None,
    reason: str = "болезнь",
) -> Request:
    async with uow_factory() as uow:
        request = await uow.requests.add(
            Request(
                person_id=enrollment.person_id,
                enrollment_id=enrollment.id,
                kind=kind,
                reason=reason,
                target_cohort_id=target.id if target else None,
                document_file_ids=files or [],
                created_at=AGREED_AT,
            )
        )
        await uow.commit()
    return request


async def add_consultation(
    uow_factory: Any,
    enrollment: Enrollment,
    *,
    trainer_id: int | None,
    created_at: datetime = AGREED_AT,
    kind: SupportKind = SupportKind.CONSULTATION,
    question: str = "Как оценивать <эссе>?",
) -> Consultation:
    async with uow_factory() as uow:
        consultation = await uow.consultations.add(
            Consultation(
                person_id=enrollment.person_id,
                enrollment_id=enrollment.id,
                kind=kind,
                question=question,
                trainer_id=trainer_id,
                created_at=created_at,
            )
        )
        await uow.commit()
    return consultation


async def outbox(uow_factory: Any, dedup_key: str) -> Any:
    async with uow_factory() as uow:
        return await uow.outbox.get_by_dedup_key(dedup_key)


async def audit_for(uow_factory: Any, entity: str, entity_id: Any) -> list[Any]:
    async with uow_factory() as uow:
        return await uow.audit.for_entity(entity, str(entity_id))


async def enrollment(uow_factory: Any, enrollment_id: int | None) -> Enrollment:
    async with uow_factory() as uow:
        found = await uow.enrollments.get_by_id(enrollment_id)
    assert found is not None
    return found
