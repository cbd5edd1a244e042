"""The error handler: log the traceback with the update id, apologise in the user's language."""

from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.types import ErrorEvent
from aiogram_i18n import I18nContext

logger = logging.getLogger("biliktilik.errors")


async def on_error(event: ErrorEvent, bot: Bot, i18n: I18nContext | None = None) -> bool:
    update = event.update
    logger.error(
        "unhandled error",
        exc_info=event.exception,
        extra={"update_id": update.update_id, "error": type(event.exception).__name__},
    )
    chat_id = None
    if update.message is not None:
        chat_id = update.message.chat.id
    elif update.callback_query is not None and update.callback_query.message is not None:
        chat_id = update.callback_query.message.chat.id
    if chat_id is not None and i18n is not None:
        try:
            await bot.send_message(chat_id, i18n.get("error-apology"))
        except Exception:  # the apology itself may fail (blocked, flood); the log has the cause
            logger.warning("could not send the apology", extra={"update_id": update.update_id})
    return True


def create_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
