"""An emulator served on a free local port, a raw HTTP client and a helper to call methods."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.dev.sandbox import Emulator, create_app

TOKEN = "123456:TEST"


@dataclass
class Sandbox:
    emulator: Emulator
    server: TestServer
    http: aiohttp.ClientSession

    @property
    def base(self) -> str:
        return str(self.server.make_url("")).rstrip("/")

    async def call(self, method: str, **params: Any) -> tuple[int, dict[str, Any]]:
        async with self.http.post(f"{self.base}/bot{TOKEN}/{method}", json=params) as response:
            return response.status, await response.json(content_type=None)

    async def ok(self, method: str, **params: Any) -> Any:
        status, body = await self.call(method, **params)
        assert status == 200 and body["ok"] is True, body
        return body["result"]

    async def control(self, verb: str, path: str, **kwargs: Any) -> Any:
        async with self.http.request(verb, f"{self.base}/sandbox/api{path}", **kwargs) as response:
            assert response.status == 200, await response.text()
            return await response.json()

    async def user(self, user_id: int = 42, language: str = "kk", start: bool = True) -> int:
        await self.control("POST", "/users", json={"id": user_id, "first_name": "Айгүл",
                                                   "language_code": language})  # fmt: skip
        if start:
            await self.control("POST", f"/users/{user_id}/messages", json={"text": "/start"})
        return user_id


async def serve(emulator: Emulator, personas: list[Any] | None = None) -> TestServer:
    server = TestServer(create_app(emulator, personas=personas or []), host="127.0.0.1")
    await server.start_server()
    return server


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(flood=None)


@pytest.fixture
async def sandbox(emulator: Emulator) -> AsyncIterator[Sandbox]:
    server = await serve(emulator)
    async with aiohttp.ClientSession() as http:
        yield Sandbox(emulator, server, http)
    await server.close()
