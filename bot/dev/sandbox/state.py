"""`Emulator`: the whole in-memory world of one bot — people, chats, messages, files, calls."""

from __future__ import annotations

import re
import secrets
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from bot.dev.sandbox.errors import BLOCKED, CANT_INITIATE, CHAT_NOT_FOUND, bad_request, forbidden
from bot.dev.sandbox.faults import Fault, FaultInjector
from bot.dev.sandbox.flood import TELEGRAM_LIMITS, FloodLimiter, FloodLimits
from bot.dev.sandbox.incoming import command_entity, image_size, user_content
from bot.dev.sandbox.models import CallbackQuery, CallRecord, Chat, StoredFile, StoredMessage, User
from bot.dev.sandbox.params import Upload
from bot.dev.sandbox.updates import Notifier, UpdateQueue

TOKEN = re.compile(r"^(\d+):[A-Za-z0-9_-]+$")


class Emulator:
    """A local Telegram Bot API for one bot.

    `token`: only this token is accepted (any well-formed token when None).
    `flood`: `FloodLimits` to apply (Telegram's by default), None to switch them off.
    `clock`: monotonic seconds, injectable for the flood limiter and the call log.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        bot_id: int | None = None,
        bot_username: str = "biliktilik_sandbox_bot",
        bot_first_name: str = "Biliktilik",
        flood: FloodLimits | None = TELEGRAM_LIMITS,
        clock: Callable[[], float] = time.monotonic,
        start_update_id: int = 1,
        webhook_retry_delay: float = 1.0,
    ) -> None:
        self.token = token
        token_match = TOKEN.match(token) if token else None
        self.bot = User(
            id=bot_id or (int(token_match.group(1)) if token_match else 123456),
            first_name=bot_first_name,
            username=bot_username,
            is_bot=True,
        )
        self.clock = clock
        self.flood = FloodLimiter(flood, clock)
        self.faults = FaultInjector()
        self.updates = UpdateQueue(start_update_id, webhook_retry_delay)
        self.changes = Notifier()
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.calls: list[CallRecord] = []
        self.delivered: Counter[int] = Counter()
        self.callbacks: dict[str, CallbackQuery] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.default_menu_button: dict[str, Any] = {"type": "commands"}
        self.rev = 0

    # --- configuration ---------------------------------------------------------------------

    def check_token(self, token: str) -> bool:
        return token == self.token if self.token else bool(TOKEN.match(token))

    def set_flood_limits(self, limits: FloodLimits | None) -> None:
        self.flood.reset(limits, keep=False)

    def add_fault(self, kind: str, count: int = 1, **options: Any) -> Fault:
        fault = Fault.from_json({"kind": kind, "count": count, **options})
        self.faults.add(fault)
        return fault

    def reset(self) -> None:
        """Forgets people, chats, messages, calls and faults; keeps the bot and its limits."""
        self.users.clear()
        self.chats.clear()
        self.files.clear()
        self.calls.clear()
        self.delivered.clear()
        self.callbacks.clear()
        self.commands.clear()
        self.faults.clear()
        self.flood.reset()
        self.updates.pending.clear()
        self.changed()

    async def close(self) -> None:
        await self.updates.close()

    def changed(self) -> int:
        self.rev += 1
        self.changes.notify()
        return self.rev

    def now(self) -> int:
        return int(time.time())

    # --- people and chats -----------------------------------------------------------------

    def add_user(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> User:
        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = User(user_id, first_name)
            self.chats[user_id] = Chat(id=user_id, type="private", user=user)
        user.first_name = first_name or user.first_name
        user.last_name, user.username = last_name, username
        user.language_code = language_code
        self.changed()
        return user

    def user(self, user_id: int) -> User:
        user = self.users.get(user_id)
        if user is None:
            raise KeyError(f"user {user_id} does not exist")
        return user

    def set_blocked(self, user_id: int, blocked: bool = True) -> None:
        user = self.user(user_id)
        if user.blocked == blocked:
            return
        user.blocked = blocked
        old, new = ("member", "kicked") if blocked else ("kicked", "member")
        member = {"user": self.bot.to_api()}
        self.updates.push(
            "my_chat_member",
            {
                "chat": self.chats[user_id].to_api(),
                "from": user.to_api(),
                "date": self.now(),
                "old_chat_member": {**member, "status": old},
                "new_chat_member": {
                    **member,
                    "status": new,
                    **({"until_date": 0} if blocked else {}),
                },
            },
        )
        self.changed()

    def group(self, chat_id: int, title: str | None = None) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            if chat_id >= 0:
                raise ValueError("a group chat id is negative")
            kind = "supergroup" if str(chat_id).startswith("-100") else "group"
            chat = self.chats[chat_id] = Chat(id=chat_id, type=kind, title=title)
        elif title:
            chat.title = title
        return chat

    def target_chat(self, raw_chat_id: Any) -> Chat:
        """The chat a bot method addresses, refused as Telegram refuses it."""
        try:
            chat_id = int(raw_chat_id)
        except (TypeError, ValueError):
            raise bad_request(CHAT_NOT_FOUND) from None
        chat = self.chats.get(chat_id)
        if chat is None:
            raise bad_request(CHAT_NOT_FOUND)
        return chat

    def writable_chat(self, raw_chat_id: Any) -> Chat:
        if raw_chat_id in (None, ""):
            raise bad_request("chat_id is empty")
        chat = self.target_chat(raw_chat_id)
        if chat.user is not None:
            if chat.user.blocked:
                raise forbidden(BLOCKED)
            if not chat.user.started:
                raise forbidden(CANT_INITIATE)
        return chat

    # --- files ---------------------------------------------------------------------------

    def store_file(
        self, data: bytes, kind: str, file_name: str | None = None, mime_type: str | None = None
    ) -> StoredFile:
        prefix = "BQACAgIAAxkBAAI" if kind == "document" else "AgACAgIAAxkBAAI"
        file_id = prefix + secrets.token_urlsafe(24)
        folder = "documents" if kind == "document" else "photos"
        suffix = (file_name or "").rsplit(".", 1)[-1] if file_name and "." in file_name else "jpg"
        stored = StoredFile(
            file_id=file_id,
            file_unique_id="AgAD" + secrets.token_urlsafe(9),
            data=data,
            kind=kind,
            file_path=f"{folder}/file_{len(self.files)}.{suffix}",
            file_name=file_name,
            mime_type=mime_type,
        )
        if kind == "photo":
            stored.width, stored.height = image_size(data)
        self.files[file_id] = stored
        return stored

    def file_by_path(self, path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == path), None)

    # --- messages ------------------------------------------------------------------------

    def add_message(
        self, chat: Chat, sender: User, content: dict[str, Any], **extra: Any
    ) -> StoredMessage:
        message = StoredMessage(
            message_id=chat.allocate_message_id(),
            chat=chat,
            sender=sender,
            date=self.now(),
            content=content,
            rev=0,
            from_bot=sender is self.bot,
            **extra,
        )
        chat.messages[message.message_id] = message
        if message.from_bot:
            self.delivered[chat.id] += 1
        self.touch(message)
        return message

    def touch(self, message: StoredMessage) -> None:
        message.rev = self.changed()

    def find_message(self, chat: Chat, message_id: int | None) -> StoredMessage | None:
        message = chat.messages.get(message_id or 0)
        return None if message is None or message.deleted else message

    def user_sends(
        self,
        user_id: int,
        *,
        text: str | None = None,
        contact: dict[str, Any] | None = None,
        location: dict[str, Any] | None = None,
        document: Upload | None = None,
        photo: Upload | None = None,
        caption: str | None = None,
        chat_id: int | None = None,
        chat_title: str | None = None,
        reply_to_message_id: int | None = None,
    ) -> tuple[int, StoredMessage]:
        """A person writes to the bot (privately or in a group): the message and its update."""
        user = self.user(user_id)
        chat = self.group(chat_id, chat_title) if chat_id and chat_id != user_id else None
        chat = chat or self.chats[user_id]
        content = user_content(self, user, text, contact, location, document, photo, caption)
        reply_to = chat.messages.get(reply_to_message_id or 0)
        if chat.user is not None:
            user.started, user.blocked = True, False
        message = self.add_message(chat, user, content, reply_to=reply_to)
        update_id = self.updates.push("message", message.to_api())
        return update_id, message

    def user_edits(
        self, user_id: int, message_id: int, text: str, chat_id: int | None = None
    ) -> int:
        chat = self.chats[chat_id or user_id]
        message = self.find_message(chat, message_id)
        if message is None or message.sender.id != user_id or "text" not in message.content:
            raise KeyError("no text message of this user with this id")
        message.edits.append(message.snapshot())
        message.content = {"text": text, **command_entity(text)}
        message.edit_date = self.now()
        self.touch(message)
        return self.updates.push("edited_message", message.to_api())

    def user_taps(
        self, user_id: int, message_id: int, data: str, chat_id: int | None = None
    ) -> tuple[int, CallbackQuery]:
        user = self.user(user_id)
        chat = self.chats.get(chat_id or user_id)
        message = self.find_message(chat, message_id) if chat else None
        if chat is None or message is None:
            raise KeyError("no such message")
        query = CallbackQuery(
            id=str(secrets.randbits(62)),
            user_id=user_id,
            chat_id=chat.id,
            message_id=message_id,
            data=data,
            created=time.time(),
        )
        self.callbacks[query.id] = query
        payload = {
            "id": query.id,
            "from": user.to_api(),
            "message": message.to_api(),
            "chat_instance": str(abs(hash((self.bot.id, chat.id)))),
            "data": data,
        }
        return self.updates.push("callback_query", payload), query

    # --- calls ---------------------------------------------------------------------------

    def start_call(self, method: str, params: dict[str, Any]) -> CallRecord:
        record = CallRecord(len(self.calls) + 1, method, params, self.clock(), time.time())
        self.calls.append(record)
        return record
