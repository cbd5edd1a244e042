"""The one SELECT behind a check-in decision, on both dialects: counts, the existing check-in,
this person's counted failures on this session after a moment, and the course topic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from domain.model import Attendance, AttendanceMethod, AuditEntry
from domain.ports import CheckInFacts
from domain.services.checkin import FAILED_ACTION
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[..., SqlAlchemyUnitOfWork]
COUNTED = ("wrong_code", "stale_code")


async def _facts(uow_factory: UowFactory, world: World, session_index: int) -> CheckInFacts:
    session = world.sessions[session_index]
    assert session.id is not None and world.enrollment.id is not None
    assert world.teacher.id is not None and world.cohort.id is not None
    async with uow_factory(read_only=True) as uow:
        return await uow.attendance.checkin_facts(
            person_id=world.teacher.id,
            enrollment_id=world.enrollment.id,
            session_id=session.id,
            cohort_id=world.cohort.id,
            failure_entity="session",
            failure_action=FAILED_ACTION,
            failure_reasons=COUNTED,
            failures_since=NOW - timedelta(minutes=10),
        )


def _failure(actor: int | None, session_id: int | None, reason: str, minutes_ago: float) -> Any:
    return AuditEntry(
        actor_id=actor,
        action=FAILED_ACTION,
        entity="session",
        entity_id=str(session_id),
        after={"reason": reason, "method": "code"},
        at=NOW - timedelta(minutes=minutes_ago),
    )


async def test_nothing_yet(uow_factory: UowFactory, world: World) -> None:
    facts = await _facts(uow_factory, world, 0)
    assert facts == CheckInFacts(
        attended=0,
        total=3,
        already_checked_in=False,
        failed_attempts=0,
        oldest_failed_at=None,
        topic_kk="Цифрлық сауаттылық",
        topic_ru="Цифровая грамотность",
    )


async def test_counts_only_this_persons_counted_failures_on_this_session_after_the_moment(
    uow_factory: UowFactory, world: World
) -> None:
    first, second = world.sessions[0].id, world.sessions[1].id
    teacher, trainer = world.teacher.id, world.trainer.id
    async with uow_factory() as uow:
        for entry in [
            _failure(teacher, first, "wrong_code", 9),  # counted, the oldest
            _failure(teacher, first, "stale_code", 2),  # counted
            _failure(teacher, first, "wrong_code", 10),  # exactly 10 minutes ago: not after
            _failure(teacher, first, "ended", 1),  # not a guess
            _failure(trainer, first, "wrong_code", 1),  # someone else
            _failure(teacher, second, "wrong_code", 1),  # another session
        ]:
            await uow.audit.record(entry)
        await uow.commit()
    facts = await _facts(uow_factory, world, 0)
    assert facts.failed_attempts == 2
    assert facts.oldest_failed_at == NOW - timedelta(minutes=9)


async def test_attendance_counts_and_the_existing_check_in(
    uow_factory: UowFactory, world: World
) -> None:
    assert world.enrollment.id is not None and world.sessions[1].id is not None
    async with uow_factory() as uow:
        added = await uow.attendance.add_if_absent(
            Attendance(
                enrollment_id=world.enrollment.id,
                session_id=world.sessions[1].id,
                checked_in_at=NOW,
                method=AttendanceMethod.QR,
            )
        )
        again = await uow.attendance.add_if_absent(
            Attendance(
                enrollment_id=world.enrollment.id,
                session_id=world.sessions[1].id,
                checked_in_at=NOW + timedelta(minutes=1),
                method=AttendanceMethod.CODE,
            )
        )
        await uow.commit()
    assert (added, again) == (True, False)
    other, same = await _facts(uow_factory, world, 0), await _facts(uow_factory, world, 1)
    assert (other.attended, other.already_checked_in) == (1, False)
    assert (same.attended, same.already_checked_in) == (1, True)
    async with uow_factory(read_only=True) as uow:
        stored = await uow.attendance.for_enrollment(world.enrollment.id)
    assert [(a.checked_in_at, a.method) for a in stored] == [(NOW, AttendanceMethod.QR)]
