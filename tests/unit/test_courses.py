from __future__ import annotations

import pytest

from domain.courses import (
    ACADEMIC_HOUR_MINUTES,
    CourseFormat,
    CourseHoursError,
    CourseHoursReason,
    CourseKind,
    academic_hours_to_minutes,
    validate_course_hours,
    validate_module_hours,
)


def reason_of(kind: CourseKind, hours: int, days: int | None = None) -> CourseHoursReason:
    with pytest.raises(CourseHoursError) as info:
        validate_course_hours(kind, hours, days)
    return info.value.reason


def test_academic_hour_is_45_minutes() -> None:
    assert ACADEMIC_HOUR_MINUTES == 45
    assert academic_hours_to_minutes(1) == 45
    assert academic_hours_to_minutes(36) == 1620
    assert academic_hours_to_minutes(0) == 0


def test_negative_academic_hours_are_refused() -> None:
    with pytest.raises(ValueError):
        academic_hours_to_minutes(-1)


@pytest.mark.parametrize("hours", [36, 37, 72, 107, 108])
def test_short_course_accepts_36_to_108_hours(hours: int) -> None:
    validate_course_hours(CourseKind.SHORT, hours)


@pytest.mark.parametrize("hours", [1, 35, 109, 500])
def test_short_course_refuses_35_and_109_hours(hours: int) -> None:
    assert reason_of(CourseKind.SHORT, hours) is CourseHoursReason.SHORT_RANGE


def test_short_course_error_names_the_rule_and_limits() -> None:
    with pytest.raises(CourseHoursError) as info:
        validate_course_hours(CourseKind.SHORT, 35)
    assert info.value.rule_id == "§23.1"
    assert info.value.reason == "short_range"
    assert info.value.limits == {"hours": 35, "min": 36, "max": 108}


def test_long_course_refuses_108_and_accepts_109() -> None:
    assert reason_of(CourseKind.LONG, 108) is CourseHoursReason.LONG_MIN
    validate_course_hours(CourseKind.LONG, 109)
    validate_course_hours(CourseKind.LONG, 1000)


def test_internship_refuses_35_and_accepts_36_and_more() -> None:
    assert reason_of(CourseKind.INTERNSHIP, 35) is CourseHoursReason.INTERNSHIP_MIN
    validate_course_hours(CourseKind.INTERNSHIP, 36)
    validate_course_hours(CourseKind.INTERNSHIP, 400)


def test_abroad_short_is_36_to_108() -> None:
    assert reason_of(CourseKind.ABROAD_SHORT, 35) is CourseHoursReason.ABROAD_SHORT_RANGE
    validate_course_hours(CourseKind.ABROAD_SHORT, 36)
    validate_course_hours(CourseKind.ABROAD_SHORT, 108)
    assert reason_of(CourseKind.ABROAD_SHORT, 109) is CourseHoursReason.ABROAD_SHORT_RANGE


def test_abroad_long_accepts_up_to_365_days() -> None:
    validate_course_hours(CourseKind.ABROAD_LONG, 1500, duration_days=1)
    validate_course_hours(CourseKind.ABROAD_LONG, 1500, duration_days=365)


def test_abroad_long_refuses_366_days_even_in_a_leap_year() -> None:
    assert reason_of(CourseKind.ABROAD_LONG, 1500, 366) is CourseHoursReason.ABROAD_LONG_MAX_YEAR


@pytest.mark.parametrize("days", [None, 0, -5])
def test_abroad_long_needs_a_positive_duration(days: int | None) -> None:
    assert (
        reason_of(CourseKind.ABROAD_LONG, 1500, days)
        is CourseHoursReason.ABROAD_LONG_DURATION_REQUIRED
    )


@pytest.mark.parametrize("kind", list(CourseKind))
def test_zero_or_negative_hours_are_refused_for_every_kind(kind: CourseKind) -> None:
    assert reason_of(kind, 0, 100) is CourseHoursReason.NOT_POSITIVE
    assert reason_of(kind, -36, 100) is CourseHoursReason.NOT_POSITIVE


def test_course_hours_error_is_a_value_error_with_readable_text() -> None:
    with pytest.raises(ValueError, match=r"§23\.2: long_min"):
        validate_course_hours(CourseKind.LONG, 100)


def test_four_formats_of_paragraph_5() -> None:
    assert {f.value for f in CourseFormat} == {"without_leave", "with_leave", "abroad", "combined"}


def test_module_hours_adding_up_to_course_hours_are_accepted() -> None:
    validate_module_hours(72, [24, 24, 24])
    validate_module_hours(36, [36])


@pytest.mark.parametrize("modules", [[24, 24], [24, 24, 25], []])
def test_module_hours_not_adding_up_are_refused(modules: list[int]) -> None:
    with pytest.raises(CourseHoursError) as info:
        validate_module_hours(72, modules)
    assert info.value.reason is CourseHoursReason.MODULES_SUM


def test_a_module_with_zero_hours_is_refused() -> None:
    with pytest.raises(CourseHoursError) as info:
        validate_module_hours(72, [72, 0])
    assert info.value.reason is CourseHoursReason.MODULE_NOT_POSITIVE
