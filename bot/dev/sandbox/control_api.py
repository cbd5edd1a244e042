"""Control API under /sandbox/api: people act, tests and the page read what the bot did."""

from __future__ import annotations

import time
from typing import Any

from aiohttp import web

from bot.dev.sandbox.bot_api import EMULATOR_KEY
from bot.dev.sandbox.faults import Fault
from bot.dev.sandbox.flood import FloodLimits
from bot.dev.sandbox.params import Upload
from bot.dev.sandbox.state import Emulator
from bot.dev.sandbox.views import message_view

PERSONAS_KEY = web.AppKey("sandbox_personas", list)
routes = web.RouteTableDef()


def _error(status: int, text: str) -> web.Response:
    return web.json_response({"ok": False, "error": text}, status=status)


def _emulator(request: web.Request) -> Emulator:
    return request.app[EMULATOR_KEY]


async def _json(request: web.Request) -> dict[str, Any]:
    if not request.can_read_body:
        return {}
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="body must be a JSON object") from None
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(text="body must be a JSON object")
    return body


def _user_id(request: web.Request) -> int:
    try:
        user_id = int(request.match_info["user_id"])
    except ValueError:
        raise web.HTTPNotFound(text="no such user") from None
    if user_id not in _emulator(request).users:
        raise web.HTTPNotFound(text="no such user")
    return user_id


@routes.post("/sandbox/api/users")
async def create_user(request: web.Request) -> web.Response:
    body = await _json(request)
    try:
        user = _emulator(request).add_user(
            int(body["id"]),
            str(body.get("first_name") or "User"),
            body.get("last_name"),
            body.get("username"),
            body.get("language_code"),
        )
    except (KeyError, TypeError, ValueError):
        return _error(400, "id (integer) and first_name are required")
    return web.json_response(user.to_control())


@routes.get("/sandbox/api/users")
async def list_users(request: web.Request) -> web.Response:
    return web.json_response([u.to_control() for u in _emulator(request).users.values()])


@routes.get("/sandbox/api/personas")
async def list_personas(request: web.Request) -> web.Response:
    return web.json_response(request.app[PERSONAS_KEY])


async def _message_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "multipart/form-data":
        return await _json(request)
    body: dict[str, Any] = {}
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        name = getattr(part, "name", None)
        filename = getattr(part, "filename", None)
        if name in ("document", "photo") and filename:
            data = bytes(await part.read())  # type: ignore[union-attr]
            body[name] = Upload(filename, part.headers.get("Content-Type"), data)
        elif name:
            body[name] = await part.text()  # type: ignore[union-attr]
    return body


def _int_or_none(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


@routes.post("/sandbox/api/users/{user_id}/messages")
async def user_sends(request: web.Request) -> web.Response:
    user_id = _user_id(request)
    body = await _message_body(request)
    try:
        update_id, message = _emulator(request).user_sends(
            user_id,
            text=body.get("text"),
            contact=body.get("contact"),
            location=body.get("location"),
            document=body.get("document") if isinstance(body.get("document"), Upload) else None,
            photo=body.get("photo") if isinstance(body.get("photo"), Upload) else None,
            caption=body.get("caption"),
            chat_id=_int_or_none(body.get("chat_id")),
            chat_title=body.get("chat_title"),
            reply_to_message_id=_int_or_none(body.get("reply_to_message_id")),
        )
    except (KeyError, TypeError, ValueError) as error:
        return _error(400, str(error))
    return web.json_response(
        {"update_id": update_id, "message_id": message.message_id, "chat_id": message.chat.id}
    )


@routes.patch("/sandbox/api/users/{user_id}/messages/{message_id}")
async def user_edits(request: web.Request) -> web.Response:
    user_id = _user_id(request)
    body = await _json(request)
    try:
        update_id = _emulator(request).user_edits(
            user_id,
            int(request.match_info["message_id"]),
            str(body["text"]),
            _int_or_none(body.get("chat_id")),
        )
    except (KeyError, ValueError) as error:
        return _error(404, str(error))
    return web.json_response({"update_id": update_id})


@routes.get("/sandbox/api/users/{user_id}/messages")
async def read_messages(request: web.Request) -> web.Response:
    """The bot's messages in this user's chat (or `chat_id`), oldest first.

    `after`: message_id lower bound; `since`: only messages changed after this `rev`;
    `all=1`: the user's own messages too; `wait`: seconds to long-poll for something new.
    """
    emulator = _emulator(request)
    user_id = _user_id(request)
    query = request.query
    try:
        chat_id = int(query.get("chat_id") or user_id)
        after = int(query.get("after") or 0)
        since = int(query.get("since") or -1)
        wait = min(float(query.get("wait") or 0), 60.0)
    except ValueError:
        return _error(400, "after, since, chat_id and wait are numbers")
    everyone = query.get("all") in ("1", "true")

    def select() -> list[dict[str, Any]]:
        chat = emulator.chats.get(chat_id)
        if chat is None:
            return []
        return [
            message_view(m)
            for m in sorted(chat.messages.values(), key=lambda m: m.message_id)
            if m.message_id > after and m.rev > since and (everyone or m.from_bot)
        ]

    found = select()
    deadline = time.monotonic() + wait
    while not found and time.monotonic() < deadline:
        await emulator.changes.wait(deadline - time.monotonic())
        found = select()
    return web.json_response(found)


@routes.post("/sandbox/api/users/{user_id}/callbacks")
async def user_taps(request: web.Request) -> web.Response:
    emulator = _emulator(request)
    user_id = _user_id(request)
    body = await _json(request)
    try:
        update_id, query = emulator.user_taps(
            user_id,
            int(body["message_id"]),
            str(body["data"]),
            _int_or_none(body.get("chat_id")),
        )
    except (KeyError, ValueError) as error:
        return _error(404 if isinstance(error, KeyError) else 400, str(error))
    deadline = time.monotonic() + min(float(body.get("wait") or 0), 30.0)
    while query.answer is None and time.monotonic() < deadline:
        await emulator.changes.wait(deadline - time.monotonic())
    return web.json_response(
        {"update_id": update_id, "callback_query_id": query.id, "answer": query.answer}
    )


@routes.post("/sandbox/api/users/{user_id}/block")
async def block(request: web.Request) -> web.Response:
    user_id = _user_id(request)
    body = await _json(request)
    _emulator(request).set_blocked(user_id, bool(body.get("blocked", True)))
    return web.json_response(_emulator(request).users[user_id].to_control())


@routes.get("/sandbox/api/callback_answers")
async def callback_answers(request: web.Request) -> web.Response:
    return web.json_response([q.to_json() for q in _emulator(request).callbacks.values()])


@routes.get("/sandbox/api/calls")
async def calls(request: web.Request) -> web.Response:
    method = (request.query.get("method") or "").lower()
    after = int(request.query.get("after") or 0)
    return web.json_response(
        [
            c.to_json()
            for c in _emulator(request).calls
            if c.seq > after and (not method or c.method.lower() == method)
        ]
    )


@routes.get("/sandbox/api/stats")
async def stats(request: web.Request) -> web.Response:
    emulator = _emulator(request)
    by_method: dict[str, int] = {}
    for call in emulator.calls:
        by_method[call.method] = by_method.get(call.method, 0) + 1
    return web.json_response(
        {
            "calls": len(emulator.calls),
            "by_method": by_method,
            "delivered": {str(k): v for k, v in emulator.delivered.items()},
            "flood_rejections": emulator.flood.rejected,
            "pending_updates": len(emulator.updates.pending),
        }
    )


@routes.get("/sandbox/api/faults")
async def list_faults(request: web.Request) -> web.Response:
    return web.json_response([f.to_json() for f in _emulator(request).faults.pending])


@routes.post("/sandbox/api/faults")
async def add_fault(request: web.Request) -> web.Response:
    try:
        fault = Fault.from_json(await _json(request))
    except (TypeError, ValueError) as error:
        return _error(400, str(error))
    _emulator(request).faults.add(fault)
    return web.json_response(fault.to_json())


@routes.delete("/sandbox/api/faults")
async def clear_faults(request: web.Request) -> web.Response:
    _emulator(request).faults.clear()
    return web.json_response({"ok": True})


@routes.post("/sandbox/api/flood")
async def set_flood(request: web.Request) -> web.Response:
    """`{"enabled": false}` switches limits off; other keys are `FloodLimits` fields."""
    body = await _json(request)
    if body.pop("enabled", True) is False:
        _emulator(request).set_flood_limits(None)
        return web.json_response({"enabled": False})
    try:
        limits = FloodLimits(**{k: float(v) for k, v in body.items()})
    except (TypeError, ValueError) as error:
        return _error(400, str(error))
    _emulator(request).set_flood_limits(limits)
    return web.json_response({"enabled": True, **limits.__dict__})


@routes.post("/sandbox/api/reset")
async def reset(request: web.Request) -> web.Response:
    emulator = _emulator(request)
    emulator.reset()
    for persona in request.app[PERSONAS_KEY]:
        emulator.add_user(persona["id"], persona["first_name"], persona.get("last_name"),
                          persona.get("username"), persona.get("language_code"))  # fmt: skip
    return web.json_response({"ok": True})


@routes.get("/sandbox/api/files/{file_id}")
async def download(request: web.Request) -> web.StreamResponse:
    stored = _emulator(request).files.get(request.match_info["file_id"])
    if stored is None:
        return _error(404, "no such file")
    headers = {}
    if stored.file_name:
        from urllib.parse import quote

        headers["Content-Disposition"] = f"inline; filename*=UTF-8''{quote(stored.file_name)}"
    return web.Response(
        body=stored.data,
        content_type=stored.mime_type or "application/octet-stream",
        headers=headers,
    )
