"""§38 boundaries: survey waves 6 and 12 months after completion (the due day itself vs the
day before, month ends), the organization's local date, and the 3-year review reminder."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from domain.follow_up import (
    REVIEW_REMINDER_MARGIN,
    add_months,
    review_due_on,
    review_reminder_due,
    survey_due_on,
    survey_wave_open,
)
from domain.post_course import effectiveness_review_due


def test_six_months_exactly_is_due_a_day_before_is_not() -> None:
    completed = date(2026, 1, 15)
    assert survey_due_on(completed, 6) == date(2026, 7, 15)
    assert not survey_wave_open(completed, 6, date(2026, 7, 14))
    assert survey_wave_open(completed, 6, date(2026, 7, 15))


def test_twelve_months_closes_the_six_month_wave() -> None:
    completed = date(2026, 1, 15)
    assert survey_wave_open(completed, 6, date(2027, 1, 14))
    assert not survey_wave_open(completed, 6, date(2027, 1, 15))
    assert not survey_wave_open(completed, 12, date(2027, 1, 14))
    assert survey_wave_open(completed, 12, date(2027, 1, 15))
    assert survey_wave_open(completed, 12, date(2027, 7, 14))
    assert not survey_wave_open(completed, 12, date(2027, 7, 15))  # not years later


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # a leap year
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 12, 31), 6, date(2027, 6, 30)),
        (date(2026, 7, 1), 6, date(2027, 1, 1)),
    ],
)
def test_month_ends(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_local_date_decides_not_utc() -> None:
    """Completed on 15 January; at 20:30 UTC on 14 July it is already 15 July in Almaty (UTC+5):
    the survey is due there, though the UTC date says the day before."""
    moment = datetime(2026, 7, 14, 20, 30, tzinfo=UTC)
    local = moment.astimezone(ZoneInfo("Asia/Almaty")).date()
    assert moment.date() == date(2026, 7, 14) and local == date(2026, 7, 15)
    assert not survey_wave_open(date(2026, 1, 15), 6, moment.date())
    assert survey_wave_open(date(2026, 1, 15), 6, local)


def test_review_due_at_three_years_and_reminded_before() -> None:
    last = date(2023, 5, 10)
    assert review_due_on(last) == date(2026, 5, 10)
    # the same day the Rules' check says a review is due
    assert not effectiveness_review_due(last, date(2026, 5, 9))
    assert effectiveness_review_due(last, review_due_on(last) or last)
    first_reminder = date(2026, 5, 10) - REVIEW_REMINDER_MARGIN
    assert not review_reminder_due(last, first_reminder - timedelta(days=1))
    assert review_reminder_due(last, first_reminder)
    assert review_reminder_due(last, date(2027, 1, 1))  # overdue: still reminded


def test_no_review_recorded_is_due_now() -> None:
    assert review_due_on(None) is None
    assert review_reminder_due(None, date(2026, 12, 5))


def test_a_review_on_29_february() -> None:
    assert review_due_on(date(2024, 2, 29)) == date(2027, 2, 28)
    assert effectiveness_review_due(date(2024, 2, 29), date(2027, 2, 28))
