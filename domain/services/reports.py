"""Reports for admins: §19 NOBD export rows, cohort statistics, §38 effectiveness of
post-course support, and which cohorts' NOBD reminder is due."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from domain.attendance import attendance_share
from domain.collation import name_sort_key
from domain.local_dates import local_date
from domain.model import (
    Cohort,
    ConsultationStatus,
    Course,
    DocumentKind,
    EnrollmentStatus,
    Lang,
    Role,
    SupportKind,
)
from domain.notifications import text_notice
from domain.ports import UnitOfWorkFactory
from domain.working_days import nobd_deadline, nobd_reminder_date

__all__ = [
    "ATTENDANCE_BUCKETS",
    "CohortStatistics",
    "Effectiveness",
    "NobdDue",
    "NobdRow",
    "cohort_statistics",
    "effectiveness",
    "enqueue_nobd_reminders",
    "nobd_due",
    "nobd_rows",
]


@dataclass(frozen=True)
class NobdRow:
    """§19: what the NOBD needs about a teacher who completed a course."""

    full_name: str
    iin: str
    school: str
    position: str
    topic: str
    hours: int
    starts_on: date
    ends_on: date
    completed_on: date | None
    certificate_number: str


async def nobd_rows(
    uows: UnitOfWorkFactory, cohort_id: int, lang: Lang
) -> tuple[Cohort, list[NobdRow]] | None:
    """Teachers of the cohort with status COMPLETED, by full name; the topic in ``lang``."""
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None:
            return None
        rows: list[NobdRow] = []
        for enrollment in await uow.enrollments.for_cohort(cohort_id, EnrollmentStatus.COMPLETED):
            assert enrollment.id is not None
            person = await uow.people.get(enrollment.person_id)
            if person is None:
                continue
            school = person.school_name
            if not school and person.school_id:
                found = await uow.schools.get(person.school_id)
                school = found.name if found else ""
            certificates = [
                c
                for c in await uow.certificates.for_enrollment(enrollment.id)
                if c.kind is DocumentKind.CERTIFICATE and c.revoked_on is None
            ]
            rows.append(
                NobdRow(
                    person.full_name,
                    person.iin or "",
                    school,
                    person.position,
                    course.topic_kk if lang == "kk" else course.topic_ru,
                    course.hours,
                    cohort.starts_on,
                    cohort.ends_on,
                    enrollment.completed_on,
                    certificates[-1].number if certificates else "",
                )
            )
    rows.sort(key=lambda r: name_sort_key(r.full_name, lang))
    return cohort, rows


ATTENDANCE_BUCKETS = ("lt50", "50-79", "80-99", "100")


def attendance_bucket(attended: int, total: int) -> str:
    """Buckets around the §24.3 line: below 50 %, 50–79 %, 80–99 % (meets §24.3), 100 %."""
    share = attendance_share(attended, total)
    if share >= 1:
        return "100"
    if share * 100 >= 80:
        return "80-99"
    if share * 100 >= 50:
        return "50-79"
    return "lt50"


@dataclass
class CohortStatistics:
    cohort: Cohort
    course: Course
    applications: int = 0
    enrolled: int = 0
    attendance: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTENDANCE_BUCKETS, 0))
    statuses: Counter[str] = field(default_factory=Counter)
    certificates: int = 0

    @property
    def decided(self) -> int:
        return self.statuses["completed"] + self.statuses["not_passed"]

    @property
    def pass_rate_percent(self) -> int:
        """Completed of those with a decided outcome (expelled not counted), rounded."""
        if not self.decided:
            return 0
        return round(100 * self.statuses["completed"] / self.decided)


async def cohort_statistics(uows: UnitOfWorkFactory, cohort_id: int) -> CohortStatistics | None:
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
        course = await uow.courses.get(cohort.course_id) if cohort else None
        if cohort is None or course is None:
            return None
        stats = CohortStatistics(cohort, course)
        stats.applications = len(await uow.applications.for_cohort(cohort_id))
        total = await uow.sessions.count_for_cohort(cohort_id)
        for enrollment in await uow.enrollments.for_cohort(cohort_id):
            assert enrollment.id is not None
            if enrollment.status is EnrollmentStatus.TRANSFERRED:
                continue
            stats.enrolled += 1
            stats.statuses[str(enrollment.status)] += 1
            attended = min(await uow.attendance.count_attended(enrollment.id), total)
            stats.attendance[attendance_bucket(attended, total)] += 1
            stats.certificates += sum(
                1
                for c in await uow.certificates.for_enrollment(enrollment.id)
                if c.kind is DocumentKind.CERTIFICATE and c.revoked_on is None
            )
    return stats


@dataclass
class Effectiveness:
    """§38: how post-course support worked over a period."""

    since: date
    per_kind: dict[str, int] = field(default_factory=lambda: {str(k): 0 for k in SupportKind})
    total: int = 0
    answered: int = 0
    median_answer_hours: float | None = None

    @property
    def answered_percent(self) -> int:
        return round(100 * self.answered / self.total) if self.total else 0


async def effectiveness(uows: UnitOfWorkFactory, since: datetime, tz: tzinfo) -> Effectiveness:
    """Consultation requests created since ``since``: per §37 kind, the answered share and the
    median time from request to answer (hours). The period starts on ``since``'s local date."""
    report = Effectiveness(local_date(since, tz))
    async with uows(read_only=True) as uow:
        consultations = await uow.consultations.created_since(since)
    waits: list[timedelta] = []
    for c in consultations:
        report.total += 1
        report.per_kind[str(c.kind)] = report.per_kind.get(str(c.kind), 0) + 1
        if c.status is ConsultationStatus.ANSWERED:
            report.answered += 1
            if c.answered_at and c.created_at:
                waits.append(c.answered_at - c.created_at)
    if waits:
        report.median_answer_hours = statistics.median(w.total_seconds() for w in waits) / 3600
    return report


@dataclass(frozen=True)
class NobdDue:
    cohort: Cohort
    completed_on: date
    deadline: date


async def nobd_due(
    uows: UnitOfWorkFactory,
    today: date,
    extra_holidays: Collection[date] = (),
    extra_working_days: Collection[date] = (),
) -> list[NobdDue]:
    """Cohorts whose §19 reminder day has come and whose deadline has not passed. Reading of
    "completion" for a cohort: the earliest completion day of its listeners (the first NOBD
    data to become due). Only cohorts that ended in the last 60 days are looked at."""
    due: list[NobdDue] = []
    async with uows(read_only=True) as uow:
        for cohort in await uow.cohorts.list_all():
            if not today - timedelta(days=60) <= cohort.ends_on <= today + timedelta(days=60):
                continue
            assert cohort.id is not None
            completed = [
                e.completed_on
                for e in await uow.enrollments.for_cohort(cohort.id, EnrollmentStatus.COMPLETED)
                if e.completed_on
            ]
            if not completed:
                continue
            first = min(completed)
            deadline = nobd_deadline(first, extra_holidays, extra_working_days)
            if nobd_reminder_date(first, extra_holidays, extra_working_days) <= today <= deadline:
                due.append(NobdDue(cohort, first, deadline))
    return due


async def enqueue_nobd_reminders(
    uows: UnitOfWorkFactory,
    now: datetime,
    today: date,
    extra_holidays: Collection[date] = (),
    format_day: Callable[[date, Lang], str] = lambda d, _lang: d.isoformat(),
    extra_working_days: Collection[date] = (),
) -> int:
    """§19 reminder to every admin, two working days before the deadline. One outbox row per
    cohort and admin (``dedup_key``), so the reminder is sent once however often the job
    runs; a reminder missed while the bot was down is still sent up to the deadline day."""
    due = await nobd_due(uows, today, extra_holidays, extra_working_days)
    if not due:
        return 0
    added = 0
    async with uows() as uow:
        admins = [a for a in await uow.people.list_by_role(Role.ADMIN) if a.telegram_id]
        for item in due:
            for admin in admins:
                assert admin.telegram_id is not None
                lang: Lang = admin.language or "ru"
                added += await uow.outbox.enqueue(
                    text_notice(
                        admin.telegram_id,
                        lang,
                        "results-nobd-reminder",
                        f"nobd-reminder:{item.cohort.id}:{admin.id}",
                        now,
                        cohort=item.cohort.code,
                        deadline=format_day(item.deadline, lang),
                        completed=format_day(item.completed_on, lang),
                    )
                )
        await uow.commit()
    return added
