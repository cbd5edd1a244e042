from __future__ import annotations

from datetime import date

from domain.post_course import (
    SupportKind,
    effectiveness_review_due,
    post_course_support_open,
    support_ends_on,
)


def test_support_ends_a_calendar_year_after_completion() -> None:
    assert support_ends_on(date(2026, 1, 31)) == date(2027, 1, 31)


def test_leap_day_completion_ends_on_28_february() -> None:
    assert support_ends_on(date(2024, 2, 29)) == date(2025, 2, 28)


def test_support_is_open_on_the_last_day() -> None:
    assert post_course_support_open(date(2026, 1, 31), date(2027, 1, 31))


def test_support_is_closed_the_next_day() -> None:
    assert not post_course_support_open(date(2026, 1, 31), date(2027, 2, 1))


def test_support_opens_on_the_completion_day_not_before() -> None:
    assert post_course_support_open(date(2026, 1, 31), date(2026, 1, 31))
    assert not post_course_support_open(date(2026, 1, 31), date(2026, 1, 30))


def test_leap_day_window_last_day_and_next_day() -> None:
    assert post_course_support_open(date(2024, 2, 29), date(2025, 2, 28))
    assert not post_course_support_open(date(2024, 2, 29), date(2025, 3, 1))


def test_three_forms_of_support_of_paragraph_37() -> None:
    assert {k.value for k in SupportKind} == {"consultation", "publication", "community_event"}


def test_first_effectiveness_review_is_due() -> None:
    assert effectiveness_review_due(None, date(2026, 1, 1))


def test_review_is_due_on_the_third_anniversary_not_the_day_before() -> None:
    assert not effectiveness_review_due(date(2023, 5, 10), date(2026, 5, 9))
    assert effectiveness_review_due(date(2023, 5, 10), date(2026, 5, 10))
    assert effectiveness_review_due(date(2023, 5, 10), date(2027, 1, 1))
