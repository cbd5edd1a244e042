"""§5 × §23 kind and form table, the abroad long course's own limit, the schedule against
the course hours, overlapping sessions (domain.courses)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.courses import (
    ALLOWED_FORMATS,
    CourseFormat,
    CourseHoursError,
    CourseHoursReason,
    CourseKind,
    format_allowed,
    overlapping,
    schedule_covers_course,
    validate_course_hours,
    validate_kind_and_format,
)


def test_abroad_goes_with_abroad_kinds_only() -> None:
    for kind in CourseKind:
        abroad = kind in (CourseKind.ABROAD_SHORT, CourseKind.ABROAD_LONG)
        assert format_allowed(kind, CourseFormat.ABROAD) is abroad
        for form in (CourseFormat.WITHOUT_LEAVE, CourseFormat.WITH_LEAVE):
            assert format_allowed(kind, form) is not abroad
    assert not format_allowed(CourseKind.INTERNSHIP, CourseFormat.COMBINED)
    assert format_allowed(CourseKind.SHORT, CourseFormat.COMBINED)
    assert set(ALLOWED_FORMATS) == set(CourseKind)
    with pytest.raises(CourseHoursError) as error:
        validate_kind_and_format(CourseKind.SHORT, CourseFormat.ABROAD)  # abroad, not short
    assert error.value.reason is CourseHoursReason.KIND_FORMAT


def test_a_long_course_abroad_has_its_own_hour_limit() -> None:
    with pytest.raises(CourseHoursError) as error:
        validate_course_hours(CourseKind.ABROAD_LONG, 108, 200)
    assert error.value.reason is CourseHoursReason.ABROAD_LONG_MIN
    assert error.value.limits == {"hours": 108, "min": 109}
    validate_course_hours(CourseKind.ABROAD_LONG, 109, 365)
    with pytest.raises(CourseHoursError):
        validate_course_hours(CourseKind.ABROAD_LONG, 500, 366)


def test_a_schedule_must_cover_the_course_hours() -> None:
    short = schedule_covers_course(72, [4, 5])
    assert (short.scheduled, short.required, short.complete) == (9, 72, False)
    assert not schedule_covers_course(72, [8] * 8 + [7]).complete  # 71
    assert schedule_covers_course(72, [8] * 9).complete
    assert schedule_covers_course(72, [8] * 10).complete
    assert not schedule_covers_course(36, []).complete


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, 1, hour, minute, tzinfo=UTC)


def test_overlapping_sessions() -> None:
    spans = [
        (at(9), at(12)),  # 0
        (at(12), at(13, 30)),  # 1: touches 0, no overlap
        (at(11), at(12)),  # 2: inside 0
        (at(13), at(14)),  # 3: overlaps 1
        (at(15), at(16)),  # 4: alone
    ]
    assert overlapping(spans) == [(0, 2), (1, 3)]
    assert overlapping([]) == []
    day = timedelta(days=1)
    assert overlapping([(at(9) + day, at(10) + day), (at(9), at(10))]) == []
