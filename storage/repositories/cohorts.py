"""Cohorts (with their trainers) and their scheduled training sessions."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import cast

from sqlalchemy import ScalarSelect, bindparam, delete, func, select

from domain.model import Cohort, EnrollmentStatus, Lang, TrainingSession
from storage.models import CohortRow, CohortTrainerRow, EnrollmentRow, TrainingSessionRow
from storage.repositories.base import Repository

#: Enrollments that occupy a seat of the cohort.
SEAT_TAKING = (
    EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED, EnrollmentStatus.NOT_PASSED,
)  # fmt: skip


def to_cohort(row: CohortRow) -> Cohort:
    return Cohort(
        id=row.id,
        course_id=row.course_id,
        code=row.code,
        language=cast(Lang, row.language),
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        seats=row.seats,
        trainer_ids=[t.person_id for t in row.trainers],
        open_for_applications=row.open_for_applications,
    )


def _write(row: CohortRow, cohort: Cohort) -> None:
    row.course_id = cohort.course_id
    row.code = cohort.code
    row.language = cohort.language
    row.starts_on = cohort.starts_on
    row.ends_on = cohort.ends_on
    row.seats = cohort.seats
    row.open_for_applications = cohort.open_for_applications
    wanted = list(dict.fromkeys(cohort.trainer_ids))
    current = {t.person_id: t for t in row.trainers}
    trainers = []
    for position, person_id in enumerate(wanted):
        trainer = current.get(person_id) or CohortTrainerRow(person_id=person_id)
        trainer.position = position
        trainers.append(trainer)
    row.trainers = trainers


def _seats_taken() -> ScalarSelect[int]:
    return (
        select(func.count(EnrollmentRow.id))
        .where(
            EnrollmentRow.cohort_id == CohortRow.id,
            EnrollmentRow.status.in_([str(s) for s in SEAT_TAKING]),
        )
        .correlate(CohortRow)
        .scalar_subquery()
    )


class CohortsRepository(Repository):
    async def get(self, cohort_id: int) -> Cohort | None:
        row = await self.session.get(CohortRow, cohort_id)
        return to_cohort(row) if row else None

    async def add(self, cohort: Cohort) -> Cohort:
        row = CohortRow()
        _write(row, cohort)
        self.session.add(row)
        await self.session.flush()
        cohort.id = row.id
        return cohort

    async def update(self, cohort: Cohort) -> Cohort:
        row = await self.session.get(CohortRow, cohort.id)
        if row is None:
            raise LookupError(cohort.id)
        _write(row, cohort)
        await self.session.flush()
        return cohort

    async def for_course(self, course_id: int) -> list[Cohort]:
        rows = await self.session.scalars(
            select(CohortRow)
            .where(CohortRow.course_id == course_id)
            .order_by(CohortRow.starts_on, CohortRow.id)
        )
        return [to_cohort(row) for row in rows]

    async def list_all(self) -> list[Cohort]:
        rows = await self.session.scalars(
            select(CohortRow).order_by(CohortRow.starts_on, CohortRow.id)
        )
        return [to_cohort(row) for row in rows]

    async def for_trainer(self, person_id: int) -> list[Cohort]:
        rows = await self.session.scalars(
            select(CohortRow)
            .join(CohortTrainerRow, CohortTrainerRow.cohort_id == CohortRow.id)
            .where(CohortTrainerRow.person_id == person_id)
            .order_by(CohortRow.starts_on, CohortRow.id)
        )
        return [to_cohort(row) for row in rows]

    async def seats_taken(self, cohort_id: int) -> int:
        count = await self.session.scalar(
            select(func.count(EnrollmentRow.id)).where(
                EnrollmentRow.cohort_id == cohort_id,
                EnrollmentRow.status.in_([str(s) for s in SEAT_TAKING]),
            )
        )
        return int(count or 0)

    async def open_for_applications(self, today: date) -> list[tuple[Cohort, int]]:
        """Cohorts open for applications that have not started and have a seat left.

        Returns ``(cohort, seats_left)`` pairs, earliest start first. Seats are taken by
        enrollments that are enrolled, completed or not passed (not expelled or transferred).
        """
        taken = _seats_taken()
        result = await self.session.execute(
            select(CohortRow, taken)
            .where(
                CohortRow.open_for_applications.is_(True),
                CohortRow.starts_on >= today,
                CohortRow.seats > taken,
            )
            .order_by(CohortRow.starts_on, CohortRow.id)
        )
        return [(to_cohort(row), row.seats - int(count)) for row, count in result.all()]


def to_session(row: TrainingSessionRow) -> TrainingSession:
    return TrainingSession(
        id=row.id,
        cohort_id=row.cohort_id,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        academic_hours=row.academic_hours,
        place=row.place,
        topic=row.topic,
    )


def _write_session(row: TrainingSessionRow, session: TrainingSession) -> None:
    row.cohort_id = session.cohort_id
    row.starts_at = session.starts_at
    row.ends_at = session.ends_at
    row.academic_hours = session.academic_hours
    row.place = session.place
    row.topic = session.topic


#: Built once (see ``storage.repositories.enrollments._FOR_PERSON``).
_STARTING_BETWEEN = (
    select(TrainingSessionRow)
    .where(
        TrainingSessionRow.starts_at >= bindparam("start"),
        TrainingSessionRow.starts_at < bindparam("end"),
    )
    .order_by(TrainingSessionRow.starts_at, TrainingSessionRow.id)
)

#: Every typed check-in code asks this (the person's own cohorts): built once.
_OWN_STARTING_BETWEEN = _STARTING_BETWEEN.where(
    TrainingSessionRow.cohort_id.in_(bindparam("cohort_ids", expanding=True))
)


class SessionsRepository(Repository):
    """Training sessions (сабақ / занятие) of cohorts."""

    async def get(self, session_id: int) -> TrainingSession | None:
        row = await self.session.get(TrainingSessionRow, session_id)
        return to_session(row) if row else None

    async def add(self, training_session: TrainingSession) -> TrainingSession:
        row = TrainingSessionRow()
        _write_session(row, training_session)
        self.session.add(row)
        await self.session.flush()
        training_session.id = row.id
        return training_session

    async def add_many(self, sessions: list[TrainingSession]) -> list[TrainingSession]:
        for training_session in sessions:
            await self.add(training_session)
        return sessions

    async def update(self, training_session: TrainingSession) -> TrainingSession:
        row = await self.session.get(TrainingSessionRow, training_session.id)
        if row is None:
            raise LookupError(training_session.id)
        _write_session(row, training_session)
        await self.session.flush()
        return training_session

    async def delete(self, session_id: int) -> bool:
        result = await self.session.execute(
            delete(TrainingSessionRow).where(TrainingSessionRow.id == session_id)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def for_cohort(self, cohort_id: int) -> list[TrainingSession]:
        rows = await self.session.scalars(
            select(TrainingSessionRow)
            .where(TrainingSessionRow.cohort_id == cohort_id)
            .order_by(TrainingSessionRow.starts_at, TrainingSessionRow.id)
        )
        return [to_session(row) for row in rows]

    async def count_for_cohort(self, cohort_id: int) -> int:
        count = await self.session.scalar(
            select(func.count(TrainingSessionRow.id)).where(
                TrainingSessionRow.cohort_id == cohort_id
            )
        )
        return int(count or 0)

    async def between(
        self,
        start: datetime,
        end: datetime,
        cohort_id: int | None = None,
        *,
        cohort_ids: Collection[int] | None = None,
    ) -> list[TrainingSession]:
        """Sessions starting in ``[start, end)``, optionally of one cohort or of some."""
        if cohort_id is None:
            if cohort_ids is None:
                rows = await self.session.scalars(_STARTING_BETWEEN, {"start": start, "end": end})
            else:
                rows = await self.session.scalars(
                    _OWN_STARTING_BETWEEN,
                    {"start": start, "end": end, "cohort_ids": sorted(cohort_ids)},
                )
            return [to_session(row) for row in rows]
        query = select(TrainingSessionRow).where(
            TrainingSessionRow.starts_at >= start, TrainingSessionRow.starts_at < end
        )
        if cohort_id is not None:
            query = query.where(TrainingSessionRow.cohort_id == cohort_id)
        if cohort_ids is not None:
            query = query.where(TrainingSessionRow.cohort_id.in_(sorted(cohort_ids)))
        rows = await self.session.scalars(
            query.order_by(TrainingSessionRow.starts_at, TrainingSessionRow.id)
        )
        return [to_session(row) for row in rows]
