"""Staff are told what waits for them (issue 13, item 6), in one message per minute at most.

* A new application (§10) or §31 request alerts every admin: the first one of a minute queues
  one notice per admin for the end of that minute; the others of the same minute share it
  (same dedup key). The notice is *live*: its list is read when it is sent, so it shows every
  application or request of that minute still waiting, never a stale count.
* §24.3: when listeners of a cohort can no longer reach 80 %, each trainer of the cohort gets
  one message listing them, with the numbers as they are when it is sent.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from domain.attendance import (
    can_still_reach_attendance,
    sessions_missable,
    sessions_needed_for_attendance,
)
from domain.model import (
    ApplicationStatus,
    Cohort,
    EnrollmentStatus,
    Lang,
    OutboxMessage,
    Person,
    RequestStatus,
    Role,
)
from domain.notifications import TEXT
from domain.ports import UnitOfWork, UnitOfWorkFactory

__all__ = [
    "LIVE",
    "NEW_APPLICATIONS",
    "NEW_REQUESTS",
    "UNREACHABLE",
    "Unreachable",
    "WaitingItem",
    "alert_admins",
    "alert_trainers_unreachable",
    "unreachable_listeners",
    "waiting_since",
]

LIVE = "live"
NEW_APPLICATIONS = "new-applications"
NEW_REQUESTS = "new-requests"
UNREACHABLE = "unreachable"
BATCH_WINDOW = timedelta(minutes=1)


def live_notice(
    chat_id: int, lang: Lang, dedup_key: str, not_before: datetime, **live: object
) -> OutboxMessage:
    """A text notice whose text is made when it is sent (``payload["live"]``)."""
    return OutboxMessage(
        chat_id=chat_id,
        kind=TEXT,
        payload={"lang": lang, "key": "", "args": {}, LIVE: dict(live)},
        dedup_key=dedup_key,
        not_before=not_before,
    )


async def alert_admins(uow: UnitOfWork, kind: str, now: datetime) -> int:
    """Queue (in the caller's transaction) the alert of this minute to every admin reachable in
    Telegram; a second call in the same minute adds nothing. Returns how many were new."""
    start = now.replace(second=0, microsecond=0)
    added = 0
    for admin in await uow.people.list_by_role(Role.ADMIN):
        if admin.telegram_id is None:
            continue
        added += await uow.outbox.enqueue(
            live_notice(
                admin.telegram_id,
                admin.language or "ru",
                f"{kind}:{admin.id}:{start:%Y%m%dT%H%M}",
                start + BATCH_WINDOW,
                kind=kind,
                since=start.isoformat(),
            )
        )
    return added


@dataclass(frozen=True)
class WaitingItem:
    """An application or a request of the alert's minute, still waiting."""

    id: int
    cohort: str
    name: str
    cohort_id: int


async def waiting_since(uows: UnitOfWorkFactory, kind: str, since: datetime) -> list[WaitingItem]:
    """The applications (SUBMITTED) or §31 requests (PENDING) created in the minute starting at
    ``since`` and still undecided: read when the alert is sent."""
    until = since + BATCH_WINDOW
    found: list[WaitingItem] = []
    async with uows(read_only=True) as uow:
        if kind == NEW_APPLICATIONS:
            for application in await uow.applications.with_status(ApplicationStatus.SUBMITTED, 500):
                if application.created_at and since <= application.created_at < until:
                    cohort = await uow.cohorts.get(application.cohort_id)
                    person = await uow.people.get(application.person_id)
                    found.append(_item(application.id, cohort, person))
        elif kind == NEW_REQUESTS:
            for request in await uow.requests.with_status(RequestStatus.PENDING, 500):
                if request.created_at and since <= request.created_at < until:
                    enrollment = await uow.enrollments.get_by_id(request.enrollment_id)
                    cohort = await uow.cohorts.get(enrollment.cohort_id) if enrollment else None
                    person = await uow.people.get(request.person_id)
                    found.append(_item(request.id, cohort, person))
    return found


def _item(item_id: int | None, cohort: Cohort | None, person: Person | None) -> WaitingItem:
    name = (person.full_name or person.first_name) if person else ""
    code = cohort.code if cohort else "—"
    return WaitingItem(item_id or 0, code, name or "—", (cohort.id or 0) if cohort else 0)


@dataclass(frozen=True)
class Unreachable:
    """§24.3: a listener who can no longer reach 80 %, with the numbers as of now."""

    enrollment_id: int
    name: str
    attended: int
    total: int
    remaining: int
    needed: int


async def unreachable_in(
    uow: UnitOfWork, cohort: Cohort, now: datetime
) -> list[tuple[Unreachable, Person]]:
    """Listeners (ENROLLED) of ``cohort`` who cannot reach 80 % even by attending every
    remaining session; a session under way still counts as attendable."""
    assert cohort.id is not None
    sessions = await uow.sessions.for_cohort(cohort.id)
    if not sessions:
        return []
    ended = {s.id for s in sessions if s.ends_at <= now}
    held = sessions_missable((s.ends_at for s in sessions), now)
    found = []
    for enrollment in await uow.enrollments.for_cohort(cohort.id, EnrollmentStatus.ENROLLED):
        assert enrollment.id is not None
        attended = sum(
            1 for a in await uow.attendance.for_enrollment(enrollment.id) if a.session_id in ended
        )
        if can_still_reach_attendance(attended, held, len(sessions)):
            continue
        person = await uow.people.get(enrollment.person_id)
        if person is None:
            continue
        row = Unreachable(
            enrollment.id,
            person.full_name or person.first_name or "—",
            attended,
            len(sessions),
            len(sessions) - held,
            sessions_needed_for_attendance(attended, held, len(sessions)),
        )
        found.append((row, person))
    found.sort(key=lambda pair: pair[0].name.casefold())
    return found


async def unreachable_listeners(
    uows: UnitOfWorkFactory, cohort_id: int, now: datetime
) -> tuple[Cohort | None, list[Unreachable]]:
    """For the trainer's live message: the cohort and its unreachable listeners, as of now."""
    async with uows(read_only=True) as uow:
        cohort = await uow.cohorts.get(cohort_id)
        if cohort is None:
            return None, []
        return cohort, [row for row, _ in await unreachable_in(uow, cohort, now)]


async def alert_trainers_unreachable(
    uow: UnitOfWork, cohort: Cohort, trainers: list[Person], new_ids: list[int], now: datetime
) -> int:
    """One live message per trainer when listeners became unreachable in this run (``new_ids``);
    the same set never twice."""
    if not new_ids:
        return 0
    digest = hashlib.sha256(",".join(map(str, sorted(new_ids))).encode()).hexdigest()[:16]
    added = 0
    for trainer in trainers:
        if trainer.telegram_id is None:
            continue
        added += await uow.outbox.enqueue(
            live_notice(
                trainer.telegram_id,
                trainer.language or cohort.language,
                f"attendance-warnings:{cohort.id}:{trainer.id}:{digest}",
                now,
                kind=UNREACHABLE,
                cohort_id=cohort.id or 0,
            )
        )
    return added
