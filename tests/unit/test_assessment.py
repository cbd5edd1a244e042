from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from domain.assessment import (
    Outcome,
    decide_outcome,
    is_certificate_eligible,
    meets_score,
    pass_mark,
)


def test_pass_mark_is_exactly_half_of_max() -> None:
    assert pass_mark(100) == Decimal(50)
    assert pass_mark(25) == Decimal("12.5")


def test_49_99_percent_fails() -> None:
    assert not meets_score(Decimal("49.99"), 100)
    assert not meets_score(4999, 10000)


def test_50_percent_passes() -> None:
    assert meets_score(50, 100)
    assert meets_score(Decimal("50.00"), Decimal("100"))
    assert meets_score(5000, 10000)


def test_odd_max_needs_the_half_point() -> None:
    assert not meets_score(12, 25)
    assert meets_score(13, 25)
    assert meets_score(Decimal("12.5"), 25)


def test_zero_and_full_scores() -> None:
    assert not meets_score(0, 100)
    assert meets_score(100, 100)


@pytest.mark.parametrize(("score", "max_score"), [(-1, 100), (101, 100), (0, 0), (5, -10)])
def test_impossible_scores_are_refused(score: int, max_score: int) -> None:
    with pytest.raises(ValueError):
        meets_score(score, max_score)


def test_floats_are_refused_to_keep_comparisons_exact() -> None:
    with pytest.raises(TypeError):
        meets_score(49.99, 100)  # type: ignore[arg-type]


ELIGIBILITY_CASES = list(itertools.product([True, False], repeat=4))


@pytest.mark.parametrize(("attends", "scores", "accepted", "expelled"), ELIGIBILITY_CASES)
def test_certificate_eligibility_truth_table(
    attends: bool, scores: bool, accepted: bool, expelled: bool
) -> None:
    attended = 8 if attends else 7  # of 10
    score = 50 if scores else 49  # of 100
    expected = attends and scores and accepted and not expelled
    assert is_certificate_eligible(attended, 10, score, 100, accepted, expelled) is expected


@pytest.mark.parametrize(("attends", "scores", "accepted", "expelled"), ELIGIBILITY_CASES)
def test_outcome_truth_table(attends: bool, scores: bool, accepted: bool, expelled: bool) -> None:
    attended = 8 if attends else 7
    score = 50 if scores else 49
    outcome = decide_outcome(attended, 10, score, 100, accepted, expelled)
    if expelled:
        assert outcome is Outcome.EXPELLED
    elif attends and scores and accepted:
        assert outcome is Outcome.CERTIFICATE
    else:
        assert outcome is Outcome.LISTENING_REFERENCE


def test_not_yet_assessed_is_in_progress() -> None:
    assert decide_outcome(10, 10, None, 100, True, False) is Outcome.IN_PROGRESS


def test_expulsion_beats_not_yet_assessed() -> None:
    assert decide_outcome(10, 10, None, 100, True, True) is Outcome.EXPELLED


def test_good_score_with_low_attendance_gets_a_listening_reference() -> None:
    assert decide_outcome(7999, 10000, 100, 100, True, False) is Outcome.LISTENING_REFERENCE


def test_no_score_is_in_progress_until_the_assessment_is_over() -> None:
    """§31: a listener who did not sit the final assessment did not pass it: once documents
    are issued (the assessment is over) they get the listening reference."""
    from domain.assessment import Outcome, decide_outcome

    assert decide_outcome(10, 10, None, 100, True, False) is Outcome.IN_PROGRESS
    assert decide_outcome(10, 10, None, 100, True, False, assessment_over=True) is (
        Outcome.LISTENING_REFERENCE
    )
    assert decide_outcome(10, 10, None, 100, True, True, assessment_over=True) is (Outcome.EXPELLED)
