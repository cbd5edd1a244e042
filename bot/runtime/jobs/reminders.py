"""Periodic jobs of the trainer's day: session reminders (day before at 18:00 local time,
an hour before) and the §24.3 warning when a listener can no longer reach 80 %.

Both only enqueue outbox rows with dedup keys, so a late, repeated or doubled run (restart,
two instances) never sends anything twice, and a run after downtime still enqueues every
reminder that is due and useful (``domain.services.reminders``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from aiogram import Bot

from bot.ui.formatting import format_when
from domain.model import Lang
from domain.services.reminders import enqueue_due_reminders
from domain.services.trainer import warn_unreachable_attendance

if TYPE_CHECKING:
    from bot.runtime.container import Services

__all__ = ["REMINDERS_EVERY_SECONDS", "WARNINGS_EVERY_SECONDS", "send_reminders", "warn_attendance"]

REMINDERS_EVERY_SECONDS = 60.0
"""A reminder due at 14:00 goes out by 14:01."""
WARNINGS_EVERY_SECONDS = 600.0
"""Warnings follow the end of a session; ten minutes later is soon enough and cheap."""
RECENTLY_ENDED = timedelta(days=1)


async def send_reminders(bot: Bot, services: Services) -> int:
    tz = services.settings.tz

    def when(moment: datetime, lang: Lang) -> str:
        return format_when(moment, lang, tz)

    return await enqueue_due_reminders(services.uow_factory, services.clock(), tz, when)


async def warn_attendance(bot: Bot, services: Services) -> int:
    """Cohorts with a session that ended in the last day are re-checked for listeners who
    can no longer reach 80 % (each warned once, by dedup key)."""
    now = services.clock()
    async with services.uow_factory() as uow:
        ended = await uow.sessions.between(now - RECENTLY_ENDED - timedelta(days=1), now)
    cohort_ids = sorted({s.cohort_id for s in ended if now - RECENTLY_ENDED <= s.ends_at <= now})
    added = 0
    for cohort_id in cohort_ids:
        added += await warn_unreachable_attendance(services.uow_factory, cohort_id, now)
    return added
