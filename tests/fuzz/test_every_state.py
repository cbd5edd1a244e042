"""Every state of every form (found by scanning ``StatesGroup`` subclasses), entered directly
with empty form data — as after a restart that kept the step but not the answers, or a state
left behind by an older version — and given the inputs a person may send at any step: text,
numbers, a date, HTML, a command, a sticker, a document, a contact, and every button of the
step. Nothing may reach the error handler and every reply must be valid for the Bot API."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aiogram.types import Document, Sticker

from bot.dev.testing import Harness
from bot.runtime.container import Services
from tests.fuzz.runner import ErrorLog, Runner
from tests.fuzz.strategies import STATES, Step
from tests.fuzz.world import build_world
from tests.security.matrix import entries, pack

TEXTS = ("0", "01.12.2026", "<b>&amp;</b> Иванов", "<i>Злой & a <3 b >", "Ә" * 4096, "<" * 4096)
CONTENT: tuple[dict[str, Any], ...] = (
    {
        "sticker": Sticker(
            file_id="s",
            file_unique_id="s",
            type="regular",
            width=1,
            height=1,
            is_animated=False,
            is_video=False,
        )
    },
    {"document": Document(file_id="d", file_unique_id="d", file_name="x.xlsx", file_size=10)},
)
ACTORS = ("admin", "trainer_a", "teacher")
FORM_STATES = [s.state for s in STATES if s is not None]


def _buttons(state: str, ids: dict[str, int]) -> list[str]:
    found: list[str] = []
    for _commands, callbacks in entries().values():
        found += [pack(f, action, ids) for f, action, wanted in callbacks if wanted == state]
    return found


def _summary(error: str) -> str:
    """The step, the innermost frame in the project and the exception: one line each."""
    lines = error.strip().splitlines()
    root = str(Path(__file__).resolve().parents[2])
    ours = [line.strip() for line in lines if root in line or "/bot/" in line]
    return f"{lines[0][:160]} … {ours[-1] if ours else ''} … {lines[-1][:200]}"


@pytest.mark.parametrize("actor", ACTORS)
async def test_every_form_state_survives_any_input(
    harness: Harness, services: Services, actor: str
) -> None:
    failures: list[str] = []
    with ErrorLog() as errors:
        world = await build_world(services)
        runner = Runner(harness, world, errors)
        ids = {key: values[0] for key, values in world.ids.items()} | {"page": 0}
        for state in FORM_STATES:
            steps = [Step(actor, 0, False, state, "text", t) for t in TEXTS]
            steps += [Step(actor, 0, False, state, "content", c) for c in CONTENT]
            steps += [Step(actor, 0, False, state, "callback", b) for b in _buttons(state, ids)]
            for step in steps:
                try:
                    await runner.run(step)
                except AssertionError as error:
                    failures.append(_summary(str(error)))
    assert not failures, f"{len(failures)} failures:\n" + "\n".join(failures)
