"""Puts the current `person` (a domain object) into the handler data of every update."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Chat, TelegramObject, User

from domain.model import Person, Role
from domain.ports import DuplicatePerson, UnitOfWork
from domain.services.unreachable import welcome_back


class PersonMiddleware(BaseMiddleware):
    """Loads the person behind the update; registers people who write to the bot in private.

    Admins listed in `ADMIN_IDS` get the admin role here, so the setting is the bootstrap and
    the database stays the single source of roles afterwards. Someone who writes again after
    blocking the bot is reachable again, and what the block held back is sent to them.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        data["person"] = None
        if user is not None and not user.is_bot:
            data["person"] = await self._load(user, chat, data)
        return await handler(event, data)

    async def _load(self, user: User, chat: Chat | None, data: dict[str, Any]) -> Person | None:
        """A read-only look-up for the usual case (nothing to change: no write lock); a write
        unit of work only for a newcomer or a change."""
        settings = data["settings"]
        is_admin = user.id in settings.admin_ids
        private = chat is None or chat.type == "private"
        async with data["uow_factory"](read_only=True, brief=True) as uow:
            person = await uow.people.get_by_telegram_id(user.id)
        if person is None and not private:
            return None
        if person is not None and not _needs_update(person, user, is_admin, private):
            return person
        async with data["uow_factory"]() as uow:
            if person is None:
                registered = await _register(uow, user, is_admin, data["clock"]())
                if registered is not None:
                    return registered
            # they were registered or changed by another of their updates meanwhile: re-read
            person = await uow.people.get_by_telegram_id(user.id)
            assert person is not None
            if not _needs_update(person, user, is_admin, private):
                return person
            if is_admin and Role.ADMIN not in person.roles:
                person.roles.add(Role.ADMIN)
                await uow.people.set_roles(person.id, person.roles)
            if private and person.unreachable_since is not None:
                await welcome_back(uow, person, data["clock"]())
            person.username = user.username
            await uow.people.update(person)
            await uow.commit()
            return person


async def _register(uow: UnitOfWork, user: User, is_admin: bool, now: datetime) -> Person | None:
    """A newcomer, committed; None if their Telegram id got registered meanwhile. Inserting
    without reading first keeps the write turn short when many newcomers write at once."""
    roles = {Role.TEACHER} | ({Role.ADMIN} if is_admin else set())
    try:
        person = await uow.people.add(
            Person(
                telegram_id=user.id,
                first_name=user.first_name,
                username=user.username,
                roles=roles,
                created_at=now,
            )
        )
    except DuplicatePerson:
        return None
    await uow.commit()
    return person


def _needs_update(person: Person, user: User, is_admin: bool, private: bool) -> bool:
    return (
        (is_admin and Role.ADMIN not in person.roles)
        or (private and person.unreachable_since is not None)
        or user.username != person.username
    )
