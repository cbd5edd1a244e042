"""Issue 8, item 1: random hostile updates through the real Dispatcher, in every state of every
form. Properties: nothing reaches the error handler, every request the bot makes is one the
Bot API accepts, and input from outsiders changes no protected row.

``BILIKTILIK_FUZZ_EXAMPLES`` sets the examples per test (default 60 keeps the suite well under
a minute on two cores; e.g. ``BILIKTILIK_FUZZ_EXAMPLES=2000`` for a long run)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dev.testing import Harness
from bot.runtime.container import Services
from tests.fuzz.runner import ErrorLog, Runner
from tests.fuzz.strategies import STATES, Step, steps
from tests.fuzz.world import build_world, digest

EXAMPLES = int(os.environ.get("BILIKTILIK_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=os.environ.get("BILIKTILIK_FUZZ_RANDOM") is None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
    database=None,
)
EVERYONE = ["admin", "trainer_a", "trainer_b", "teacher", "stranger", "applicant", "newcomer"]
OUTSIDERS = ["trainer_b", "teacher", "stranger", "applicant", "newcomer"]
# Forms a teacher owns: an outsider filling them may legitimately change their own rows.
OWN_FORMS = {
    s.state
    for s in STATES
    if s is not None and s.group.__module__.startswith("bot.handlers.teacher")
}


class Fuzz:
    runner: Runner | None = None


async def _runner(harness: Harness, services: Services, errors: ErrorLog, cache: Fuzz) -> Runner:
    if cache.runner is None or cache.runner.harness is not harness:
        # one world per test function, reused by every example
        cache.runner = Runner(harness, await build_world(services), errors)
    return cache.runner


def _ids() -> dict[str, list[int]]:
    # The world's ids are small sequential integers; forge around them.
    return {
        key: list(range(1, 6))
        for key in (
            "cohort",
            "session",
            "enrollment",
            "request",
            "consultation",
            "application",
            "course",
            "page",
        )
    }


@FUZZ
@given(
    script=st.lists(steps(_ids(), EVERYONE, [820_001, 810_001, 900_001]), min_size=1, max_size=4)
)
async def test_any_update_from_anyone_in_any_state(
    harness: Harness, services: Services, script: list[Step]
) -> None:
    with ErrorLog() as errors:
        runner = await _runner(harness, services, errors, CACHE_ANY)
        runner.errors = errors
        for step in script:
            await runner.run(step)


def _outsider_step(step: Step) -> bool:
    return step.state not in OWN_FORMS and not (
        step.kind == "callback" and step.payload.split(":")[0] in TEACHER_PREFIXES
    )


TEACHER_PREFIXES = {
    "tcons",
    "tpe",
    "tcp",
    "tap",
    "tag",
    "trd",
    "trq",
    "tsp",
    "tmd",
    "lang",
}


@FUZZ
@given(
    script=st.lists(
        steps(_ids(), OUTSIDERS, [820_001, 810_001, 900_001]).filter(_outsider_step),
        min_size=1,
        max_size=4,
    )
)
async def test_outsiders_change_nothing(
    harness: Harness, services: Services, script: list[Step]
) -> None:
    with ErrorLog() as errors:
        runner = await _runner(harness, services, errors, CACHE_OUTSIDERS)
        runner.errors = errors
        before = await digest(services)
        for step in script:
            await runner.run(step)
        assert await digest(services) == before, f"{script!r} changed protected rows"


CACHE_ANY = Fuzz()
CACHE_OUTSIDERS = Fuzz()
