"""All routers, in the order they see an update: deep links and features first, fallback last.

Each feature module exposes `create_router()` building a fresh router, so every Dispatcher
(the bot, each test) gets its own router tree.
"""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Router

from bot.handlers import common, errors, fallback

# Feature routers register here in the order they must be tried (deep links first).
FEATURE_ROUTER_FACTORIES: list[Callable[[], Router]] = []

from bot.handlers import teacher  # noqa: E402  (teacher's journey, issue 4)

FEATURE_ROUTER_FACTORIES.append(teacher.create_router)

from bot.handlers import admin  # noqa: E402  (admin's setup and enrollment, issue 5)

FEATURE_ROUTER_FACTORIES.append(admin.create_router)

from bot.handlers import results  # noqa: E402  (scores, expulsion, requests, reports, issue 5)

FEATURE_ROUTER_FACTORIES.append(results.create_router)

from bot.handlers import checkin  # noqa: E402  (check-in by code or QR deep link, issue 4)

FEATURE_ROUTER_FACTORIES.insert(0, checkin.create_router)  # deep links before everything

from bot.handlers import trainer  # noqa: E402  (trainer's day and check-in board, issue 5)

FEATURE_ROUTER_FACTORIES.append(trainer.create_router)

from bot.handlers import certificates  # noqa: E402  (issue, revoke, verify: issue 6)

# right after check-in: the QR link /start v_… and typed numbers before the feature routers
FEATURE_ROUTER_FACTORIES.insert(1, certificates.create_router)


def build_root_router() -> Router:
    root = Router(name="root")
    root.include_router(errors.create_router())
    for create_router in FEATURE_ROUTER_FACTORIES:
        root.include_router(create_router())
    root.include_router(common.create_router())
    root.include_router(fallback.create_router())
    return root
