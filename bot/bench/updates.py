"""Updates handled per second through `Dispatcher.feed_update`, on SQLite.

Two figures in one run: the check-in flow (person lookup, rules, an attendance row written
and committed per update) and a bare echo handler (aiogram's own cost), and their ratio.
"""

from __future__ import annotations

import time
from typing import Any

from aiogram import Dispatcher
from aiogram.types import Message

from bot.bench.fixtures import NOW, bench_services, rounded, running_cohort
from bot.testing import Harness, make_user

TARGET_PER_SECOND = 1000


async def _echo_rate(count: int) -> float:
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    harness = Harness.create(dispatcher)
    user = make_user(1, "kk")
    began = time.perf_counter()
    for _ in range(count):
        await harness.send(user, "сәлем")
    return count / (time.perf_counter() - began)


async def bench_updates(quick: bool) -> dict[str, Any]:
    from bot.app import create_dispatcher
    from bot.middlewares.rate_limit import Rate, RateLimitMiddleware
    from domain.checkin_codes import code_for

    count = 300 if quick else 2000
    async with bench_services() as services:
        cohort = await running_cohort(services, count)
        dispatcher = create_dispatcher(
            services,
            rate_limit=RateLimitMiddleware({"default": Rate(10**6, 1), "verify": Rate(10, 60)}),
        )
        await dispatcher.emit_startup(dispatcher=dispatcher)
        harness = Harness.create(dispatcher)
        code = code_for(services.settings.cert_secret_bytes, cohort.session_id, NOW)
        users = [make_user(tid, "kk") for tid in cohort.teacher_telegram_ids]
        began = time.perf_counter()
        for user in users:
            await harness.send(user, code)
        checkin_rate = count / (time.perf_counter() - began)
        async with services.uow_factory() as uow:
            enrollments = await uow.enrollments.for_cohort(cohort.cohort_id)
            checked_in = 0
            for enrollment in enrollments:
                checked_in += await uow.attendance.count_attended(enrollment.id)
    echo_rate = await _echo_rate(count)
    return rounded(
        {
            "updates": count,
            "checked_in": checked_in,
            "checkin_per_second": checkin_rate,
            "echo_per_second": echo_rate,
            "checkin_to_echo_ratio": checkin_rate / echo_rate,
            "target_per_second": TARGET_PER_SECOND,
            "meets_target": checkin_rate >= TARGET_PER_SECOND,
        }
    )
