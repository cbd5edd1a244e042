"""Applications, enrollment orders, enrollments, attendance and final assessments."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from domain.model import (
    Application,
    ApplicationKind,
    ApplicationStatus,
    Attendance,
    AttendanceMethod,
    Enrollment,
    EnrollmentOrder,
    EnrollmentStatus,
    FinalAssessment,
    ModuleGrade,
)
from domain.ports import AlreadyCheckedIn, AlreadyEnrolled, DuplicateNumber
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


async def test_applications(uow_factory: UowFactory, world: World) -> None:
    abroad = Application(
        person_id=world.teacher.id or 0,
        cohort_id=world.cohort.id or 0,
        kind=ApplicationKind.ABROAD,
        addressed_to="Директору школы №12",
        language="ru",
        abroad_duration="3m",
        abroad_country="Финляндия",
        abroad_language="английский",
        created_at=NOW,
    )
    async with uow_factory() as uow:
        await uow.applications.add(abroad)
        assert abroad.id is not None
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.applications.get(abroad.id) == abroad
        assert await uow.applications.for_person(world.teacher.id or 0) == [abroad]
        assert await uow.applications.count_with_status(ApplicationStatus.SUBMITTED) == 1
        abroad.status = ApplicationStatus.REJECTED
        abroad.reject_reason = "мест нет"
        abroad.decided_at = NOW + timedelta(hours=1)
        await uow.applications.update(abroad)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.applications.get(abroad.id) == abroad
        assert (
            await uow.applications.for_cohort(world.cohort.id or 0, ApplicationStatus.SUBMITTED)
            == []
        )
        assert await uow.applications.with_status(ApplicationStatus.REJECTED) == [abroad]


async def test_orders_have_unique_numbers(uow_factory: UowFactory, world: World) -> None:
    order = EnrollmentOrder(
        number="15-Қ",
        issued_on=date(2026, 11, 20),
        cohort_id=world.cohort.id or 0,
        basis_letter_number="01-12/345",
        basis_letter_date=date(2026, 11, 10),
        basis_department="Астана қ. білім басқармасы",
        created_by=world.trainer.id,
    )
    async with uow_factory() as uow:
        await uow.orders.add(order)
        with pytest.raises(DuplicateNumber):
            await uow.orders.add(
                EnrollmentOrder(
                    number="15-Қ",
                    issued_on=date(2026, 11, 21),
                    cohort_id=world.cohort.id or 0,
                    basis_letter_number="x",
                    basis_letter_date=date(2026, 11, 10),
                )
            )
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.orders.get(order.id or 0) == order
        assert await uow.orders.get_by_number("15-Қ") == order
        assert await uow.orders.for_cohort(world.cohort.id or 0) == [order]


async def test_enrollment_round_trip_and_uniqueness(uow_factory: UowFactory, world: World) -> None:
    enrollment = world.enrollment
    async with uow_factory() as uow:
        with pytest.raises(AlreadyEnrolled):
            await uow.enrollments.add(
                Enrollment(person_id=world.teacher.id or 0, cohort_id=world.cohort.id or 0)
            )
        enrollment.agreement_version = "2026-1"
        enrollment.agreement_lang = "kk"
        enrollment.agreement_accepted_at = NOW
        enrollment.status = EnrollmentStatus.COMPLETED
        enrollment.completed_on = date(2026, 12, 10)
        await uow.enrollments.update(enrollment)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.enrollments.get(world.teacher.id or 0, world.cohort.id or 0) == enrollment
        assert await uow.enrollments.get_by_id(enrollment.id or 0) == enrollment
        assert await uow.enrollments.for_person(world.teacher.id or 0) == [enrollment]
        assert await uow.enrollments.for_cohort(world.cohort.id or 0) == [enrollment]
        assert (
            await uow.enrollments.for_cohort(world.cohort.id or 0, EnrollmentStatus.ENROLLED) == []
        )
        assert await uow.enrollments.get(world.trainer.id or 0, world.cohort.id or 0) is None


async def test_attendance(uow_factory: UowFactory, world: World) -> None:
    enrollment_id = world.enrollment.id or 0
    first, second, _ = world.sessions
    async with uow_factory() as uow:
        mark = await uow.attendance.add(
            Attendance(
                enrollment_id=enrollment_id,
                session_id=first.id or 0,
                checked_in_at=NOW,
                method=AttendanceMethod.CODE,
            )
        )
        with pytest.raises(AlreadyCheckedIn):
            await uow.attendance.add(
                Attendance(
                    enrollment_id=enrollment_id,
                    session_id=first.id or 0,
                    checked_in_at=NOW + timedelta(minutes=1),
                    method=AttendanceMethod.QR,
                )
            )
        manual = await uow.attendance.add(
            Attendance(
                enrollment_id=enrollment_id,
                session_id=second.id or 0,
                checked_in_at=NOW + timedelta(days=1),
                method=AttendanceMethod.MANUAL,
                marked_by=world.trainer.id,
                reason="телефон разрядился",
            )
        )
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.attendance.count_attended(enrollment_id) == 2
        assert await uow.attendance.for_enrollment(enrollment_id) == [mark, manual]
        assert await uow.attendance.for_session(first.id or 0) == [mark]
        assert await uow.attendance.get(enrollment_id, second.id or 0) == manual
        assert await uow.attendance.remove(enrollment_id, second.id or 0) is True
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.attendance.count_attended(enrollment_id) == 1
        assert await uow.attendance.count_attended(999) == 0


async def test_assessments_with_module_grades(uow_factory: UowFactory, world: World) -> None:
    m1, m2 = world.course.modules
    first = FinalAssessment(
        enrollment_id=world.enrollment.id or 0,
        score=40,
        max_score=100,
        assessed_on=date(2026, 12, 10),
        module_grades=[ModuleGrade(m1.id or 0, "зачтено"), ModuleGrade(m2.id or 0, "45")],
    )
    retake = FinalAssessment(
        enrollment_id=world.enrollment.id or 0,
        score=70,
        max_score=100,
        assessed_on=date(2027, 12, 11),
        is_reassessment=True,
    )
    async with uow_factory() as uow:
        await uow.assessments.add(first)
        await uow.assessments.add(retake)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.assessments.get(first.id or 0) == first
        assert await uow.assessments.for_enrollment(world.enrollment.id or 0) == [first, retake]
        assert await uow.assessments.latest(world.enrollment.id or 0) == retake
        assert await uow.assessments.latest(999) is None
