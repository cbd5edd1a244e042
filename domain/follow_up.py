"""§38: analysis of post-course results — follow-up surveys of teachers and the effectiveness
review every three years.

§38 "Анализ результатов посткурсового сопровождения и мониторинг эффективности
образовательных программ проводится не реже 1 (одного) раза в три года." The Rules say how
often, not how. Our reading: the analysis rests on (1) the §36–37 consultation figures, (2) a
short survey of every teacher who completed a course, 6 and 12 months after completion (the
end of the §36 support year), and (3) a review the admins record (date and note); admins are
reminded before three years have passed since the last recorded review.

All dates here are the organization's local dates.
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from domain.post_course import REVIEW_INTERVAL_YEARS

__all__ = [
    "APPLIED_ANSWERS",
    "COMMENT_MAX",
    "HELPED_SCALE",
    "REVIEW_NOTE_MAX",
    "REVIEW_REMINDER_MARGIN",
    "SURVEY_WAVES",
    "EffectivenessReview",
    "SurveyQuestion",
    "SurveyResponse",
    "add_months",
    "review_due_on",
    "review_reminder_due",
    "survey_due_on",
    "survey_wave_open",
]

#: Months after completion when a teacher is asked (§36: the support year ends at 12).
SURVEY_WAVES = (6, 12)
#: "Did the course help your practice?" 1 (not at all) … 5 (very much).
HELPED_SCALE = (1, 2, 3, 4, 5)
#: "Have you applied what you learned in your lessons?"
APPLIED_ANSWERS = ("yes", "partly", "no")
COMMENT_MAX = 500
REVIEW_NOTE_MAX = 1000
#: Admins are reminded this long before the three years run out.
REVIEW_REMINDER_MARGIN = timedelta(days=60)


class SurveyQuestion(enum.StrEnum):
    HELPED = "helped"
    APPLIED = "applied"
    COMMENT = "comment"


@dataclass
class SurveyResponse:
    """One teacher's answers to one wave (6 or 12 months) for one completed enrollment."""

    enrollment_id: int
    wave: int
    helped: int | None = None
    applied: str | None = None
    comment: str = ""
    started_at: datetime | None = None
    completed_at: datetime | None = None
    id: int | None = None

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


@dataclass
class EffectivenessReview:
    """§38: a review of the programmes' effectiveness, as recorded by an admin."""

    reviewed_on: date
    note: str
    recorded_by: int | None = None
    recorded_at: datetime | None = None
    id: int | None = None


def add_months(day: date, months: int) -> date:
    """The same day of the month ``months`` later; the month's last day when it is shorter
    (31 August + 6 months → 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def survey_due_on(completed_on: date, wave: int) -> date:
    """The day the ``wave``-month survey is due: ``wave`` months after completion, that day
    included (completed 2026-01-15 → 6-month survey on 2026-07-15, not the 14th)."""
    return add_months(completed_on, wave)


def survey_wave_open(completed_on: date, wave: int, today: date) -> bool:
    """A wave's invitation is sent and its answers taken from its due day until the next
    wave is due (the 12-month wave: for six months): a 6-month survey nobody was invited to
    in time is not sent when the 12-month one is due, and an old completion does not get
    invitations years later."""
    return survey_due_on(completed_on, wave) <= today < survey_due_on(completed_on, wave + 6)


def review_due_on(last_review: date | None) -> date | None:
    """§38: the day three years after the last review (``None``: none recorded, due now) —
    the first day ``domain.post_course.effectiveness_review_due`` says is due."""
    if last_review is None:
        return None
    return add_months(last_review, 12 * REVIEW_INTERVAL_YEARS)


def review_reminder_due(
    last_review: date | None, today: date, margin: timedelta = REVIEW_REMINDER_MARGIN
) -> bool:
    """Remind the admins when no review is recorded, or from ``margin`` before the third
    anniversary of the last one (``effectiveness_review_due``) on."""
    due = review_due_on(last_review)
    return due is None or today >= due - margin
