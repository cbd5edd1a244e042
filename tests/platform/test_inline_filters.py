"""The routers' synchronous filters run on the event loop, not in aiogram's thread hand-off."""

from __future__ import annotations

import threading

from aiogram import Dispatcher, F, Router
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import Message

from bot.dev.testing import Harness, make_user
from bot.handlers import build_root_router
from bot.platform.inline_filters import run_filters_inline, synchronous_callables
from bot.runtime.app import create_dispatcher
from bot.runtime.container import Services


class Form(StatesGroup):
    waiting = State()


def _dispatcher_recording_filter_threads(threads: list[int], answers: list[str]) -> Dispatcher:
    router = Router()

    def where_am_i(message: Message) -> bool:
        threads.append(threading.get_ident())
        return (message.text or "").startswith("бар")

    @router.message(where_am_i, F.text.len() < 10)
    async def matched(message: Message) -> None:
        answers.append("matched")

    @router.message(Form.waiting)
    async def in_form(message: Message) -> None:
        answers.append("form")

    @router.message()
    async def anything(message: Message) -> None:
        answers.append("other")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


async def test_aiogram_alone_sends_a_sync_filter_to_a_thread() -> None:
    """Why the module exists; if an aiogram upgrade stops doing this, it can go."""
    threads: list[int] = []
    dispatcher = _dispatcher_recording_filter_threads(threads, [])
    harness = Harness.create(dispatcher)
    await dispatcher.feed_update(harness.bot, harness.text_update(make_user(1, "kk"), "бар"))
    assert threads and threads[0] != threading.get_ident()


async def test_inline_filters_decide_the_same_on_the_loop_thread() -> None:
    threads: list[int] = []
    answers: list[str] = []
    dispatcher = _dispatcher_recording_filter_threads(threads, answers)
    assert run_filters_inline(dispatcher) == 3  # the function, the magic filter, the state
    assert synchronous_callables(dispatcher) == []
    harness = Harness.create(dispatcher)
    user = make_user(1, "ru")
    for text in ("бар", "жоқ", "бар бар бар бар"):
        await dispatcher.feed_update(harness.bot, harness.text_update(user, text))
    assert answers == ["matched", "other", "other"]
    assert set(threads) == {threading.get_ident()}


def test_no_filter_or_handler_of_the_bot_is_left_for_a_thread(services: Services) -> None:
    bare = Dispatcher()
    bare.include_router(build_root_router())
    assert len(synchronous_callables(bare)) > 50  # magic filters and states, as written
    dispatcher = create_dispatcher(services)
    assert synchronous_callables(dispatcher) == []
