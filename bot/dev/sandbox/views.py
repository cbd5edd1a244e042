"""How the control API shows messages: what the bot sent, as the page and the tests read it."""

from __future__ import annotations

from typing import Any

from bot.dev.sandbox.models import StoredMessage


def file_url(file_id: str) -> str:
    return f"/sandbox/api/files/{file_id}"


def message_view(message: StoredMessage) -> dict[str, Any]:
    content = message.content
    view: dict[str, Any] = {
        "message_id": message.message_id,
        "chat_id": message.chat.id,
        "from": "bot" if message.from_bot else "user",
        "sender_id": message.sender.id,
        "date": message.date,
        "rev": message.rev,
        "text": content.get("text"),
        "entities": content.get("entities") or content.get("caption_entities") or [],
        "caption": content.get("caption"),
        "sent_text": message.sent_text,
        "parse_mode": message.parse_mode,
        "reply_markup": message.reply_markup,
        "edited": message.edit_date is not None,
        "edit_date": message.edit_date,
        "edits": message.edits,
        "deleted": message.deleted,
        "reply_to_message_id": message.reply_to.message_id if message.reply_to else None,
    }
    if "document" in content:
        document = content["document"]
        view["document"] = {
            "file_id": document["file_id"],
            "file_name": document.get("file_name"),
            "mime_type": document.get("mime_type"),
            "file_size": document.get("file_size"),
            "url": file_url(document["file_id"]),
        }
    if "photo" in content:
        photo = content["photo"][-1]
        view["photo"] = {**photo, "url": file_url(photo["file_id"])}
    for key in ("contact", "location"):
        if key in content:
            view[key] = content[key]
    return view
