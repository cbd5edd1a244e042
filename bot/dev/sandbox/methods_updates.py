"""getUpdates and the webhook methods."""

from __future__ import annotations

from typing import Any

from bot.dev.sandbox.errors import bad_request
from bot.dev.sandbox.methods import method
from bot.dev.sandbox.params import Params
from bot.dev.sandbox.state import Emulator


@method("getUpdates")
async def get_updates(emulator: Emulator, params: Params) -> list[dict[str, Any]]:
    allowed = params.json("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise bad_request("can't parse allowed_updates JSON array")
    return await emulator.updates.get_updates(
        offset=params.int("offset"),
        limit=params.int("limit") or 100,
        wait_seconds=min(max(params.float("timeout", 0.0), 0.0), 50.0),
        allowed=allowed,
    )


@method("setWebhook")
async def set_webhook(emulator: Emulator, params: Params) -> bool:
    url = params.str("url") or ""
    drop = params.bool("drop_pending_updates")
    if not url:
        await emulator.updates.delete_webhook(drop)
        return True
    if not url.startswith(("http://", "https://")):
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = params.str("secret_token")
    if secret is not None and not (
        1 <= len(secret) <= 256 and all(c.isalnum() or c in "_-" for c in secret)
    ):
        raise bad_request("secret token contains unallowed characters")
    allowed = params.json("allowed_updates")
    if isinstance(allowed, list):
        emulator.updates.allowed = frozenset(allowed) or emulator.updates.allowed
    emulator.updates.set_webhook(url, secret, drop)
    return True


@method("deleteWebhook")
async def delete_webhook(emulator: Emulator, params: Params) -> bool:
    await emulator.updates.delete_webhook(params.bool("drop_pending_updates"))
    return True


@method("getWebhookInfo")
async def get_webhook_info(emulator: Emulator, params: Params) -> dict[str, Any]:
    return emulator.updates.webhook_info()
