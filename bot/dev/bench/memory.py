"""Resident memory of a running bot with 100,000 teachers and 1,000 cohorts in the database.

The database is filled with bulk inserts; then a separate process starts the bot as
`biliktilik run` would (migrations, dispatcher, scheduler, delivery worker), handles updates
from many different teachers, and reports its own VmRSS — so the figure is the bot's, not
the benchmark's.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bot.dev.bench.fixtures import NOW

TARGET_MB = 150
TEACHERS = 100_000
COHORTS = 1_000


async def fill_database(url: str, teachers: int, cohorts: int) -> None:
    from sqlalchemy import insert

    from storage.db import create_engine
    from storage.migrate import upgrade_database
    from storage.models import CohortRow, CourseRow, PersonRoleRow, PersonRow

    await upgrade_database(url)
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(
            insert(CourseRow),
            [
                {
                    "id": 1,
                    "topic_kk": "Курс",
                    "topic_ru": "Курс",
                    "kind": "short",
                    "format": "without_leave",
                    "hours": 72,
                    "max_score": 100,
                }
            ],
        )
        await connection.execute(
            insert(CohortRow),
            [
                {
                    "id": index + 1,
                    "course_id": 1,
                    "code": f"C-{index:04d}",
                    "language": "kk",
                    "starts_on": date(2026, 1, 1) + timedelta(days=index % 300),
                    "ends_on": date(2026, 1, 8) + timedelta(days=index % 300),
                    "seats": 100,
                    "open_for_applications": index % 10 == 0,
                }
                for index in range(cohorts)
            ],
        )
        batch = 10_000
        for start in range(0, teachers, batch):
            people = [
                {
                    "id": n + 1,
                    "telegram_id": 1_000_000 + n,
                    "language": "kk" if n % 2 else "ru",
                    "first_name": "Тыңдаушы",
                    "full_name": f"Тыңдаушы Тестов {n}",
                    "iin": f"{n:012d}",
                    "phone": f"+7700{n:07d}",
                    "position": "мұғалім",
                    "created_at": NOW,
                }
                for n in range(start, min(start + batch, teachers))
            ]
            await connection.execute(insert(PersonRow), people)
            await connection.execute(
                insert(PersonRoleRow), [{"person_id": p["id"], "role": "teacher"} for p in people]
            )
    await engine.dispose()


PROBE = r"""
import asyncio, json, os, sys
from bot.platform.lazy_telegram_schemas import import_aiogram
import_aiogram()  # what `biliktilik run` does first
from bot.config import Settings
from bot.runtime.app import build_services, create_dispatcher, create_fsm_storage
from bot.runtime.background import start_background
from bot.dev.testing import Harness, make_user

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

async def main(url, updates):
    settings = Settings(_env_file=None, database_url=url)
    services, engine = await build_services(settings)
    storage = await create_fsm_storage(settings, services)
    dispatcher = create_dispatcher(services, storage=storage)
    harness = Harness.create(dispatcher)
    background = await start_background(harness.bot, services)
    await dispatcher.emit_startup(dispatcher=dispatcher)
    started = rss_mb()
    step = max(1, 100_000 // updates)
    for n in range(0, updates * step, step):
        user = make_user(1_000_000 + n, "kk")
        await harness.send(user, "/start")
        await harness.send(user, "/help")
    await background.shutdown()
    print(json.dumps({"rss_after_start_mb": started, "rss_mb": rss_mb()}))
    await engine.dispose()

asyncio.run(main(sys.argv[1], int(sys.argv[2])))
"""


async def bench_memory(quick: bool) -> dict[str, Any]:
    teachers = 20_000 if quick else TEACHERS
    cohorts = 200 if quick else COHORTS
    updates = 200 if quick else 1000
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite+aiosqlite:///{Path(directory) / 'memory.db'}"
        await fill_database(url, teachers, cohorts)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            PROBE,
            url,
            str(updates),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        stdout, stderr = await process.communicate()
        if process.returncode != 0:
            raise RuntimeError(stderr.decode(errors="replace")[-800:])
        figures = json.loads(stdout.decode().strip().splitlines()[-1])
    return {
        "teachers": teachers,
        "cohorts": cohorts,
        "updates_handled": updates * 2,
        "rss_after_start_mb": round(figures["rss_after_start_mb"], 1),
        "rss_mb": round(figures["rss_mb"], 1),
        "target_mb": TARGET_MB,
        "meets_target": figures["rss_mb"] < TARGET_MB,
    }
