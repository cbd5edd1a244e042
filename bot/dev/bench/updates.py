"""Updates handled per second through `Dispatcher.feed_update`, on SQLite.

Two flows in one run: the check-in flow (person look-up, form state read from the database as
the embedded default does, rules, an attendance row written and committed per update, the
reply; 1,000 cohorts have a session at that hour, as on a national operator's morning) and a
bare echo handler (aiogram's own cost), and their ratio. Each is fed two ways:

- ``sequential``: one update at a time, each awaited before the next;
- ``concurrent_50``: as aiogram's polling feeds them (``handle_as_tasks`` with
  ``tasks_concurrency_limit=50``): one task per update, at most 50 in flight.

The headline is ``checkin_per_second_concurrent_50``: it is how the bot runs in production
(polling and webhook both handle updates as concurrent tasks), and each check-in is still
committed before its reply is sent (the use-case commits, then the handler answers), so no
acknowledged check-in can be lost. ``meets_target`` compares that figure, and only it, with
the target; the sequential figure stays in the JSON next to it. ``checked_in_*`` and
``replies_*`` count what was stored and sent, so a fast run that lost check-ins shows.
"""

from __future__ import annotations

import time
from typing import Any

from aiogram import Dispatcher
from aiogram.methods import SendMessage
from aiogram.types import Message

from bot.dev.bench.fixtures import NOW, bench_services, rounded, running_cohort
from bot.dev.testing import Harness, make_user

TARGET_PER_SECOND = 1000
IN_FLIGHT = 50
HEADLINE = "checkin_per_second_concurrent_50"
#: Cohorts besides the listeners' own with a session at the same hour (1,000 in all).
OTHER_COHORTS = 999


async def _rate(harness: Harness, updates: list[Any], in_flight: int | None) -> float:
    began = time.perf_counter()
    if in_flight is None:
        for update in updates:
            await harness.dispatcher.feed_update(harness.bot, update)
    else:
        await harness.feed_concurrently(updates, in_flight)
    return len(updates) / (time.perf_counter() - began)


async def _echo_rates(count: int) -> tuple[float, float]:
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    harness = Harness.create(dispatcher)
    user = make_user(1, "kk")
    sequential = await _rate(
        harness, [harness.text_update(user, "сәлем") for _ in range(count)], None
    )
    concurrent = await _rate(
        harness, [harness.text_update(user, "сәлем") for _ in range(count)], IN_FLIGHT
    )
    return sequential, concurrent


async def bench_updates(quick: bool) -> dict[str, Any]:
    from bot.runtime.app import create_dispatcher
    from bot.runtime.middlewares.rate_limit import Rate, RateLimitMiddleware
    from domain.checkin_codes import code_for
    from storage.fsm import DatabaseFsmStorage

    count = 300 if quick else 2000
    async with bench_services() as services:
        # two groups of listeners: each checks in once, in one of the two runs
        cohort = await running_cohort(services.uow_factory, 2 * count, other_cohorts=OTHER_COHORTS)
        assert services.session_factory is not None  # bench_services gives one
        dispatcher = create_dispatcher(
            services,
            # the embedded default's FSM storage: its state read is part of every update
            storage=DatabaseFsmStorage(services.session_factory, services.clock),
            rate_limit=RateLimitMiddleware({"default": Rate(10**6, 1), "verify": Rate(10, 60)}),
        )
        await dispatcher.emit_startup(dispatcher=dispatcher)
        harness = Harness.create(dispatcher)
        code = code_for(services.settings.cert_secret_bytes, cohort.session_id, NOW)
        ids = cohort.teacher_telegram_ids
        sequential_updates = [harness.text_update(make_user(t, "kk"), code) for t in ids[:count]]
        concurrent_updates = [harness.text_update(make_user(t, "kk"), code) for t in ids[count:]]
        sequential = await _rate(harness, sequential_updates, None)
        replies_sequential = _replies(harness)
        concurrent = await _rate(harness, concurrent_updates, IN_FLIGHT)
        replies_concurrent = _replies(harness) - replies_sequential
        checked_in = await _checked_in(services, cohort.cohort_id, ids, count)
    echo_sequential, echo_concurrent = await _echo_rates(count)
    return rounded(
        {
            "updates_per_run": count,
            "cohorts_with_a_session_now": 1 + OTHER_COHORTS,
            "checkin_per_second_sequential": sequential,
            "echo_per_second_sequential": echo_sequential,
            "checkin_to_echo_ratio_sequential": sequential / echo_sequential,
            "checkin_per_second_concurrent_50": concurrent,
            "echo_per_second_concurrent_50": echo_concurrent,
            "checkin_to_echo_ratio_concurrent_50": concurrent / echo_concurrent,
            "checked_in_sequential": checked_in[0],
            "checked_in_concurrent_50": checked_in[1],
            "replies_sequential": replies_sequential,
            "replies_concurrent_50": replies_concurrent,
            "headline": HEADLINE,
            "target_per_second": TARGET_PER_SECOND,
            "meets_target": concurrent >= TARGET_PER_SECOND and checked_in[1] == count,
        }
    )


def _replies(harness: Harness) -> int:
    return sum(isinstance(request, SendMessage) for request in harness.session.requests)


async def _checked_in(
    services: Any, cohort_id: int, telegram_ids: list[int], count: int
) -> tuple[int, int]:
    """Stored attendance rows of the sequential group and of the concurrent group."""
    first_group = set(telegram_ids[:count])
    groups = [0, 0]
    async with services.uow_factory(read_only=True) as uow:
        for enrollment in await uow.enrollments.for_cohort(cohort_id):
            person = await uow.people.get(enrollment.person_id)
            attended = await uow.attendance.count_attended(enrollment.id)
            groups[0 if person and person.telegram_id in first_group else 1] += attended
    return groups[0], groups[1]
