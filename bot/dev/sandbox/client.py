"""A client for the sandbox's control API: what the e2e tests and the benchmark drive."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import aiohttp


class SandboxClient:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> SandboxClient:
        self._http = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._http is not None:
            await self._http.close()

    @property
    def http(self) -> aiohttp.ClientSession:
        assert self._http is not None, "use `async with SandboxClient(...)`"
        return self._http

    async def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        async with self.http.request(method, self.base_url + path, **kwargs) as response:
            body = await response.json()
            if response.status >= 400:
                raise AssertionError(f"{method} {path} → {response.status}: {body}")
            return body

    async def create_user(
        self, user_id: int, first_name: str, language_code: str = "kk", **fields: Any
    ) -> dict[str, Any]:
        payload = {"id": user_id, "first_name": first_name, "language_code": language_code}
        return await self._json("POST", "/sandbox/api/users", json=payload | fields)

    async def send(self, user_id: int, text: str) -> dict[str, Any]:
        return await self._json(
            "POST", f"/sandbox/api/users/{user_id}/messages", json={"text": text}
        )

    async def send_contact(self, user_id: int, phone: str, first_name: str = "") -> dict[str, Any]:
        contact = {"phone_number": phone, "first_name": first_name or "—", "user_id": user_id}
        return await self._json(
            "POST", f"/sandbox/api/users/{user_id}/messages", json={"contact": contact}
        )

    async def send_document(
        self, user_id: int, file_name: str, content: bytes, caption: str | None = None
    ) -> dict[str, Any]:
        form = aiohttp.FormData()
        form.add_field("document", content, filename=file_name)
        if caption:
            form.add_field("caption", caption)
        return await self._json("POST", f"/sandbox/api/users/{user_id}/messages", data=form)

    async def press(self, user_id: int, message_id: int, data: str) -> dict[str, Any]:
        return await self._json(
            "POST",
            f"/sandbox/api/users/{user_id}/callbacks",
            json={"message_id": message_id, "data": data},
        )

    async def messages(self, user_id: int, after: int = 0) -> list[dict[str, Any]]:
        return await self._json("GET", f"/sandbox/api/users/{user_id}/messages?after={after}")

    async def wait_for(
        self,
        user_id: int,
        predicate: Callable[[dict[str, Any]], bool],
        after: int = 0,
        timeout: float = 15.0,  # noqa: ASYNC109 - a polling deadline, not a cancel scope
    ) -> dict[str, Any]:
        """The first bot message to `user_id` after `after` that satisfies `predicate`."""
        deadline = time.monotonic() + timeout
        while True:
            for message in await self.messages(user_id, after):
                if predicate(message):
                    return message
            if time.monotonic() > deadline:
                seen = [
                    m.get("text") or m.get("caption") for m in await self.messages(user_id, after)
                ]
                raise AssertionError(f"no matching message for {user_id} in {timeout}s: {seen}")
            await asyncio.sleep(0.1)

    async def download(self, url: str) -> bytes:
        target = url if url.startswith("http") else self.base_url + url
        async with self.http.get(target) as response:
            response.raise_for_status()
            return await response.read()

    async def faults(self, **fault: Any) -> Any:
        return await self._json("POST", "/sandbox/api/faults", json=fault)

    async def calls(self, **params: Any) -> Any:
        return await self._json("GET", "/sandbox/api/calls", params=params)


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
    return [button for row in rows for button in row]


def button_data(message: dict[str, Any], text_part: str) -> str:
    for button in buttons(message):
        if text_part in button.get("text", ""):
            return str(button["callback_data"])
    raise AssertionError(
        f"no button with {text_part!r}: {[b.get('text') for b in buttons(message)]}"
    )
