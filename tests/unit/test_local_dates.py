"""Item 4: a local event's date is the organization's date (TIMEZONE), not UTC's. The test
instant, 20:30 UTC on 20 November 2026, is 01:30 on 21 November in Asia/Almaty."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from domain.local_dates import local_date
from domain.model import TrainingSession
from domain.post_course import support_ends_on
from domain.services.results import decide_cohort_outcomes, record_score
from tests.bot.results.factories import attend, make_world

ALMATY = ZoneInfo("Asia/Almaty")
LATE = datetime(2026, 11, 20, 20, 30, tzinfo=UTC)  # 01:30 on 21 November in Almaty


def test_local_date_is_the_organizations_date() -> None:
    assert LATE.date() == date(2026, 11, 20)
    assert local_date(LATE, ALMATY) == date(2026, 11, 21)
    assert local_date(LATE.replace(tzinfo=None), ALMATY) == date(2026, 11, 21)  # naive = UTC
    assert local_date(datetime(2026, 11, 20, 18, 59, 59, tzinfo=UTC), ALMATY) == date(2026, 11, 20)
    assert local_date(datetime(2026, 11, 20, 19, 0, tzinfo=UTC), ALMATY) == date(2026, 11, 21)
    assert local_date(LATE, UTC) == date(2026, 11, 20)


def test_a_session_day_is_local() -> None:
    session = TrainingSession(cohort_id=1, starts_at=LATE, ends_at=LATE)
    assert session.local_day(ALMATY) == date(2026, 11, 21)


async def test_assessment_completion_and_support_end_follow_the_local_date(services) -> None:  # type: ignore[no-untyped-def]
    uow = services.uow_factory
    world = await make_world(uow, teachers=1, sessions=5)
    enrollment = world.enrollments[0]
    await attend(uow, enrollment, world.sessions)
    result = await record_score(uow, 1, enrollment.id, 90, {}, LATE, tz=ALMATY)
    assert result.assessment is not None
    assert result.assessment.assessed_on == date(2026, 11, 21)
    await decide_cohort_outcomes(uow, world.cohort.id, LATE)
    async with uow() as u:
        stored = await u.enrollments.get_by_id(enrollment.id)
    assert stored.completed_on == date(2026, 11, 21)
    # §36: support lasts through 21 November 2027, not a day early
    assert support_ends_on(stored.completed_on) == date(2027, 11, 21)
