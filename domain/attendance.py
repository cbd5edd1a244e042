"""§24.3 attendance: at least 80 % of all scheduled sessions; the check-in window."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from fractions import Fraction

__all__ = [
    "ATTENDANCE_MIN_SHARE",
    "CHECKIN_OPENS_BEFORE",
    "attendance_share",
    "can_still_reach_attendance",
    "checkin_window_open",
    "meets_attendance",
    "sessions_missable",
    "sessions_needed_for_attendance",
]

ATTENDANCE_MIN_SHARE = Fraction(80, 100)
"""§24.3: "посещать не менее 80% от всех занятий согласно расписаниям"."""

CHECKIN_OPENS_BEFORE = timedelta(minutes=15)


def _check_counts(attended: int, total: int) -> None:
    if attended < 0 or total < 0:
        raise ValueError("session counts must not be negative")
    if attended > total:
        raise ValueError("attended sessions cannot exceed scheduled sessions")


def attendance_share(attended: int, total: int) -> Fraction:
    """Exact share of scheduled sessions attended (a ``Fraction``, never a float, so that
    7999/10000 is strictly below 80 %). No sessions scheduled → 0."""
    _check_counts(attended, total)
    if total == 0:
        return Fraction(0)
    return Fraction(attended, total)


def meets_attendance(attended: int, total: int) -> bool:
    """§24.3: attended ≥ 80 % of *all scheduled* sessions of the course (not only those held).
    Reading: a course with no scheduled sessions cannot be met (``total == 0`` → False)."""
    _check_counts(attended, total)
    if total == 0:
        return False
    return attendance_share(attended, total) >= ATTENDANCE_MIN_SHARE


def _required_sessions(total: int) -> int:
    """Smallest integer count that is ≥ 80 % of ``total`` (ceil of 4/5 · total)."""
    return -((-total * ATTENDANCE_MIN_SHARE.numerator) // ATTENDANCE_MIN_SHARE.denominator)


def sessions_needed_for_attendance(attended: int, held: int, total: int) -> int:
    """§24.3: how many of the ``total - held`` remaining sessions the listener still has to
    attend to reach 80 % of all scheduled sessions. 0 when already reached. May exceed the
    remaining sessions — then it is no longer reachable (see ``can_still_reach_attendance``)."""
    _check_counts(attended, held)
    _check_counts(held, total)
    return max(0, _required_sessions(total) - attended)


def can_still_reach_attendance(attended: int, held: int, total: int) -> bool:
    """§24.3: whether attending every remaining session would still give ≥ 80 %.
    ``total == 0`` → False (as ``meets_attendance``)."""
    if total == 0:
        _check_counts(attended, held)
        _check_counts(held, total)
        return False
    return sessions_needed_for_attendance(attended, held, total) <= total - held


def sessions_missable(ends: Iterable[datetime], now: datetime) -> int:
    """§24.3: how many scheduled sessions are over — the only ones a listener can have missed.
    A session under way (its check-in is open until its end, ``checkin_window_open``) or still
    to come counts as attendable: "80 % can no longer be reached" is never said while the
    session that would still reach it is open. ``ends``: the sessions' end instants."""
    return sum(1 for end in ends if end <= now)


def checkin_window_open(session_start: datetime, session_end: datetime, now: datetime) -> bool:
    """Check-in to a session (§24.1 follow the schedule, §24.3 attendance) is open from
    15 minutes before the start (inclusive) until the end of the session (exclusive):
    ``start - 15 min <= now < end``. All three datetimes must be timezone-aware; they are
    compared as instants, so different zones are fine."""
    for value in (session_start, session_end, now):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("datetimes must be timezone-aware")
    if session_end <= session_start:
        raise ValueError("session must end after it starts")
    return session_start - CHECKIN_OPENS_BEFORE <= now < session_end
