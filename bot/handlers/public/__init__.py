"""What anyone can do: /start, the language, the menu, help, /cancel, verifying a certificate
by its number or QR link; and what catches the rest: errors and the fallback.

Behind one gate (``bot.gates.private_chat_only``). Verification comes early in the chain (a
typed number or ``/start v_…`` is recognised in any form step), the rest last. The fallback is
the one router outside any gate: a stale button is answered in any chat (so its spinner stops),
a text no one understood only in a private chat.
"""

from __future__ import annotations

from aiogram import Router

from bot.gates import private_chat_only
from bot.handlers.public import errors, fallback, start, verify
from bot.ui.forms import create_stale_form_router

create_errors_router = errors.create_router


def create_verify_router() -> Router:
    router = private_chat_only(Router(name="public-verify"))
    router.include_router(verify.create_router())
    return router


def create_router() -> Router:
    router = private_chat_only(Router(name="public"))
    router.include_router(start.create_router())
    router.include_router(create_stale_form_router())
    return router


create_fallback_router = fallback.create_router
