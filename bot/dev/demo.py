"""Demo data for the sandbox and for trying the bot: fictional people, one organization.

All names, IINs and phones are invented (IINs are made valid with `domain.iin.make_iin`).
Loading twice changes nothing: the data is keyed by the demo course's topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.config import Settings
from domain.courses import CourseFormat, CourseKind
from domain.iin import Sex, make_iin
from domain.model import (
    Cohort,
    Course,
    CourseModule,
    Enrollment,
    Lang,
    Person,
    Role,
    School,
    TrainingSession,
)
from domain.ports import UnitOfWork

DEMO_TOPIC_RU = "Цифровая грамотность и искусственный интеллект в образовании"
DEMO_TOPIC_KK = "Цифрлық сауаттылық және білім берудегі жасанды интеллект"


@dataclass(frozen=True)
class Persona:
    """A person the sandbox page offers to play."""

    telegram_id: int
    first_name: str
    full_name: str
    role: str  # teacher | trainer | admin | anonymous
    language: Lang


ADMIN = Persona(700001, "Сәуле", "Сәуле Қанатқызы Әбілова", "admin", "kk")
TRAINERS = (
    Persona(700101, "Ерлан", "Ерлан Болатұлы Жақыпов", "trainer", "kk"),
    Persona(700102, "Ольга", "Ольга Викторовна Ким", "trainer", "ru"),
)
TEACHERS = (
    Persona(700201, "Айгүл", "Айгүл Нұрланқызы Серікбаева", "teacher", "kk"),
    Persona(700202, "Дмитрий", "Дмитрий Сергеевич Попов", "teacher", "ru"),
    Persona(700203, "Мөлдір", "Мөлдір Ғаниқызы Оразова", "teacher", "kk"),
    Persona(700204, "Наталья", "Наталья Андреевна Иванова", "teacher", "ru"),
    Persona(700205, "Ұлан", "Ұлан Әсетұлы Тоқтаров", "teacher", "kk"),
)
NEWCOMER = Persona(700301, "Гүлнар", "", "anonymous", "kk")
PERSONAS = (ADMIN, *TRAINERS, *TEACHERS, NEWCOMER)

SCHOOLS = (
    School(
        name="№ 12 жалпы білім беретін мектеп, Астана",
        head_name="Бақыт Төлеуқызы Омарова",
        region="Астана",
        employer_contact="school12@example.kz",
    ),
    School(
        name="Школа-гимназия № 7, Караганда",
        head_name="Игорь Петрович Левченко",
        region="Карагандинская область",
        employer_contact="gym7@example.kz",
    ),
)


def demo_iin(birth_date: date, sex: Sex, serial: int) -> str:
    """A valid IIN; a serial whose check digit cannot be made is skipped (see make_iin)."""
    while True:
        try:
            return make_iin(birth_date, sex, serial)
        except ValueError:
            serial += 1


def _session_times(day: date, start: time, hours: int, tz: ZoneInfo) -> tuple[datetime, datetime]:
    starts = datetime.combine(day, start, tzinfo=tz)
    return starts, starts + timedelta(minutes=45 * hours + 15 * (hours - 1))


async def load_demo_data(settings: Settings, now: datetime | None = None) -> str:
    """Fill the database configured in `settings`; returns a one-paragraph summary."""
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade_database
    from storage.uow import SqlAlchemyUnitOfWork

    await upgrade_database(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        uow = SqlAlchemyUnitOfWork(create_session_factory(engine))
        return await fill(uow, settings, now or datetime.now(UTC))
    finally:
        await engine.dispose()


def _id(added: Person | Course | Cohort) -> int:
    """The id the repository gave a row it has just added."""
    assert added.id is not None
    return added.id


async def fill(uow: UnitOfWork, settings: Settings, now: datetime) -> str:
    tz = settings.tz
    today = now.astimezone(tz).date()
    async with uow:
        if await uow.courses.find_by_topic(DEMO_TOPIC_RU) is not None:
            return "demo data is already loaded"
        schools = [await uow.schools.add(school) for school in SCHOOLS]

        async def person(persona: Persona, roles: set[Role]) -> Person:
            return await uow.people.add(
                Person(
                    telegram_id=persona.telegram_id,
                    first_name=persona.first_name,
                    full_name=persona.full_name,
                    language=persona.language,
                    roles=roles,
                    created_at=now,
                )
            )

        admin = await person(ADMIN, {Role.ADMIN, Role.TEACHER})
        trainers = [await person(p, {Role.TRAINER, Role.TEACHER}) for p in TRAINERS]
        teachers: list[Person] = []
        for index, persona in enumerate(TEACHERS):
            school = schools[index % len(schools)]
            teacher = await person(persona, {Role.TEACHER})
            female = persona.full_name.split()[1].endswith(("қызы", "вна"))
            teacher.iin = demo_iin(
                date(1985 + index, 3 + index, 10 + index),
                Sex.FEMALE if female else Sex.MALE,
                1000 + 10 * index,
            )
            teacher.phone = f"+7701555{index:04d}"
            teacher.position = "мұғалім" if persona.language == "kk" else "учитель"
            teacher.school_id = school.id
            teacher.school_name = school.name
            teacher.employer_contact = school.employer_contact
            teacher.consent_version = "2026-1"
            teacher.consent_at = now
            teachers.append(await uow.people.update(teacher))

        course = await uow.courses.add(
            Course(
                topic_kk=DEMO_TOPIC_KK,
                topic_ru=DEMO_TOPIC_RU,
                kind=CourseKind.SHORT,
                format=CourseFormat.COMBINED,
                hours=72,
                max_score=100,
                modules=[
                    CourseModule(
                        "Цифрлық білім беру ортасы",
                        "Цифровая образовательная среда",
                        24,
                        position=1,
                    ),
                    CourseModule(
                        "Жасанды интеллект құралдары",
                        "Инструменты искусственного интеллекта",
                        24,
                        position=2,
                    ),
                    CourseModule("Сабақты жобалау", "Проектирование урока", 24, position=3),
                ],
            )
        )
        running = await uow.cohorts.add(
            Cohort(
                course_id=_id(course),
                code="ЦСЖИ-2026-01",
                language="kk",
                starts_on=today - timedelta(days=3),
                ends_on=today + timedelta(days=4),
                seats=30,
                trainer_ids=[_id(t) for t in trainers],
                open_for_applications=False,
            )
        )
        upcoming = await uow.cohorts.add(
            Cohort(
                course_id=_id(course),
                code="ЦГИИ-2026-02",
                language="ru",
                starts_on=today + timedelta(days=14),
                ends_on=today + timedelta(days=21),
                seats=25,
                trainer_ids=[_id(trainers[1])],
                open_for_applications=True,
            )
        )
        local_now = now.astimezone(tz)
        sessions = 0
        for offset in range(-3, 5):
            day = today + timedelta(days=offset)
            if offset == 0:
                starts = [
                    (local_now - timedelta(minutes=10)).time().replace(second=0, microsecond=0),
                    time(17, 0),
                ]
            else:
                starts = [time(10, 0), time(14, 0)]
            for start in starts:
                begins, ends = _session_times(day, start, 4, tz)
                await uow.sessions.add(
                    TrainingSession(
                        cohort_id=_id(running),
                        starts_at=begins,
                        ends_at=ends,
                        academic_hours=4,
                        place="ауд. 204" if offset % 2 else "https://meet.example.kz/demo",
                    )
                )
                sessions += 1
        # the whole course (§23: 8 days × (4 + 5) = 72 academic hours), so its order can be issued
        for day_offset in range(8):
            for start, hours in ((time(10, 0), 4), (time(14, 0), 5)):
                begins, ends = _session_times(
                    upcoming.starts_on + timedelta(days=day_offset), start, hours, tz
                )
                await uow.sessions.add(
                    TrainingSession(
                        cohort_id=_id(upcoming),
                        starts_at=begins,
                        ends_at=ends,
                        academic_hours=hours,
                        place="ауд. 101",
                    )
                )
        for index, teacher in enumerate(teachers):
            enrollment = Enrollment(person_id=_id(teacher), cohort_id=_id(running))
            if index < 3:
                enrollment.agreement_version = "2026-1"
                enrollment.agreement_lang = teacher.language
                enrollment.agreement_accepted_at = now - timedelta(days=3)
            await uow.enrollments.add(enrollment)
        await uow.commit()
    return (
        f"demo data loaded: admin {admin.telegram_id}, trainers "
        f"{', '.join(str(t.telegram_id) for t in trainers)}, {len(teachers)} teachers, "
        f"course «{DEMO_TOPIC_RU}», cohorts {running.code} (running, {sessions} sessions) "
        f"and {upcoming.code} (open for applications)"
    )
