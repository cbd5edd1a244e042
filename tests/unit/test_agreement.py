from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from domain.agreement import AGREEMENT_VERSION, AgreementCondition, may_check_in


def test_four_conditions_of_paragraph_24_and_the_employer_clause() -> None:
    assert list(AgreementCondition) == [
        AgreementCondition.FOLLOW_PLAN_AND_SCHEDULE,
        AgreementCondition.DISCIPLINE_AND_RESPECT,
        AgreementCondition.ATTEND_80_PERCENT,
        AgreementCondition.FINAL_TEST_50_PERCENT,
        AgreementCondition.EMPLOYER_NOTIFIED_ON_BREACH,
    ]


def test_agreement_version_is_a_non_empty_string() -> None:
    assert isinstance(AGREEMENT_VERSION, str)
    assert AGREEMENT_VERSION


def test_no_check_in_before_the_agreement_is_accepted() -> None:
    assert not may_check_in(None)


def test_check_in_after_acceptance() -> None:
    assert may_check_in(datetime(2026, 1, 5, 8, 0, tzinfo=timezone(timedelta(hours=5))))


def test_naive_acceptance_time_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        may_check_in(datetime(2026, 1, 5, 8, 0))
