"""Notices whose text is made when they are sent (``domain.services.alerts``): the admins'
alert of new applications or §31 requests, the trainer's list of listeners who can no longer
reach 80 %. Reading the data at sending time keeps the numbers true however late the outbox
sends it; when nothing waits any more, nothing is sent."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.ui.long_text import split_message
from domain.services.alerts import (
    LIVE,
    NEW_APPLICATIONS,
    NEW_REQUESTS,
    UNREACHABLE,
    unreachable_listeners,
    waiting_since,
)

if TYPE_CHECKING:
    from bot.runtime.container import Services

__all__ = ["SHOWN_COHORT_BUTTONS", "is_live", "render_live"]

SHOWN_COHORT_BUTTONS = 5


def is_live(payload: dict[str, Any]) -> bool:
    return isinstance(payload.get(LIVE), dict)


async def render_live(
    services: Services, payload: dict[str, Any], lang: str
) -> tuple[list[str], InlineKeyboardMarkup | None] | None:
    """The parts of the message (split within Telegram's limit) and the buttons under the last;
    ``None`` when there is nothing to say any more."""
    live: dict[str, Any] = payload[LIVE]
    core = services.i18n_core
    kind = live.get("kind")
    if kind in (NEW_APPLICATIONS, NEW_REQUESTS):
        since = datetime.fromisoformat(str(live["since"]))
        items = await waiting_since(services.uow_factory, str(kind), since)
        if not items:
            return None
        lines = [core.get(f"screens-alert-{kind}", lang, count=len(items))]
        lines += [
            core.get("screens-alert-row", lang, id=item.id, cohort=item.cohort, name=item.name)
            for item in items
        ]
        lines.append(core.get(f"screens-alert-{kind}-how", lang))
        markup = None
        if kind == NEW_APPLICATIONS:
            from bot.handlers.admin.callbacks import CohortAction  # no handler import at load

            cohorts = list(dict.fromkeys((item.cohort_id, item.cohort) for item in items))
            markup = InlineKeyboardMarkup(
                inline_keyboard=[
                    [
                        InlineKeyboardButton(
                            text=core.get("screens-alert-open-cohort", lang, cohort=code),
                            callback_data=CohortAction(
                                action="applications", cohort_id=cohort_id
                            ).pack(),
                        )
                    ]
                    for cohort_id, code in cohorts[:SHOWN_COHORT_BUTTONS]
                ]
            )
        return split_message("\n".join(lines)), markup
    if kind == UNREACHABLE:
        cohort, rows = await unreachable_listeners(
            services.uow_factory, int(live["cohort_id"]), services.clock()
        )
        if cohort is None or not rows:
            return None
        lines = [core.get("screens-alert-unreachable", lang, cohort=cohort.code, count=len(rows))]
        lines += [
            core.get(
                "screens-alert-unreachable-row",
                lang,
                name=row.name,
                attended=row.attended,
                total=row.total,
                remaining=row.remaining,
            )
            for row in rows
        ]
        return split_message("\n".join(lines)), None
    raise ValueError(f"unknown live notice {kind!r}")
