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
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram_i18n import I18nContext

from domain.model import Person, Role
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.admin_roles import record_refusal

logger = logging.getLogger(__name__)

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]

NOT_PRIVATE = "not-private"


def refusal_reason(person: Person | None, chat_type: str | None, role: Role) -> str | None:
    """Why this person may not act in ``role`` here, or ``None`` when they may."""
    if chat_type != "private":
        return NOT_PRIVATE
    if person is None or role not in person.roles:
        return f"not-{role.value}"
    return None


def _attempt(event: TelegramObject, data: dict[str, Any]) -> dict[str, Any]:
    """What was tried, for the audit log: who, where, and the text or button (cut short)."""
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
    return attempt


class RoleGate(BaseMiddleware):
    """A private chat and ``role``, else the refusal ``<refusal_key><reason>`` and an audit
    entry (``<role>.refused``); the handler does not run."""

    def __init__(self, role: Role, refusal_key: str) -> None:
        self.role = role
        self.refusal_key = refusal_key

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        chat = data.get("event_chat")
        person: Person | None = data.get("person")
        reason = refusal_reason(person, chat.type if chat else None, self.role)
        if reason is None:
            return await self.run(handler, event, data)
        uow_factory: UnitOfWorkFactory = data["uow_factory"]
        clock: Clock = data["clock"]
        i18n: I18nContext = data["i18n"]
        await record_refusal(
            uow_factory,
            self.role,
            person.id if person else None,
            reason,
            _attempt(event, data),
            clock(),
        )
        text = i18n.get(self.refusal_key + reason)
        if isinstance(event, CallbackQuery):
            await event.answer(text, show_alert=True)
        elif isinstance(event, Message):
            await event.answer(text)
        state: FSMContext | None = data.get("state")
        if state is not None and reason != NOT_PRIVATE:
            await state.clear()  # a former admin's or trainer's half-filled form must not linger
        return None

    async def run(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        return await handler(event, data)


class AdminGate(RoleGate):
    def __init__(self) -> None:
        super().__init__(Role.ADMIN, "admin-refused-")

    async def run(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        """A form step whose earlier answers are gone (a state kept across a restart or left by
        an older version, with its data lost) raises KeyError on the missing answer: the form
        is closed with a note that sends the admin back to the panel."""
        state: FSMContext | None = data.get("state")
        try:
            return await handler(event, data)
        except KeyError as error:
            if state is None or await state.get_state() is None:
                raise
            logger.warning("admin form %s lost its data (%s)", await state.get_state(), error)
            await state.clear()
            i18n: I18nContext = data["i18n"]
            text = i18n.get("admin-form-expired")
            # a message, not an alert: the handler may have answered the button already and
            # Telegram refuses a second answer
            target = event.message if isinstance(event, CallbackQuery) else event
            if isinstance(target, Message):
                await target.answer(text)
            return None


def private_chat_only(router: Router) -> Router:
    router.message.filter(F.chat.type == "private")
    router.callback_query.filter(F.message.chat.type == "private")
    return router


def _behind(router: Router, gate: BaseMiddleware) -> Router:
    router.message.middleware(gate)
    router.callback_query.middleware(gate)
    return router


def admin_only(router: Router) -> Router:
    return _behind(router, AdminGate())


def trainer_only(router: Router) -> Router:
    return _behind(router, RoleGate(Role.TRAINER, "trainer-refused-"))
