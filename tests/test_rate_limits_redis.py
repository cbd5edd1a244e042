"""Rate limits in Redis (issue 16, item 8): two instances share one budget; the keys carry the
``biliktilik:rl:`` prefix and expire with their window; ``create_dispatcher`` uses Redis when
``REDIS_URL`` is set."""

from __future__ import annotations

import pytest

from bot.runtime.limits import KEY_PREFIX, MemoryLimiter, Rate, RedisLimiter, create_limiter
from tests.test_fsm_storage import redis_url

pytestmark = pytest.mark.redis


def _url() -> str:
    url = redis_url()
    if url is None:
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    return url


async def test_two_instances_share_the_budget() -> None:
    from redis.asyncio import Redis

    url = _url()
    now = [1_000_000.0]
    prefix = KEY_PREFIX + "test:"
    a = RedisLimiter(Redis.from_url(url), prefix=prefix, clock=lambda: now[0])
    b = RedisLimiter(Redis.from_url(url), prefix=prefix, clock=lambda: now[0])
    admin = Redis.from_url(url)
    try:
        for key in await admin.keys(prefix + "*"):
            await admin.delete(key)
        rate = Rate(10, 60)
        verdicts = []
        for i in range(12):  # the user's look-ups land on either instance in turn
            verdicts.append(await (a if i % 2 == 0 else b).hit("verify:42", rate))
        assert [v.allowed for v in verdicts] == [True] * 10 + [False, False]
        assert [v.first_refusal for v in verdicts[10:]] == [True, False]
        assert verdicts[10].wait_seconds == 20  # 1,000,000 s is 40 s into a minute
        assert (await b.hit("verify:43", rate)).allowed  # another user has their own budget
        keys = sorted(k.decode() for k in await admin.keys(prefix + "*"))
        assert keys == [f"{prefix}verify:42:16666", f"{prefix}verify:43:16666"]
        assert 0 < await admin.ttl(keys[0]) <= 61
        now[0] += 20  # the next window
        assert (await a.hit("verify:42", rate)).allowed
    finally:
        for key in await admin.keys(prefix + "*"):
            await admin.delete(key)
        await a.close()
        await b.close()
        await admin.aclose()


async def test_unreachable_redis_lets_updates_through() -> None:
    from redis.asyncio import Redis

    limiter = RedisLimiter(Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2))
    try:
        assert (await limiter.hit("default:1", Rate(1, 5))).allowed
    finally:
        await limiter.close()


async def test_the_dispatcher_uses_redis_when_redis_url_is_set(services: object) -> None:
    from bot.runtime.app import create_dispatcher
    from bot.runtime.middlewares.rate_limit import RateLimitMiddleware

    url = _url()
    limiter = create_limiter(url)
    assert isinstance(limiter, RedisLimiter)
    await limiter.close()
    assert isinstance(create_limiter(None), MemoryLimiter)
    services.settings.redis_url = url  # type: ignore[attr-defined]
    dispatcher = create_dispatcher(services)  # type: ignore[arg-type]
    middlewares = [m for m in dispatcher.message.middleware if isinstance(m, RateLimitMiddleware)]
    assert isinstance(middlewares[0].limiter, RedisLimiter)
    await dispatcher.emit_shutdown()
