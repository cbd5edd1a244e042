"""Shared steps of the teacher's tests: a consented teacher with a complete profile."""

from __future__ import annotations

from datetime import date

from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup, ReplyKeyboardMarkup, User

from bot.dev.testing import Harness, button_data, make_user
from bot.runtime.container import Services
from domain.iin import Sex, make_iin
from domain.model import Person

IIN_AIGUL = make_iin(date(1990, 1, 1), Sex.FEMALE, 123)
IIN_IVAN = make_iin(date(1985, 5, 20), Sex.MALE, 77)


def buttons(request: object) -> list[tuple[str, str | None]]:
    markup = getattr(request, "reply_markup", None)
    if isinstance(markup, InlineKeyboardMarkup):
        return [(b.text, b.callback_data) for row in markup.inline_keyboard for b in row]
    if isinstance(markup, ReplyKeyboardMarkup):
        return [(b.text, None) for row in markup.keyboard for b in row]
    return []


def last_message(sent: list) -> SendMessage:
    return [r for r in sent if isinstance(r, SendMessage)][-1]


async def stored(services: Services, telegram_id: int) -> Person | None:
    async with services.uow_factory() as uow:
        return await uow.people.get_by_telegram_id(telegram_id)


async def start(harness: Harness, user_id: int, lang: str) -> User:
    user = make_user(user_id, language_code=lang, first_name="Айгүл")
    await harness.send(user, "/start")
    await harness.press(user, f"lang:{lang}")
    return user


async def registered_teacher(
    harness: Harness,
    user_id: int,
    lang: str,
    iin: str = IIN_AIGUL,
    name: str = "Сейтқалиева Айгүл Нұрланқызы",
) -> User:
    """/start → language → consent → a complete, confirmed profile."""
    user = await start(harness, user_id, lang)
    await harness.send(user, "/profile")
    await harness.press(user, "tcons:yes")
    await harness.send(user, name)
    await harness.send(user, iin)
    await harness.send_contact(user, "+7 701 123 45 67")
    await harness.send(user, "учитель математики")
    await harness.send(user, "№ 12 мектеп-гимназия, Астана")
    sent = await harness.send(user, "hr@school12.kz")
    await harness.press(user, button_data(sent, "✅"))
    return user


async def make_cohort(
    services: Services,
    *,
    code: str = "A-01",
    language: str = "kk",
    seats: int = 25,
    starts_on: date = date(2026, 12, 7),
    ends_on: date = date(2026, 12, 18),
    abroad: bool = False,
    open_for_applications: bool = True,
    trainer_ids: list[int] | None = None,
    topic: tuple[str, str] = (
        "Жаңартылған білім беру мазмұны",
        "Обновлённое содержание образования",
    ),
) -> int:
    from domain.courses import CourseFormat, CourseKind
    from domain.model import Cohort, Course

    async with services.uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk=topic[0],
                topic_ru=topic[1],
                kind=CourseKind.ABROAD_SHORT if abroad else CourseKind.SHORT,
                format=CourseFormat.ABROAD if abroad else CourseFormat.WITHOUT_LEAVE,
                hours=72,
                max_score=100,
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code=code,
                language=language,
                starts_on=starts_on,
                ends_on=ends_on,
                seats=seats,
                trainer_ids=trainer_ids or [],
                open_for_applications=open_for_applications,
            )
        )
        await uow.commit()
    return cohort.id


async def enroll(
    services: Services,
    telegram_id: int,
    cohort_id: int,
    *,
    sessions: int = 10,
    past: int = 4,
    attended: int = 3,
    status: str = "enrolled",
    accepted: bool = False,
    **fields: object,
) -> int:
    """Enroll the teacher; ``sessions`` daily sessions, the first ``past`` before 'now'
    (2026-11-23 09:00 UTC), ``attended`` of them checked in."""
    from datetime import UTC, datetime, timedelta

    from domain.model import (
        Attendance,
        AttendanceMethod,
        Enrollment,
        EnrollmentStatus,
        TrainingSession,
    )

    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        enrollment = await uow.enrollments.add(
            Enrollment(
                person_id=person.id,
                cohort_id=cohort_id,
                status=EnrollmentStatus(status),
                agreement_version="v" if accepted else None,
                agreement_lang="kk" if accepted else None,
                agreement_accepted_at=now - timedelta(days=30) if accepted else None,
                **fields,
            )
        )
        first = now - timedelta(days=past) + timedelta(hours=1)
        planned = await uow.sessions.add_many(
            [
                TrainingSession(
                    cohort_id=cohort_id,
                    starts_at=first + timedelta(days=i),
                    ends_at=first + timedelta(days=i, hours=2),
                )
                for i in range(sessions)
            ]
        )
        for session in planned[:attended]:
            await uow.attendance.add(
                Attendance(
                    enrollment_id=enrollment.id,
                    session_id=session.id,
                    checked_in_at=session.starts_at,
                    method=AttendanceMethod.CODE,
                )
            )
        await uow.commit()
    return enrollment.id


async def sibling_cohort(
    services: Services,
    cohort_id: int,
    *,
    code: str,
    starts_on: date,
    ends_on: date,
    trainer_ids: list[int] | None = None,
) -> int:
    """Another cohort of the same course."""
    from domain.model import Cohort

    async with services.uow_factory() as uow:
        first = await uow.cohorts.get(cohort_id)
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=first.course_id,
                code=code,
                language=first.language,
                starts_on=starts_on,
                ends_on=ends_on,
                seats=25,
                trainer_ids=trainer_ids or [],
            )
        )
        await uow.commit()
    return cohort.id
