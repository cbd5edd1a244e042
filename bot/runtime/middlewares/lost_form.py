"""Shared hardening helpers: what the bot does with input it cannot trust.

``LostFormGuard``: a form step whose earlier answers are gone — the state survived a restart
or a deploy but the data did not, the answers were written by an older version of a form, or
the state was forged — used to crash the step handler with ``KeyError`` on the missing answer
and reach the error handler ("something went wrong", over and over, because the state stayed).
The guard recognises exactly that case (a ``KeyError`` for a key the FSM data does not hold,
while a form is open), ends the form and tells the person it was cancelled with nothing saved,
so they can start it again. Any other ``KeyError`` is a real bug and propagates.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, TelegramObject

logger = logging.getLogger("biliktilik.forms")


class LostFormGuard(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        try:
            return await handler(event, data)
        except KeyError as error:
            # raw_state: the step the update arrived in (aiogram's FSM middleware read it;
            # the handler may have cleared the form before it failed)
            step = data.get("raw_state")
            state: FSMContext | None = data.get("state")
            if step is None or state is None or not await _answer_lost(state, error):
                raise
            await state.clear()
            logger.warning(
                "form answers lost; form cancelled",
                extra={"state": step, "missing": str(error.args[0])},
            )
            i18n = data.get("i18n")
            text = i18n.get("cancel-done") if i18n is not None else None
            # for a button, a message rather than an alert: the handler may have answered
            # the query already, and Telegram refuses a second answer
            target = event.message if isinstance(event, CallbackQuery) else event
            if text and isinstance(target, Message):
                await target.answer(text)
            return None


async def _answer_lost(state: FSMContext, error: KeyError) -> bool:
    """True when the missing key is an answer the form's data does not hold."""
    key = error.args[0] if error.args else None
    return isinstance(key, str) and key not in await state.get_data()
