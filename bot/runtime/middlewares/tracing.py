"""Every log line written while an update is handled carries the update's id (``update_id``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

from bot.runtime.logs import current_update_id


class UpdateIdMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        token = current_update_id.set(event.update_id if isinstance(event, Update) else None)
        try:
            return await handler(event, data)
        finally:
            current_update_id.reset(token)
