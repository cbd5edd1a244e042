"""The handlers by who uses them: ``public``, ``teacher``, ``trainer``, ``admin``; each package
behind its one gate (``bot.gates``).

``build_root_router`` builds a fresh tree for every Dispatcher (the bot, each test). The order
is the order an update is offered: a check-in code or link and a certificate number or QR link
are recognised before the teacher's forms, a trainer's cancel before an admin's, and /start,
help and the fallback come last.
"""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Router

from bot.handlers import admin, public, teacher, trainer

ROUTER_FACTORIES: list[Callable[[], Router]] = [
    teacher.create_entry_router,
    public.create_verify_router,
    teacher.create_router,
    trainer.create_router,
    admin.create_router,
    public.create_router,
]


def build_root_router() -> Router:
    root = Router(name="root")
    root.include_router(public.create_errors_router())
    root.include_routers(*(factory() for factory in ROUTER_FACTORIES))
    root.include_router(public.create_fallback_router())
    return root
