"""§38 use-cases: follow-up survey invitations and answers, the survey's figures for the
effectiveness report, recorded effectiveness reviews and the reminder to do one.

See ``domain.follow_up`` for the reading of §38 these implement.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from domain.follow_up import (
    APPLIED_ANSWERS,
    COMMENT_MAX,
    HELPED_SCALE,
    REVIEW_NOTE_MAX,
    SURVEY_WAVES,
    EffectivenessReview,
    SurveyQuestion,
    SurveyResponse,
    review_due_on,
    review_reminder_due,
    survey_wave_open,
)
from domain.model import AuditEntry, EnrollmentStatus, Lang, Role
from domain.notifications import text_notice, with_buttons
from domain.ports import UnitOfWorkFactory
from domain.services.admin_cohorts import _require_admin
from domain.text import clean_text

__all__ = [
    "ButtonsFor",
    "ReviewError",
    "ReviewStatus",
    "SurveyError",
    "SurveyRefusal",
    "SurveySummary",
    "WaveFigures",
    "answer_survey",
    "enqueue_review_reminders",
    "enqueue_survey_invitations",
    "record_review",
    "review_status",
    "survey_summary",
]

#: ``(enrollment_id, wave) -> rows of buttons`` (``domain.notifications.with_buttons``):
#: the bot layer's answer buttons for the first question of an invitation.
ButtonsFor = Callable[[int, int], list[list[dict[str, str]]]]

#: Cohorts that ended longer ago than this are not looked at (a wave closes 18 months after
#: completion; a §31 re-assessment may complete a course well after its cohort ended).
LOOKBACK = timedelta(days=3 * 366)


async def enqueue_survey_invitations(
    uows: UnitOfWorkFactory, now: datetime, today: date, buttons: ButtonsFor
) -> int:
    """Invite every teacher whose course was completed 6 (12) months ago, once per wave
    (``dedup_key`` ``survey:<enrollment>:<wave>``), while the wave is open
    (``survey_wave_open``). ``today`` is the organization's local date."""
    added = 0
    async with uows() as uow:
        for cohort in await uow.cohorts.list_all():
            if cohort.ends_on < today - LOOKBACK or cohort.ends_on > today:
                continue
            assert cohort.id is not None
            course = await uow.courses.get(cohort.course_id)
            if course is None:
                continue
            due = [
                (e, wave)
                for e in await uow.enrollments.for_cohort(cohort.id, EnrollmentStatus.COMPLETED)
                for wave in SURVEY_WAVES
                if e.completed_on and survey_wave_open(e.completed_on, wave, today)
            ]
            keys = [f"survey:{e.id}:{wave}" for e, wave in due]
            existing = await uow.outbox.existing_dedup_keys(keys)
            for (enrollment, wave), key in zip(due, keys, strict=True):
                if key in existing:
                    continue
                assert enrollment.id is not None
                person = await uow.people.get(enrollment.person_id)
                if person is None or not person.telegram_id:
                    continue
                lang: Lang = person.language or cohort.language
                notice = text_notice(
                    person.telegram_id,
                    lang,
                    "survey-invite",
                    key,
                    now,
                    months=wave,
                    topic=course.topic(lang),
                    cohort=cohort.code,
                )
                added += await uow.outbox.enqueue(
                    with_buttons(notice, buttons(enrollment.id, wave))
                )
        await uow.commit()
    return added


class SurveyRefusal(enum.StrEnum):
    NOT_AVAILABLE = "not-available"  # not this teacher's, not completed, wave not open
    ALREADY_ANSWERED = "already-answered"
    BAD_ANSWER = "bad-answer"
    TOO_LONG = "too-long"


class SurveyError(ValueError):
    def __init__(self, reason: SurveyRefusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


def _check_answer(question: SurveyQuestion, value: str) -> int | str | None:
    if question is SurveyQuestion.HELPED:
        if not value.isdigit() or int(value) not in HELPED_SCALE:
            raise SurveyError(SurveyRefusal.BAD_ANSWER)
        return int(value)
    if question is SurveyQuestion.APPLIED:
        if value not in APPLIED_ANSWERS:
            raise SurveyError(SurveyRefusal.BAD_ANSWER)
        return value
    text = clean_text(value, multiline=True).strip()
    if len(text) > COMMENT_MAX:
        raise SurveyError(SurveyRefusal.TOO_LONG)
    return text


async def answer_survey(
    uows: UnitOfWorkFactory,
    person_id: int,
    enrollment_id: int,
    wave: int,
    question: SurveyQuestion,
    value: str,
    now: datetime,
    today: date,
) -> SurveyQuestion | None:
    """Store one answer; returns the next question, ``None`` when the survey is complete (the
    comment, empty when skipped, completes it). Questions may be answered again until the
    comment is given; after that the response is final. Refusals (``SurveyError``) change
    nothing: another teacher's enrollment, a course not completed, a wave not open yet or any
    more (``survey_wave_open``), a value off the scale, a comment over ``COMMENT_MAX``."""
    answer = _check_answer(question, value)
    async with uows() as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        if (
            enrollment is None
            or enrollment.person_id != person_id
            or enrollment.status is not EnrollmentStatus.COMPLETED
            or enrollment.completed_on is None
            or wave not in SURVEY_WAVES
            or not survey_wave_open(enrollment.completed_on, wave, today)
        ):
            raise SurveyError(SurveyRefusal.NOT_AVAILABLE)
        response = await uow.follow_up.response(enrollment_id, wave) or SurveyResponse(
            enrollment_id, wave, started_at=now
        )
        if response.completed:
            raise SurveyError(SurveyRefusal.ALREADY_ANSWERED)
        if question is SurveyQuestion.HELPED:
            response.helped = int(answer or 0)
            following: SurveyQuestion | None = SurveyQuestion.APPLIED
        elif question is SurveyQuestion.APPLIED:
            response.applied = str(answer)
            following = SurveyQuestion.COMMENT
        else:
            response.comment = str(answer or "")
            response.completed_at = now
            following = None
        await uow.follow_up.save_response(response)
        await uow.commit()
    return following


@dataclass
class WaveFigures:
    """The answers of one wave (6 or 12 months) completed in the report's period."""

    wave: int
    responses: int = 0
    helped: dict[int, int] = field(default_factory=lambda: dict.fromkeys(HELPED_SCALE, 0))
    applied: dict[str, int] = field(default_factory=lambda: dict.fromkeys(APPLIED_ANSWERS, 0))
    comments: list[str] = field(default_factory=list)

    @property
    def helped_average(self) -> float | None:
        answered = sum(self.helped.values())
        if not answered:
            return None
        return sum(score * n for score, n in self.helped.items()) / answered

    @property
    def applied_percent(self) -> int:
        """Who applied it fully or partly, of those who answered, rounded."""
        answered = sum(self.applied.values())
        if not answered:
            return 0
        return round(100 * (self.applied["yes"] + self.applied["partly"]) / answered)


@dataclass
class SurveySummary:
    since: datetime
    waves: dict[int, WaveFigures]

    @property
    def helped_all(self) -> dict[int, int]:
        total: Counter[int] = Counter()
        for figures in self.waves.values():
            total.update(figures.helped)
        return {score: total[score] for score in HELPED_SCALE}


async def survey_summary(uows: UnitOfWorkFactory, since: datetime) -> SurveySummary:
    """§38 report: completed survey responses since ``since``, per wave."""
    summary = SurveySummary(since, {wave: WaveFigures(wave) for wave in SURVEY_WAVES})
    async with uows(read_only=True) as uow:
        responses = await uow.follow_up.completed_since(since)
    for response in responses:
        figures = summary.waves.get(response.wave)
        if figures is None:
            continue
        figures.responses += 1
        if response.helped in figures.helped:
            figures.helped[response.helped] += 1
        if response.applied in figures.applied:
            figures.applied[response.applied] += 1
        if response.comment:
            figures.comments.append(response.comment)
    return summary


class ReviewRefusal(enum.StrEnum):
    FUTURE = "future"
    NOTE = "note"  # empty or longer than REVIEW_NOTE_MAX


class ReviewError(ValueError):
    def __init__(self, reason: ReviewRefusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


@dataclass(frozen=True)
class ReviewStatus:
    last: EffectivenessReview | None
    due_on: date | None  # None: none recorded, due now
    due: bool  # the reminder is due (``review_reminder_due``)


async def review_status(uows: UnitOfWorkFactory, today: date) -> ReviewStatus:
    async with uows(read_only=True) as uow:
        last = await uow.follow_up.latest_review()
    last_day = last.reviewed_on if last else None
    return ReviewStatus(last, review_due_on(last_day), review_reminder_due(last_day, today))


async def record_review(
    uows: UnitOfWorkFactory,
    actor_id: int,
    reviewed_on: date,
    note: str,
    now: datetime,
    today: date,
) -> EffectivenessReview:
    """§38: an admin records a review done on ``reviewed_on`` (not after ``today``, the local
    date) with a note (1..``REVIEW_NOTE_MAX`` characters). Audited."""
    text = clean_text(note, multiline=True).strip()
    if reviewed_on > today:
        raise ReviewError(ReviewRefusal.FUTURE)
    if not text or len(text) > REVIEW_NOTE_MAX:
        raise ReviewError(ReviewRefusal.NOTE)
    async with uows() as uow:
        await _require_admin(uow, actor_id)
        review = await uow.follow_up.add_review(
            EffectivenessReview(reviewed_on, text, recorded_by=actor_id, recorded_at=now)
        )
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "effectiveness.review",
                "effectiveness_review",
                str(review.id),
                None,
                {"reviewed_on": reviewed_on.isoformat(), "note": text},
                now,
            )
        )
        await uow.commit()
    return review


async def enqueue_review_reminders(uows: UnitOfWorkFactory, now: datetime, today: date) -> int:
    """Remind every admin while a §38 review is due or about to be (``review_reminder_due``):
    once a month per admin (``dedup_key`` names the last review and the month), so the job
    may run as often as it likes; recording a review stops the reminders."""
    status = await review_status(uows, today)
    if not status.due:
        return 0
    last_id = status.last.id if status.last else 0
    added = 0
    async with uows() as uow:
        for admin in await uow.people.list_by_role(Role.ADMIN):
            if not admin.telegram_id:
                continue
            lang: Lang = admin.language or "ru"
            key = f"review-reminder:{last_id}:{today:%Y-%m}:{admin.id}"
            if status.last is None:
                notice = text_notice(admin.telegram_id, lang, "review-reminder-none", key, now)
            else:
                assert status.due_on is not None
                notice = text_notice(
                    admin.telegram_id,
                    lang,
                    "review-reminder",
                    key,
                    now,
                    last=status.last.reviewed_on,
                    due=status.due_on,
                )
            added += await uow.outbox.enqueue(notice)
        await uow.commit()
    return added
