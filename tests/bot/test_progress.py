"""The progress line never holds up the work it reports on (an import inside its transaction)."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace
from typing import Any

from bot.ui.progress import Progress


class SlowTelegram:
    """Edits wait until `answer` is set, as Telegram does under load or a flood wait."""

    def __init__(self) -> None:
        self.answer = asyncio.Event()
        self.edits: list[str] = []
        self.started: list[str] = []

    async def edit_message_text(self, text: str, chat_id: int, message_id: int) -> Any:
        self.started.append(text)
        await self.answer.wait()
        self.edits.append(text)
        return True

    async def send_message(self, chat_id: int, text: str) -> Any:
        self.edits.append(f"new message: {text}")


class Lines:
    def get(self, key: str, **values: Any) -> str:
        return f"{values['done']} / {values['total']}"


def progress(telegram: SlowTelegram) -> Progress:
    message = SimpleNamespace(chat=SimpleNamespace(id=7), message_id=3)
    return Progress(bot=telegram, message=message, i18n=Lines(), total=100, every=10)  # type: ignore[arg-type]


async def test_updates_return_at_once_and_only_the_latest_line_waits_its_turn() -> None:
    telegram = SlowTelegram()
    shown = progress(telegram)
    for done in range(10, 101, 10):
        await asyncio.wait_for(shown.update(done), timeout=0.05)  # the edit of 10 still hangs
    await asyncio.sleep(0)
    assert telegram.started == ["10 / 100"] and telegram.edits == []
    telegram.answer.set()
    await asyncio.sleep(0.01)
    assert telegram.edits == ["10 / 100", "100 / 100"]  # 20…90 were overtaken by 100


async def test_the_summary_replaces_a_progress_edit_still_under_way() -> None:
    telegram = SlowTelegram()
    shown = progress(telegram)
    await asyncio.wait_for(shown.update(50), timeout=0.05)
    await asyncio.sleep(0)
    finishing = asyncio.create_task(shown.finish("✅ 100"))
    await asyncio.sleep(0.01)
    telegram.answer.set()
    await asyncio.wait_for(finishing, timeout=1)
    await asyncio.sleep(0.01)
    assert telegram.edits == ["✅ 100"]  # the hanging line was dropped, nothing after the summary


async def test_cancelling_the_operation_still_cancels_it_while_a_line_is_dropped() -> None:
    telegram = SlowTelegram()
    shown = progress(telegram)
    await asyncio.wait_for(shown.update(50), timeout=0.05)
    await asyncio.sleep(0)

    async def operation_ends() -> None:
        await shown.finish("✅ 100")

    ending = asyncio.create_task(operation_ends())
    await asyncio.sleep(0)  # inside finish, waiting for the dropped edit to wind down
    ending.cancel()
    await asyncio.wait([ending], timeout=1)
    assert ending.cancelled()  # the cancel meant for the operation was not swallowed


async def test_a_failing_line_is_logged_not_left_unretrieved(caplog) -> None:
    class Broken(SlowTelegram):
        async def edit_message_text(self, text: str, chat_id: int, message_id: int) -> Any:
            raise ValueError("a proxy's HTML page")

    caplog.set_level(logging.INFO, logger="bot.ui.progress")
    shown = progress(Broken())
    await shown.update(50)
    await asyncio.sleep(0.01)
    assert shown._editing is not None and shown._editing.done()
    assert shown._editing.exception() is None
    assert "progress edit failed" in caplog.text
