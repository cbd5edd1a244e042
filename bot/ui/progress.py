"""Progress of a long operation (an import, a bulk send) shown by editing one message:
"120 / 500…", then a summary in the same message.

    progress = await Progress.start(message, i18n, total)
    for done, item in enumerate(items, 1):
        ...
        await progress.update(done)
    await progress.finish(i18n.get("...summary..."))

Edits are throttled to about ``steps`` updates per operation (Telegram limits how often one
message may be edited), plus the last one.

``update`` never waits for Telegram: the edit is made by a background task (one at a time; a
newer line replaces one not yet sent). The enrollment import reports from inside its
transaction, and an awaited edit held the database's write lock for as long as Telegram took —
up to the 20 s flood-wait budget, with every check-in queued behind it. ``finish`` drops a
progress edit still under way and shows the summary.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramRetryAfter
from aiogram.types import Message
from aiogram_i18n import I18nContext

logger = logging.getLogger(__name__)


@dataclass
class Progress:
    bot: Bot
    message: Message
    i18n: I18nContext
    total: int
    every: int
    shown: int = 0
    _next_line: str | None = field(default=None, init=False, repr=False)
    _editing: asyncio.Task[None] | None = field(default=None, init=False, repr=False)

    @classmethod
    async def start(
        cls, answer_to: Message, i18n: I18nContext, total: int, steps: int = 10
    ) -> Progress:
        sent = await answer_to.answer(i18n.get("progress-line", done=0, total=total))
        assert answer_to.bot is not None
        return cls(
            bot=answer_to.bot, message=sent, i18n=i18n, total=total, every=max(1, total // steps)
        )

    async def update(self, done: int, total: int | None = None) -> None:
        """Show ``done`` if it advanced by a step since the last edit (or is the end)."""
        if total is not None:
            self.total = total
        if done - self.shown < self.every and done != self.total:
            return
        if done == self.shown:
            return
        self.shown = done
        self._next_line = self.i18n.get("progress-line", done=done, total=self.total)
        if self._editing is None or self._editing.done():
            self._editing = asyncio.create_task(self._edit_in_background())

    async def finish(self, text: str) -> None:
        """Replace the progress line with the summary (a new message if the edit fails)."""
        await self.abandon()
        if not await self._edit(text):
            await self.bot.send_message(chat_id=self.message.chat.id, text=text)

    async def abandon(self) -> None:
        """No more progress lines: the one under way is dropped (the operation ended, or
        failed and its caller answers instead). A courtesy line must not hold up or follow
        what comes next."""
        self._next_line = None
        editing, self._editing = self._editing, None
        if editing is None or editing.done():
            return
        editing.cancel()
        try:
            await editing
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # the caller itself is being cancelled, not only the edit

    async def _edit_in_background(self) -> None:
        while self._next_line is not None:
            line, self._next_line = self._next_line, None
            try:
                await self._edit(line)
            except Exception as error:  # nobody awaits this task: a failed courtesy line is logged
                logger.info("progress edit failed: %s", error)

    async def _edit(self, text: str) -> bool:
        try:
            await self.bot.edit_message_text(
                text=text, chat_id=self.message.chat.id, message_id=self.message.message_id
            )
        except (TelegramBadRequest, TelegramRetryAfter) as error:
            # Progress is a courtesy: a refused or throttled edit must not abort the import
            # it reports on.
            logger.info("progress edit skipped: %s", error)
            return False
        return True
