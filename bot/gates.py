"""The gates of the actor packages, one each and nowhere else: who may reach a handler.

- ``private_chat_only``: the teacher's and the public screens answer in a private chat only (a
  person's courses, scores and profile never go to a group).
- ``admin_only``: every admin handler; a private chat and the admin role.
- ``trainer_only``: every trainer handler; a private chat and the trainer role. Whether the
  trainer trains *that* cohort is the use case's decision, re-checked on every press.

The role gates are *inner* middlewares on the package router's message and callback-query
observers (aiogram hands them down to the sub-routers), so they run only for updates a handler
of that package has matched — a teacher's ordinary messages never reach the admin gate. Anyone
else gets a translated refusal, the attempt is written to the audit log, and the handler does
not run, so nothing changes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, F, Router
from aiogram.types import CallbackQuery, Message, TelegramObject

from domain.model import AuditEntry, Person, Role
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


class AdminGate(BaseMiddleware):
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


class TrainerGate(BaseMiddleware):
    """Trainer-only screens: a private chat and the trainer role, else a translated refusal
    and an audit entry (who tried what), and the handler does not run."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        chat = data.get("event_chat")
        person: Person | None = data.get("person")
        if (
            chat is not None
            and chat.type == "private"
            and person is not None
            and Role.TRAINER in person.roles
        ):
            return await handler(event, data)
        reason = "not-private" if chat is None or chat.type != "private" else "not-trainer"
        user = data.get("event_from_user")
        attempt = {
            "telegram_id": user.id if user else None,
            "chat_type": chat.type if chat else None,
            "text": (getattr(event, "text", None) or getattr(event, "data", None) or "")[:100],
        }
        async with data["uow_factory"]() as uow:
            await uow.audit.record(
                AuditEntry(
                    person.id if person else None,
                    "trainer.refused",
                    "trainer",
                    reason,
                    None,
                    attempt,
                    data["clock"](),
                )
            )
            await uow.commit()
        text = data["i18n"].get("trainer-refused-" + reason)
        if isinstance(event, CallbackQuery):
            await event.answer(text, show_alert=True)
        elif isinstance(event, Message):
            await event.answer(text)
        return None


def private_chat_only(router: Router) -> Router:
    router.message.filter(F.chat.type == "private")
    router.callback_query.filter(F.message.chat.type == "private")
    return router


def admin_only(router: Router) -> Router:
    gate = AdminGate()
    router.message.middleware(gate)
    router.callback_query.middleware(gate)
    return router


def trainer_only(router: Router) -> Router:
    gate = TrainerGate()
    router.message.middleware(gate)
    router.callback_query.middleware(gate)
    return router
