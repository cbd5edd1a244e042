"""Per-user rate limits, chosen by the handler flag `rate_limit` (default bucket otherwise).

aiolimiter's leaky bucket keeps the arithmetic; this middleware only decides to drop the
update instead of waiting, and to say so once per burst rather than on every message.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiolimiter import AsyncLimiter


@dataclass(frozen=True)
class Rate:
    max_rate: float
    period_seconds: float


DEFAULT_RATES: dict[str, Rate] = {
    "default": Rate(30, 10),
    # §33 verification is open to anyone: 10 look-ups per user per minute.
    "verify": Rate(10, 60),
}
MAX_TRACKED_USERS = 50_000


class RateLimitMiddleware(BaseMiddleware):
    def __init__(self, rates: dict[str, Rate] | None = None) -> None:
        self.rates = rates or DEFAULT_RATES
        self._limiters: OrderedDict[tuple[str, int], AsyncLimiter] = OrderedDict()
        self._warned: set[tuple[str, int]] = set()

    def _limiter(self, bucket: str, user_id: int) -> AsyncLimiter:
        key = (bucket, user_id)
        limiter = self._limiters.get(key)
        if limiter is None:
            rate = self.rates[bucket]
            limiter = AsyncLimiter(rate.max_rate, rate.period_seconds)
            self._limiters[key] = limiter
            if len(self._limiters) > MAX_TRACKED_USERS:
                old_key, _ = self._limiters.popitem(last=False)
                self._warned.discard(old_key)
        else:
            self._limiters.move_to_end(key)
        return limiter

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        bucket = get_flag(data, "rate_limit", default="default")
        if bucket not in self.rates:
            bucket = "default"
        limiter = self._limiter(bucket, user.id)
        key = (bucket, user.id)
        if limiter.has_capacity():
            await limiter.acquire()
            self._warned.discard(key)
            return await handler(event, data)
        if key not in self._warned:
            self._warned.add(key)
            text = data["i18n"].get("rate-limited-" + bucket)
            if isinstance(event, Message):
                await event.answer(text)
            elif isinstance(event, CallbackQuery):
                await event.answer(text, show_alert=True)
        return None
