"""§5 course formats and §23 course durations (academic hours); which kind goes with which
form (``ALLOWED_FORMATS``); a cohort's schedule against the course hours."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

__all__ = [
    "ABROAD_LONG_MAX_DAYS",
    "ACADEMIC_HOUR_MINUTES",
    "ALLOWED_FORMATS",
    "INTERNSHIP_MIN",
    "LONG_MIN_EXCLUSIVE",
    "SHORT_MAX",
    "SHORT_MIN",
    "CourseFormat",
    "CourseHoursError",
    "CourseHoursReason",
    "CourseKind",
    "ScheduleCheck",
    "academic_hours_to_minutes",
    "format_allowed",
    "overlapping",
    "schedule_covers_course",
    "validate_abroad_duration",
    "validate_course_hours",
    "validate_kind_and_format",
    "validate_module_hours",
]

ACADEMIC_HOUR_MINUTES = 45
"""§23: "Академический час Курса составляет 45 минут"."""

SHORT_MIN = 36
SHORT_MAX = 108
LONG_MIN_EXCLUSIVE = 108
INTERNSHIP_MIN = 36
ABROAD_LONG_MAX_DAYS = 365
"""§23 abroad long courses last "up to 1 (one) year". Reading: at most 365 calendar days,
whether or not the year contains 29 February (one fixed number, so a course's validity does
not depend on its start date)."""


class CourseKind(enum.StrEnum):
    """§23 kinds of course."""

    SHORT = "short"
    LONG = "long"
    INTERNSHIP = "internship"  # TVET teachers' internship at an enterprise (§20, §30)
    ABROAD_SHORT = "abroad_short"
    ABROAD_LONG = "abroad_long"


class CourseFormat(enum.StrEnum):
    """§5 forms of organisation. Distance learning is a separate ``distance: bool`` flag of
    the course (§5.1–5.2 say "including by distance learning")."""

    WITHOUT_LEAVE = "without_leave"  # §5.1 без отрыва от трудовой деятельности
    WITH_LEAVE = "with_leave"  # §5.2 с отрывом, с сохранением заработной платы
    ABROAD = "abroad"  # §5.3 за рубежом, до 1 года
    COMBINED = "combined"  # §5.4 комбинированная (очная с применением дистанционного)


class CourseHoursReason(enum.StrEnum):
    """Why course hours are refused: a message id suffix the bot translates."""

    NOT_POSITIVE = "not_positive"
    SHORT_RANGE = "short_range"  # 36–108
    LONG_MIN = "long_min"  # > 108
    INTERNSHIP_MIN = "internship_min"  # ≥ 36
    ABROAD_SHORT_RANGE = "abroad_short_range"  # 36–108
    ABROAD_LONG_DURATION_REQUIRED = "abroad_long_duration_required"
    ABROAD_LONG_MAX_YEAR = "abroad_long_max_year"  # ≤ 365 days
    ABROAD_LONG_MIN = "abroad_long_min"  # > 108: a shorter one is a short course abroad
    KIND_FORMAT = "kind_format"  # the kind and the form do not go together (ALLOWED_FORMATS)
    MODULES_SUM = "modules_sum"
    MODULE_NOT_POSITIVE = "module_not_positive"


class CourseHoursError(ValueError):
    """Course hours break §23. ``rule_id`` names the paragraph (``"§23"``), ``reason`` is
    machine-readable; ``limits`` carries the numbers the translated message shows."""

    def __init__(self, rule_id: str, reason: CourseHoursReason, **limits: int) -> None:
        self.rule_id = rule_id
        self.reason = reason
        self.limits = limits
        details = ", ".join(f"{k}={v}" for k, v in sorted(limits.items()))
        super().__init__(f"{rule_id}: {reason.value}" + (f" ({details})" if details else ""))


def academic_hours_to_minutes(hours: int) -> int:
    """§23: one academic hour is 45 minutes."""
    if hours < 0:
        raise ValueError("academic hours must not be negative")
    return hours * ACADEMIC_HOUR_MINUTES


def validate_course_hours(kind: CourseKind, hours: int, duration_days: int | None = None) -> None:
    """§23: duration of a course by its kind.

    - SHORT and ABROAD_SHORT: 36 to 108 academic hours, both ends included ("от 36 до 108").
    - LONG: more than 108 academic hours (109 is the first valid value).
    - INTERNSHIP (TVET): at least 36 academic hours.
    - ABROAD_LONG: its own limit. "до 1 (одного) года" — measured in calendar days,
      ``duration_days`` is required, 1 ≤ days ≤ 365 (see ``ABROAD_LONG_MAX_DAYS``); and more
      than 108 academic hours (109 is the first valid value): §23 lists it opposite the short
      course abroad of 36–108 hours, so a course of up to 108 hours abroad is a short one.

    Raises ``CourseHoursError`` with a reason; returns ``None`` when the hours are lawful.
    """
    if hours <= 0:
        raise CourseHoursError("§23", CourseHoursReason.NOT_POSITIVE, hours=hours)
    if kind is CourseKind.SHORT:
        if not SHORT_MIN <= hours <= SHORT_MAX:
            raise CourseHoursError(
                "§23.1", CourseHoursReason.SHORT_RANGE, hours=hours, min=SHORT_MIN, max=SHORT_MAX
            )
    elif kind is CourseKind.LONG:
        if hours <= LONG_MIN_EXCLUSIVE:
            raise CourseHoursError(
                "§23.2", CourseHoursReason.LONG_MIN, hours=hours, min=LONG_MIN_EXCLUSIVE + 1
            )
    elif kind is CourseKind.INTERNSHIP:
        if hours < INTERNSHIP_MIN:
            raise CourseHoursError(
                "§23.3", CourseHoursReason.INTERNSHIP_MIN, hours=hours, min=INTERNSHIP_MIN
            )
    elif kind is CourseKind.ABROAD_SHORT:
        if not SHORT_MIN <= hours <= SHORT_MAX:
            raise CourseHoursError(
                "§23 abroad 1)",
                CourseHoursReason.ABROAD_SHORT_RANGE,
                hours=hours,
                min=SHORT_MIN,
                max=SHORT_MAX,
            )
    elif kind is CourseKind.ABROAD_LONG:
        validate_abroad_duration(duration_days)
        if hours <= LONG_MIN_EXCLUSIVE:
            raise CourseHoursError(
                "§23 abroad 2)",
                CourseHoursReason.ABROAD_LONG_MIN,
                hours=hours,
                min=LONG_MIN_EXCLUSIVE + 1,
            )
    else:  # pragma: no cover - exhaustive over the enum
        raise AssertionError(kind)


def validate_abroad_duration(duration_days: int | None) -> None:
    """§23 abroad 2) "до 1 (одного) года": 1 to 365 calendar days, required."""
    if duration_days is None or duration_days <= 0:
        raise CourseHoursError("§23 abroad 2)", CourseHoursReason.ABROAD_LONG_DURATION_REQUIRED)
    if duration_days > ABROAD_LONG_MAX_DAYS:
        raise CourseHoursError(
            "§23 abroad 2)",
            CourseHoursReason.ABROAD_LONG_MAX_YEAR,
            days=duration_days,
            max=ABROAD_LONG_MAX_DAYS,
        )


def validate_module_hours(course_hours: int, module_hours: Sequence[int]) -> None:
    """§29 / App. 4: the certificate appendix lists modules with their hours; they must add up
    to the course's hours and each module must have a positive number of hours. An empty
    module list is refused too (its sum, 0, differs from the course hours)."""
    for h in module_hours:
        if h <= 0:
            raise CourseHoursError("App. 4", CourseHoursReason.MODULE_NOT_POSITIVE, hours=h)
    total = sum(module_hours)
    if total != course_hours:
        raise CourseHoursError(
            "App. 4", CourseHoursReason.MODULES_SUM, hours=course_hours, modules_total=total
        )


ALLOWED_FORMATS: Mapping[CourseKind, frozenset[CourseFormat]] = {
    CourseKind.SHORT: frozenset(
        {CourseFormat.WITHOUT_LEAVE, CourseFormat.WITH_LEAVE, CourseFormat.COMBINED}
    ),
    CourseKind.LONG: frozenset(
        {CourseFormat.WITHOUT_LEAVE, CourseFormat.WITH_LEAVE, CourseFormat.COMBINED}
    ),
    CourseKind.INTERNSHIP: frozenset({CourseFormat.WITHOUT_LEAVE, CourseFormat.WITH_LEAVE}),
    CourseKind.ABROAD_SHORT: frozenset({CourseFormat.ABROAD}),
    CourseKind.ABROAD_LONG: frozenset({CourseFormat.ABROAD}),
}
"""§5 forms × §23 kinds the Rules allow.

- §5.3 "за рубежом" is its own form, and §23 gives courses abroad their own durations
  ("Продолжительность Курсов за рубежом"): the ABROAD form goes with the two abroad kinds
  only, and an abroad kind only with the ABROAD form (a course abroad is never a domestic
  short or long one, nor "without leave from work").
- §20, §23.3: the TVET teachers' internship is held "на базе предприятий (организаций)", in
  person at the enterprise: without leave or with leave from work, not the combined
  (distance) form.
- Domestic short and long courses: any of the three domestic forms."""


def format_allowed(kind: CourseKind, form: CourseFormat) -> bool:
    """§5 × §23: the combination is in ``ALLOWED_FORMATS``."""
    return form in ALLOWED_FORMATS[kind]


def validate_kind_and_format(kind: CourseKind, form: CourseFormat) -> None:
    """Raises ``CourseHoursError(KIND_FORMAT)`` for a combination outside ``ALLOWED_FORMATS``."""
    if not format_allowed(kind, form):
        raise CourseHoursError("§23", CourseHoursReason.KIND_FORMAT)


@dataclass(frozen=True, slots=True)
class ScheduleCheck:
    """A cohort's schedule against its course: academic hours scheduled and required."""

    scheduled: int
    required: int

    @property
    def complete(self) -> bool:
        return self.scheduled >= self.required


def schedule_covers_course(course_hours: int, session_hours: Sequence[int]) -> ScheduleCheck:
    """§23 with §16: the enrollment order starts a course of ``course_hours`` academic hours, so
    its cohort's sessions must add up to at least those hours before the order can be issued
    (a 72-hour course with 9 hours of sessions is refused). Reading: "at least" — a schedule
    may hold more (a consultation or the final assessment as a session of its own)."""
    return ScheduleCheck(sum(session_hours), course_hours)


def overlapping(
    sessions: Sequence[tuple[datetime, datetime]],
) -> list[tuple[int, int]]:
    """Index pairs of sessions whose times overlap (one starts before the other ends; touching
    ends — 10:30 end, 10:30 start — do not overlap). A cohort has one group: it cannot be in
    two sessions at once."""
    order = sorted(range(len(sessions)), key=lambda i: sessions[i])
    found: list[tuple[int, int]] = []
    for position, i in enumerate(order):
        for j in order[position + 1 :]:
            if sessions[j][0] >= sessions[i][1]:
                break
            found.append((min(i, j), max(i, j)))
    return sorted(found)
