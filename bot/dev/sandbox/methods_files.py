"""sendDocument, sendPhoto, editMessageMedia and getFile: uploads (multipart, `attach://`) or
reuse by file_id."""

from __future__ import annotations

import mimetypes
from typing import Any

from bot.dev.sandbox import validation
from bot.dev.sandbox.errors import bad_request
from bot.dev.sandbox.methods import NOT_MODIFIED, _editable, _send, method
from bot.dev.sandbox.models import StoredFile
from bot.dev.sandbox.params import Params, Upload
from bot.dev.sandbox.state import Emulator


def _file(emulator: Emulator, params: Params, field: str) -> StoredFile:
    return _resolve(emulator, params.file(field), field)


def _resolve(emulator: Emulator, given: Upload | str | None, field: str) -> StoredFile:
    if given is None:
        raise bad_request(f"there is no {field} in the request")
    if isinstance(given, Upload):
        if not given.data:
            raise bad_request("file must be non-empty")
        mime = given.content_type
        if field == "document" and (not mime or mime == "application/octet-stream"):
            mime = _guess_mime(given.filename)
        return emulator.store_file(given.data, field, given.filename, mime)
    stored = emulator.files.get(given)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    if stored.kind != field:
        raise bad_request(f"can't use file of type {stored.kind.title()} as {field.title()}")
    return stored


def _guess_mime(filename: str) -> str:
    return mimetypes.guess_type(filename)[0] or "application/octet-stream"


async def _send_file(emulator: Emulator, params: Params, field: str) -> dict[str, Any]:
    chat = emulator.writable_chat(params.raw("chat_id"))
    caption = validation.caption(
        params.str("caption"), params.str("parse_mode"), params.json("caption_entities")
    )
    stored = _file(emulator, params, field)
    body = stored.document_json() if field == "document" else stored.photo_json()
    return _send(emulator, params, chat, {field: body, **caption}, stored)


@method("sendDocument")
async def send_document(emulator: Emulator, params: Params) -> dict[str, Any]:
    return await _send_file(emulator, params, "document")


@method("sendPhoto")
async def send_photo(emulator: Emulator, params: Params) -> dict[str, Any]:
    return await _send_file(emulator, params, "photo")


MEDIA_KINDS = ("photo", "document")


def _media_file(emulator: Emulator, params: Params, media: dict[str, Any]) -> StoredFile:
    kind = media.get("type")
    if kind not in MEDIA_KINDS:
        raise bad_request("can't parse InputMedia: media type is invalid")
    given = media.get("media")
    if not isinstance(given, str) or not given:
        raise bad_request("can't parse InputMedia: media is not specified")
    if given.startswith("attach://"):
        upload = params.files.get(given[len("attach://") :])
        if upload is None:
            raise bad_request(f"can't find attached file {given[len('attach://') :]}")
        return _resolve(emulator, upload, str(kind))
    return _resolve(emulator, given, str(kind))


@method("editMessageMedia")
async def edit_message_media(emulator: Emulator, params: Params) -> dict[str, Any]:
    """Replaces a photo or document and its caption (no caption in `media`: none after)."""
    message = _editable(emulator, params)
    if not any(kind in message.content for kind in MEDIA_KINDS):
        raise bad_request("there is no media in the message to edit")
    media = params.json("media")
    if not isinstance(media, dict):
        raise bad_request("can't parse InputMedia JSON object")
    caption = validation.caption(
        media.get("caption"), media.get("parse_mode"), media.get("caption_entities")
    )
    markup = validation.inline_markup(params.json("reply_markup"))
    stored = _media_file(emulator, params, media)
    body = stored.document_json() if stored.kind == "document" else stored.photo_json()
    content = {stored.kind: body, **caption}
    if content == message.content and markup == message.reply_markup:
        raise bad_request(NOT_MODIFIED)
    message.edits.append(message.snapshot())
    message.content = content
    message.reply_markup = markup
    message.file = stored
    message.sent_text = media.get("caption")
    message.parse_mode = media.get("parse_mode")
    message.edit_date = emulator.now()
    emulator.touch(message)
    return message.to_api()


@method("getFile")
async def get_file(emulator: Emulator, params: Params) -> dict[str, Any]:
    stored = emulator.files.get(params.str("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return stored.file_json()
