"""Flood limits like Telegram's: token buckets per chat, per group and for the whole bot.

A chat's bucket allows a short burst (4 messages), then one a second. A refused message keeps
its place: until it is sent (or abandoned: not retried within its `retry_after` plus
`ABANDONED_AFTER`), a later message to the same chat is refused too, so two replies sent less
than a second apart never arrive swapped — a 429's `retry_after` is rounded up to whole
seconds, and without the queue the later reply could slip into the gap.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable
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
ABANDONED_AFTER = 5.0
"""Seconds past its `retry_after` after which a refused message no longer holds its chat."""


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
    #: per chat, the refused messages not sent yet, first refused first: (key, abandoned at)
    waiting: dict[int, list[tuple[Hashable, float]]] = field(default_factory=dict)

    def _bucket(self, rate: float, burst: float, now: float) -> TokenBucket:
        return TokenBucket(rate=rate, burst=burst, tokens=burst, updated=now)

    def reset(self, limits: FloodLimits | None = None, *, keep: bool = True) -> None:
        if not keep:
            self.limits = limits
        self.chats.clear()
        self.waiting.clear()
        self.whole = None

    def acquire(self, chat_id: int, *, is_group: bool, key: Hashable = None) -> None:
        """Takes one token from the chat's and the bot's bucket or raises 429 with retry_after.

        `key` names the message (its parameters): a retry of a refused message has the same
        key, and a chat's refused messages go out in the order they were first refused."""
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
        queue = [entry for entry in self.waiting.get(chat_id, []) if entry[1] > now]
        wait = max(chat.wait_time(), self.whole.wait_time())
        if queue and queue[0][0] != key:
            wait = max(wait, 1.0)  # an earlier refused message goes first
        if wait > 0:
            self.rejected += 1
            retry_after = max(1, math.ceil(wait))
            abandoned_at = now + retry_after + ABANDONED_AFTER
            place = next((n for n, entry in enumerate(queue) if entry[0] == key), None)
            if place is None:
                queue.append((key, abandoned_at))
            else:  # retried: kept in its place a while longer
                queue[place] = (key, max(queue[place][1], abandoned_at))
            self.waiting[chat_id] = queue
            raise too_many_requests(retry_after)
        chat.tokens -= 1
        self.whole.tokens -= 1
        if queue:
            queue.pop(0)
        if queue:
            self.waiting[chat_id] = queue
        else:
            self.waiting.pop(chat_id, None)
