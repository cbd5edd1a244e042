"""§31: options of a listener who did not get a certificate, and their limits.

Each check returns a ``RequestCheck``: truthy when allowed, otherwise carrying a
``RefusalReason`` (a message-id suffix the bot translates) and, where it exists, the date from
which the request becomes possible.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "REASSESSMENT_INTERVAL",
    "RefusalReason",
    "RequestCheck",
    "RequestKind",
    "check_reassessment",
    "counts_towards_yearly_limit",
    "finish_interrupted_allowed",
    "next_reassessment_date",
    "reassessment_allowed_on",
    "reassessment_with_next_cohort_allowed",
    "requires_documents",
    "requires_valid_reason",
    "transfer_allowed",
]

REASSESSMENT_INTERVAL = timedelta(days=365)
"""§31.1 "не более одного раза в год": no two re-assessments within 365 days."""


class RequestKind(enum.StrEnum):
    """§31 options."""

    REASSESSMENT = "reassessment"  # §31.1 at most once a year
    REASSESSMENT_NEXT_COHORT = "reassessment_next_cohort"  # §31.2 with the next cohort
    TRANSFER = "transfer"  # §31.3 to another cohort within the current year, valid reason
    FINISH_INTERRUPTED = "finish_interrupted"  # §31.4 valid reason + supporting documents


class RefusalReason(enum.StrEnum):
    REASSESSMENT_WITHIN_YEAR = "reassessment_within_year"
    VALID_REASON_REQUIRED = "valid_reason_required"
    DOCUMENTS_REQUIRED = "documents_required"
    NOT_CURRENT_YEAR = "not_current_year"
    TARGET_COHORT_STARTED = "target_cohort_started"
    TARGET_COHORT_FINISHED = "target_cohort_finished"
    DIFFERENT_COURSE = "different_course"


@dataclass(frozen=True, slots=True)
class RequestCheck:
    """Result of a §31 check: ``refusal is None`` means allowed."""

    refusal: RefusalReason | None = None
    allowed_from: date | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    def __bool__(self) -> bool:
        return self.allowed


ALLOWED = RequestCheck()


def requires_documents(kind: RequestKind) -> bool:
    """§31.4: only finishing an interrupted course requires supporting documents
    ("с предоставлением подтверждающих документов"); a transfer needs a valid reason, which the
    listener states in words (documents optional)."""
    return kind is RequestKind.FINISH_INTERRUPTED


def requires_valid_reason(kind: RequestKind) -> bool:
    """§31.3–31.4: a transfer and finishing an interrupted course need a valid reason."""
    return kind in (RequestKind.TRANSFER, RequestKind.FINISH_INTERRUPTED)


def counts_towards_yearly_limit(is_reassessment: bool, with_next_cohort: bool) -> bool:
    """§31: "Слушатели, не получившие сертификат, имеют возможность: 1) на повторное
    оценивание знаний, не более одного раза в год; 2) на повторное оценивание знаний со
    следующим потоком Курсов".

    Reading: 1) and 2) are two separate rights, listed as separate options, and only 1) carries
    the "once a year" limit. So only a §31.1 re-assessment counts towards that limit: a
    re-assessment taken with the next cohort (§31.2) is neither limited by an earlier §31.1
    one nor uses up the year's §31.1 chance; the first final assessment never counts."""
    return is_reassessment and not with_next_cohort


def next_reassessment_date(previous_reassessment_dates: Iterable[date]) -> date | None:
    """§31.1: the first date a new re-assessment is possible: 365 days after the latest
    previous re-assessment of the same teacher and course. ``None`` when there was none.
    Reading: only re-assessments count (the first final assessment does not), and the caller
    passes the dates for one teacher and one course."""
    latest = max(previous_reassessment_dates, default=None)
    if latest is None:
        return None
    return latest + REASSESSMENT_INTERVAL


def reassessment_allowed_on(
    previous_reassessment_dates: Iterable[date], today: date
) -> date | None:
    """§31.1 "не более одного раза в год": ``None`` when a re-assessment is allowed today;
    otherwise the date from which it becomes allowed. A re-assessment 364 days after the
    previous one is refused (allowed from day 365); at day 365 it is allowed."""
    first = next_reassessment_date(previous_reassessment_dates)
    if first is None or today >= first:
        return None
    return first


def check_reassessment(previous_reassessment_dates: Iterable[date], today: date) -> RequestCheck:
    """§31.1 as a ``RequestCheck`` (refusal ``REASSESSMENT_WITHIN_YEAR`` with the date)."""
    wait_until = reassessment_allowed_on(previous_reassessment_dates, today)
    if wait_until is None:
        return ALLOWED
    return RequestCheck(RefusalReason.REASSESSMENT_WITHIN_YEAR, allowed_from=wait_until)


def reassessment_with_next_cohort_allowed(
    target_cohort_ends_on: date, today: date, *, same_course: bool = True
) -> RequestCheck:
    """§31.2: re-assessment together with the next cohort of the same course. Reading: the
    target cohort must be of the same course and not have ended yet (its final assessment is
    on or after today). The once-a-year limit of §31.1 does not apply: §31.2 is a separate
    option tied to a cohort's own final assessment."""
    if not same_course:
        return RequestCheck(RefusalReason.DIFFERENT_COURSE)
    if target_cohort_ends_on < today:
        return RequestCheck(RefusalReason.TARGET_COHORT_FINISHED)
    return ALLOWED


def transfer_allowed(
    current_cohort_year: int,
    target_cohort_start: date,
    today: date,
    has_valid_reason: bool,
    *,
    same_course: bool = True,
) -> RequestCheck:
    """§31.3: "перевод по уважительной причине из одного потока в другой в течение текущего
    года". Reading: a valid reason is required; the target cohort is of the same course; the
    current cohort's year, today's year and the target cohort's start year are the same
    calendar year; and the target cohort has not started yet (start on or after today).
    Checked in this order, the first failure is the reason."""
    if not has_valid_reason:
        return RequestCheck(RefusalReason.VALID_REASON_REQUIRED)
    if not same_course:
        return RequestCheck(RefusalReason.DIFFERENT_COURSE)
    if not (current_cohort_year == today.year == target_cohort_start.year):
        return RequestCheck(RefusalReason.NOT_CURRENT_YEAR)
    if target_cohort_start < today:
        return RequestCheck(RefusalReason.TARGET_COHORT_STARTED)
    return ALLOWED


def finish_interrupted_allowed(has_documents: bool, has_valid_reason: bool) -> RequestCheck:
    """§31.4: finishing an interrupted course needs a valid reason AND supporting documents
    (the reason is checked first)."""
    if not has_valid_reason:
        return RequestCheck(RefusalReason.VALID_REASON_REQUIRED)
    if not has_documents:
        return RequestCheck(RefusalReason.DOCUMENTS_REQUIRED)
    return ALLOWED
