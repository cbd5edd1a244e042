"""Per-user rate limits, chosen by the handler flag ``rate_limit`` (``default`` bucket otherwise).

The counting is a ``bot.runtime.limits.Limiter`` (fixed windows; in memory, or in Redis when
``REDIS_URL`` is set so that several instances share one budget). This middleware drops an
update over the limit and answers only the first one refused in a window, with the seconds
left until the window ends ("wait N seconds"); every later one in that window is dropped
silently (a refused button tap still gets its spinner stopped, without text). A failure to
send that one answer is swallowed: a flooding user must never set off the error handler's
"something went wrong".

Why these rates (``DEFAULT_RATES``):

* ``default`` — 5 updates per 5-second window. Nearly every update is answered with one
  message in the same chat, and Telegram delivers about one message per second to a chat,
  tolerating only short bursts before it answers 429 (the sandbox models it as 1/s with a
  burst of 4). 5 per 5 s keeps the average at Telegram's 1 message/s; the burst it allows
  is 5 (at most 10 across a window boundary, which the request retry absorbs). A person
  typing or tapping through a form sends well under one update per second; the old
  30 per 10 s let a flood generate three times what Telegram will deliver, and the
  excess came back as 429s and apologies.
* ``verify`` — §33 verification is open to anyone: 10 look-ups per user per minute.

Users are the key: the bot talks in private chats, where the user is the chat. The default
bucket's numbers are settings (``THROTTLE_MESSAGES``, ``THROTTLE_SECONDS``; ``rates_from``):
scripted clients such as the e2e tests act many times a second, a person never does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.exceptions import TelegramAPIError
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.config import Settings
from bot.runtime.limits import Limiter, MemoryLimiter, Rate, Verdict

__all__ = ["DEFAULT_RATES", "Rate", "RateLimitMiddleware", "rates_from"]

DEFAULT_RATES: dict[str, Rate] = {
    "default": Rate(5, 5),
    "verify": Rate(10, 60),
}


def rates_from(settings: Settings) -> dict[str, Rate]:
    """``DEFAULT_RATES`` with the ``default`` bucket from ``THROTTLE_MESSAGES`` /
    ``THROTTLE_SECONDS`` (5 per 5 s unless set: the e2e tests' scripted clients raise it)."""
    return {
        **DEFAULT_RATES,
        "default": Rate(settings.throttle_messages, settings.throttle_seconds),
    }


class RateLimitMiddleware(BaseMiddleware):
    def __init__(
        self, rates: dict[str, Rate] | None = None, limiter: Limiter | None = None
    ) -> None:
        self.rates = rates or DEFAULT_RATES
        self.limiter: Limiter = limiter or MemoryLimiter()

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
        verdict = await self.limiter.hit(f"{bucket}:{user.id}", self.rates[bucket])
        if verdict.allowed:
            return await handler(event, data)
        await self._refuse(event, data, bucket, verdict)
        return None

    async def _refuse(
        self, event: TelegramObject, data: dict[str, Any], bucket: str, verdict: Verdict
    ) -> None:
        with contextlib.suppress(TelegramAPIError):  # e.g. Telegram's own 429: stay silent
            if not verdict.first_refusal:
                if isinstance(event, CallbackQuery):
                    await event.answer()  # stop the spinner; nothing more to say
                return
            text = data["i18n"].get("rate-limited-" + bucket, seconds=verdict.wait_seconds)
            if isinstance(event, Message):
                await event.answer(text)
            elif isinstance(event, CallbackQuery):
                await event.answer(text, show_alert=True)
