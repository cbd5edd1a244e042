"""429 like Telegram's (per chat, per bot) and faults injected through the control API."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.dev.sandbox import Emulator, FloodLimits
from tests.sandbox.conftest import TOKEN, Sandbox, serve


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def emulator(clock: Clock) -> Emulator:
    limits = FloodLimits(per_chat_rate=1.0, per_chat_burst=3, global_rate=5, global_burst=5)
    return Emulator(flood=limits, clock=clock)


async def test_per_chat_burst_then_429_with_retry_after(sandbox: Sandbox, clock: Clock) -> None:
    chat = await sandbox.user()
    for _ in range(3):
        await sandbox.ok("sendMessage", chat_id=chat, text="x")
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x")
    assert (status, body) == (
        429,
        {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
         "parameters": {"retry_after": 1}},
    )  # fmt: skip
    clock.now += 1.0
    await sandbox.ok("sendMessage", chat_id=chat, text="x")
    assert sandbox.emulator.delivered[chat] == 4
    assert sandbox.emulator.flood.rejected == 1


async def test_global_limit_across_chats(sandbox: Sandbox, clock: Clock) -> None:
    chats = [await sandbox.user(100 + n) for n in range(6)]
    for chat in chats[:5]:
        await sandbox.ok("sendMessage", chat_id=chat, text="x")
    status, body = await sandbox.call("sendMessage", chat_id=chats[5], text="x")
    assert status == 429 and body["parameters"]["retry_after"] == 1
    clock.now += 0.2
    await sandbox.ok("sendMessage", chat_id=chats[5], text="x")


async def test_long_wait_is_rounded_up(clock: Clock) -> None:
    emulator = Emulator(flood=FloodLimits(per_chat_rate=0.25, per_chat_burst=1), clock=clock)
    emulator.add_user(1, "A").started = True
    emulator.flood.acquire(1, is_group=False)
    with pytest.raises(Exception) as refused:
        emulator.flood.acquire(1, is_group=False)
    assert refused.value.parameters == {"retry_after": 4}  # type: ignore[attr-defined]


async def test_limits_can_be_switched_off_at_run_time(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    await sandbox.control("POST", "/flood", json={"enabled": False})
    for _ in range(20):
        await sandbox.ok("sendMessage", chat_id=chat, text="x")


async def test_faults_500_502_blocked_flood(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    await sandbox.control("POST", "/flood", json={"enabled": False})
    await sandbox.control("POST", "/faults", json={"kind": "http_500", "method": "sendMessage"})
    await sandbox.control("POST", "/faults", json={"kind": "http_502", "method": "getMe"})
    await sandbox.control("POST", "/faults", json={"kind": "blocked"})
    await sandbox.control("POST", "/faults", json={"kind": "flood", "retry_after": 7})
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x")
    assert (status, body["description"]) == (500, "Internal Server Error")
    async with sandbox.http.post(f"{sandbox.base}/bot{TOKEN}/getMe") as response:
        assert response.status == 502 and "nginx" in await response.text()
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x")
    assert (status, body["description"]) == (403, "Forbidden: bot was blocked by the user")
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="x")
    assert (status, body["parameters"]) == (429, {"retry_after": 7})
    await sandbox.ok("sendMessage", chat_id=chat, text="x")
    assert await sandbox.control("GET", "/faults") == []
    calls = await sandbox.control("GET", "/calls?method=sendMessage")
    assert [c["status"] for c in calls] == [500, 403, 429, 200]
    assert [c["fault"] for c in calls] == ["http_500", "blocked", "flood", None]
    assert calls[-1]["params"] == {"chat_id": chat, "text": "x"}
    assert calls[-1]["wall"] > 1e9 and calls[-1]["monotonic"] >= calls[0]["monotonic"]


async def test_fault_timeout_and_drop() -> None:
    emulator = Emulator(flood=None)
    server = await serve(emulator)
    url = str(server.make_url(f"/bot{TOKEN}/getMe"))
    emulator.add_fault("timeout", delay=2.0)
    emulator.add_fault("drop")
    try:
        async with aiohttp.ClientSession() as http:
            with pytest.raises(asyncio.TimeoutError):
                async with http.post(url, timeout=aiohttp.ClientTimeout(total=0.3)) as response:
                    await response.read()
            with pytest.raises(aiohttp.ClientError):
                async with http.post(url) as response:
                    await response.read()
            async with http.post(url) as response:
                assert response.status == 200
    finally:
        await server.close()
    assert [c.fault for c in emulator.calls] == ["timeout", "drop", None]


async def test_bad_fault_is_refused(sandbox: Sandbox) -> None:
    async with sandbox.http.post(f"{sandbox.base}/sandbox/api/faults", json={"kind": "x"}) as r:
        assert r.status == 400


async def test_refused_messages_keep_their_order(sandbox: Sandbox, clock: Clock) -> None:
    """The later reply may not slip into the gap a rounded-up retry_after leaves."""
    chat = await sandbox.user()
    for _ in range(3):  # the burst
        await sandbox.ok("sendMessage", chat_id=chat, text="x")
    first = await sandbox.call("sendMessage", chat_id=chat, text="first")
    assert first[0] == 429 and first[1]["parameters"] == {"retry_after": 1}
    clock.now += 0.5
    second = await sandbox.call("sendMessage", chat_id=chat, text="second")
    assert second[0] == 429
    clock.now += 0.6  # a token is there, but "first" has not been retried yet
    status, body = await sandbox.call("sendMessage", chat_id=chat, text="second")
    assert status == 429 and body["parameters"] == {"retry_after": 1}
    await sandbox.ok("sendMessage", chat_id=chat, text="first")
    clock.now += 1.0
    await sandbox.ok("sendMessage", chat_id=chat, text="second")
    texts = [m.content["text"] for m in sandbox.emulator.chats[chat].messages.values()]
    assert texts[-2:] == ["first", "second"]
    assert sandbox.emulator.flood.waiting == {}


async def test_an_abandoned_refusal_stops_holding_the_chat(sandbox: Sandbox, clock: Clock) -> None:
    chat = await sandbox.user()
    for _ in range(3):
        await sandbox.ok("sendMessage", chat_id=chat, text="x")
    assert (await sandbox.call("sendMessage", chat_id=chat, text="given up"))[0] == 429
    clock.now += 2.0
    assert (await sandbox.call("sendMessage", chat_id=chat, text="next"))[0] == 429
    clock.now += 5.0  # "given up" was never retried
    await sandbox.ok("sendMessage", chat_id=chat, text="next")
    other = await sandbox.user(43)  # other chats never wait for this one
    await sandbox.ok("sendMessage", chat_id=other, text="x")


async def test_bot_retrying_429s_delivers_replies_in_order() -> None:
    """The bot's own retry middleware (with jitter) against Telegram's limits, real time."""
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer

    from bot.runtime.retry import RetryRequestMiddleware

    emulator = Emulator(flood=FloodLimits(per_chat_rate=2.0, per_chat_burst=2))
    server = await serve(emulator)
    session = AiohttpSession(api=TelegramAPIServer.from_base(str(server.make_url("")).rstrip("/")))
    session.middleware(RetryRequestMiddleware())
    bot = Bot(TOKEN, session=session)
    emulator.add_user(7, "A").started = True
    try:

        async def reply(n: int) -> None:
            await asyncio.sleep(n * 0.1)  # replies less than a second apart
            await bot.send_message(7, f"reply {n}")

        await asyncio.gather(*(reply(n) for n in range(5)))
    finally:
        await bot.session.close()
        await server.close()
    texts = [m.content["text"] for m in emulator.chats[7].messages.values()]
    assert texts == [f"reply {n}" for n in range(5)]
    assert emulator.flood.rejected > 0


async def test_a_retried_upload_keeps_its_place() -> None:
    """aiogram names a file part anew (`attach://<random>`) on every attempt."""
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.types import BufferedInputFile

    from bot.runtime.retry import RetryRequestMiddleware

    emulator = Emulator(flood=FloodLimits(per_chat_rate=2.0, per_chat_burst=1))
    server = await serve(emulator)
    session = AiohttpSession(api=TelegramAPIServer.from_base(str(server.make_url("")).rstrip("/")))
    session.middleware(RetryRequestMiddleware())
    bot = Bot(TOKEN, session=session)
    emulator.add_user(7, "A").started = True
    try:
        await bot.send_message(7, "text")
        document = BufferedInputFile(b"%PDF-1.4\n", filename="Өтініш.pdf")
        sent = await asyncio.wait_for(bot.send_document(7, document), timeout=5)
    finally:
        await bot.session.close()
        await server.close()
    assert sent.document is not None and emulator.flood.rejected >= 1
    assert emulator.flood.waiting == {}
