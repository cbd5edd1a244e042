"""Admin use-cases: cohorts (ағын / поток) of a course and their schedule of sessions."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from domain.courses import academic_hours_to_minutes, overlapping
from domain.model import AuditEntry, Cohort, Lang, Role, TrainingSession
from domain.ports import UnitOfWork, UnitOfWorkFactory
from domain.services.admin_courses import NotAllowedError
from domain.spreadsheet_rows import ScheduleRow

MAX_SEATS = 500


class CohortRefusal(enum.StrEnum):
    """Why a cohort is refused (message-id suffixes)."""

    DATES = "dates"  # ends before it starts
    SEATS = "seats"
    LANGUAGE = "language"  # the course is not taught in this language
    NOT_TRAINER = "not-trainer"
    UNKNOWN_COURSE = "unknown-course"


class CohortError(ValueError):
    def __init__(self, reason: CohortRefusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class CohortDraft:
    course_id: int
    code: str
    starts_on: date
    ends_on: date
    language: Lang
    seats: int
    trainer_ids: list[int]


async def _require_admin(uow: UnitOfWork, actor_id: int) -> None:
    actor = await uow.people.get(actor_id)
    if actor is None or Role.ADMIN not in actor.roles:
        raise NotAllowedError(actor_id)


def _snapshot(cohort: Cohort) -> dict[str, object]:
    return {
        "course_id": cohort.course_id,
        "code": cohort.code,
        "language": cohort.language,
        "starts_on": cohort.starts_on.isoformat(),
        "ends_on": cohort.ends_on.isoformat(),
        "seats": cohort.seats,
        "trainer_ids": list(cohort.trainer_ids),
    }


async def create_cohort(
    uows: UnitOfWorkFactory, actor_id: int, draft: CohortDraft, now: datetime
) -> Cohort:
    """A cohort of a course: dates in order, 1–500 seats, a language the course is taught in,
    trainers who hold the trainer role. Raises ``CohortError``."""
    if draft.ends_on < draft.starts_on:
        raise CohortError(CohortRefusal.DATES)
    if not 1 <= draft.seats <= MAX_SEATS:
        raise CohortError(CohortRefusal.SEATS)
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        course = await uow.courses.get(draft.course_id)
        if course is None:
            raise CohortError(CohortRefusal.UNKNOWN_COURSE)
        if draft.language not in course.languages:
            raise CohortError(CohortRefusal.LANGUAGE)
        trainers = await uow.people.get_many(draft.trainer_ids)
        if len(trainers) != len(set(draft.trainer_ids)) or any(
            Role.TRAINER not in t.roles for t in trainers
        ):
            raise CohortError(CohortRefusal.NOT_TRAINER)
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=draft.course_id,
                code=draft.code,
                language=draft.language,
                starts_on=draft.starts_on,
                ends_on=draft.ends_on,
                seats=draft.seats,
                trainer_ids=sorted(set(draft.trainer_ids)),
            )
        )
        await uow.audit.record(
            AuditEntry(
                actor_id, "cohort.create", "cohort", str(cohort.id), None, _snapshot(cohort), now
            )
        )
        await uow.commit()
    return cohort


def session_from_row(cohort_id: int, row: ScheduleRow, tz: ZoneInfo) -> TrainingSession:
    """A session from a schedule row in the organization's local time. It ends after its
    academic hours of 45 minutes each (§23), without breaks: the schedule says when the
    session starts; check-in windows are counted from the start."""
    starts = datetime.combine(row.day, row.start, tzinfo=tz)
    ends = starts + timedelta(minutes=academic_hours_to_minutes(row.academic_hours))
    return TrainingSession(
        cohort_id=cohort_id,
        starts_at=starts,
        ends_at=ends,
        academic_hours=row.academic_hours,
        place=row.place,
        topic=row.topic,
    )


class ScheduleRefusal(enum.StrEnum):
    OUTSIDE_DATES = "outside-dates"
    CLASH = "clash"  # overlaps a stored session or another row (``domain.courses.overlapping``)


@dataclass(frozen=True)
class ScheduleProblem:
    row: int
    reason: ScheduleRefusal


async def add_sessions(
    uows: UnitOfWorkFactory,
    actor_id: int,
    cohort_id: int,
    rows: list[ScheduleRow],
    tz: ZoneInfo,
    now: datetime,
) -> tuple[list[TrainingSession], list[ScheduleProblem]]:
    """Add sessions all or nothing: every session must fall within the cohort's dates and not
    overlap in time a stored session or another new one (§23: the cohort is one group; a
    10:00–11:30 session and one at 11:00 cannot both be held). Returns (added, problems);
    nothing is stored when ``problems`` is not empty."""
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        cohort = await uow.cohorts.get(cohort_id)
        if cohort is None:
            raise LookupError(cohort_id)
        stored = await uow.sessions.for_cohort(cohort_id)
        sessions = [session_from_row(cohort_id, row, tz) for row in rows]
        spans = [(s.starts_at, s.ends_at) for s in [*stored, *sessions]]
        clashing = {k - len(stored) for pair in overlapping(spans) for k in pair}
        problems: list[ScheduleProblem] = []
        for index, row in enumerate(rows):
            if not cohort.starts_on <= row.day <= cohort.ends_on:
                problems.append(ScheduleProblem(row.row, ScheduleRefusal.OUTSIDE_DATES))
            elif index in clashing:
                problems.append(ScheduleProblem(row.row, ScheduleRefusal.CLASH))
        if problems:
            return [], problems
        added = await uow.sessions.add_many(sessions)
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "schedule.add",
                "cohort",
                str(cohort_id),
                None,
                {"sessions": [s.starts_at.isoformat() for s in added]},
                now,
            )
        )
        await uow.commit()
    return added, []


async def cohort_schedule(uows: UnitOfWorkFactory, cohort_id: int) -> list[TrainingSession]:
    async with uows(read_only=True) as uow:
        return await uow.sessions.for_cohort(cohort_id)


async def list_cohorts(uows: UnitOfWorkFactory, course_id: int | None = None) -> list[Cohort]:
    async with uows(read_only=True) as uow:
        if course_id is None:
            return await uow.cohorts.list_all()
        return await uow.cohorts.for_course(course_id)


async def get_cohort(uows: UnitOfWorkFactory, cohort_id: int) -> Cohort | None:
    async with uows(read_only=True) as uow:
        return await uow.cohorts.get(cohort_id)
