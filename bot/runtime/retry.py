"""Retrying Bot API calls that Telegram asked us to repeat: 429 with a short wait, and 5xx.

A request middleware of the bot's session, so every call (a handler's answer, the delivery
worker's send) gets the same treatment. Long waits are not slept here: the error goes up and
the caller decides (the delivery worker reschedules the outbox row).

A 429 is retried after the wait Telegram names, plus a little jitter, for as long as the waits
add up to at most ``FLOOD_WAIT_BUDGET_SECONDS``: under a burst (fifty teachers checking a
certificate at once against the bot's 30 messages/s) three fixed tries were used up in three
seconds and the answer was lost, while the budget lets it wait its turn. Requests that were
refused together would otherwise come back in the same instant and be refused together again.
A 5xx is tried ``SERVER_ERROR_ATTEMPTS`` times with exponential waits.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramRetryAfter, TelegramServerError
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType
from tenacity import AsyncRetrying, RetryCallState, retry_if_exception, wait_exponential

MAX_INLINE_WAIT_SECONDS = 5
FLOOD_WAIT_BUDGET_SECONDS = 20.0
SERVER_ERROR_ATTEMPTS = 3
JITTER_SECONDS = 0.5


def _retryable(error: BaseException) -> bool:
    if isinstance(error, TelegramRetryAfter):
        return error.retry_after <= MAX_INLINE_WAIT_SECONDS
    return isinstance(error, TelegramServerError)


def _wait_seconds(retry_state: RetryCallState) -> float:
    error = retry_state.outcome.exception() if retry_state.outcome else None
    if isinstance(error, TelegramRetryAfter):
        return float(error.retry_after) + random.uniform(0, JITTER_SECONDS)
    return float(wait_exponential(multiplier=0.5, max=4)(retry_state))


def _give_up(retry_state: RetryCallState) -> bool:
    error = retry_state.outcome.exception() if retry_state.outcome else None
    if isinstance(error, TelegramRetryAfter):
        waited = retry_state.idle_for
        return waited + error.retry_after > FLOOD_WAIT_BUDGET_SECONDS
    return retry_state.attempt_number >= SERVER_ERROR_ATTEMPTS


class RetryRequestMiddleware(BaseRequestMiddleware):
    def __init__(self, sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> None:
        self.sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        async for attempt in AsyncRetrying(
            retry=retry_if_exception(_retryable),
            stop=_give_up,
            wait=_wait_seconds,
            sleep=self.sleep,
            reraise=True,
        ):
            with attempt:
                return await make_request(bot, method)
        raise AssertionError("unreachable")  # pragma: no cover
