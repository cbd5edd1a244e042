"""What an admin may change in a cohort after it was created: dates, seats, trainers, sessions.

The Rules do not speak of editing a cohort; these are the checks that keep what the Rules do
require true after an edit: §18 — the listeners enrolled by the order keep their seats (seats
never below the enrolled count); §24.1 — the schedule the listeners agreed to follow stays
consistent (no session outside the cohort's dates, no two sessions at once); and nothing is
moved into the past, where no one could attend it. Dates are the organization's local dates.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date, datetime

__all__ = [
    "CohortEditRefusal",
    "date_change_refusal",
    "seats_change_refusal",
    "session_move_refusal",
    "sessions_overlap",
]


class CohortEditRefusal(enum.StrEnum):
    """Why an edit is refused (message-id suffixes of ``admin-edit-refused-*``)."""

    PAST_DATE = "past-date"
    DATES = "dates"  # ends before it starts
    SESSIONS_OUTSIDE = "sessions-outside"  # a stored session would fall outside the new dates
    SEATS = "seats"  # outside 1..MAX_SEATS
    SEATS_BELOW_ENROLLED = "seats-below-enrolled"
    NOT_TRAINER = "not-trainer"
    OUTSIDE_DATES = "outside-dates"  # a moved session outside the cohort's dates
    OVERLAP = "overlap"
    ATTENDED = "attended"  # attendance is recorded for the session
    UNKNOWN_SESSION = "unknown-session"
    NOTHING_CHANGED = "nothing-changed"


def date_change_refusal(
    old: tuple[date, date],
    new: tuple[date, date],
    today: date,
    session_days: Iterable[date],
) -> CohortEditRefusal | None:
    """New (start, end) of a cohort. A date that changes may not be before ``today`` (the
    organization's local date): a cohort that has started keeps its start, and its end may move
    forward or back to today, not into the past. The end is not before the start, and every
    stored session's local day stays within the new dates."""
    (old_starts, old_ends), (starts, ends) = old, new
    if (starts, ends) == (old_starts, old_ends):
        return CohortEditRefusal.NOTHING_CHANGED
    if (starts != old_starts and starts < today) or (ends != old_ends and ends < today):
        return CohortEditRefusal.PAST_DATE
    if ends < starts:
        return CohortEditRefusal.DATES
    if any(not starts <= day <= ends for day in session_days):
        return CohortEditRefusal.SESSIONS_OUTSIDE
    return None


def seats_change_refusal(seats: int, enrolled: int, max_seats: int) -> CohortEditRefusal | None:
    """§18: seats may shrink to the number of listeners holding a place (enrolled by the order,
    completed or not passed), never below it; the ordinary 1..``max_seats`` bounds hold."""
    if not 1 <= seats <= max_seats:
        return CohortEditRefusal.SEATS
    if seats < enrolled:
        return CohortEditRefusal.SEATS_BELOW_ENROLLED
    return None


def sessions_overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    """Two sessions [start, end) overlap when each starts before the other ends; one that
    starts exactly when the other ends does not overlap it."""
    return a[0] < b[1] and b[0] < a[1]


def session_move_refusal(
    moved: tuple[datetime, datetime],
    local_day: date,
    cohort_dates: tuple[date, date],
    others: Iterable[tuple[datetime, datetime]],
    now: datetime,
    attended: bool,
) -> CohortEditRefusal | None:
    """A session moved to ``moved`` (same length): not one with attendance recorded (its
    check-ins belong to the time it took place), not into the past, on a local day within the
    cohort's dates, and overlapping no other session of the cohort."""
    if attended:
        return CohortEditRefusal.ATTENDED
    if moved[0] < now:
        return CohortEditRefusal.PAST_DATE
    if not cohort_dates[0] <= local_day <= cohort_dates[1]:
        return CohortEditRefusal.OUTSIDE_DATES
    if any(sessions_overlap(moved, other) for other in others):
        return CohortEditRefusal.OVERLAP
    return None
