"""Test data for check-in, trainer and reminder tests: people, a course, cohorts, sessions,
enrollments — stored through the repositories, so every test starts from real rows.

``build_world`` makes the usual scene: cohort A (trainer Ержан) and cohort B (trainer
Ольга) of one course, each with today's session 10:00–11:30 UTC (15:00–16:30 in Almaty) and
four more on the following days; a Russian-speaking and a Kazakh-speaking listener in A who
accepted the agreement. The default FakeClock (09:00 UTC) is one hour before the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from bot.runtime.container import Services
from domain.model import (
    Cohort,
    Course,
    CourseFormat,
    CourseKind,
    Enrollment,
    EnrollmentStatus,
    Lang,
    Person,
    Role,
    TrainingSession,
)

SESSION_START = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # 15:00 Asia/Almaty
SESSION_LENGTH = timedelta(minutes=90)
ACCEPTED_AT = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)

TRAINER_TG = 700_001
OTHER_TRAINER_TG = 700_002
TEACHER_RU_TG = 710_001
TEACHER_KK_TG = 710_002


async def add_person(
    services: Services,
    telegram_id: int | None,
    lang: Lang | None = "ru",
    full_name: str = "",
    roles: set[Role] | None = None,
) -> Person:
    async with services.uow_factory() as uow:
        person = await uow.people.add(
            Person(
                telegram_id=telegram_id,
                language=lang,
                first_name=full_name.split(" ")[-1],
                full_name=full_name,
                roles=roles if roles is not None else {Role.TEACHER},
                created_at=ACCEPTED_AT,
            )
        )
        await uow.commit()
    return person


async def add_course(
    services: Services,
    topic_ru: str = "Функциональная грамотность",
    topic_kk: str = "Функционалдық сауаттылық",
) -> Course:
    async with services.uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk=topic_kk,
                topic_ru=topic_ru,
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=36,
                max_score=100,
            )
        )
        await uow.commit()
    return course


async def add_cohort(
    services: Services, course: Course, code: str, trainer_ids: list[int], language: Lang = "ru"
) -> Cohort:
    async with services.uow_factory() as uow:
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id or 0,
                code=code,
                language=language,
                starts_on=date(2026, 11, 23),
                ends_on=date(2026, 11, 30),
                seats=30,
                trainer_ids=trainer_ids,
            )
        )
        await uow.commit()
    return cohort


async def add_sessions(
    services: Services,
    cohort: Cohort,
    starts: list[datetime],
    place: str = "ауд. 204",
    topic: str = "",
) -> list[TrainingSession]:
    async with services.uow_factory() as uow:
        sessions = await uow.sessions.add_many(
            [
                TrainingSession(
                    cohort_id=cohort.id or 0,
                    starts_at=start,
                    ends_at=start + SESSION_LENGTH,
                    place=place,
                    topic=topic,
                )
                for start in starts
            ]
        )
        await uow.commit()
    return sessions


async def enroll(
    services: Services,
    person: Person,
    cohort: Cohort,
    accepted_at: datetime | None = ACCEPTED_AT,
    status: EnrollmentStatus = EnrollmentStatus.ENROLLED,
) -> Enrollment:
    async with services.uow_factory() as uow:
        enrollment = await uow.enrollments.add(
            Enrollment(
                person_id=person.id or 0,
                cohort_id=cohort.id or 0,
                status=status,
                agreement_version="test-v1" if accepted_at else None,
                agreement_lang=person.language if accepted_at else None,
                agreement_accepted_at=accepted_at,
            )
        )
        await uow.commit()
    return enrollment


@dataclass
class World:
    course: Course
    cohort: Cohort
    other_cohort: Cohort
    sessions: list[TrainingSession]
    other_sessions: list[TrainingSession]
    trainer: Person
    other_trainer: Person
    teacher: Person
    teacher_kk: Person
    enrollments: dict[int, Enrollment] = field(default_factory=dict)  # person id → enrollment

    @property
    def session(self) -> TrainingSession:
        """Today's session of cohort A, 10:00–11:30 UTC."""
        return self.sessions[0]

    @property
    def other_session(self) -> TrainingSession:
        return self.other_sessions[0]


def daily(first: datetime, count: int) -> list[datetime]:
    return [first + timedelta(days=i) for i in range(count)]


async def build_world(services: Services, sessions: int = 5) -> World:
    trainer = await add_person(
        services, TRAINER_TG, "ru", "Ержан Тренеров", {Role.TEACHER, Role.TRAINER}
    )
    other_trainer = await add_person(
        services, OTHER_TRAINER_TG, "kk", "Ольга Басқа", {Role.TEACHER, Role.TRAINER}
    )
    teacher = await add_person(services, TEACHER_RU_TG, "ru", "Иванова Мария")
    teacher_kk = await add_person(services, TEACHER_KK_TG, "kk", "Сейітова Айгүл")
    course = await add_course(services)
    cohort = await add_cohort(services, course, "ФГ-2026-01", [trainer.id or 0])
    other = await add_cohort(services, course, "ФГ-2026-02", [other_trainer.id or 0], "kk")
    own_sessions = await add_sessions(services, cohort, daily(SESSION_START, sessions))
    other_sessions = await add_sessions(
        services, other, daily(SESSION_START, sessions), place="https://meet.example/fg2"
    )
    world = World(
        course,
        cohort,
        other,
        own_sessions,
        other_sessions,
        trainer,
        other_trainer,
        teacher,
        teacher_kk,
    )
    for person in (teacher, teacher_kk):
        world.enrollments[person.id or 0] = await enroll(services, person, cohort)
    return world
