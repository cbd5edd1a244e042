"""§24.4 final test score, §28–29 certificate, §31 listening reference, §32 expulsion."""

from __future__ import annotations

import enum
from decimal import Decimal

from domain.attendance import meets_attendance

__all__ = [
    "PASS_SHARE",
    "Outcome",
    "decide_outcome",
    "is_certificate_eligible",
    "meets_score",
    "pass_mark",
]

PASS_SHARE = Decimal("0.5")
"""§24.4: "пройти итоговое тестирование в объеме не менее 50% от полученного максимального
балла"."""

Score = int | Decimal


def _as_decimal(value: Score) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError("scores are int or Decimal, never float")
    result = Decimal(value)
    if not result.is_finite():
        raise ValueError("score must be finite")
    return result


def pass_mark(max_score: Score) -> Decimal:
    """§24.4: the lowest passing score, exactly 50 % of the max score (may be x.5)."""
    maximum = _as_decimal(max_score)
    if maximum <= 0:
        raise ValueError("max score must be positive")
    return maximum * PASS_SHARE


def meets_score(score: Score, max_score: Score) -> bool:
    """§24.4: score ≥ 50 % of the max score, compared exactly with Decimal (49.99 of 100
    fails, 50 passes). A negative score or one above the max is a data error (ValueError)."""
    value = _as_decimal(score)
    mark = pass_mark(max_score)
    if value < 0 or value > _as_decimal(max_score):
        raise ValueError("score must be between 0 and the max score")
    return value >= mark


class Outcome(enum.StrEnum):
    """What a listener gets at the end of a course."""

    CERTIFICATE = "certificate"  # §29
    LISTENING_REFERENCE = "listening_reference"  # §31 справка о прослушивании
    EXPELLED = "expelled"  # §32
    IN_PROGRESS = "in_progress"  # not assessed yet


def is_certificate_eligible(
    attended: int,
    total_sessions: int,
    score: Score,
    max_score: Score,
    agreement_accepted: bool,
    expelled: bool,
) -> bool:
    """§28–29 with §24.3–24.4 and §32: a certificate goes to a listener who is not expelled,
    has accepted the agreement, attended ≥ 80 % of all scheduled sessions and scored ≥ 50 % of
    the max score. All four conditions are required."""
    if expelled or not agreement_accepted:
        return False
    return meets_attendance(attended, total_sessions) and meets_score(score, max_score)


def decide_outcome(
    attended: int,
    total_sessions: int,
    score: Score | None,
    max_score: Score,
    agreement_accepted: bool,
    expelled: bool,
    assessment_over: bool = False,
) -> Outcome:
    """§29, §31, §32: the outcome of one listener.

    - expelled (§32) → EXPELLED, whatever the scores;
    - no score while the course runs (``score is None``) → IN_PROGRESS;
    - no score once the final assessment is over (``assessment_over``: the documents are being
      issued) → LISTENING_REFERENCE. §31: "Слушателям, не прошедшим итоговое оценивание,
      Организацией выдается справка о прослушивании" — a listener who did not sit the final
      assessment has not passed it, and gets the reference like the others;
    - eligible (see ``is_certificate_eligible``) → CERTIFICATE;
    - otherwise → LISTENING_REFERENCE (§31). Reading: §31 gives the reference to those who
      "did not pass the final assessment"; we also give it to a listener who scored enough but
      missed the 80 % attendance or never accepted the agreement, since they get no certificate
      and §31's options (re-assessment, transfer, finishing) are for "those who did not get a
      certificate".
    """
    if expelled:
        return Outcome.EXPELLED
    if score is None:
        return Outcome.LISTENING_REFERENCE if assessment_over else Outcome.IN_PROGRESS
    if is_certificate_eligible(
        attended, total_sessions, score, max_score, agreement_accepted, expelled
    ):
        return Outcome.CERTIFICATE
    return Outcome.LISTENING_REFERENCE
