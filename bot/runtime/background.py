"""Background work: APScheduler only wakes jobs; the work itself is claimed from the database.

Jobs are registered by features in `PERIODIC_JOBS` as (name, seconds, coroutine function
taking `(bot, services)`). `misfire_grace_time=None` and `coalesce=True`: a job that woke late
(the loop was busy, the machine slept) still runs once instead of being silently dropped,
which APScheduler's one-second default grace would do. Each job runs behind an `OutagePause`:
while the database is locked or unreachable it backs off instead of failing every second.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram import Bot
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.runtime.db_outage import OutagePause
from bot.runtime.delivery import DeliveryWorker
from bot.ui.commands import register_commands
from domain.model import Role

if TYPE_CHECKING:
    from bot.runtime.container import Services

logger = logging.getLogger("biliktilik.background")

Job = Callable[[Bot, "Services"], Awaitable[Any]]


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every_seconds: float
    run: Job


PERIODIC_JOBS: list[PeriodicJob] = []


def _register_feature_jobs() -> None:
    from bot.runtime.jobs import nobd  # §19 NOBD reminder

    PERIODIC_JOBS.append(PeriodicJob("nobd-reminder", nobd.EVERY_SECONDS, nobd.remind_nobd))
    from bot.runtime.jobs import follow_up  # §38 survey invitations, review reminder

    PERIODIC_JOBS.append(
        PeriodicJob("survey-invitations", follow_up.EVERY_SECONDS, follow_up.invite_to_survey)
    )
    PERIODIC_JOBS.append(
        PeriodicJob("review-reminder", follow_up.EVERY_SECONDS, follow_up.remind_review)
    )
    from bot.runtime.jobs import (
        reminders,  # session reminders and 80 % warnings
    )

    PERIODIC_JOBS.append(
        PeriodicJob(
            "session-reminders", reminders.REMINDERS_EVERY_SECONDS, reminders.send_reminders
        )
    )
    PERIODIC_JOBS.append(
        PeriodicJob(
            "attendance-warnings", reminders.WARNINGS_EVERY_SECONDS, reminders.warn_attendance
        )
    )


_register_feature_jobs()
OUTBOX_POLL_SECONDS = 1.0


class Background:
    def __init__(self, scheduler: AsyncIOScheduler, delivery: DeliveryWorker) -> None:
        self.scheduler = scheduler
        self.delivery = delivery

    async def shutdown(self) -> None:
        # First let the delivery in flight finish its sends and hand back what it claimed:
        # the scheduler's shutdown cancels running jobs, and a send cancelled between
        # Telegram's answer and `mark_sent` would be repeated when its lease runs out.
        await self.delivery.stop()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)


async def _register_commands(bot: Bot, services: Services) -> None:
    async with services.uow_factory() as uow:
        admins = await uow.people.list_by_role(Role.ADMIN)
        trainers = await uow.people.list_by_role(Role.TRAINER)
    staff = {p.id: p for p in [*admins, *trainers] if p.telegram_id}
    await register_commands(bot, services.i18n_core, staff.values())


def _paused_on_outage(
    name: str, job: Job, bot: Bot, services: Services
) -> Callable[[], Awaitable[Any]]:
    pause = OutagePause(name)

    async def run() -> Any:
        return await pause.run(lambda: job(bot, services))

    return run


async def start_background(bot: Bot, services: Services) -> Background:
    try:
        await _register_commands(bot, services)
    except Exception:  # commands are a convenience: the bot must start without them
        logger.exception("could not register commands")
    scheduler = AsyncIOScheduler(
        timezone=services.settings.tz,
        job_defaults={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
    )
    for job in PERIODIC_JOBS:
        scheduler.add_job(
            _paused_on_outage(job.name, job.run, bot, services),
            "interval",
            seconds=job.every_seconds,
            id=job.name,
            name=job.name,
        )
    delivery = DeliveryWorker(bot, services)
    paused_delivery = _paused_on_outage(
        "outbox", lambda _bot, _services: delivery.run_once(), bot, services
    )

    async def outbox_tick() -> None:
        # a run under way delivers what is due; a tick beside it does nothing — and must not
        # count as a success that ends an outage pause the run has not yet come through
        if not delivery.running:
            await paused_delivery()

    scheduler.add_job(
        outbox_tick,
        "interval",
        seconds=OUTBOX_POLL_SECONDS,
        id="outbox",
        name="outbox delivery",
        # a tick during a long delivery starts and returns at once instead of being refused
        # by the scheduler with a warning every second
        max_instances=2,
    )
    scheduler.start()
    return Background(scheduler, delivery)
