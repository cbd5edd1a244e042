"""§19 periodic job: remind admins to enter completed teachers into the NOBD in time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram import Bot

from bot.ui.formatting import long_date
from domain.services.reports import enqueue_nobd_reminders

if TYPE_CHECKING:
    from bot.runtime.container import Services

__all__ = ["EVERY_SECONDS", "remind_nobd"]

EVERY_SECONDS = 3600.0
"""Hourly is plenty: the reminder is due for a whole day, and dedup keys make reruns free."""


async def remind_nobd(bot: Bot, services: Services) -> int:
    """Enqueue due reminders (the delivery worker sends them). Today is the organization's
    local date (``TIMEZONE``); extra days off come from ``EXTRA_HOLIDAYS``, working Saturdays
    transferred by decree from ``EXTRA_WORKING_DAYS``."""
    now = services.clock()
    today = now.astimezone(services.settings.tz).date()
    settings = services.settings
    return await enqueue_nobd_reminders(
        services.uow_factory,
        now,
        today,
        settings.extra_holidays,
        long_date,
        extra_working_days=settings.extra_working_days,
    )
