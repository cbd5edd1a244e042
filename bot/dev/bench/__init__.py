"""`biliktilik bench`: the benchmark suite. Each figure is printed and written to JSON.

Every section runs on its own; a section that fails records its error instead of stopping
the suite, so one broken part never hides the others' figures.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

Section = Callable[[bool], Awaitable[dict[str, Any]]]


def _sections() -> list[tuple[str, Section]]:
    from bot.dev.bench import delivery, documents, imports, memory, updates, verification

    return [
        ("certificates_rendered", documents.bench_rendering),
        ("certificates_signed", documents.bench_signed),
        ("updates_handled", updates.bench_updates),
        ("delivery_through_sandbox", delivery.bench_delivery),
        ("verification_latency", verification.bench_verification),
        ("resident_memory", memory.bench_memory),
        ("enrollment_import", imports.bench_import),
    ]


def _write(out: Path, report: dict[str, Any]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")


async def run_bench(out: Path, quick: bool = False, only: list[str] | None = None) -> int:
    report: dict[str, Any] = {
        "started_at": datetime.now(UTC).isoformat(),
        "machine": {
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "quick": quick,
        "results": {},
    }
    sections = _sections()
    unknown = sorted(set(only or ()) - {name for name, _ in sections})
    if unknown:  # a typo must not run nothing and report success
        known = ", ".join(name for name, _ in sections)
        print(f"unknown section(s): {', '.join(unknown)}; the sections are: {known}")
        return 2
    failures = 0
    for name, section in sections:
        if only and name not in only:
            continue
        began = time.perf_counter()
        try:
            result = await section(quick)
        except Exception as error:  # one broken section must not hide the others
            result = {"error": f"{type(error).__name__}: {error}"}
            failures += 1
        result["seconds"] = round(time.perf_counter() - began, 2)
        report["results"][name] = result
        print(f"{name}: {json.dumps(result, ensure_ascii=False)}", flush=True)
    _write(out, report)
    print(f"written to {out}")
    return 1 if failures else 0
