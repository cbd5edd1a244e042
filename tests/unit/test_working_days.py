from __future__ import annotations

from datetime import date

from domain.working_days import (
    add_working_days,
    is_working_day,
    nobd_deadline,
    nobd_reminder_date,
)


def test_weekend_and_independence_day_are_not_working_days() -> None:
    assert is_working_day(date(2025, 12, 15))  # Monday
    assert not is_working_day(date(2025, 12, 13))  # Saturday
    assert not is_working_day(date(2025, 12, 14))  # Sunday
    assert not is_working_day(date(2025, 12, 16))  # Independence Day, Tuesday


def test_nauryz_is_not_a_working_day() -> None:
    for day in (21, 23, 24, 25):
        assert not is_working_day(date(2026, 3, day))
    assert is_working_day(date(2026, 3, 26))


def test_start_day_is_not_counted() -> None:
    assert add_working_days(date(2026, 2, 2), 1) == date(2026, 2, 3)  # Mon → Tue
    assert add_working_days(date(2026, 2, 2), 0) == date(2026, 2, 2)


def test_add_working_days_across_a_weekend() -> None:
    # Thursday + 2 working days → Monday
    assert add_working_days(date(2026, 2, 5), 2) == date(2026, 2, 9)


def test_negative_counts_backwards() -> None:
    assert add_working_days(date(2026, 2, 9), -2) == date(2026, 2, 5)


def test_nobd_deadline_across_weekend_and_independence_day() -> None:
    # Fri 12 Dec 2025: Mon 15, (Tue 16 holiday), Wed 17, Thu 18, Fri 19, Mon 22
    assert nobd_deadline(date(2025, 12, 12)) == date(2025, 12, 22)
    assert nobd_reminder_date(date(2025, 12, 12)) == date(2025, 12, 18)


def test_nobd_deadline_across_nauryz() -> None:
    # Fri 20 Mar 2026: 21–25 March are days off → Thu 26, Fri 27, Mon 30, Tue 31, Wed 1 Apr
    assert nobd_deadline(date(2026, 3, 20)) == date(2026, 4, 1)
    assert nobd_reminder_date(date(2026, 3, 20)) == date(2026, 3, 30)


def test_nobd_deadline_in_a_plain_week() -> None:
    # Mon 2 Feb 2026 → Mon 9 Feb; reminder Thu 5 Feb
    assert nobd_deadline(date(2026, 2, 2)) == date(2026, 2, 9)
    assert nobd_reminder_date(date(2026, 2, 2)) == date(2026, 2, 5)


def test_completion_on_a_weekend_counts_from_monday() -> None:
    assert nobd_deadline(date(2026, 2, 7)) == date(2026, 2, 13)  # Sat → Fri


def test_configured_extra_holiday_moves_the_deadline() -> None:
    extra = {date(2026, 2, 4)}
    assert nobd_deadline(date(2026, 2, 2), extra_holidays=extra) == date(2026, 2, 10)


def test_transferred_working_saturday_counts() -> None:
    saturday = date(2026, 2, 7)
    assert is_working_day(saturday, extra_working_days={saturday})
    assert nobd_deadline(date(2026, 2, 2), extra_working_days={saturday}) == date(2026, 2, 7)


def test_extra_holiday_beats_extra_working_day() -> None:
    day = date(2026, 2, 7)
    assert not is_working_day(day, extra_holidays={day}, extra_working_days={day})
