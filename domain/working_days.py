"""§19: NOBD data within five working days after completion; working-day arithmetic for
Kazakhstan (weekends, public holidays from the ``holidays`` package, configurable extras)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

__all__ = [
    "NOBD_DEADLINE_WORKING_DAYS",
    "NOBD_REMINDER_WORKING_DAYS_BEFORE",
    "add_working_days",
    "is_working_day",
    "nobd_deadline",
    "nobd_reminder_date",
]

NOBD_DEADLINE_WORKING_DAYS = 5
NOBD_REMINDER_WORKING_DAYS_BEFORE = 2
_NO_DAYS: frozenset[date] = frozenset()


@lru_cache(maxsize=1)
def _kz_holidays() -> holidays.HolidayBase:
    import holidays  # on the first working-day question, not with every import (~3 MB)

    # years expand lazily on lookup; observed (moved) days off are included by the package
    return holidays.country_holidays("KZ")


def is_working_day(
    day: date,
    extra_holidays: Collection[date] = _NO_DAYS,
    extra_working_days: Collection[date] = _NO_DAYS,
) -> bool:
    """A working day in Kazakhstan: not Saturday/Sunday, not a public holiday or observed day
    off (``holidays``, country ``KZ``) and not one of ``extra_holidays`` (days off the
    Government moved, a setting). ``extra_working_days`` are weekend days made working by a
    transfer of days off; an extra holiday beats an extra working day."""
    if day in extra_holidays:
        return False
    if day in extra_working_days:
        return True
    if day.weekday() >= 5:
        return False
    return day not in _kz_holidays()


def add_working_days(
    start: date,
    n: int,
    extra_holidays: Collection[date] = _NO_DAYS,
    extra_working_days: Collection[date] = _NO_DAYS,
) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself is not counted, whether or
    not it is a working day). ``n == 0`` → ``start``; a negative ``n`` counts backwards
    (``-2`` → the second working day before ``start``)."""
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    day = start
    while remaining:
        day += step
        if is_working_day(day, extra_holidays, extra_working_days):
            remaining -= 1
    return day


def nobd_deadline(
    completed_on: date,
    extra_holidays: Collection[date] = _NO_DAYS,
    extra_working_days: Collection[date] = _NO_DAYS,
) -> date:
    """§19 "не позднее пяти рабочих дней с момента завершения": the fifth working day after
    the completion day (the completion day itself is not counted); data entered on that day is
    still on time."""
    return add_working_days(
        completed_on, NOBD_DEADLINE_WORKING_DAYS, extra_holidays, extra_working_days
    )


def nobd_reminder_date(
    completed_on: date,
    extra_holidays: Collection[date] = _NO_DAYS,
    extra_working_days: Collection[date] = _NO_DAYS,
) -> date:
    """Admins are reminded two working days before the §19 deadline (the third working day
    after completion when no holiday intervenes)."""
    deadline = nobd_deadline(completed_on, extra_holidays, extra_working_days)
    return add_working_days(
        deadline, -NOBD_REMINDER_WORKING_DAYS_BEFORE, extra_holidays, extra_working_days
    )
