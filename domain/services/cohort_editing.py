"""Admin use-cases: edit a cohort — dates, seats, trainers, a session moved or deleted.

Each edit is checked by ``domain.cohort_edits`` (a refusal changes nothing), written to the
audit log with the state before and after (``after_order`` says whether an enrollment order
had been issued: from then on the cohort is the one the order names, §16, §18), and told to
the enrolled listeners and the cohort's trainers, one outbox notice each (seats excepted: a
change of seats concerns nobody but the admins). Dates in the notices are the organization's
local dates.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from domain.cohort_edits import (
    CohortEditRefusal,
    date_change_refusal,
    seats_change_refusal,
    session_move_refusal,
)
from domain.model import (
    AuditEntry,
    Cohort,
    EnrollmentStatus,
    Lang,
    Person,
    Role,
    TrainingSession,
)
from domain.notifications import text_notice
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.services.admin_cohorts import MAX_SEATS, _require_admin, _snapshot
from domain.services.lookups import display_name

__all__ = [
    "CohortEditError",
    "EditKind",
    "EditResult",
    "change_dates",
    "change_seats",
    "change_trainers",
    "delete_session",
    "find_cohort_by_code",
    "move_session",
]


class CohortEditError(ValueError):
    def __init__(self, reason: CohortEditRefusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


class EditKind(enum.StrEnum):
    DATES = "dates"
    SEATS = "seats"
    TRAINERS = "trainers"
    SESSION_MOVED = "session-moved"
    SESSION_DELETED = "session-deleted"


@dataclass(frozen=True)
class EditResult:
    cohort: Cohort
    kind: EditKind
    notified: int  # notices queued
    audit_id: int


async def find_cohort_by_code(uows: UnitOfWorkFactory, code: str) -> Cohort | None:
    """The cohort whose code is ``code`` (case and surrounding spaces ignored)."""
    wanted = code.strip().casefold()
    async with uows(read_only=True) as uow:
        for cohort in await uow.cohorts.list_all():
            if cohort.code.casefold() == wanted:
                return cohort
    return None


async def _load(uow: UnitOfWork, actor_id: int, cohort_id: int) -> Cohort:
    await _require_admin(uow, actor_id)
    cohort = await uow.cohorts.get(cohort_id)
    if cohort is None:
        raise LookupError(cohort_id)
    return cohort


async def _recipients(uow: UnitOfWork, cohort: Cohort, extra_trainers: list[int]) -> list[Person]:
    """Listeners enrolled in the cohort (still on the course) and its trainers, each once."""
    assert cohort.id is not None
    ids = [
        e.person_id for e in await uow.enrollments.for_cohort(cohort.id, EnrollmentStatus.ENROLLED)
    ]
    ids += [*cohort.trainer_ids, *extra_trainers]
    people = await uow.people.get_many(dict.fromkeys(ids))
    return [p for p in people if p.telegram_id]


async def _record(
    uow: UnitOfWork,
    actor_id: int,
    cohort: Cohort,
    kind: EditKind,
    before: dict[str, Any],
    after: dict[str, Any],
    now: datetime,
) -> AuditEntry:
    assert cohort.id is not None
    after_order = bool(await uow.orders.for_cohort(cohort.id))
    return await uow.audit.record(
        AuditEntry(
            actor_id,
            f"cohort.edit.{kind.value}",
            "cohort",
            str(cohort.id),
            before,
            {**after, "after_order": after_order},
            now,
        )
    )


async def _notify(
    uow: UnitOfWork,
    people: list[Person],
    entry: AuditEntry,
    key: str,
    now: datetime,
    **args: Any,
) -> int:
    queued = 0
    for person in people:
        assert person.telegram_id is not None
        lang: Lang = person.language or "ru"
        queued += await uow.outbox.enqueue(
            text_notice(
                person.telegram_id, lang, key, f"cohort-edit:{entry.id}:{person.id}", now, **args
            )
        )
    return queued


async def change_dates(
    uows: UnitOfWorkFactory,
    actor_id: int,
    cohort_id: int,
    starts_on: date,
    ends_on: date,
    tz: ZoneInfo,
    now: datetime,
) -> EditResult:
    """New training dates (``date_change_refusal``; today is ``now``'s date in ``tz``)."""
    async with uows() as uow:
        cohort = await _load(uow, actor_id, cohort_id)
        days = [s.starts_at.astimezone(tz).date() for s in await uow.sessions.for_cohort(cohort_id)]
        refusal = date_change_refusal(
            (cohort.starts_on, cohort.ends_on),
            (starts_on, ends_on),
            now.astimezone(tz).date(),
            days,
        )
        if refusal:
            raise CohortEditError(refusal)
        before = _snapshot(cohort)
        cohort = await uow.cohorts.update(replace(cohort, starts_on=starts_on, ends_on=ends_on))
        entry = await _record(uow, actor_id, cohort, EditKind.DATES, before, _snapshot(cohort), now)
        notified = await _notify(
            uow,
            await _recipients(uow, cohort, []),
            entry,
            "cohort-edit-notice-dates",
            now,
            code=cohort.code,
            starts=starts_on,
            ends=ends_on,
        )
        await uow.commit()
    assert entry.id is not None
    return EditResult(cohort, EditKind.DATES, notified, entry.id)


async def change_seats(
    uows: UnitOfWorkFactory, actor_id: int, cohort_id: int, seats: int, now: datetime
) -> EditResult:
    """New number of seats (``seats_change_refusal``). Audited; nobody is notified."""
    async with uows() as uow:
        cohort = await _load(uow, actor_id, cohort_id)
        if seats == cohort.seats:
            raise CohortEditError(CohortEditRefusal.NOTHING_CHANGED)
        refusal = seats_change_refusal(seats, await uow.cohorts.seats_taken(cohort_id), MAX_SEATS)
        if refusal:
            raise CohortEditError(refusal)
        before = _snapshot(cohort)
        cohort = await uow.cohorts.update(replace(cohort, seats=seats))
        entry = await _record(uow, actor_id, cohort, EditKind.SEATS, before, _snapshot(cohort), now)
        await uow.commit()
    assert entry.id is not None
    return EditResult(cohort, EditKind.SEATS, 0, entry.id)


async def change_trainers(
    uows: UnitOfWorkFactory, actor_id: int, cohort_id: int, trainer_ids: list[int], now: datetime
) -> EditResult:
    """The cohort's trainers become ``trainer_ids`` (each must hold the trainer role now: one
    granted the role after the cohort was created can be assigned). Trainers removed are told
    too, so they know the cohort is no longer theirs."""
    wanted = list(dict.fromkeys(trainer_ids))
    async with uows() as uow:
        cohort = await _load(uow, actor_id, cohort_id)
        if sorted(wanted) == sorted(cohort.trainer_ids):
            raise CohortEditError(CohortEditRefusal.NOTHING_CHANGED)
        trainers = await uow.people.get_many(wanted)
        if len(trainers) != len(wanted) or any(Role.TRAINER not in t.roles for t in trainers):
            raise CohortEditError(CohortEditRefusal.NOT_TRAINER)
        removed = [i for i in cohort.trainer_ids if i not in wanted]
        before = _snapshot(cohort)
        cohort = await uow.cohorts.update(replace(cohort, trainer_ids=wanted))
        entry = await _record(
            uow, actor_id, cohort, EditKind.TRAINERS, before, _snapshot(cohort), now
        )
        names = sorted(display_name(t) for t in trainers)
        notified = await _notify(
            uow,
            await _recipients(uow, cohort, removed),
            entry,
            "cohort-edit-notice-trainers",
            now,
            code=cohort.code,
            trainers=", ".join(names) if names else "—",
        )
        await uow.commit()
    assert entry.id is not None
    return EditResult(cohort, EditKind.TRAINERS, notified, entry.id)


async def _session_of(uow: UnitOfWork, cohort_id: int, session_id: int) -> TrainingSession:
    session = await uow.sessions.get(session_id)
    if session is None or session.cohort_id != cohort_id:
        raise CohortEditError(CohortEditRefusal.UNKNOWN_SESSION)
    return session


def _when(session: TrainingSession, tz: ZoneInfo) -> tuple[date, str]:
    local = session.starts_at.astimezone(tz)
    return local.date(), f"{local:%H:%M}"


async def move_session(
    uows: UnitOfWorkFactory,
    actor_id: int,
    cohort_id: int,
    session_id: int,
    day: date,
    start: time,
    tz: ZoneInfo,
    now: datetime,
) -> EditResult:
    """Move a session to ``day`` ``start`` (organization's local time), keeping its length
    (``session_move_refusal``)."""
    async with uows() as uow:
        cohort = await _load(uow, actor_id, cohort_id)
        session = await _session_of(uow, cohort_id, session_id)
        starts = datetime.combine(day, start, tzinfo=tz)
        moved = (starts, starts + (session.ends_at - session.starts_at))
        others = [
            (s.starts_at, s.ends_at)
            for s in await uow.sessions.for_cohort(cohort_id)
            if s.id != session_id
        ]
        refusal = session_move_refusal(
            moved,
            day,
            (cohort.starts_on, cohort.ends_on),
            others,
            now,
            bool(await uow.attendance.for_session(session_id)),
        )
        if refusal:
            raise CohortEditError(refusal)
        old_day, old_time = _when(session, tz)
        updated = await uow.sessions.update(replace(session, starts_at=moved[0], ends_at=moved[1]))
        entry = await _record(
            uow,
            actor_id,
            cohort,
            EditKind.SESSION_MOVED,
            {"session_id": session_id, "starts_at": session.starts_at.isoformat()},
            {"session_id": session_id, "starts_at": updated.starts_at.isoformat()},
            now,
        )
        new_day, new_time = _when(updated, tz)
        notified = await _notify(
            uow,
            await _recipients(uow, cohort, []),
            entry,
            "cohort-edit-notice-session-moved",
            now,
            code=cohort.code,
            old_day=old_day,
            old_time=old_time,
            new_day=new_day,
            new_time=new_time,
        )
        await uow.commit()
    assert entry.id is not None
    return EditResult(cohort, EditKind.SESSION_MOVED, notified, entry.id)


async def delete_session(
    uows: UnitOfWorkFactory,
    actor_id: int,
    cohort_id: int,
    session_id: int,
    tz: ZoneInfo,
    now: datetime,
) -> EditResult:
    """Delete a session that has no attendance recorded (a session that took place is part of
    every listener's §24.3 share and stays)."""
    async with uows() as uow:
        cohort = await _load(uow, actor_id, cohort_id)
        session = await _session_of(uow, cohort_id, session_id)
        if await uow.attendance.for_session(session_id):
            raise CohortEditError(CohortEditRefusal.ATTENDED)
        await uow.sessions.delete(session_id)
        entry = await _record(
            uow,
            actor_id,
            cohort,
            EditKind.SESSION_DELETED,
            {
                "session_id": session_id,
                "starts_at": session.starts_at.isoformat(),
                "academic_hours": session.academic_hours,
                "place": session.place,
            },
            {"session_id": None},
            now,
        )
        day, clock = _when(session, tz)
        notified = await _notify(
            uow,
            await _recipients(uow, cohort, []),
            entry,
            "cohort-edit-notice-session-deleted",
            now,
            code=cohort.code,
            day=day,
            time=clock,
        )
        await uow.commit()
    assert entry.id is not None
    return EditResult(cohort, EditKind.SESSION_DELETED, notified, entry.id)
