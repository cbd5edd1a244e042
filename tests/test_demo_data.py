"""`biliktilik demo-data`: an organization to try the bot with, loaded once."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.dev.demo import ADMIN, DEMO_TOPIC_RU, TEACHERS, TRAINERS, fill
from bot.runtime.container import Services
from domain.iin import validate_iin
from domain.model import Role

NOW = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # 11:00 in Astana


async def test_demo_data_has_everyone_the_sandbox_offers(services: Services) -> None:
    summary = await fill(services.uow_factory(), services.settings, NOW)
    assert summary.startswith("demo data loaded")
    async with services.uow_factory() as uow:
        admin = await uow.people.get_by_telegram_id(ADMIN.telegram_id)
        assert admin is not None and Role.ADMIN in admin.roles
        for persona in TRAINERS:
            trainer = await uow.people.get_by_telegram_id(persona.telegram_id)
            assert trainer is not None and Role.TRAINER in trainer.roles
        for persona in TEACHERS:
            teacher = await uow.people.get_by_telegram_id(persona.telegram_id)
            assert teacher is not None and teacher.profile_complete
            validate_iin(teacher.iin or "")
        course = await uow.courses.find_by_topic(DEMO_TOPIC_RU)
        assert course is not None
        assert sum(module.hours for module in course.modules) == course.hours == 72
        cohorts = await uow.cohorts.for_course(course.id)
        running = next(c for c in cohorts if not c.open_for_applications)
        sessions = await uow.sessions.for_cohort(running.id)
        today = NOW.astimezone(services.settings.tz).date()
        assert (
            sum(1 for s in sessions if s.starts_at.astimezone(services.settings.tz).date() == today)
            == 2
        )
        assert len(await uow.enrollments.for_cohort(running.id)) == len(TEACHERS)
    names = " ".join(p.full_name for p in TEACHERS)
    assert any(letter in names for letter in "әғқңөұүһі")


async def test_loading_twice_changes_nothing(services: Services) -> None:
    await fill(services.uow_factory(), services.settings, NOW)
    assert await fill(services.uow_factory(), services.settings, NOW) == (
        "demo data is already loaded"
    )
    async with services.uow_factory() as uow:
        assert len(await uow.courses.list_all()) == 1
