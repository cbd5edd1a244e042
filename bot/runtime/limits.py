"""Rate limits as fixed windows: in this process's memory, or in Redis when ``REDIS_URL`` is set.

One question, ``await limiter.hit(key, rate)``: may this update of ``key`` (a bucket and a user)
go on? The answer (:class:`Verdict`) also says when the window ends and whether this is the
first update refused in it — the one, and only one, that gets a "wait N seconds" answer.

A fixed window (``rate.max_rate`` hits per ``rate.period_seconds``, windows aligned on the wall
clock) was chosen over a leaky bucket because it gives that "once per window, then silence"
for free and because in Redis it is two commands on one key (``INCR`` + ``EXPIRE`` in one
``MULTI``), atomic without a script. Its known cost: across a window boundary up to twice the
rate can pass in quick succession; the rates in ``bot.runtime.middlewares.rate_limit`` are
chosen with that in mind.

Several instances behind a load balancer share :class:`RedisLimiter`'s counters (keys
``biliktilik:rl:<bucket>:<user>:<window>``, expiring with their window), so the budget is the
same whichever instance receives the update. Windows are numbered from the wall clock
(``time.time``): instances whose clocks differ by a fraction of a second agree on them.
If Redis cannot be reached the update is let through (and a warning logged): a limit is
protection, not a reason to refuse service.
"""

from __future__ import annotations

import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = [
    "KEY_PREFIX",
    "Limiter",
    "MemoryLimiter",
    "Rate",
    "RedisLimiter",
    "Verdict",
    "create_limiter",
]

logger = logging.getLogger("biliktilik.limits")

KEY_PREFIX = "biliktilik:rl:"
MAX_TRACKED_KEYS = 50_000


@dataclass(frozen=True)
class Rate:
    """At most ``max_rate`` updates per window of ``period_seconds``."""

    max_rate: float
    period_seconds: float


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    #: seconds until the current window ends (a new budget starts)
    retry_after: float
    #: the first refusal in this window: the update to answer; later ones stay silent
    first_refusal: bool = False

    @property
    def wait_seconds(self) -> int:
        """``retry_after`` rounded up, at least 1: the "N" of "wait N seconds"."""
        return max(1, math.ceil(self.retry_after))


class Limiter(Protocol):
    async def hit(self, key: str, rate: Rate) -> Verdict: ...


def _window(now: float, rate: Rate) -> tuple[int, float]:
    index = math.floor(now / rate.period_seconds)
    return index, (index + 1) * rate.period_seconds - now


def _verdict(count: int, rate: Rate, retry_after: float) -> Verdict:
    allowed = count <= rate.max_rate
    return Verdict(
        allowed=allowed,
        retry_after=retry_after,
        first_refusal=not allowed and count - 1 <= rate.max_rate,
    )


class MemoryLimiter:
    """One process's counters; the least recently seen keys are forgotten past
    ``max_keys`` (a forgotten user simply starts a fresh window)."""

    def __init__(
        self, clock: Callable[[], float] = time.time, max_keys: int = MAX_TRACKED_KEYS
    ) -> None:
        self._clock = clock
        self._max_keys = max_keys
        self._counts: OrderedDict[str, tuple[int, int]] = OrderedDict()

    async def hit(self, key: str, rate: Rate) -> Verdict:
        index, retry_after = _window(self._clock(), rate)
        window, count = self._counts.pop(key, (index, 0))
        count = count + 1 if window == index else 1
        self._counts[key] = (index, count)
        if len(self._counts) > self._max_keys:
            self._counts.popitem(last=False)
        return _verdict(count, rate, retry_after)


class RedisLimiter:
    """Counters shared by every instance using the same Redis database."""

    def __init__(
        self,
        redis: Redis,
        prefix: str = KEY_PREFIX,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._clock = clock

    async def hit(self, key: str, rate: Rate) -> Verdict:
        index, retry_after = _window(self._clock(), rate)
        name = f"{self._prefix}{key}:{index}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.incr(name)
                # the key outlives its window by a second, then Redis drops it
                pipe.expire(name, math.ceil(rate.period_seconds) + 1)
                count, _ = await pipe.execute()
        except Exception as error:  # unreachable Redis: let the update through
            logger.warning(
                "rate limit not checked: Redis unavailable",
                extra={"error": f"{type(error).__name__}: {str(error)[:200]}"},
            )
            return Verdict(allowed=True, retry_after=retry_after)
        return _verdict(int(count), rate, retry_after)

    async def close(self) -> None:
        await self._redis.aclose()


def create_limiter(redis_url: str | None) -> Limiter:
    """Redis-backed when ``redis_url`` is set (shared by instances), else in memory."""
    if redis_url:
        from redis.asyncio import Redis

        return RedisLimiter(Redis.from_url(redis_url))
    return MemoryLimiter()
