"""Drive the real Dispatcher with `feed_update` and record what the bot would send.

Used by the handler tests and by the benchmark; nothing here talks to Telegram.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.enums import ParseMode
from aiogram.methods import (
    EditMessageReplyMarkup,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    CallbackQuery,
    Chat,
    Contact,
    Document,
    Message,
    PhotoSize,
    Update,
    User,
)

BOT_USER = User(id=42, is_bot=True, first_name="Biliktilik", username="biliktilik_bot")


class RecordingSession(BaseSession):
    """A session that records every method call and answers as Telegram would on success."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.failures: list[Exception] = []
        self._message_ids = itertools.count(1000)
        self._file_ids = itertools.count(1)

    def fail_next(self, *errors: Exception) -> None:
        """The next calls raise these errors, in order (a 429, a 5xx, a 403…)."""
        self.failures.extend(errors)

    async def close(self) -> None:
        return None

    async def stream_content(self, *args: Any, **kwargs: Any) -> AsyncGenerator[bytes, None]:
        yield b""

    def _message(self, chat_id: int | str, **fields: Any) -> Message:
        return Message(
            message_id=next(self._message_ids),
            date=datetime.now(UTC),
            chat=Chat(id=int(chat_id), type="private"),
            from_user=BOT_USER,
            **fields,
        )

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> TelegramType:
        if self.failures:
            raise self.failures.pop(0)
        self.requests.append(method)
        result: Any
        if isinstance(method, SendMessage):
            result = self._message(
                method.chat_id, text=method.text, reply_markup=_inline_only(method.reply_markup)
            )
        elif isinstance(method, SendDocument):
            name = getattr(method.document, "filename", None) or "file"
            result = self._message(
                method.chat_id,
                caption=method.caption,
                document=Document(
                    file_id=f"doc{next(self._file_ids)}", file_unique_id="u", file_name=name
                ),
            )
        elif isinstance(method, SendPhoto):
            result = self._message(
                method.chat_id,
                caption=method.caption,
                photo=[
                    PhotoSize(
                        file_id=f"ph{next(self._file_ids)}", file_unique_id="u", width=1, height=1
                    )
                ],
            )
        elif isinstance(method, EditMessageText | EditMessageReplyMarkup):
            result = (
                True
                if method.inline_message_id
                else self._message(method.chat_id or 0, text=getattr(method, "text", None) or "…")
            )
        else:
            returning = method.__returning__
            result = True if returning is bool else _empty(returning)
        return result


def _inline_only(markup: Any) -> Any:
    from aiogram.types import InlineKeyboardMarkup

    return markup if isinstance(markup, InlineKeyboardMarkup) else None


def _empty(returning: Any) -> Any:
    if returning is User or returning == User:
        return BOT_USER
    if getattr(returning, "__origin__", None) is list:
        return []
    return True


@dataclass
class Harness:
    """A dispatcher and a recording bot; `send`/`press` feed updates and return new requests."""

    dispatcher: Dispatcher
    bot: Bot
    session: RecordingSession
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @classmethod
    def create(cls, dispatcher: Dispatcher) -> Harness:
        session = RecordingSession()
        bot = Bot(
            "42:TEST", session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML)
        )
        return cls(dispatcher=dispatcher, bot=bot, session=session)

    async def feed(self, update: Update) -> list[TelegramMethod[Any]]:
        start = len(self.session.requests)
        await self.dispatcher.feed_update(self.bot, update)
        return self.session.requests[start:]

    def _message(self, user: User, chat: Chat | None = None, **fields: Any) -> Message:
        return Message(
            message_id=next(self._message_ids),
            date=datetime.now(UTC),
            chat=chat or Chat(id=user.id, type="private", first_name=user.first_name),
            from_user=user,
            **fields,
        )

    async def feed_concurrently(self, updates: list[Update], in_flight: int) -> None:
        """Feed ``updates`` as aiogram's polling does with ``handle_as_tasks`` and
        ``tasks_concurrency_limit=in_flight``: one task per update, at most ``in_flight`` at
        once, in arrival order. Returns when all are handled (what they sent is recorded)."""
        slots = asyncio.Semaphore(in_flight)
        tasks = []

        async def handle(update: Update) -> None:
            try:
                await self.dispatcher.feed_update(self.bot, update)
            finally:
                slots.release()

        for update in updates:
            await slots.acquire()
            tasks.append(asyncio.create_task(handle(update)))
        await asyncio.gather(*tasks)

    def text_update(self, user: User, text: str, chat: Chat | None = None, **fields: Any) -> Update:
        """The update Telegram sends when ``user`` writes ``text`` (a command gets its entity)."""
        entities = None
        if text.startswith("/"):
            from aiogram.types import MessageEntity

            length = len(text.split()[0].encode("utf-16-le")) // 2
            entities = [MessageEntity(type="bot_command", offset=0, length=length)]
        message = self._message(user, chat, text=text, entities=entities, **fields)
        return Update(update_id=next(self._update_ids), message=message)

    async def send(
        self, user: User, text: str, chat: Chat | None = None, **fields: Any
    ) -> list[TelegramMethod[Any]]:
        return await self.feed(self.text_update(user, text, chat, **fields))

    async def send_message(
        self, user: User, chat: Chat | None = None, **fields: Any
    ) -> list[TelegramMethod[Any]]:
        message = self._message(user, chat, **fields)
        return await self.feed(Update(update_id=next(self._update_ids), message=message))

    async def send_contact(
        self, user: User, phone: str, owner_id: int | None = None
    ) -> list[TelegramMethod[Any]]:
        contact = Contact(
            phone_number=phone,
            first_name=user.first_name,
            user_id=user.id if owner_id is None else owner_id,
        )
        return await self.send_message(user, contact=contact)

    async def press(
        self, user: User, data: str, message_id: int = 1, chat: Chat | None = None
    ) -> list[TelegramMethod[Any]]:
        message = Message(
            message_id=message_id,
            date=datetime.now(UTC),
            chat=chat or Chat(id=user.id, type="private"),
            from_user=BOT_USER,
            text="…",
        )
        query = CallbackQuery(
            id=str(next(self._update_ids)),
            from_user=user,
            chat_instance="ci",
            message=message,
            data=data,
        )
        return await self.feed(Update(update_id=next(self._update_ids), callback_query=query))


def button_data(requests: list[TelegramMethod[Any]], label: str) -> str:
    """The callback data of the newest inline button whose label contains ``label`` (a test
    taps what the person sees, not a guessed callback string)."""
    for request in reversed(requests):
        markup = getattr(request, "reply_markup", None)
        for row in getattr(markup, "inline_keyboard", None) or []:
            for key in row:
                if label in key.text and key.callback_data:
                    return str(key.callback_data)
    raise AssertionError(f"no button with {label!r}")


def texts(requests: list[TelegramMethod[Any]]) -> list[str]:
    """What the person sees: message texts, captions, alerts, in order."""
    from aiogram.methods import AnswerCallbackQuery

    seen: list[str] = []
    for request in requests:
        if isinstance(request, SendMessage | EditMessageText):
            if request.text is not None:  # an EditMessageText may change the markup only
                seen.append(request.text)
        elif isinstance(request, SendDocument | SendPhoto) and request.caption:
            seen.append(request.caption)
        elif isinstance(request, AnswerCallbackQuery) and request.text:
            seen.append(request.text)
    return seen


def make_user(user_id: int, language_code: str | None = "ru", first_name: str = "Айгүл") -> User:
    return User(id=user_id, is_bot=False, first_name=first_name, language_code=language_code)
