"""Bulk inserts for imported lists: ids assigned in order, roles kept, duplicates refused."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.courses import CourseFormat, CourseKind
from domain.model import Cohort, Course, Enrollment, Person, Role
from domain.ports import AlreadyEnrolled, DuplicatePerson

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def test_add_many_people_and_places(uow_factory) -> None:
    people = [
        Person(
            telegram_id=None,
            full_name=f"Тыңдаушы {n}",
            iin=f"{n:012d}",
            phone=f"+7701{n:07d}",
            roles={Role.TEACHER},
            created_at=NOW,
        )
        for n in range(1, 1201)
    ]
    async with uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Курс",
                topic_ru="Курс",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=36,
                max_score=100,
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code="C",
                language="kk",
                starts_on=date(2026, 12, 1),
                ends_on=date(2026, 12, 5),
                seats=2000,
            )
        )
        await uow.people.add_many(people)
        await uow.enrollments.add_many(
            [Enrollment(person_id=p.id, cohort_id=cohort.id) for p in people]
        )
        await uow.commit()
    async with uow_factory() as uow:
        found = await uow.people.get_many_by_iin([p.iin for p in people])
        assert len(found) == 1200
        assert found["000000000007"].id == people[6].id
        assert found["000000000007"].full_name == "Тыңдаушы 7"
        assert found["000000000007"].roles == {Role.TEACHER}
        assert await uow.enrollments.person_ids_in_cohort(cohort.id) == {p.id for p in people}
        with pytest.raises(DuplicatePerson):
            await uow.people.add_many(
                [Person(telegram_id=None, iin="000000000007", created_at=NOW)]
            )
        with pytest.raises(AlreadyEnrolled):
            await uow.enrollments.add_many(
                [Enrollment(person_id=people[0].id, cohort_id=cohort.id)]
            )
