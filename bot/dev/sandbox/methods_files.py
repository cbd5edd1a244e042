"""sendDocument, sendPhoto and getFile: uploads (multipart, `attach://`) or reuse by file_id."""

from __future__ import annotations

import mimetypes
from typing import Any

from bot.dev.sandbox import validation
from bot.dev.sandbox.errors import bad_request
from bot.dev.sandbox.methods import _send, method
from bot.dev.sandbox.models import StoredFile
from bot.dev.sandbox.params import Params, Upload
from bot.dev.sandbox.state import Emulator


def _file(emulator: Emulator, params: Params, field: str) -> StoredFile:
    given = params.file(field)
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


@method("getFile")
async def get_file(emulator: Emulator, params: Params) -> dict[str, Any]:
    stored = emulator.files.get(params.str("file_id") or "")
    if stored is None:
        raise bad_request("invalid file_id")
    return stored.file_json()
