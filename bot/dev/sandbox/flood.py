"""Flood limits like Telegram's: token buckets per chat, per group and for the whole bot."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.dev.sandbox.errors import too_many_requests


@dataclass(frozen=True)
class FloodLimits:
    """Rates in messages per second; bursts in messages. Telegram's documented defaults."""

    per_chat_rate: float = 1.0
    per_chat_burst: float = 4.0
    group_rate: float = 20 / 60
    group_burst: float = 20.0
    global_rate: float = 30.0
    global_burst: float = 30.0


TELEGRAM_LIMITS = FloodLimits()


@dataclass
class TokenBucket:
    rate: float
    burst: float
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait_time(self) -> float:
        """Seconds until one token is there (0 when there is one now)."""
        if self.tokens >= 1:
            return 0.0
        return (1 - self.tokens) / self.rate if self.rate > 0 else math.inf


@dataclass
class FloodLimiter:
    limits: FloodLimits | None
    clock: Callable[[], float] = time.monotonic
    chats: dict[int, TokenBucket] = field(default_factory=dict)
    whole: TokenBucket | None = None
    rejected: int = 0

    def _bucket(self, rate: float, burst: float, now: float) -> TokenBucket:
        return TokenBucket(rate=rate, burst=burst, tokens=burst, updated=now)

    def reset(self, limits: FloodLimits | None = None, *, keep: bool = True) -> None:
        if not keep:
            self.limits = limits
        self.chats.clear()
        self.whole = None

    def acquire(self, chat_id: int, *, is_group: bool) -> None:
        """Takes one token from the chat's and the bot's bucket or raises 429 with retry_after."""
        limits = self.limits
        if limits is None:
            return
        now = self.clock()
        if self.whole is None:
            self.whole = self._bucket(limits.global_rate, limits.global_burst, now)
        chat = self.chats.get(chat_id)
        if chat is None:
            rate, burst = (
                (limits.group_rate, limits.group_burst)
                if is_group
                else (limits.per_chat_rate, limits.per_chat_burst)
            )
            chat = self.chats[chat_id] = self._bucket(rate, burst, now)
        chat.refill(now)
        self.whole.refill(now)
        wait = max(chat.wait_time(), self.whole.wait_time())
        if wait > 0:
            self.rejected += 1
            raise too_many_requests(max(1, math.ceil(wait)))
        chat.tokens -= 1
        self.whole.tokens -= 1
