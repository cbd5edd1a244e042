"""A half-filled form survives a restart: FSM state in the database (default) or Redis."""

from __future__ import annotations

import os
import uuid

import pytest
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey

from bot.runtime.container import Services
from storage.fsm import DatabaseFsmStorage


class Form(StatesGroup):
    full_name = State()


KEY = StorageKey(bot_id=42, chat_id=7, user_id=7)


async def test_state_and_data_survive_a_new_storage_instance(services: Services) -> None:
    first = DatabaseFsmStorage(services.session_factory)
    await first.set_state(KEY, Form.full_name)
    await first.set_data(KEY, {"iin": "masked", "step": 2, "name": "Әлия"})
    await first.close()

    after_restart = DatabaseFsmStorage(services.session_factory)
    assert await after_restart.get_state(KEY) == "Form:full_name"
    assert await after_restart.get_data(KEY) == {"iin": "masked", "step": 2, "name": "Әлия"}
    other = StorageKey(bot_id=42, chat_id=8, user_id=8)
    assert await after_restart.get_state(other) is None
    assert await after_restart.get_data(other) == {}


async def test_clearing_keeps_one_row_and_forgets_everything(services: Services) -> None:
    storage = DatabaseFsmStorage(services.session_factory)
    await storage.set_state(KEY, Form.full_name)
    await storage.set_data(KEY, {"a": 1})
    await storage.set_state(KEY, None)
    await storage.set_data(KEY, {})
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}


def redis_url() -> str | None:
    url = os.environ.get("BILIKTILIK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        if os.environ.get("BILIKTILIK_REQUIRE_REDIS") == "1":
            pytest.fail(f"Redis is required (BILIKTILIK_REQUIRE_REDIS=1) but {url} did not answer")
        return None
    return url


@pytest.mark.redis
async def test_redis_storage_moves_a_form_between_instances() -> None:
    url = redis_url()
    if url is None:
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    from aiogram.fsm.storage.redis import RedisStorage

    key = StorageKey(bot_id=42, chat_id=int(uuid.uuid4().int % 10**9), user_id=1)
    instance_a = RedisStorage.from_url(url)
    instance_b = RedisStorage.from_url(url)
    try:
        await instance_a.set_state(key, Form.full_name)
        await instance_a.set_data(key, {"name": "Әлия"})
        assert await instance_b.get_state(key) == "Form:full_name"
        assert await instance_b.get_data(key) == {"name": "Әлия"}
    finally:
        await instance_a.set_state(key, None)
        await instance_a.set_data(key, {})
        await instance_a.close()
        await instance_b.close()
