"""§36–37 post-course support for one calendar year; §38 effectiveness analysis."""

from __future__ import annotations

import enum
from datetime import date

__all__ = [
    "REVIEW_INTERVAL_YEARS",
    "SupportKind",
    "effectiveness_review_due",
    "post_course_support_open",
    "support_ends_on",
]

REVIEW_INTERVAL_YEARS = 3


class SupportKind(enum.StrEnum):
    """§37 forms of post-course support."""

    CONSULTATION = "consultation"  # §37.1 methodological and consulting help
    PUBLICATION = "publication"  # §37.2 help with publications
    COMMUNITY_EVENT = "community_event"  # §37.3 professional communities, events


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def support_ends_on(completed_on: date) -> date:
    """§36 "в течение одного календарного года": the last day of support is the same calendar
    date 12 months after completion, that day included (2026-01-31 → 2027-01-31).
    29 February → 28 February of the next year (2024-02-29 → 2025-02-28), never past a year."""
    return _add_years(completed_on, 1)


def post_course_support_open(completed_on: date, today: date) -> bool:
    """§36: consultation requests are open from the completion day through
    ``support_ends_on(completed_on)`` inclusive; closed the next day and before completion."""
    return completed_on <= today <= support_ends_on(completed_on)


def effectiveness_review_due(last_review: date | None, today: date) -> bool:
    """§38 "не реже 1 (одного) раза в три года": a review is due when there has been none, or
    when today is on or after the third anniversary of the last one (a review on the
    anniversary is the latest one that keeps the 3-year rhythm, so it is due that day)."""
    if last_review is None:
        return True
    return today >= _add_years(last_review, REVIEW_INTERVAL_YEARS)
