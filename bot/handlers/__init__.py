"""All routers, in the order they see an update: deep links and features first, fallback last.

Each feature module exposes `create_router()` building a fresh router, so every Dispatcher
(the bot, each test) gets its own router tree.
"""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Router

from bot.handlers import (
    admin,
    certificates,
    checkin,
    common,
    errors,
    fallback,
    results,
    teacher,
    trainer,
)

# The order matters: a QR deep link (/start ci_… or /start v_…) and a typed check-in code or
# certificate number must be recognised before the teacher's forms and the plain /start.
FEATURE_ROUTER_FACTORIES: list[Callable[[], Router]] = [
    checkin.create_router,  # issue 4: check-in by code or QR deep link
    certificates.create_router,  # issue 6: verify (typed number, /start v_…), issue, revoke
    teacher.create_router,  # issue 4: consent, profile, applications, courses, requests
    admin.create_router,  # issue 5: roles, courses, cohorts, lists, orders
    results.create_router,  # issue 5: scores, expulsion, request queues, reports
    trainer.create_router,  # issue 5: agenda, check-in board, roster
]


def build_root_router() -> Router:
    root = Router(name="root")
    root.include_router(errors.create_router())
    for create_router in FEATURE_ROUTER_FACTORIES:
        root.include_router(create_router())
    root.include_router(common.create_router())
    root.include_router(fallback.create_router())
    return root
