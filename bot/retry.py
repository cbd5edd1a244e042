"""Retrying Bot API calls that Telegram asked us to repeat: 429 with a short wait, and 5xx.

A request middleware of the bot's session, so every call (a handler's answer, the delivery
worker's send) gets the same treatment. Long waits are not slept here: the error goes up and
the caller decides (the delivery worker reschedules the outbox row).
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramRetryAfter, TelegramServerError
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType
from tenacity import (
    AsyncRetrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
)

MAX_INLINE_WAIT_SECONDS = 5
ATTEMPTS = 3


def _retryable(error: BaseException) -> bool:
    if isinstance(error, TelegramRetryAfter):
        return error.retry_after <= MAX_INLINE_WAIT_SECONDS
    return isinstance(error, TelegramServerError)


def _wait_seconds(retry_state: Any) -> float:
    error = retry_state.outcome.exception() if retry_state.outcome else None
    if isinstance(error, TelegramRetryAfter):
        return float(error.retry_after)
    return float(wait_exponential(multiplier=0.5, max=4)(retry_state))


class RetryRequestMiddleware(BaseRequestMiddleware):
    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        async for attempt in AsyncRetrying(
            retry=retry_if_exception(_retryable),
            stop=stop_after_attempt(ATTEMPTS),
            wait=_wait_seconds,
            reraise=True,
        ):
            with attempt:
                return await make_request(bot, method)
        raise AssertionError("unreachable")  # pragma: no cover
