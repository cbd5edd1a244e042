from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.requests_rules import (
    RefusalReason,
    RequestKind,
    check_reassessment,
    finish_interrupted_allowed,
    next_reassessment_date,
    reassessment_allowed_on,
    reassessment_with_next_cohort_allowed,
    requires_documents,
    requires_valid_reason,
    transfer_allowed,
)

PREVIOUS = date(2026, 3, 10)


def test_first_reassessment_is_allowed() -> None:
    assert next_reassessment_date([]) is None
    assert reassessment_allowed_on([], PREVIOUS) is None
    assert check_reassessment([], PREVIOUS)


def test_reassessment_at_day_364_is_refused_with_the_date_it_becomes_possible() -> None:
    today = PREVIOUS + timedelta(days=364)
    assert reassessment_allowed_on([PREVIOUS], today) == date(2027, 3, 10)
    check = check_reassessment([PREVIOUS], today)
    assert not check
    assert check.refusal is RefusalReason.REASSESSMENT_WITHIN_YEAR
    assert check.allowed_from == date(2027, 3, 10)


def test_reassessment_at_day_365_is_allowed() -> None:
    today = PREVIOUS + timedelta(days=365)
    assert reassessment_allowed_on([PREVIOUS], today) is None
    assert check_reassessment([PREVIOUS], today).allowed


def test_365_days_across_a_leap_year() -> None:
    previous = date(2027, 6, 1)
    assert next_reassessment_date([previous]) == date(2028, 5, 31)


def test_the_latest_previous_reassessment_counts() -> None:
    dates = [date(2024, 1, 1), date(2025, 9, 1), date(2023, 1, 1)]
    assert next_reassessment_date(dates) == date(2026, 9, 1)
    assert reassessment_allowed_on(dates, date(2026, 8, 31)) == date(2026, 9, 1)


def test_same_day_reassessment_is_refused() -> None:
    assert reassessment_allowed_on([PREVIOUS], PREVIOUS) == PREVIOUS + timedelta(days=365)


def test_reassessment_with_next_cohort() -> None:
    today = date(2026, 5, 1)
    assert reassessment_with_next_cohort_allowed(date(2026, 5, 1), today)
    check = reassessment_with_next_cohort_allowed(date(2026, 4, 30), today)
    assert check.refusal is RefusalReason.TARGET_COHORT_FINISHED
    check = reassessment_with_next_cohort_allowed(date(2026, 6, 1), today, same_course=False)
    assert check.refusal is RefusalReason.DIFFERENT_COURSE


TODAY = date(2026, 4, 15)


def test_transfer_within_the_current_year_with_a_valid_reason() -> None:
    assert transfer_allowed(2026, date(2026, 9, 1), TODAY, has_valid_reason=True)
    assert transfer_allowed(2026, TODAY, TODAY, has_valid_reason=True)


def test_transfer_without_a_valid_reason_is_refused() -> None:
    check = transfer_allowed(2026, date(2026, 9, 1), TODAY, has_valid_reason=False)
    assert check.refusal is RefusalReason.VALID_REASON_REQUIRED


def test_transfer_to_a_cohort_next_year_is_refused() -> None:
    check = transfer_allowed(2026, date(2027, 1, 10), TODAY, has_valid_reason=True)
    assert check.refusal is RefusalReason.NOT_CURRENT_YEAR


def test_transfer_from_last_years_cohort_is_refused() -> None:
    check = transfer_allowed(2025, date(2026, 9, 1), TODAY, has_valid_reason=True)
    assert check.refusal is RefusalReason.NOT_CURRENT_YEAR


def test_transfer_to_a_cohort_already_started_is_refused() -> None:
    check = transfer_allowed(2026, date(2026, 4, 14), TODAY, has_valid_reason=True)
    assert check.refusal is RefusalReason.TARGET_COHORT_STARTED


def test_transfer_to_another_course_is_refused() -> None:
    check = transfer_allowed(2026, date(2026, 9, 1), TODAY, True, same_course=False)
    assert check.refusal is RefusalReason.DIFFERENT_COURSE


@pytest.mark.parametrize(
    ("documents", "reason", "refusal"),
    [
        (True, True, None),
        (False, True, RefusalReason.DOCUMENTS_REQUIRED),
        (True, False, RefusalReason.VALID_REASON_REQUIRED),
        (False, False, RefusalReason.VALID_REASON_REQUIRED),
    ],
)
def test_finishing_an_interrupted_course_needs_reason_and_documents(
    documents: bool, reason: bool, refusal: RefusalReason | None
) -> None:
    check = finish_interrupted_allowed(has_documents=documents, has_valid_reason=reason)
    assert check.refusal is refusal
    assert bool(check) is (refusal is None)


def test_only_finishing_an_interrupted_course_requires_documents() -> None:
    assert [k for k in RequestKind if requires_documents(k)] == [RequestKind.FINISH_INTERRUPTED]


def test_transfer_and_finishing_require_a_valid_reason() -> None:
    assert {k for k in RequestKind if requires_valid_reason(k)} == {
        RequestKind.TRANSFER,
        RequestKind.FINISH_INTERRUPTED,
    }
