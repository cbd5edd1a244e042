"""A graceful stop finishes the updates being handled before anything they use is closed.

aiogram handles each update in a task of its own (polling with ``handle_as_tasks``, the webhook
handler in the background) and stops receiving without waiting for them. When the process then
leaves ``asyncio.run``, whatever is still running is cancelled: a teacher's check-in waiting for
the database was dropped and never answered, although her "✅" was a second away. Both keep
those tasks in a set (``Dispatcher._handle_update_tasks``, the webhook handler's
``_background_feed_update_tasks``; private, hence the ``getattr`` with an empty default — a
new aiogram without them makes this wait for nothing, never fail).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiogram import Dispatcher

logger = logging.getLogger("biliktilik.shutdown")

#: Long enough for a database that is briefly locked and a reply under a flood wait; together
#: with the delivery worker's stop it stays inside compose's 60 s stop grace.
HANDLERS_GRACE_SECONDS = 20.0


def handler_tasks(owner: Any) -> Collection[asyncio.Task[Any]]:
    """The update tasks a dispatcher (polling) or a webhook request handler has running."""
    for name in ("_handle_update_tasks", "_background_feed_update_tasks"):
        tasks = getattr(owner, name, None)
        if tasks is not None:
            return tasks
    return ()


async def finish_handlers(owner: Any, timeout: float = HANDLERS_GRACE_SECONDS) -> None:  # noqa: ASYNC109
    """Wait (at most ``timeout``) for the updates ``owner`` is still handling."""
    running = [task for task in handler_tasks(owner) if not task.done()]
    if not running:
        return
    logger.info("waiting for updates being handled", extra={"updates": len(running)})
    _, unfinished = await asyncio.wait(running, timeout=timeout)
    if unfinished:
        logger.warning(
            "stopped with updates still being handled", extra={"updates": len(unfinished)}
        )


async def stop_polling(dispatcher: Dispatcher, polling: asyncio.Task[Any]) -> None:
    """Take no new updates, then answer the ones already received. The bot's HTTP session stays
    open: the caller stops the delivery worker before closing it."""
    await dispatcher.stop_polling()
    await polling
    await finish_handlers(dispatcher)
