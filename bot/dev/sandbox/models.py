"""In-memory state of the emulator: people, chats, messages, files, recorded calls."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    started: bool = False
    blocked: bool = False

    def to_api(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        for name in ("last_name", "username", "language_code"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        return data

    def to_control(self) -> dict[str, Any]:
        return {**self.to_api(), "started": self.started, "blocked": self.blocked}


@dataclass
class Chat:
    id: int
    type: str  # private | group | supergroup
    title: str | None = None
    user: User | None = None
    next_message_id: int = 1
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    menu_button: dict[str, Any] | None = None
    last_action: tuple[str, float] | None = None

    def to_api(self) -> dict[str, Any]:
        if self.user is not None:
            data = {"id": self.id, "type": "private", "first_name": self.user.first_name}
            for name in ("last_name", "username"):
                if getattr(self.user, name):
                    data[name] = getattr(self.user, name)
            return data
        return {"id": self.id, "type": self.type, "title": self.title or f"Group {self.id}"}

    def allocate_message_id(self) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    data: bytes
    kind: str  # document | photo
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0

    def document_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.file_name:
            data["file_name"] = self.file_name
        if self.mime_type:
            data["mime_type"] = self.mime_type
        return data

    def photo_json(self) -> list[dict[str, Any]]:
        return [
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "file_size": len(self.data),
                "width": self.width,
                "height": self.height,
            }
        ]

    def file_json(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


@dataclass
class StoredMessage:
    """One message; `content` holds the Bot API fields (text, entities, caption, document...)."""

    message_id: int
    chat: Chat
    sender: User
    date: int
    content: dict[str, Any]
    rev: int
    from_bot: bool
    reply_markup: dict[str, Any] | None = None
    parse_mode: str | None = None
    sent_text: str | None = None
    file: StoredFile | None = None
    reply_to: StoredMessage | None = None
    edit_date: int | None = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False

    def to_api(self, *, nested: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender.to_api(),
            "chat": self.chat.to_api(),
            "date": self.date,
            **self.content,
        }
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        if self.reply_to is not None and nested:
            data["reply_to_message"] = self.reply_to.to_api(nested=False)
        if self.reply_markup and "inline_keyboard" in self.reply_markup:
            data["reply_markup"] = self.reply_markup
        return data

    def snapshot(self) -> dict[str, Any]:
        """What an edit replaces: kept in `edits` so tests can read the history."""
        return {
            "text": self.content.get("text"),
            "caption": self.content.get("caption"),
            "entities": self.content.get("entities") or self.content.get("caption_entities"),
            "parse_mode": self.parse_mode,
            "sent_text": self.sent_text,
            "reply_markup": self.reply_markup,
            "date": self.edit_date or self.date,
        }


@dataclass
class CallRecord:
    seq: int
    method: str
    params: dict[str, Any]
    monotonic: float
    wall: float
    status: int = 0
    ok: bool = False
    error_code: int | None = None
    description: str | None = None
    duration: float = 0.0
    fault: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class CallbackQuery:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created: float
    answer: dict[str, Any] | None = None
    answered_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)
