"""Editing a cohort: the boundaries of each refusal (today vs yesterday, seats equal to the
enrolled count, sessions touching vs overlapping)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from domain.cohort_edits import (
    CohortEditRefusal,
    date_change_refusal,
    seats_change_refusal,
    session_move_refusal,
    sessions_overlap,
)

OLD = (date(2026, 12, 1), date(2026, 12, 12))
TODAY = date(2026, 12, 3)


def test_a_changed_date_may_be_today_not_yesterday() -> None:
    sessions = [date(2026, 12, 4)]
    assert date_change_refusal(OLD, (OLD[0], TODAY), TODAY, []) is None
    assert (
        date_change_refusal(OLD, (OLD[0], TODAY - timedelta(days=1)), TODAY, [])
        is CohortEditRefusal.PAST_DATE
    )
    # a started cohort keeps its start (in the past) while its end moves
    assert date_change_refusal(OLD, (OLD[0], date(2026, 12, 20)), TODAY, sessions) is None
    assert (
        date_change_refusal(OLD, (date(2026, 11, 30), OLD[1]), TODAY, [])
        is CohortEditRefusal.PAST_DATE
    )


def test_dates_in_order_and_sessions_inside() -> None:
    future = (date(2026, 12, 10), date(2026, 12, 20))
    assert (
        date_change_refusal(future, (date(2026, 12, 21), date(2026, 12, 20)), TODAY, [])
        is CohortEditRefusal.DATES
    )
    assert (
        date_change_refusal(
            future, (date(2026, 12, 11), date(2026, 12, 20)), TODAY, [date(2026, 12, 10)]
        )
        is CohortEditRefusal.SESSIONS_OUTSIDE
    )
    assert date_change_refusal(future, future, TODAY, []) is CohortEditRefusal.NOTHING_CHANGED


def test_seats_down_to_the_enrolled_count() -> None:
    assert seats_change_refusal(12, 12, 500) is None
    assert seats_change_refusal(11, 12, 500) is CohortEditRefusal.SEATS_BELOW_ENROLLED
    assert seats_change_refusal(0, 0, 500) is CohortEditRefusal.SEATS
    assert seats_change_refusal(501, 0, 500) is CohortEditRefusal.SEATS


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=UTC)


def test_touching_sessions_do_not_overlap() -> None:
    assert not sessions_overlap((at(4, 4), at(4, 5, 30)), (at(4, 5, 30), at(4, 7)))
    assert sessions_overlap((at(4, 4), at(4, 5, 30)), (at(4, 5, 29), at(4, 7)))


def test_session_move() -> None:
    now = at(3, 4)
    others = [(at(5, 4), at(5, 5, 30))]
    slot = (at(5, 5, 30), at(5, 7))
    assert session_move_refusal(slot, date(2026, 12, 5), OLD, others, now, False) is None
    assert (
        session_move_refusal(slot, date(2026, 12, 5), OLD, others, now, True)
        is CohortEditRefusal.ATTENDED
    )
    past = (now - timedelta(minutes=1), now + timedelta(minutes=89))
    assert (
        session_move_refusal(past, date(2026, 12, 3), OLD, [], now, False)
        is CohortEditRefusal.PAST_DATE
    )
    assert (
        session_move_refusal(slot, date(2026, 12, 13), OLD, [], now, False)
        is CohortEditRefusal.OUTSIDE_DATES
    )
    clash = (at(5, 5), at(5, 6, 30))
    assert (
        session_move_refusal(clash, date(2026, 12, 5), OLD, others, now, False)
        is CohortEditRefusal.OVERLAP
    )
