"""A local Telegram Bot API emulator: `Emulator` (state) and `create_app` (aiohttp app).

    emulator = Emulator(flood=FloodLimits(per_chat_burst=2), token="123456:TEST")
    app = create_app(emulator, personas=[{"id": 1, "first_name": "Айгүл", "language_code": "kk",
                                          "role": "teacher"}])

Bot API under `/bot<token>/<method>`, files under `/file/bot<token>/<path>`, the control API
under `/sandbox/api/...` (see `control_api.py`), the web chat page at `/`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiohttp import web

from bot.dev.sandbox import bot_api, control_api, page
from bot.dev.sandbox.faults import Fault
from bot.dev.sandbox.flood import TELEGRAM_LIMITS, FloodLimits
from bot.dev.sandbox.state import Emulator

DEFAULT_PERSONAS: tuple[dict[str, Any], ...] = (
    {"id": 5001, "first_name": "Айгүл", "language_code": "kk", "role": "teacher"},
    {"id": 5002, "first_name": "Ольга", "language_code": "ru", "role": "trainer"},
    {"id": 5003, "first_name": "Сәуле", "language_code": "kk", "role": "admin"},
    {"id": 5004, "first_name": "Гость", "language_code": "ru", "role": "anonymous"},
)


def persona_dict(persona: Any) -> dict[str, Any]:
    """A mapping, or any object with `telegram_id`/`id`, `first_name`, `role`, `language`."""
    if isinstance(persona, dict):
        data = dict(persona)
    else:
        data = {
            "id": getattr(persona, "telegram_id", None) or persona.id,
            "first_name": persona.first_name,
            "last_name": getattr(persona, "last_name", None),
            "full_name": getattr(persona, "full_name", None),
            "role": getattr(persona, "role", "anonymous"),
            "language_code": getattr(persona, "language_code", None)
            or getattr(persona, "language", None),
        }
    data["id"] = int(data["id"])
    data.setdefault("role", "anonymous")
    data.setdefault("language_code", "kk")
    return data


def create_app(emulator: Emulator, personas: Iterable[Any] | None = None) -> web.Application:
    """The aiohttp app serving the Bot API, the control API and the page for `emulator`."""
    app = web.Application(client_max_size=60 * 1024 * 1024)
    app[bot_api.EMULATOR_KEY] = emulator
    chosen = [persona_dict(p) for p in (DEFAULT_PERSONAS if personas is None else personas)]
    app[control_api.PERSONAS_KEY] = chosen
    for persona in chosen:
        if persona["id"] not in emulator.users:
            emulator.add_user(persona["id"], persona["first_name"], persona.get("last_name"),
                              persona.get("username"), persona.get("language_code"))  # fmt: skip
    emulator.updates.on_webhook_reply = bot_api.webhook_replier(emulator)
    bot_api.add_routes(app)
    app.add_routes(control_api.routes)
    page.add_routes(app)

    async def close(_: web.Application) -> None:
        await emulator.close()

    app.on_cleanup.append(close)
    return app


__all__ = ["DEFAULT_PERSONAS", "TELEGRAM_LIMITS", "Emulator", "Fault", "FloodLimits", "create_app"]
