"""Issue 8: the bot process is killed (SIGKILL) while a teacher is half-way through the profile
form; after the restart she answers the step she was on, and the summary and the saved profile
hold the answers she gave before the kill. FSM storage in the database (the default) and in
Redis (`REDIS_URL`, required in CI through `BILIKTILIK_REQUIRE_REDIS=1`)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.dev.demo import demo_iin
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from domain.iin import Sex
from storage.models import FsmStateRow
from tests.e2e.chat import Chat, body, data_for
from tests.e2e.processes import BOT_ID, STARTUP_SECONDS, BotProcess, emulator_only, settled
from tests.test_fsm_storage import redis_url

pytestmark = pytest.mark.e2e

TEACHER = 830_001
NAME = "Жұмабекова Әсел Қайратқызы"
IIN = demo_iin(date(1991, 4, 15), Sex.FEMALE, 321)
SCHOOL = "№ 45 мектеп-гимназия, Астана"


@pytest.fixture
async def emulator() -> AsyncIterator[Sandbox]:
    # no flood limits: a one-second 429 after each answer would only slow this test down
    async with emulator_only(flood=None) as sandbox:
        yield sandbox


@pytest.fixture(
    params=[
        pytest.param("database", id="database-fsm"),
        pytest.param("redis", id="redis-fsm", marks=pytest.mark.redis),
    ]
)
async def fsm(request: pytest.FixtureRequest) -> AsyncIterator[dict[str, str]]:
    """The bot's environment for its FSM storage (no `REDIS_URL`: the database); for Redis the
    teacher's keys are removed before and after."""
    if request.param == "database":
        yield {}
        return
    url = redis_url()
    if url is None:
        pytest.skip("Redis not reachable on 127.0.0.1:6379")
    from redis.asyncio import Redis

    client = Redis.from_url(url)

    async def forget() -> None:
        async for key in client.scan_iter(f"fsm:{BOT_ID}:{TEACHER}:*"):
            await client.delete(key)

    await forget()
    yield {"REDIS_URL": url}
    await forget()
    await client.aclose()


async def test_a_teacher_finishes_her_profile_after_the_bot_was_killed(
    emulator: Sandbox, fsm: dict[str, str], tmp_path: Path
) -> None:
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade_database
    from storage.uow import SqlAlchemyUnitOfWork

    database_url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await upgrade_database(database_url)
    bot = BotProcess(emulator, database_url, tmp_path, **fsm).start()
    engine = create_engine(database_url)
    factory = create_session_factory(engine)
    try:
        async with SandboxClient(emulator.url) as client:
            await client.create_user(TEACHER, "Әсел", "kk")
            teacher = Chat(client, TEACHER, timeout=STARTUP_SECONDS)
            await teacher.say("/start", "Басты мәзір")  # her Telegram's Kazakh, taken at once
            consent = await teacher.say("/profile", "Дербес деректерді жинауға")
            await teacher.tap(consent, "tcons:yes", "кириллицамен жазыңыз")
            await teacher.say(NAME, "ЖСН-ді енгізіңіз")
            await teacher.say(IIN, "Контактімен бөлісу")
            await teacher.contact("+7 702 111 22 33", "Лауазымыңыз")
            await settled(emulator.emulator)

            async with factory() as session:  # where the half-filled form lives
                stored_in_database = await session.scalar(
                    select(func.count()).where(
                        FsmStateRow.key.like(f"{BOT_ID}:{TEACHER}:{TEACHER}:%")
                    )
                )
            assert (stored_in_database > 0) == ("REDIS_URL" not in fsm), stored_in_database

            await bot.restart()
            mark = teacher.last
            await teacher.say("математика пәнінің мұғалімі", "толық атауы")
            after_restart = await client.messages(TEACHER, mark)
            # the very next answer is the next step: no step repeated, no apology
            assert body(after_restart[0]).startswith("Білім беру ұйымыңыздың"), [
                body(m) for m in after_restart
            ]
            await teacher.say(SCHOOL, "жұмыс берушінің байланысы")
            summary = await teacher.say("hr@school45.kz", "hr@school45.kz")
            assert NAME in body(summary), body(summary)
            assert f"********{IIN[-4:]}" in body(summary) and IIN not in body(summary)
            await teacher.tap(summary, data_for(summary, "✅"), "Профиль сақталды")
            texts = [body(m) for m in await client.messages(TEACHER)]
            assert not [t for t in texts if "Кешіріңіз" in t or "Traceback" in t], texts
        assert bot.alive(), bot.output()
    finally:
        bot.stop()

    async with SqlAlchemyUnitOfWork(factory) as uow:
        found = await uow.people.get_by_telegram_id(TEACHER)
    await engine.dispose()
    assert found is not None
    assert (
        found.full_name,
        found.iin,
        found.phone,
        found.position,
        found.school_name,
        found.employer_contact,
    ) == (NAME, IIN, "+77021112233", "математика пәнінің мұғалімі", SCHOOL, "hr@school45.kz")
