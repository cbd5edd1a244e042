"""Bot API calls Telegram asks us to repeat: a handler's answer waits out 429s (with jitter)
within a budget instead of being lost after three quick tries; 5xx get three tries."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.exceptions import TelegramRetryAfter, TelegramServerError
from aiogram.methods import SendMessage

from bot.runtime.retry import FLOOD_WAIT_BUDGET_SECONDS, JITTER_SECONDS, RetryRequestMiddleware


class Telegram:
    """Refuses the first ``refusals`` calls with the given errors, then answers."""

    def __init__(self, *refusals: Exception) -> None:
        self.refusals = list(refusals)
        self.calls = 0

    async def __call__(self, bot: Any, method: Any) -> str:
        self.calls += 1
        if self.refusals:
            raise self.refusals.pop(0)
        return "sent"


def flood(seconds: int) -> TelegramRetryAfter:
    return TelegramRetryAfter(
        method=SendMessage(chat_id=1, text="x"), message="429", retry_after=seconds
    )


def server_error() -> TelegramServerError:
    return TelegramServerError(method=SendMessage(chat_id=1, text="x"), message="502")


async def run(telegram: Telegram) -> tuple[Any, list[float]]:
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    middleware = RetryRequestMiddleware(sleep=sleep)
    result = await middleware(telegram, None, SendMessage(chat_id=1, text="x"))  # type: ignore[arg-type]
    return result, slept


async def test_an_answer_waits_out_a_burst_of_429s_within_the_budget() -> None:
    telegram = Telegram(*(flood(1) for _ in range(8)))
    result, slept = await run(telegram)
    assert result == "sent" and telegram.calls == 9
    assert len(slept) == 8 and all(1 <= s <= 1 + JITTER_SECONDS for s in slept)
    assert len(set(slept)) > 1  # jittered: refused together, not retried together


async def test_429s_beyond_the_budget_reach_the_caller() -> None:
    telegram = Telegram(*(flood(5) for _ in range(10)))
    with pytest.raises(TelegramRetryAfter):
        await run(telegram)
    # 5 s waits: four fit in 20 s, the fifth would not
    assert telegram.calls == int(FLOOD_WAIT_BUDGET_SECONDS // 5)


async def test_a_long_retry_after_is_not_slept_here() -> None:
    telegram = Telegram(flood(30))
    with pytest.raises(TelegramRetryAfter):
        await run(telegram)
    assert telegram.calls == 1


async def test_server_errors_get_three_tries() -> None:
    assert (await run(Telegram(server_error(), server_error())))[0] == "sent"
    telegram = Telegram(*(server_error() for _ in range(5)))
    with pytest.raises(TelegramServerError):
        await run(telegram)
    assert telegram.calls == 3
