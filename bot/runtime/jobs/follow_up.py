"""§38 periodic jobs: invite teachers to the 6- and 12-month follow-up survey, and remind
admins when the three-yearly effectiveness review is due. Both only enqueue outbox rows with
dedup keys: a late, repeated or doubled run sends nothing twice."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram import Bot

from bot.ui.survey_buttons import helped_buttons
from domain.services.follow_up import enqueue_review_reminders, enqueue_survey_invitations

if TYPE_CHECKING:
    from bot.runtime.container import Services

__all__ = ["EVERY_SECONDS", "invite_to_survey", "remind_review"]

EVERY_SECONDS = 3600.0
"""Hourly: a wave is open for months and a reminder for a month; reruns are free."""


async def invite_to_survey(bot: Bot, services: Services) -> int:
    now = services.clock()
    today = now.astimezone(services.settings.tz).date()
    return await enqueue_survey_invitations(services.uow_factory, now, today, helped_buttons)


async def remind_review(bot: Bot, services: Services) -> int:
    now = services.clock()
    today = now.astimezone(services.settings.tz).date()
    return await enqueue_review_reminders(services.uow_factory, now, today)
