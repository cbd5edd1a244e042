"""The error handler: log the traceback with the update id, apologise in the user's language.

A locked or unreachable database is not a bug: the person is told that their last action was
not saved and to repeat it in a minute (``error-database-unavailable``), and the log gets one
warning line instead of a traceback. Such a failure may come before the i18n middleware ran
(the person could not be loaded), so the language is then found without it: the stored choice
if the database can still be read (``bot.runtime.db_outage.stored_language``), else Telegram's
``language_code``.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent, User
from aiogram_i18n import I18nContext

from bot.runtime.container import Services
from bot.runtime.db_outage import is_database_unavailable, stored_language
from bot.ui.i18n import guess_language
from domain.model import LANGUAGES

logger = logging.getLogger("biliktilik.errors")


async def _language(data: dict[str, Any]) -> str:
    person = data.get("person")
    if person is not None and person.language in LANGUAGES:
        return str(person.language)
    user: User | None = data.get("event_from_user")
    if user is None:
        return guess_language(None)
    services: Services | None = data.get("services")
    session_factory = services.session_factory if services is not None else None
    language = await stored_language(session_factory, user.id)
    return language if language in LANGUAGES else guess_language(user.language_code)


async def _apology(event: ErrorEvent, data: dict[str, Any]) -> str | None:
    key = (
        "error-database-unavailable"
        if is_database_unavailable(event.exception)
        else "error-apology"
    )
    i18n: I18nContext | None = data.get("i18n")
    if i18n is not None:
        return i18n.get(key)
    core = data.get("i18n_core")
    if core is None:
        return None
    return str(core.get(key, await _language(data)))


async def on_error(event: ErrorEvent, bot: Bot, **data: Any) -> bool:
    update = event.update
    if is_database_unavailable(event.exception):
        logger.warning(
            "database unavailable; the person is asked to try again",
            extra={
                "update_id": update.update_id,
                "error": f"{type(event.exception).__name__}: {str(event.exception)[:200]}",
            },
        )
    else:
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
    if chat_id is None:
        return True
    try:
        if update.callback_query is not None:  # stop the button's spinner; the text follows
            with contextlib.suppress(TelegramAPIError):  # the handler may have answered it
                await bot.answer_callback_query(update.callback_query.id)
        text = await _apology(event, data)
        if text is not None:
            await bot.send_message(chat_id, text)
    except Exception:  # the apology itself may fail (blocked, flood); the log has the cause
        logger.warning("could not send the apology", extra={"update_id": update.update_id})
    return True


def create_router() -> Router:
    router = Router(name="errors")
    router.errors.register(on_error)
    return router
