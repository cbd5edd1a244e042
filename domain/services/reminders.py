"""Session reminders for listeners and trainers (§24.1: follow the schedule).

Decisions (tested in tests/bot/checkin/test_reminders.py):

* **Day before**: at 18:00 organization time on the calendar day before the session (a fixed
  evening hour is more useful than "24 h before", which for an 09:00 session would ring at
  09:00 the day before, in the middle of a lesson). It is still sent later — the bot was down,
  the session was scheduled after 18:00 — as long as the session starts in more than one hour;
  closer than that, only the hour-before reminder goes.
* **Hour before**: one hour before the start. Its text says "in one hour", so it goes out
  with that text only while about an hour is left (``hour_before_text_holds``: from 60 down to
  45 minutes before the start). Later — the bot was down, the session was added at the last
  minute — the same reminder (same dedup key, never both) is sent with the "soon, at HH:MM"
  text while the session has not started (a reminder after the start is useless).
* Recipients: listeners with an ongoing place in the cohort and the cohort's trainers, in their
  own language; people without a Telegram chat are skipped.
* Reminders are outbox rows with ``dedup_key = reminder:<kind>:<session_id>:<person_id>``: the
  periodic job may run late, twice, or on two instances — each reminder is enqueued once.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime, time, timedelta, tzinfo

from domain.model import EnrollmentStatus, Lang, Person, TrainingSession
from domain.notifications import text_notice
from domain.ports import UnitOfWork, UnitOfWorkFactory

__all__ = [
    "DAY_BEFORE_AT",
    "HOUR_BEFORE",
    "HOUR_BEFORE_TEXT_UNTIL",
    "LOOKAHEAD",
    "ReminderKind",
    "enqueue_due_reminders",
    "hour_before_text_holds",
    "reminder_due_at",
    "reminder_useful",
]

DAY_BEFORE_AT = time(18, 0)
HOUR_BEFORE = timedelta(hours=1)
HOUR_BEFORE_TEXT_UNTIL = timedelta(minutes=45)
""""In one hour" is still true enough with 45 minutes left; with less, the "soon" text goes."""
LOOKAHEAD = timedelta(days=2)
"""Sessions starting within this span are scanned (a day-before reminder is due at most
~30 hours before the start)."""

WhenFormatter = Callable[[datetime, Lang], str]


class ReminderKind(enum.StrEnum):
    DAY_BEFORE = "day"
    HOUR_BEFORE = "hour"


def reminder_due_at(kind: ReminderKind, starts_at: datetime, tz: tzinfo) -> datetime:
    """When the reminder becomes due: 18:00 local time of the previous day, or start − 1 h."""
    if kind is ReminderKind.HOUR_BEFORE:
        return starts_at - HOUR_BEFORE
    local_day = starts_at.astimezone(tz).date()
    return datetime.combine(local_day - timedelta(days=1), DAY_BEFORE_AT, tzinfo=tz)


def reminder_useful(kind: ReminderKind, starts_at: datetime, now: datetime, tz: tzinfo) -> bool:
    """Due and still useful at ``now`` (see the module docstring)."""
    if now < reminder_due_at(kind, starts_at, tz):
        return False
    if kind is ReminderKind.DAY_BEFORE:
        return now < starts_at - HOUR_BEFORE
    return now < starts_at


def hour_before_text_holds(starts_at: datetime, now: datetime) -> bool:
    """The hour-before reminder may say "in one hour": at least 45 minutes are left."""
    return starts_at - now >= HOUR_BEFORE_TEXT_UNTIL


def _message_key(kind: ReminderKind, is_trainer: bool, starts_at: datetime, now: datetime) -> str:
    who = "trainer-" if is_trainer else ""
    if kind is ReminderKind.HOUR_BEFORE and not hour_before_text_holds(starts_at, now):
        return f"reminder-{who}soon"
    return f"reminder-{who}{kind}-before"


def _dedup_key(kind: ReminderKind, session_id: int, person_id: int) -> str:
    return f"reminder:{kind}:{session_id}:{person_id}"


async def enqueue_due_reminders(
    uows: UnitOfWorkFactory, now: datetime, tz: tzinfo, format_when: WhenFormatter
) -> int:
    """Enqueue every reminder due and still useful at ``now`` that was not enqueued before.
    ``format_when(moment, lang)`` renders the session's start for the recipient's language.
    Returns how many were enqueued. Commits once."""
    added = 0
    async with uows() as uow:
        sessions = await uow.sessions.between(now, now + LOOKAHEAD)
        for session in sessions:
            kinds = [k for k in ReminderKind if reminder_useful(k, session.starts_at, now, tz)]
            if not kinds:
                continue
            added += await _enqueue_for_session(uow, session, kinds, now, format_when)
        await uow.commit()
    return added


async def _enqueue_for_session(
    uow: UnitOfWork,
    session: TrainingSession,
    kinds: list[ReminderKind],
    now: datetime,
    format_when: WhenFormatter,
) -> int:
    assert session.id is not None
    cohort = await uow.cohorts.get(session.cohort_id)
    course = await uow.courses.get(cohort.course_id) if cohort else None
    if cohort is None or course is None:
        return 0
    recipients = await _recipients(uow, session.cohort_id, cohort.trainer_ids)
    wanted = [(kind, person, is_trainer) for kind in kinds for person, is_trainer in recipients]
    keys = [_dedup_key(kind, session.id, p.id or 0) for kind, p, _ in wanted]
    existing = await uow.outbox.existing_dedup_keys(keys)
    added = 0
    for (kind, person, is_trainer), key in zip(wanted, keys, strict=True):
        if key in existing or not person.telegram_id:
            continue
        lang: Lang = person.language or cohort.language
        message_key = _message_key(kind, is_trainer, session.starts_at, now)
        added += await uow.outbox.enqueue(
            text_notice(
                person.telegram_id,
                lang,
                message_key,
                key,
                now,
                when=format_when(session.starts_at, lang),
                topic=session.topic or course.topic(lang),
                place=session.place or "—",
                cohort=cohort.code,
            )
        )
    return added


async def _recipients(
    uow: UnitOfWork, cohort_id: int, trainer_ids: list[int]
) -> list[tuple[Person, bool]]:
    enrollments = await uow.enrollments.for_cohort(cohort_id, EnrollmentStatus.ENROLLED)
    listeners = await uow.people.get_many(e.person_id for e in enrollments)
    trainers = await uow.people.get_many(trainer_ids)
    trainer_ids_set = set(trainer_ids)
    return [(p, False) for p in listeners if p.id not in trainer_ids_set] + [
        (p, True) for p in trainers
    ]
