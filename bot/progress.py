"""Progress of a long operation (an import, a bulk send) shown by editing one message:
"120 / 500…", then a summary in the same message.

    progress = await Progress.start(message, i18n, total)
    for done, item in enumerate(items, 1):
        ...
        await progress.update(done)
    await progress.finish(i18n.get("...summary..."))

Edits are throttled to about ``steps`` updates per operation (Telegram limits how often one
message may be edited), plus the last one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

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
        await self._edit(self.i18n.get("progress-line", done=done, total=self.total))

    async def finish(self, text: str) -> None:
        """Replace the progress line with the summary (a new message if the edit fails)."""
        if not await self._edit(text):
            await self.bot.send_message(chat_id=self.message.chat.id, text=text)

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
