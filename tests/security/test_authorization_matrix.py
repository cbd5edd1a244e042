"""Every admin and trainer command and callback — collected from the admin and trainer actor
packages — tried as a teacher, as a trainer of another
cohort and as a stranger, in a private chat and in a group.

Private chat: a translated refusal in the person's language, an audit entry, nothing changed.
Group chat: a translated refusal or silence, nothing changed. Callback data carries the ids of
objects of cohort A (its cohort, sessions, the teacher's enrollment, a request, a consultation,
an application), so a trainer of cohort B forges exactly what they are not allowed to touch.
"""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import User

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from tests.fuzz.api_checks import problems
from tests.fuzz.runner import ErrorLog
from tests.fuzz.world import GROUP, World, audit_count, build_world, digest
from tests.security.matrix import entries, pack, refusal_texts, stale_button_texts

MATRIX = entries()
REFUSALS = refusal_texts()
STALE = stale_button_texts()
NEWCOMER = 830_999
ACTORS = ("teacher", "trainer_b", "stranger")
# A trainer of another cohort is a trainer: /today and /questions show their own (empty)
# lists, and cancelling their own answer form is theirs to do — not refusals.
OWN_ROLE_COMMANDS = {("trainer_b", "trainer", "today"), ("trainer_b", "trainer", "questions")}
OWN_ROLE_BUTTONS: set[tuple[str, str, str | None]] = set()


def _actor(world: World, name: str) -> User:
    if name == "stranger":  # never wrote to the bot before this attempt
        return make_user(NEWCOMER, "kk", "Белгісіз")
    return world.users[name]


def _ids(world: World) -> dict[str, int]:
    return {key: values[0] for key, values in world.ids.items()} | {"page": 0}


def test_matrix_covers_every_privileged_router() -> None:
    assert set(MATRIX) == {"admin", "trainer"}
    assert all(commands or callbacks for commands, callbacks in MATRIX.values())
    assert len(REFUSALS) > 10


async def _attempts(world: World, router: str) -> list[tuple[str, str, str | None]]:
    commands, callbacks = MATRIX[router]
    ids = _ids(world)
    return [("command", f"/{name}", None) for name in commands] + [
        ("callback", pack(factory, action, ids), state) for factory, action, state in callbacks
    ]


@pytest.mark.parametrize("in_group", [False, True], ids=["private", "group"])
@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("router", sorted(MATRIX))
async def test_privileged_entry_points_refuse_outsiders(
    harness: Harness, services: Services, router: str, actor: str, in_group: bool
) -> None:
    world = await build_world(services)
    user = _actor(world, actor)
    chat = GROUP if in_group else None
    failures: list[str] = []
    with ErrorLog() as errors:
        for kind, value, state in await _attempts(world, router):
            if kind == "command" and (actor, router, value[1:]) in OWN_ROLE_COMMANDS:
                continue
            if (actor, value, state) in OWN_ROLE_BUTTONS:
                continue
            context = harness.dispatcher.fsm.get_context(
                harness.bot, chat.id if chat else user.id, user.id
            )
            await context.set_state(state)
            before, audited = await digest(services), await audit_count(services)
            if kind == "command":
                requests = await harness.send(user, value, chat=chat)
            else:
                requests = await harness.press(user, value, chat=chat)
            logged = await audit_count(services) > audited
            failures += _judge(
                harness, f"{kind} {value} [{state}]", requests, in_group, logged=logged
            )
            if await digest(services) != before:
                failures.append(f"{kind} {value} [{state}]: protected rows changed")
        failures += [f"error handler: {r.getMessage()}" for r in errors.records]
    assert not failures, "\n".join(failures)


def _judge(
    harness: Harness, attempt: str, requests: list[Any], in_group: bool, logged: bool
) -> list[str]:
    failures = [f"{attempt}: {p}" for p in problems(harness.bot, requests)]
    seen = texts(requests)
    # a form kit button of no open form of the actor's is answered as stale: nothing reached
    refused = bool(seen) and all(text in REFUSALS or text in STALE for text in seen)
    # "This button is out of date" comes from the fallback: no privileged handler matched,
    # so there is nothing to audit.
    logged = logged or (bool(seen) and all(text in STALE for text in seen))
    answered = [r for r in requests if isinstance(r, AnswerCallbackQuery)]
    sent = [r for r in requests if isinstance(r, SendMessage)]
    if attempt.startswith("callback") and not answered:
        failures.append(f"{attempt}: the button was never answered (spinner forever)")
    if in_group:
        if seen and not refused:
            failures.append(f"{attempt}: answered in a group with {seen!r}")
        if refused and not logged:
            failures.append(f"{attempt}: refused in a group but not logged")
    else:
        if not refused:
            failures.append(f"{attempt}: no translated refusal, saw {seen!r}")
        elif not logged:
            failures.append(f"{attempt}: refused but not in the audit log")
    if len(sent) > 1:
        failures.append(f"{attempt}: {len(sent)} messages for one refusal")
    return failures
