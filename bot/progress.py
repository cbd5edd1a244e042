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

from dataclasses import dataclass

from aiogram import Bot
from aiogram.types import Message
from aiogram_i18n import I18nContext


@dataclass
class Progress:
    bot: Bot
    message: Message
    i18n: I18nContext
    total: int
    every: int
    shown: int = 0

    @classmethod
    async def start(cls, answer_to: Message, i18n: I18nContext, total: int,
                    steps: int = 10) -> Progress:
        sent = await answer_to.answer(i18n.get("progress-line", done=0, total=total))
        assert answer_to.bot is not None
        return cls(bot=answer_to.bot, message=sent, i18n=i18n, total=total,
                   every=max(1, total // steps))

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
        await self._edit(text)

    async def _edit(self, text: str) -> None:
        await self.bot.edit_message_text(text=text, chat_id=self.message.chat.id,
                                         message_id=self.message.message_id)
