"""The admin's commands (issue 5, items 1–4 and 10): roles, courses, cohorts and schedules,
applications, list import and enrollment orders; who blocked the bot (issue 8, item 3);
requests to delete personal data (item 4).

One router; its handlers match admin entry points (``/admin``, the "🛠" menu item, admin
buttons, admin form steps). ``AdminAccessMiddleware`` — the single access check — runs for
every matched update and refuses anyone who is not an admin in a private chat.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram_i18n.lazy.filter import LazyFilter

from bot.handlers.admin import (
    applications,
    cohorts,
    courses,
    deletions,
    enrollment_import,
    orders,
    roles,
    schedule,
    schedule_import,
    unreachable,
)
from bot.handlers.admin.access import AdminAccessMiddleware
from bot.handlers.admin.panel import show_panel


def create_router() -> Router:
    router = Router(name="admin")
    access = AdminAccessMiddleware()
    router.message.middleware(access)
    router.callback_query.middleware(access)
    router.message.register(show_panel, Command("admin"))
    router.message.register(show_panel, LazyFilter("menu-admin"))
    for module in (
        roles,
        courses,
        cohorts,
        schedule,
        schedule_import,
        applications,
        enrollment_import,
        orders,
        unreachable,
        deletions,
    ):
        module.register(router)
    return router
