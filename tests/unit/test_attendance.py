from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.attendance import (
    attendance_share,
    can_still_reach_attendance,
    checkin_window_open,
    meets_attendance,
    sessions_needed_for_attendance,
)

ALMATY = timezone(timedelta(hours=5))


def test_share_is_an_exact_fraction() -> None:
    assert attendance_share(7999, 10000) == Fraction(7999, 10000)
    assert attendance_share(0, 0) == 0


def test_79_99_percent_fails() -> None:
    assert not meets_attendance(7999, 10000)


def test_80_percent_passes() -> None:
    assert meets_attendance(8000, 10000)
    assert meets_attendance(4, 5)


def test_3_of_5_fails_and_all_pass() -> None:
    assert not meets_attendance(3, 5)
    assert meets_attendance(5, 5)


def test_no_scheduled_sessions_never_meets_attendance() -> None:
    assert not meets_attendance(0, 0)
    assert not can_still_reach_attendance(0, 0, 0)


@pytest.mark.parametrize(("attended", "total"), [(-1, 5), (6, 5), (0, -1)])
def test_impossible_counts_are_refused(attended: int, total: int) -> None:
    with pytest.raises(ValueError):
        meets_attendance(attended, total)


@given(st.integers(min_value=1, max_value=10_000), st.data())
def test_meets_attendance_is_exactly_five_times_attended_at_least_four_times_total(
    total: int, data: st.DataObject
) -> None:
    attended = data.draw(st.integers(min_value=0, max_value=total))
    assert meets_attendance(attended, total) == (5 * attended >= 4 * total)


def test_sessions_needed_counts_the_rest_to_reach_80_percent() -> None:
    # 10 sessions scheduled → 8 needed
    assert sessions_needed_for_attendance(attended=3, held=4, total=10) == 5
    assert sessions_needed_for_attendance(attended=8, held=8, total=10) == 0
    assert sessions_needed_for_attendance(attended=9, held=10, total=10) == 0
    # 7 sessions → ceil(5.6) = 6 needed
    assert sessions_needed_for_attendance(attended=0, held=0, total=7) == 6


def test_can_still_reach_attendance_at_the_edge() -> None:
    # 10 sessions, 2 missed: 8 remaining are all needed → still possible
    assert can_still_reach_attendance(attended=0, held=2, total=10)
    # 3 missed → only 7 possible of 8 needed
    assert not can_still_reach_attendance(attended=0, held=3, total=10)
    assert can_still_reach_attendance(attended=8, held=10, total=10)


@given(st.integers(min_value=1, max_value=200), st.data())
def test_reachability_agrees_with_attending_every_remaining_session(
    total: int, data: st.DataObject
) -> None:
    held = data.draw(st.integers(min_value=0, max_value=total))
    attended = data.draw(st.integers(min_value=0, max_value=held))
    best = attended + (total - held)
    assert can_still_reach_attendance(attended, held, total) == meets_attendance(best, total)
    needed = sessions_needed_for_attendance(attended, held, total)
    assert meets_attendance(attended + needed, total) or needed > total - held
    if needed > 0:
        assert not meets_attendance(attended + needed - 1, total)


START = datetime(2026, 3, 2, 9, 0, tzinfo=ALMATY)
END = START + timedelta(minutes=90)


def test_checkin_window_opens_exactly_15_minutes_before_start() -> None:
    assert checkin_window_open(START, END, START - timedelta(minutes=15))
    assert not checkin_window_open(START, END, START - timedelta(minutes=15, seconds=1))


def test_checkin_window_is_open_during_the_session() -> None:
    assert checkin_window_open(START, END, START)
    assert checkin_window_open(START, END, END - timedelta(seconds=1))


def test_checkin_window_closes_at_the_end() -> None:
    assert not checkin_window_open(START, END, END)


def test_checkin_window_compares_instants_across_time_zones() -> None:
    now_utc = datetime(2026, 3, 2, 3, 50, tzinfo=UTC)  # 08:50 in Almaty
    assert checkin_window_open(START, END, now_utc)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        checkin_window_open(START, END, datetime(2026, 3, 2, 9, 0))


def test_session_ending_before_start_is_refused() -> None:
    with pytest.raises(ValueError):
        checkin_window_open(END, START, START)
