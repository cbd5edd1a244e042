"""HTTP face of the Bot API: `/bot<token>/<method>` and `/file/bot<token>/<path>`."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from aiohttp import web

import bot.dev.sandbox.methods_files
import bot.dev.sandbox.methods_updates  # noqa: F401  (registers getUpdates and the webhook methods)
from bot.dev.sandbox.errors import BLOCKED, ApiError, forbidden, too_many_requests
from bot.dev.sandbox.faults import Fault
from bot.dev.sandbox.methods import METHODS
from bot.dev.sandbox.models import CallRecord
from bot.dev.sandbox.params import Params, read_params
from bot.dev.sandbox.state import Emulator

EMULATOR_KEY = web.AppKey("sandbox_emulator", Emulator)
NGINX_502 = (
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)


def envelope(body: dict[str, Any], status: int) -> web.Response:
    return web.Response(
        text=json.dumps(body, ensure_ascii=False), status=status, content_type="application/json"
    )


async def call_method(emulator: Emulator, name: str, params: Params) -> tuple[int, dict[str, Any]]:
    """Runs one method and gives (HTTP status, Telegram body); used by HTTP and webhook replies."""
    handler = METHODS.get(name.lower())
    if handler is None:
        return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
    try:
        return 200, {"ok": True, "result": await handler(emulator, params)}
    except ApiError as error:
        return error.code, error.to_json()


def _finish(record: CallRecord, emulator: Emulator, status: int, body: dict[str, Any]) -> None:
    record.status = status
    record.ok = bool(body.get("ok"))
    record.error_code = body.get("error_code")
    record.description = body.get("description")
    record.duration = emulator.clock() - record.monotonic


async def _apply_fault(
    request: web.Request, emulator: Emulator, fault: Fault, record: CallRecord, params: Params
) -> web.StreamResponse:
    record.fault = fault.kind
    if fault.kind == "http_500":
        body = {"ok": False, "error_code": 500, "description": "Internal Server Error"}
        _finish(record, emulator, 500, body)
        return envelope(body, 500)
    if fault.kind == "http_502":
        _finish(record, emulator, 502, {"ok": False, "error_code": 502})
        return web.Response(text=NGINX_502, status=502, content_type="text/html")
    if fault.kind in ("blocked", "flood"):
        error = (
            forbidden(BLOCKED) if fault.kind == "blocked" else too_many_requests(fault.retry_after)
        )
        _finish(record, emulator, error.code, error.to_json())
        return envelope(error.to_json(), error.code)
    if fault.kind == "drop":
        _finish(record, emulator, 0, {"ok": False, "description": "connection dropped"})
        if request.transport is not None:
            request.transport.close()
        raise asyncio.CancelledError  # aiohttp writes nothing for a closed connection
    # timeout: the client gives up first; with `execute` the call still happens, late
    await asyncio.sleep(fault.delay)
    if fault.execute:
        status, body = await call_method(emulator, record.method, params)
    else:
        status, body = 504, {"ok": False, "error_code": 504, "description": "Gateway Timeout"}
    _finish(record, emulator, status, body)
    return envelope(body, status)


async def handle_call(request: web.Request) -> web.StreamResponse:
    emulator = request.app[EMULATOR_KEY]
    name = request.match_info["method"]
    if not emulator.check_token(request.match_info["token"]):
        return envelope({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
    try:
        params = await read_params(request)
    except ApiError as error:
        return envelope(error.to_json(), error.code)
    record = emulator.start_call(name, params.loggable())
    fault = emulator.faults.take(name, params.raw("chat_id"))
    if fault is not None:
        return await _apply_fault(request, emulator, fault, record, params)
    status, body = await call_method(emulator, name, params)
    _finish(record, emulator, status, body)
    return envelope(body, status)


async def handle_file(request: web.Request) -> web.StreamResponse:
    emulator = request.app[EMULATOR_KEY]
    if not emulator.check_token(request.match_info["token"]):
        return envelope({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
    stored = emulator.file_by_path(request.match_info["path"])
    if stored is None:
        return envelope({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
    return web.Response(
        body=stored.data, content_type=stored.mime_type or "application/octet-stream"
    )


def add_routes(app: web.Application) -> None:
    app.router.add_route("*", r"/bot{token:[^/]+}/{method:[A-Za-z]+}", handle_call)
    app.router.add_get(r"/file/bot{token:[^/]+}/{path:.+}", handle_file)


def webhook_replier(emulator: Emulator) -> Any:
    async def reply(payload: dict[str, Any]) -> None:
        name = str(payload.pop("method"))
        record = emulator.start_call(name, dict(payload))
        status, body = await call_method(emulator, name, Params(payload))
        _finish(record, emulator, status, body)

    return reply
