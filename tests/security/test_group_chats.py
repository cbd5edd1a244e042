"""Regression found by the fuzz suite: teacher commands sent in a group (by an unknown user —
no person — or by an enrolled teacher) crashed or would post personal data to the group.
Every command of every router, sent in a group: no error, and nothing but silence or a
translated refusal."""

from __future__ import annotations

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from tests.fuzz.api_checks import problems
from tests.fuzz.discovery import all_commands
from tests.fuzz.runner import ErrorLog
from tests.fuzz.world import GROUP, build_world
from tests.security.matrix import refusal_texts


async def test_commands_in_a_group_reveal_nothing(harness: Harness, services: Services) -> None:
    world = await build_world(services)
    refusals = refusal_texts()
    failures: list[str] = []
    with ErrorLog() as errors:
        for user in (world.users["teacher"], make_user(1_234_567, None, "Жаңа")):
            for command in sorted(all_commands()):
                requests = await harness.send(user, f"/{command}", chat=GROUP)
                failures += problems(harness.bot, requests)
                failures += [
                    f"/{command} by {user.id}: {t[:80]!r}"
                    for t in texts(requests)
                    if t not in refusals
                ]
        failures += [r.getMessage() for r in errors.records]
    assert not failures, "\n".join(failures)
