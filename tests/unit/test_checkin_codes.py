"""Rotating check-in codes: format, 30-second windows, the grace, binding to one session."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.checkin_codes import (
    WINDOW,
    CodeCheck,
    check_code,
    code_for,
    deep_link,
    deep_link_payload,
    display_code,
    normalize_code,
    parse_deep_link_payload,
    window_ends_at,
    window_index,
)

SECRET = b"test-secret"
moments = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
)
session_ids = st.integers(min_value=1, max_value=10**12)
secrets = st.binary(min_size=8, max_size=64)


@given(secrets, session_ids, moments)
def test_a_code_is_six_digits_and_the_same_within_its_window(
    secret: bytes, session_id: int, now: datetime
) -> None:
    code = code_for(secret, session_id, now)
    assert re.fullmatch(r"\d{6}", code)
    start = datetime.fromtimestamp(window_index(now) * WINDOW.total_seconds(), tz=UTC)
    last = window_ends_at(now) - timedelta(microseconds=1)
    assert code_for(secret, session_id, start) == code == code_for(secret, session_id, last)


@given(secrets, session_ids, moments, st.integers(min_value=0, max_value=200))
def test_a_shown_code_is_accepted_in_its_window_and_the_next_one_only(
    secret: bytes, session_id: int, shown_at: datetime, seconds_later: int
) -> None:
    code = code_for(secret, session_id, shown_at)
    typed_at = shown_at + timedelta(seconds=seconds_later)
    windows_later = window_index(typed_at) - window_index(shown_at)
    result = check_code(secret, session_id, code, typed_at)
    if windows_later <= 1:
        assert result is CodeCheck.VALID
    elif result is CodeCheck.VALID:
        # Only a coincidence with the current or previous code (1 in 10**6 each) may pass.
        assert code in {
            code_for(secret, session_id, typed_at),
            code_for(secret, session_id, typed_at - WINDOW),
        }
    else:
        assert result is CodeCheck.STALE


def test_grace_boundary_exactly() -> None:
    shown = datetime(2026, 11, 23, 9, 0, 0, tzinfo=UTC)  # a window starts here (…:00)
    assert window_index(shown) * 30 == shown.timestamp()
    code = code_for(SECRET, 7, shown)
    assert check_code(SECRET, 7, code, shown + timedelta(seconds=59.999)) is CodeCheck.VALID
    assert check_code(SECRET, 7, code, shown + timedelta(seconds=60)) is CodeCheck.STALE
    assert check_code(SECRET, 7, code, shown + timedelta(minutes=10, seconds=29)) is CodeCheck.STALE
    assert check_code(SECRET, 7, code, shown + timedelta(minutes=10, seconds=30)) is CodeCheck.WRONG
    # A code is never accepted before it is shown (no "next window" allowance).
    assert check_code(SECRET, 7, code, shown - timedelta(seconds=1)) is not CodeCheck.VALID


@given(secrets, session_ids, session_ids, moments)
def test_a_code_of_one_session_does_not_open_another(
    secret: bytes, session_a: int, session_b: int, now: datetime
) -> None:
    if session_a == session_b:
        return
    code_a = code_for(secret, session_a, now)
    if check_code(secret, session_b, code_a, now) is CodeCheck.VALID:
        # the only way: B's own current/previous code happens to be the same six digits
        assert code_a in {
            code_for(secret, session_b, now),
            code_for(secret, session_b, now - WINDOW),
        }


def test_codes_of_two_thousand_sessions_in_one_window_do_not_open_each_other() -> None:
    """Deterministic: session 1's code opens none of sessions 2…2001 at the same moment,
    and different sessions rarely share a code (~uniform over a million values)."""
    now = datetime(2026, 11, 23, 9, 0, 10, tzinfo=UTC)
    code = code_for(SECRET, 1, now)
    opened = [s for s in range(2, 2_002) if check_code(SECRET, s, code, now) is CodeCheck.VALID]
    assert opened == []
    distinct = {code_for(SECRET, s, now) for s in range(1, 2_001)}
    assert len(distinct) > 1_990


@given(session_ids, moments)
def test_another_secret_gives_other_codes(session_id: int, now: datetime) -> None:
    codes = {code_for(secret, session_id, now) for secret in (b"a" * 16, b"b" * 16, b"c" * 16)}
    assert len(codes) >= 2  # all three equal: 10**-12


@given(st.integers(min_value=1, max_value=10**18 - 1), st.from_regex(r"[0-9]{6}", fullmatch=True))
def test_deep_link_payload_round_trips_and_fits_telegram(session_id: int, code: str) -> None:
    payload = deep_link_payload(session_id, code)
    assert len(payload) <= 64
    assert re.fullmatch(r"[A-Za-z0-9_-]+", payload)
    assert parse_deep_link_payload(payload) == (session_id, code)


def test_deep_link_and_malformed_payloads() -> None:
    assert deep_link("biliktilik_bot", 15, "004211") == (
        "https://t.me/biliktilik_bot?start=ci_15_004211"
    )
    for bad in (
        "ci_15_42",
        "ci_0_123456",
        "ci_x_123456",
        "v_15_123456",
        "ci_15_1234567",
        "ci_15_123456_",
        "ci__123456",
        "",
    ):
        assert parse_deep_link_payload(bad) is None, bad


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("123456", "123456"),
        ("123 456", "123456"),
        (" 123-456 ", "123456"),
        ("12345", None),
        ("1234567", None),
        ("12a456", None),
        ("１２３４５６", None),
        ("", None),
    ],
)
def test_typed_codes_are_normalized(typed: str, expected: str | None) -> None:
    assert normalize_code(typed) == expected


def test_display_and_naive_time_refused() -> None:
    assert display_code("004211") == "004 211"
    with pytest.raises(ValueError):
        code_for(SECRET, 1, datetime(2026, 1, 1))
    with pytest.raises(ValueError):
        code_for(b"", 1, datetime(2026, 1, 1, tzinfo=UTC))


@settings(max_examples=50)
@given(session_ids, moments, st.integers(min_value=-12, max_value=14))
def test_the_code_does_not_depend_on_the_time_zone_of_now(
    session_id: int, now: datetime, hours: int
) -> None:
    local = now.astimezone(timezone(timedelta(hours=hours)))
    assert code_for(SECRET, session_id, local) == code_for(SECRET, session_id, now)


@given(secrets, session_ids, moments, st.integers(min_value=0, max_value=200))
def test_accepts_code_is_check_code_valid(
    secret: bytes, session_id: int, shown_at: datetime, seconds_later: int
) -> None:
    from domain.checkin_codes import accepts_code

    code = code_for(secret, session_id, shown_at)
    typed_at = shown_at + timedelta(seconds=seconds_later)
    assert accepts_code(secret, session_id, code, typed_at) == (
        check_code(secret, session_id, code, typed_at) is CodeCheck.VALID
    )
