"""Issue 16 (9), over HTTP: the trainer's check-in board rotates its code in the sandbox.

The board is a photo edited with `editMessageMedia` every time the 30-second window turns; the
emulator once lacked that method, so the code on the screen never changed and teachers typing
it a minute later were told it had expired. The bot's clock is shifted ahead by 35 s instead of
waiting: the board's task sleeps in real time only up to the next window (at most ~10 s here).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.dev.demo import TEACHERS, TRAINERS
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox, start_sandbox
from bot.runtime.container import utc_now
from domain.checkin_codes import WINDOW, code_for, display_code, window_index
from tests.e2e.chat import Chat, body, data_of

pytestmark = pytest.mark.e2e
CHECKED_IN = "Қатысуыңыз белгіленді"


class ShiftedClock:
    """Real time plus an offset that the test moves."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return utc_now() + self.offset

    def to_second_of_window(self, second: float) -> None:
        """Shift so that now is `second` seconds into a 30-second window."""
        now = self()
        into = now.timestamp() % WINDOW.total_seconds()
        self.offset += timedelta(seconds=(second - into) % WINDOW.total_seconds())


@pytest.fixture
def clock() -> ShiftedClock:
    return ShiftedClock()


@pytest.fixture
async def sandbox(tmp_path: Path, clock: ShiftedClock) -> AsyncIterator[Sandbox]:
    running = await start_sandbox(
        port=0,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'e2e.db'}",
        demo_data=True,
        clock=clock,
    )
    yield running
    await running.stop()


def shown_code(message: dict[str, Any]) -> str:
    found = re.search(r"\d{3} \d{3}", body(message))
    assert found is not None, body(message)
    return found.group(0)


async def current_session(sandbox: Sandbox, now: datetime) -> int:
    async with sandbox.services.uow_factory() as uow:
        for cohort in await uow.cohorts.list_all():
            for session in await uow.sessions.for_cohort(int(cohort.id)):
                if session.starts_at <= now < session.ends_at:
                    return int(session.id)
    raise AssertionError("the demo data has no session on now")


async def board_after(
    client: SandboxClient, user_id: int, board: dict[str, Any], old: str
) -> dict[str, Any]:
    """The board message once its caption shows a code other than `old`."""
    for _ in range(150):  # 15 s: the board's task wakes at the next window at the latest
        [now] = [
            m
            for m in await client.messages(user_id, int(board["message_id"]) - 1)
            if m["message_id"] == board["message_id"]
        ]
        if shown_code(now) != old:
            return now
        await asyncio.sleep(0.1)
    raise AssertionError(f"the board still shows {old}: {body(now)}")


async def test_board_code_rotates_and_each_is_accepted_in_its_window(
    sandbox: Sandbox, client: SandboxClient, clock: ShiftedClock
) -> None:
    for persona in (TRAINERS[0], TEACHERS[0], TEACHERS[2]):
        sandbox.emulator.users[persona.telegram_id].started = True
    session_id = await current_session(sandbox, clock())
    secret = sandbox.services.settings.cert_secret_bytes
    coach = Chat(client, TRAINERS[0].telegram_id)
    agenda = await coach.say(
        "/today", lambda m: f"tgs:start:{session_id}" in str(m.get("reply_markup"))
    )
    # 10 s before the window turns: the board is up and the first code typed before that
    clock.to_second_of_window(20)
    board = await coach.tap(agenda, data_of(agenda, f"tgs:start:{session_id}"), "Код")
    assert board["photo"]["url"]
    first = shown_code(board)
    first_window = window_index(clock())
    assert first == display_code(code_for(secret, session_id, clock()))
    await Chat(client, TEACHERS[0].telegram_id).say(first, CHECKED_IN)

    clock.offset += timedelta(seconds=35)  # t + 35 s
    rotated = await board_after(client, TRAINERS[0].telegram_id, board, first)
    second = shown_code(rotated)
    assert window_index(clock()) > first_window and second != first
    assert second == display_code(code_for(secret, session_id, clock()))
    assert rotated["photo"]["file_id"] != board["photo"]["file_id"]  # a new QR
    assert rotated["edited"] and rotated["reply_markup"] == board["reply_markup"]
    await Chat(client, TEACHERS[2].telegram_id).say(second, CHECKED_IN)
    calls = await client.calls(method="editMessageMedia")
    assert calls and all(call["status"] == 200 for call in calls)
