"""An internship course (§23, §30) with a cohort and one enrolled TVET teacher."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from domain.courses import CourseFormat, CourseKind
from domain.iin import Sex, make_iin
from domain.model import Cohort, Course, Enrollment, Lang, Person, Role

TEACHER_TG = 810_501
AGREED_AT = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def iin_of(sex: Sex) -> str:
    for serial in range(100, 120):
        with contextlib.suppress(ValueError):
            return make_iin(date(1985, 3, 4), sex, serial)
    raise AssertionError("no valid IIN")


@dataclass
class Internship:
    course: Course
    cohort: Cohort
    teacher: Person
    enrollment: Enrollment


async def make_internship(
    uow_factory: Any,
    *,
    cohort_lang: Lang = "ru",
    teacher_lang: Lang = "ru",
    sex: Sex = Sex.MALE,
    name: str = "Сергей Иванович Ким",
) -> Internship:
    async with uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Машина жасаудағы заманауи технологиялар",
                topic_ru="Современные технологии в машиностроении",
                kind=CourseKind.INTERNSHIP,
                format=CourseFormat.WITH_LEAVE,
                hours=72,
                max_score=100,
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id or 0,
                code="СТЖ-2026-11",
                language=cohort_lang,
                starts_on=date(2026, 11, 2),
                ends_on=date(2026, 11, 20),
                seats=20,
            )
        )
        teacher = await uow.people.add(
            Person(
                telegram_id=TEACHER_TG,
                language=teacher_lang,
                first_name=name.split()[0],
                full_name=name,
                iin=iin_of(sex),
                phone="+77010000001",
                position="мастер производственного обучения",
                school_name="Павлодарский машиностроительный колледж",
                roles={Role.TEACHER},
                consent_version="1",
                consent_at=AGREED_AT,
            )
        )
        enrollment = await uow.enrollments.add(
            Enrollment(
                person_id=teacher.id or 0,
                cohort_id=cohort.id or 0,
                agreement_version="1",
                agreement_lang=cohort_lang,
                agreement_accepted_at=AGREED_AT,
            )
        )
        await uow.commit()
    return Internship(course, cohort, teacher, enrollment)
