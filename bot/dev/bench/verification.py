"""Verification answer latency, p50/p99, with 50 concurrent users in the sandbox."""

from __future__ import annotations

from typing import Any


async def bench_verification(quick: bool) -> dict[str, Any]:
    from bot.dev.bench.sandbox_runs import verification_run

    return await verification_run(users=50, lookups_per_user=2 if quick else 6)
