"""What people send to the bot: message content built from the control API's input."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot.dev.sandbox.models import User
from bot.dev.sandbox.params import Upload

if TYPE_CHECKING:
    from bot.dev.sandbox.state import Emulator

COMMAND_AT_START = re.compile(r"^/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,64})?")


def command_entity(text: str) -> dict[str, Any]:
    found = COMMAND_AT_START.match(text)
    if not found:
        return {}
    return {"entities": [{"type": "bot_command", "offset": 0, "length": len(found.group(0))}]}


def user_content(
    emulator: Emulator,
    user: User,
    text: str | None,
    contact: dict[str, Any] | None,
    location: dict[str, Any] | None,
    document: Upload | None,
    photo: Upload | None,
    caption: str | None,
) -> dict[str, Any]:
    if text:
        return {"text": text, **command_entity(text)}
    if contact:
        shared = {"phone_number": str(contact["phone_number"])}
        shared["first_name"] = str(contact.get("first_name") or user.first_name)
        for key in ("last_name", "user_id", "vcard"):
            if contact.get(key):
                shared[key] = contact[key]
        return {"contact": shared}
    if location:
        return {"location": {"latitude": float(location["latitude"]),
                             "longitude": float(location["longitude"])}}  # fmt: skip
    upload = document or photo
    if upload is None:
        raise ValueError("a message needs text, contact, location, document or photo")
    kind = "document" if document else "photo"
    stored = emulator.store_file(upload.data, kind, upload.filename, upload.content_type)
    content: dict[str, Any] = (
        {"document": stored.document_json()} if document else {"photo": stored.photo_json()}
    )
    if caption:
        content["caption"] = caption
    return content


def image_size(data: bytes) -> tuple[int, int]:
    try:
        from io import BytesIO

        from PIL import Image

        with Image.open(BytesIO(data)) as image:
            return int(image.width), int(image.height)
    except Exception:
        return 0, 0
