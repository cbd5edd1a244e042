"""The update queue: getUpdates long polling with offsets, or delivery to a webhook."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp

from bot.dev.sandbox.errors import ApiError

log = logging.getLogger(__name__)
DEFAULT_TYPES = frozenset(
    {"message", "edited_message", "channel_post", "edited_channel_post", "callback_query",
     "inline_query", "chosen_inline_result", "my_chat_member", "chat_join_request",
     "pre_checkout_query", "shipping_query", "poll", "poll_answer", "business_message"}
)  # fmt: skip
WebhookReply = Callable[[dict[str, Any]], Awaitable[None]]


class Notifier:
    """Wakes every waiter on `notify()`; futures are made in the running loop, never earlier."""

    def __init__(self) -> None:
        self._waiters: list[asyncio.Future[None]] = []

    def notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def wait(self, seconds: float) -> None:
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            await asyncio.wait([waiter], timeout=max(0.0, seconds))
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)


class UpdateQueue:
    def __init__(self, start_update_id: int = 1, webhook_retry_delay: float = 1.0) -> None:
        self.pending: list[dict[str, Any]] = []
        self.next_update_id = start_update_id
        self.allowed: frozenset[str] = DEFAULT_TYPES
        self.notifier = Notifier()
        self.webhook: dict[str, Any] | None = None
        self.webhook_retry_delay = webhook_retry_delay
        self.webhook_error: tuple[int, str] | None = None
        self.on_webhook_reply: WebhookReply | None = None
        self._poll_generation = 0
        self._task: asyncio.Task[None] | None = None

    def push(self, kind: str, payload: dict[str, Any]) -> int:
        update_id = self.next_update_id
        self.next_update_id += 1
        self.pending.append({"update_id": update_id, kind: payload})
        self.notifier.notify()
        return update_id

    @staticmethod
    def kind(update: dict[str, Any]) -> str:
        return next(key for key in update if key != "update_id")

    def _drop_unwanted(self) -> None:
        self.pending = [u for u in self.pending if self.kind(u) in self.allowed]

    def confirm(self, offset: int) -> None:
        if offset > 0:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
        elif offset < 0:
            self.pending = self.pending[offset:]

    async def get_updates(
        self, offset: int | None, limit: int, wait_seconds: float, allowed: list[str] | None
    ) -> list[dict[str, Any]]:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        if allowed is not None:
            self.allowed = frozenset(allowed) if allowed else DEFAULT_TYPES
        if offset is not None:
            self.confirm(offset)
        self._poll_generation += 1
        mine = self._poll_generation
        self.notifier.notify()  # an older poll still waiting learns it lost
        deadline = time.monotonic() + wait_seconds
        while True:
            if mine != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; "
                    "make sure that only one bot instance is running",
                )
            self._drop_unwanted()
            if self.pending or time.monotonic() >= deadline:
                return self.pending[: max(1, min(limit, 100))]
            await self.notifier.wait(deadline - time.monotonic())

    # --- webhook -------------------------------------------------------------------------

    def set_webhook(self, url: str, secret_token: str | None, drop_pending: bool) -> None:
        if drop_pending:
            self.pending.clear()
        self.webhook = {"url": url, "secret_token": secret_token}
        self.webhook_error = None
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._deliver_forever())
        self._poll_generation += 1
        self.notifier.notify()

    async def delete_webhook(self, drop_pending: bool) -> None:
        if drop_pending:
            self.pending.clear()
        self.webhook = None
        await self.close()

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def webhook_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.webhook["url"] if self.webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
            "max_connections": 40,
        }
        if self.webhook is not None:
            info["allowed_updates"] = sorted(self.allowed)
        if self.webhook_error is not None:
            info["last_error_date"], info["last_error_message"] = self.webhook_error
        return info

    async def _deliver_forever(self) -> None:
        async with aiohttp.ClientSession() as session:
            while self.webhook is not None:
                self._drop_unwanted()
                if not self.pending:
                    await self.notifier.wait(30)
                    continue
                update = self.pending[0]
                if await self._post(session, update):
                    if self.pending and self.pending[0] is update:
                        self.pending.pop(0)
                else:
                    await asyncio.sleep(self.webhook_retry_delay)

    async def _post(self, session: aiohttp.ClientSession, update: dict[str, Any]) -> bool:
        assert self.webhook is not None
        headers = {"Content-Type": "application/json"}
        if self.webhook["secret_token"]:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
        try:
            async with session.post(
                self.webhook["url"],
                data=json.dumps(update, ensure_ascii=False),
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=60),
            ) as response:
                body = await response.read()
                if response.status >= 300:
                    self.webhook_error = (int(time.time()), f"Wrong response from the webhook: "
                                          f"{response.status} {response.reason}")  # fmt: skip
                    return False
        except (aiohttp.ClientError, TimeoutError) as error:
            self.webhook_error = (int(time.time()), f"Connection error: {error}")
            return False
        await self._reply_in_response(body)
        return True

    async def _reply_in_response(self, body: bytes) -> None:
        """A webhook may answer with a method call in its response body, as Telegram allows."""
        if not body or self.on_webhook_reply is None:
            return
        try:
            payload = json.loads(body)
        except ValueError:
            return
        if isinstance(payload, dict) and isinstance(payload.get("method"), str):
            try:
                await self.on_webhook_reply(payload)
            except Exception:  # the bot never sees this answer, as with Telegram
                log.exception("webhook reply %s failed", payload.get("method"))
