"""Delivering 500 certificates through the sandbox emulator under its flood limits."""

from __future__ import annotations

from typing import Any


async def bench_delivery(quick: bool) -> dict[str, Any]:
    from bot.dev.bench.sandbox_runs import delivery_run

    return await delivery_run(documents=100 if quick else 500)
