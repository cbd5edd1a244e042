"""Item 2, §31: 1) re-assessment at most once a year and 2) re-assessment with the next cohort
are two separate rights. Both alone, and their combination in either order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.runtime.container import Services
from bot.ui.i18n import create_core
from domain.model import EnrollmentStatus, RequestKind
from domain.requests_rules import counts_towards_yearly_limit
from domain.services.request_decisions import decide_request
from domain.services.results import ScoreRefusal, decide_cohort_outcomes, record_score
from domain.services.teacher_requests import RequestRefusal, check_request
from tests.bot.results.factories import add_request, attend, make_world

ALMATY = ZoneInfo("Asia/Almaty")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
CORE = create_core()


def RENDER(lang: str, key: str, **args: object) -> str:
    return str(CORE.get(key, lang, **args))


def test_only_a_first_right_reassessment_counts_towards_the_yearly_limit() -> None:
    assert counts_towards_yearly_limit(is_reassessment=True, with_next_cohort=False)
    assert not counts_towards_yearly_limit(is_reassessment=True, with_next_cohort=True)
    assert not counts_towards_yearly_limit(is_reassessment=False, with_next_cohort=False)


async def failed_listener(services: Services):  # type: ignore[no-untyped-def]
    uow = services.uow_factory
    world = await make_world(uow, teachers=1, sessions=5)
    e = world.enrollments[0]
    await attend(uow, e, world.sessions)
    await record_score(uow, 1, e.id, 20, {}, NOW, tz=ALMATY)
    await decide_cohort_outcomes(uow, world.cohort.id, NOW)
    return world, e


async def approve_next_cohort(services: Services, e, when: datetime) -> None:  # type: ignore[no-untyped-def]
    request = await add_request(services.uow_factory, e, RequestKind.REASSESSMENT_NEXT_COHORT)
    result = await decide_request(services.uow_factory, 1, request.id, True, "", when, RENDER)
    assert result.refusal is None


async def retake(services: Services, e, score: int, when: datetime, next_cohort: bool):  # type: ignore[no-untyped-def]
    return await record_score(
        services.uow_factory,
        1,
        e.id,
        score,
        {},
        when,
        reassessment=True,
        next_cohort=next_cohort,
        tz=ALMATY,
    )


async def test_next_cohort_retake_is_not_blocked_by_a_reassessment_this_year(
    services: Services,
) -> None:
    """The reported bug: §31.1 used this year, the §31.2 request approved, the score refused
    "within a year". Now it is stored."""
    _, e = await failed_listener(services)
    first = await retake(services, e, 30, NOW, next_cohort=False)  # §31.1, fails again
    assert first.refusal is None
    await decide_cohort_outcomes(services.uow_factory, e.cohort_id, NOW)
    later = NOW + timedelta(days=30)
    # §31.1 again within the year: refused, as before
    again = await retake(services, e, 90, later, next_cohort=False)
    assert again.refusal is ScoreRefusal.WITHIN_YEAR and again.allowed_from == date(2027, 11, 23)
    # §31.2 without an approved request: refused with its own reason
    assert (await retake(services, e, 90, later, True)).refusal is (
        ScoreRefusal.NO_NEXT_COHORT_REQUEST
    )
    await approve_next_cohort(services, e, later)
    ok = await retake(services, e, 90, later, next_cohort=True)
    assert ok.refusal is None and ok.assessment is not None
    assert ok.assessment.is_reassessment and ok.assessment.with_next_cohort
    outcomes = await decide_cohort_outcomes(services.uow_factory, e.cohort_id, later)
    assert outcomes is not None
    async with services.uow_factory() as uow:
        assert (await uow.enrollments.get_by_id(e.id)).status is EnrollmentStatus.COMPLETED
    # one approved request, one retake: the right is used
    assert (await retake(services, e, 95, later, True)).refusal is not None


async def test_a_next_cohort_retake_does_not_use_up_the_years_reassessment(
    services: Services,
) -> None:
    _, e = await failed_listener(services)
    await approve_next_cohort(services, e, NOW)
    assert (await retake(services, e, 25, NOW, next_cohort=True)).refusal is None
    await decide_cohort_outcomes(services.uow_factory, e.cohort_id, NOW)
    # the §31.1 right is still whole: the teacher may ask for it and the score is stored
    check = await check_request(
        services.uow_factory, e.person_id, e.id, RequestKind.REASSESSMENT, NOW.date(), ALMATY
    )
    assert check.refusal is None
    assert (await retake(services, e, 70, NOW + timedelta(days=1), False)).refusal is None


async def test_the_yearly_limit_still_holds_for_the_first_right(services: Services) -> None:
    _, e = await failed_listener(services)
    assert (await retake(services, e, 30, NOW, next_cohort=False)).refusal is None
    check = await check_request(
        services.uow_factory, e.person_id, e.id, RequestKind.REASSESSMENT, NOW.date(), ALMATY
    )
    assert check.refusal is RequestRefusal.REASSESSMENT_WITHIN_YEAR
    day_365 = NOW + timedelta(days=365)
    assert (await retake(services, e, 40, day_365 - timedelta(days=1), False)).refusal is (
        ScoreRefusal.WITHIN_YEAR
    )
    assert (await retake(services, e, 40, day_365, False)).refusal is None
