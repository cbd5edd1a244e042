"""Benchmark sections that go through the sandbox emulator over real HTTP."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, date, datetime
from functools import partial
from typing import Any

from pydantic import SecretStr

from bot.dev.bench.fixtures import percentile, rounded

EMULATOR_RATE = 30.0
DELIVERY_TARGET_SHARE = 0.9


async def delivery_run(documents: int) -> dict[str, Any]:
    """`documents` certificates, one per teacher, through the outbox under Telegram's limits."""
    from bot.dev.bench.fixtures import bench_services
    from bot.dev.sandbox.runner import SANDBOX_TOKEN, start_sandbox
    from bot.documents.samples import render_sample
    from bot.runtime.app import create_bot
    from bot.runtime.delivery import DeliveryWorker
    from domain.model import OutboxStatus
    from domain.notifications import document_notice

    sandbox = await start_sandbox(port=0, with_bot=False)
    pdf = render_sample("certificate", "kk", None, None, None)
    first_chat = 800_000
    try:
        for offset in range(documents):
            sandbox.emulator.add_user(first_chat + offset, f"Тыңдаушы {offset}", language_code="kk")
            sandbox.emulator.user_sends(first_chat + offset, text="/start")
        async with bench_services() as services:
            services.clock = lambda: datetime.now(UTC)
            services.settings.bot_token = SecretStr(SANDBOX_TOKEN)
            bot = create_bot(services.settings, api_base=sandbox.url)
            now = services.clock()
            async with services.uow_factory() as uow:
                for offset in range(documents):
                    stored = await uow.documents.save(
                        owner_kind="bench",
                        owner_id=offset,
                        kind="certificate",
                        lang="kk",
                        content=pdf,
                        file_name=f"certificate-{offset}.pdf",
                        created_at=now,
                    )
                    assert stored.id is not None
                    await uow.outbox.enqueue(
                        document_notice(
                            first_chat + offset,
                            "kk",
                            stored.id,
                            "cancel-done",
                            f"bench:{offset}",
                            now,
                        )
                    )
                await uow.commit()
            worker = DeliveryWorker(bot, services, worker_id="bench")
            began = time.perf_counter()
            retried = 0
            while True:
                report = await worker.run_once()
                retried += report.retried
                async with services.uow_factory() as uow:
                    counts = await uow.outbox.count_by_status()
                if counts[OutboxStatus.PENDING] == 0:
                    break
                await asyncio.sleep(0.2)
            elapsed = time.perf_counter() - began
            await bot.session.close()
        delivered = [sandbox.emulator.delivered[first_chat + n] for n in range(documents)]
    finally:
        await sandbox.stop()
    rate = documents / elapsed
    return rounded(
        {
            "documents": documents,
            "seconds_to_deliver": elapsed,
            "per_second": rate,
            "emulator_limit_per_second": EMULATOR_RATE,
            "share_of_limit": rate / EMULATOR_RATE,
            "retried_after_429_or_5xx": retried,
            "duplicates": sum(1 for count in delivered if count > 1),
            "lost": sum(1 for count in delivered if count == 0),
            "failed_rows": counts[OutboxStatus.FAILED],
            "meets_target": rate >= DELIVERY_TARGET_SHARE * EMULATOR_RATE
            and all(count == 1 for count in delivered),
        }
    )


def newer_than(message_id: int, message: dict[str, Any]) -> bool:
    return bool(message["message_id"] > message_id)


async def verification_run(users: int, lookups_per_user: int) -> dict[str, Any]:
    """`users` people at once send a certificate number; latency until the answer arrives."""
    from bot.dev.sandbox.client import SandboxClient
    from bot.dev.sandbox.runner import start_sandbox
    from domain.model import Certificate, DocumentKind

    sandbox = await start_sandbox(port=0, demo_data=True)
    try:
        async with sandbox.services.uow_factory() as uow:
            number = await uow.certificates.next_number("BLK", 2026)
            await uow.certificates.add(
                Certificate(
                    number=number,
                    kind=DocumentKind.CERTIFICATE,
                    person_id=1,
                    enrollment_id=None,
                    holder_full_name="Айгүл Нұрланқызы Серікбаева",
                    topic="Цифрлық сауаттылық",
                    academic_hours=72,
                    issued_on=date(2026, 11, 20),
                    valid_until=date(2029, 11, 20),
                    organization_name="Білім шыңы",
                )
            )
            await uow.commit()
        latencies: list[float] = []
        async with SandboxClient(sandbox.url) as client:
            first_user = 900_000
            for offset in range(users):
                await client.create_user(first_user + offset, f"Тексеруші {offset}", "kk")

            async def one_user(user_id: int) -> None:
                last = 0
                for _ in range(lookups_per_user):
                    began = time.perf_counter()
                    sent = await client.send(user_id, number.lower().replace("-", " "))
                    reply = await client.wait_for(
                        user_id,
                        partial(newer_than, sent["message_id"]),
                        after=last,
                        timeout=30,
                    )
                    latencies.append(time.perf_counter() - began)
                    last = reply["message_id"]

            began = time.perf_counter()
            await asyncio.gather(*(one_user(first_user + n) for n in range(users)))
            elapsed = time.perf_counter() - began
    finally:
        await sandbox.stop()
    return rounded(
        {
            "users": users,
            "lookups": len(latencies),
            "p50_ms": percentile(latencies, 0.5) * 1000,
            "p99_ms": percentile(latencies, 0.99) * 1000,
            "lookups_per_second": len(latencies) / elapsed,
        }
    )
