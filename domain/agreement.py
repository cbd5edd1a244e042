"""§24: the agreement (договор/соглашение, оқуға арналған шарт) a listener accepts."""

from __future__ import annotations

import enum
from datetime import datetime

__all__ = ["AGREEMENT_VERSION", "AgreementCondition", "may_check_in"]

AGREEMENT_VERSION = "2025-05-order95-p24-v1"
"""Version of the agreement text stored with every acceptance. Bump it whenever the text in
``locales/`` changes, so an acceptance always names the text the teacher saw."""


class AgreementCondition(enum.StrEnum):
    """§24: the conditions of the agreement, in the order of the paragraph; values are
    message-id suffixes for ``locales/``."""

    FOLLOW_PLAN_AND_SCHEDULE = "follow_plan_and_schedule"  # §24.1
    DISCIPLINE_AND_RESPECT = "discipline_and_respect"  # §24.2
    ATTEND_80_PERCENT = "attend_80_percent"  # §24.3
    FINAL_TEST_50_PERCENT = "final_test_50_percent"  # §24.4
    EMPLOYER_NOTIFIED_ON_BREACH = "employer_notified_on_breach"  # §24 last part, §32


def may_check_in(agreement_accepted_at: datetime | None) -> bool:
    """§24: the listener signs the agreement before studying, so no check-in to any session is
    possible before the agreement is accepted (``agreement_accepted_at`` is set)."""
    if agreement_accepted_at is None:
        return False
    if agreement_accepted_at.tzinfo is None or agreement_accepted_at.utcoffset() is None:
        raise ValueError("agreement_accepted_at must be timezone-aware")
    return True
