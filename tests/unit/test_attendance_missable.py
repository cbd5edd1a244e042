"""§24.3: a session under way or to come is still attendable; only one that is over can have
been missed (issue 13: "80 % can no longer be reached" while a session was still open)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from domain.attendance import can_still_reach_attendance, sessions_missable

END = datetime(2026, 11, 23, 11, 30, tzinfo=UTC)


def test_a_session_counts_as_missable_from_its_end_on() -> None:
    ends = [END - timedelta(days=d) for d in (4, 3, 2, 1)] + [END]
    assert sessions_missable(ends, END - timedelta(seconds=1)) == 4
    assert sessions_missable(ends, END) == 5
    # 3 of the 4 over attended, the 5th open: 4 of 5 is still possible, then no longer
    assert can_still_reach_attendance(3, sessions_missable(ends, END - timedelta(seconds=1)), 5)
    assert not can_still_reach_attendance(3, sessions_missable(ends, END), 5)
