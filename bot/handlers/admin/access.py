"""The one gate of every admin handler: a private chat and the admin role, else a refusal.

Registered as an *inner* middleware on the admin router's message and callback-query observers,
so it runs only for updates an admin handler has matched (``/admin``, the "🛠" menu item, an
admin button, a step of an admin form) — a teacher's ordinary messages never reach it. Anyone
else (teacher, trainer, stranger, any group chat) gets a translated refusal, the attempt is
written to the audit log, and the handler does not run, so nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject

from domain.model import Person, Role
from domain.services.admin_roles import record_refusal

logger = logging.getLogger(__name__)

NOT_PRIVATE = "not-private"
NOT_ADMIN = "not-admin"


def refusal_reason(person: Person | None, chat_type: str | None) -> str | None:
    """Why this person may not act as an admin here, or ``None`` when they may."""
    if chat_type != "private":
        return NOT_PRIVATE
    if person is None or Role.ADMIN not in person.roles:
        return NOT_ADMIN
    return None


class AdminAccessMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        chat = data.get("event_chat")
        person: Person | None = data.get("person")
        reason = refusal_reason(person, chat.type if chat else None)
        if reason is None:
            return await self._run(handler, event, data)
        await self._log(data, person, reason, event)
        i18n = data["i18n"]
        text = i18n.get("admin-refused-" + reason)
        if isinstance(event, CallbackQuery):
            await event.answer(text, show_alert=True)
        elif isinstance(event, Message):
            await event.answer(text)
        state = data.get("state")
        if state is not None and reason == NOT_ADMIN:
            await state.clear()  # a former admin's half-filled form must not linger
        return None

    @staticmethod
    async def _run(
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """A form step whose earlier answers are gone (a state kept across a restart or left by
        an older version, with its data lost) raises KeyError on the missing answer: the form
        is closed with a translated note instead of an apology for an error."""
        state = data.get("state")
        try:
            return await handler(event, data)
        except KeyError as error:
            if state is None or await state.get_state() is None:
                raise
            logger.warning("admin form %s lost its data (%s)", await state.get_state(), error)
            await state.clear()
            text = data["i18n"].get("admin-form-expired")
            # a message, not an alert: the handler may have answered the button already and
            # Telegram refuses a second answer (found by tests/fuzz/test_every_state.py)
            target = event.message if isinstance(event, CallbackQuery) else event
            if isinstance(target, Message):
                await target.answer(text)
            return None

    @staticmethod
    async def _log(
        data: dict[str, Any], person: Person | None, reason: str, event: TelegramObject
    ) -> None:
        user = data.get("event_from_user")
        chat = data.get("event_chat")
        attempt: dict[str, Any] = {
            "telegram_id": user.id if user else None,
            "chat_id": chat.id if chat else None,
            "chat_type": chat.type if chat else None,
        }
        if isinstance(event, Message):
            attempt["text"] = (event.text or event.caption or event.content_type)[:100]
        elif isinstance(event, CallbackQuery):
            attempt["data"] = (event.data or "")[:100]
        await record_refusal(
            data["uow_factory"](), person.id if person else None, reason, attempt, data["clock"]()
        )
