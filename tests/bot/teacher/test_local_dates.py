"""Item 4: dates a teacher sees are the organization's local dates. 20:30 UTC on 20 November
is 01:30 on 21 November in Asia/Almaty: the screens say 21 November."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.dev.testing import Harness, texts
from bot.runtime.container import Services
from tests.bot.teacher.helpers import enroll, make_cohort, registered_teacher

LATE = datetime(2026, 11, 20, 20, 30, tzinfo=UTC)


async def set_local_night_times(services: Services, telegram_id: int, enrollment_id: int) -> None:
    async with services.uow_factory() as uow:
        enrollment = await uow.enrollments.get_by_id(enrollment_id)
        enrollment.agreement_accepted_at = LATE
        await uow.enrollments.update(enrollment)
        person = await uow.people.get_by_telegram_id(telegram_id)
        person.consent_at = LATE
        await uow.people.update(person)
        await uow.commit()


async def test_agreement_and_consent_dates_are_local_in_russian(
    harness: Harness, services: Services
) -> None:
    cohort_id = await make_cohort(services, starts_on=date(2026, 11, 1))
    user = await registered_teacher(harness, 531, "ru")
    enrollment_id = await enroll(services, 531, cohort_id, accepted=True)
    await set_local_night_times(services, 531, enrollment_id)
    card = texts(await harness.send(user, "/mycourses"))[0]
    assert "Договор принят: 21 ноября 2026\u202fг." in card
    profile = texts(await harness.send(user, "/profile"))[0]
    assert "Согласие на обработку данных: 21 ноября 2026\u202fг." in profile


async def test_agreement_and_consent_dates_are_local_in_kazakh(
    harness: Harness, services: Services
) -> None:
    cohort_id = await make_cohort(services, starts_on=date(2026, 11, 1))
    user = await registered_teacher(harness, 532, "kk")
    enrollment_id = await enroll(services, 532, cohort_id, accepted=True)
    await set_local_night_times(services, 532, enrollment_id)
    card = texts(await harness.send(user, "/mycourses"))[0]
    assert "Оқуға арналған шарт 2026\u202fж. 21 қарашада қабылданды." in card
    profile = texts(await harness.send(user, "/profile"))[0]
    assert "2026\u202fж. 21 қараша" in profile
    assert "20 қараша" not in profile
