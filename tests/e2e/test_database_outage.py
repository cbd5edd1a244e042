"""Issue 8: the database locked (SQLite) or refusing connections (PostgreSQL) for a while.

Two teachers are half-way through the profile form and a notice is due in the outbox when the
database goes away. Each teacher's answer gets "temporarily unavailable, repeat it in a minute"
in her own language — not a traceback, not English — and nothing of it is stored; the delivery
job pauses instead of failing. When the database is back, without a restart, the same answers
move the form on, and the notice is delivered exactly once.

SQLite keeps reading under another's write lock, so the bot still finds each teacher's chosen
language (their Telegram apps are set to the other one); with PostgreSQL down nothing can be
read, and the language of the Telegram app is used — the same as the chosen one there.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from domain.notifications import text_notice
from storage.models import FsmStateRow, OutboxRow
from tests.e2e.chat import Chat, body, start_in
from tests.e2e.outages import SqliteWriteLock, TcpProxy
from tests.e2e.processes import (
    BOT_ID,
    STARTUP_SECONDS,
    BotProcess,
    emulator_only,
    postgres_database,
    until,
)

pytestmark = pytest.mark.e2e

KK_TEACHER, RU_TEACHER = 840_001, 840_002
UNAVAILABLE = {
    "kk": "Қызмет уақытша қолжетімсіз, соңғы әрекетіңіз сақталмады.",
    "ru": "Сервис временно недоступен, ваше последнее действие не сохранено.",
}
ASK_IIN = {"kk": "ЖСН-ді енгізіңіз", "ru": "Введите ИИН"}


@dataclass
class Backend:
    """The bot's database URL, the test's own (direct) URL, and how to take it away."""

    bot_url: str
    direct_url: str
    outage: Any
    telegram_language: dict[str, str]


@pytest.fixture
async def emulator() -> AsyncIterator[Sandbox]:
    async with emulator_only(flood=None) as sandbox:
        yield sandbox


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite-locked"),
        pytest.param("postgres", id="postgres-refusing", marks=pytest.mark.postgres),
    ]
)
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Backend]:
    if request.param == "sqlite":
        from storage.migrate import upgrade_database

        path = tmp_path / "bot.db"
        url = f"sqlite+aiosqlite:///{path}"
        await upgrade_database(url)
        # each teacher's Telegram app speaks the other language than the one she chose
        yield Backend(url, url, SqliteWriteLock(str(path)), {"kk": "ru", "ru": "kk"})
        return
    async with postgres_database() as url:
        proxy = TcpProxy()
        await proxy.start()
        bot_url = url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
        try:
            yield Backend(bot_url, url, proxy, {"kk": "kk", "ru": "ru"})
        finally:
            await proxy.close()


async def to_name_step(client: SandboxClient, user_id: int, lang: str, app_lang: str) -> Chat:
    await client.create_user(user_id, "Мұғалім", app_lang)
    chat = Chat(client, user_id, timeout=STARTUP_SECONDS)
    await start_in(chat, lang, app_lang)
    consent = await chat.say(
        "/profile", "Дербес деректерді" if lang == "kk" else "Согласие на сбор"
    )
    await chat.tap(consent, "tcons:yes", "кириллицамен" if lang == "kk" else "кириллицей")
    return chat


def paused_jobs(bot: BotProcess) -> set[str]:
    jobs = set()
    for line in bot.log.read_text(errors="replace").splitlines():
        if "job paused" in line:
            jobs.add(json.loads(line).get("job"))
    return jobs


async def test_teachers_are_told_to_retry_and_nothing_is_lost_while_the_database_is_away(
    emulator: Sandbox, backend: Backend, tmp_path: Path
) -> None:
    from storage.db import create_engine, create_session_factory
    from storage.uow import SqlAlchemyUnitOfWork

    engine = create_engine(backend.direct_url)
    factory = create_session_factory(engine)
    bot = BotProcess(emulator, backend.bot_url, tmp_path).start()
    names = {"kk": "Жұмабекова Әсел Қайратқызы", "ru": "Иванова Мария Петровна"}
    ids = {"kk": KK_TEACHER, "ru": RU_TEACHER}
    try:
        async with SandboxClient(emulator.url) as client:
            chats = {
                lang: await to_name_step(client, ids[lang], lang, backend.telegram_language[lang])
                for lang in ("kk", "ru")
            }
            async with SqlAlchemyUnitOfWork(factory) as uow:  # due once the outage has begun
                await uow.outbox.enqueue(
                    text_notice(
                        KK_TEACHER,
                        "kk",
                        "application-status-rejected",
                        "outage:1",
                        datetime.now(UTC) + timedelta(seconds=1),
                        topic="Жобалық оқыту",
                        reason="орын жоқ",
                    )
                )
                await uow.commit()

            await backend.outage.begin()
            # both at once: on SQLite each answer waits out the busy timeout first
            await asyncio.gather(
                *(chat.say(names[lang], UNAVAILABLE[lang]) for lang, chat in chats.items())
            )
            await until(lambda: "outbox" in paused_jobs(bot), 30, "the outbox job to pause")
            assert emulator.emulator.delivered[KK_TEACHER] == len(await client.messages(KK_TEACHER))
            notice_during = [m for m in await client.messages(KK_TEACHER) if "орын жоқ" in body(m)]
            assert notice_during == []
            await backend.outage.end()

            async with factory() as session:  # nothing of the refused answers was stored
                states = {
                    row.key.split(":")[1]: (
                        row.state,
                        row.data["kit"]["form"],
                        row.data["kit"]["at"],
                        sorted(row.data["kit"]["values"]),
                    )
                    for row in await session.scalars(
                        select(FsmStateRow).where(FsmStateRow.key.like(f"{BOT_ID}:84000%"))
                    )
                }
            waiting = ("FormStates:active", "t-profile", "full_name", ["today"])
            assert states == {str(KK_TEACHER): waiting, str(RU_TEACHER): waiting}, states

            for lang, chat in chats.items():  # the same answers, now accepted
                await chat.say(names[lang], ASK_IIN[lang])

            async def notice_sent() -> bool:
                async with factory() as session:
                    status = await session.scalar(
                        select(OutboxRow.status).where(OutboxRow.dedup_key == "outage:1")
                    )
                return status == "sent"

            await until(notice_sent, 60, "the notice after the outage")
            for lang, chat in chats.items():
                texts = [body(m) for m in await chat.everything()]
                assert texts.count(UNAVAILABLE[lang] + _rest(lang)) == 1, texts
                other = "ru" if lang == "kk" else "kk"
                assert not [t for t in texts if UNAVAILABLE[other] in t], texts
                assert not [
                    t for t in texts if "Traceback" in t or "Error" in t or "Кешіріңіз" in t
                ], texts
            notices = [m for m in await client.messages(KK_TEACHER) if "орын жоқ" in body(m)]
            assert len(notices) == 1 and "курсына өтінішіңіз қабылданбады" in body(notices[0])
        assert bot.alive(), bot.output()
        errors = [line for line in bot.log.read_text().splitlines() if '"level": "ERROR"' in line]
        assert errors == [], errors  # warnings only: an outage is not a bug with a traceback
    finally:
        bot.stop()
        await engine.dispose()


def _rest(lang: str) -> str:
    return {
        "kk": " Бір минуттан кейін қайталап көріңіз: бұған дейін енгізген деректеріңіз сақтаулы.",
        "ru": " Повторите его через минуту: всё, что вы ввели раньше, сохранено.",
    }[lang]
