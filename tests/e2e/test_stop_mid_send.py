"""The bot is stopped while Telegram is still answering one of its sends: the teacher gets the
message once. aiogram's polling closes the bot's HTTP session when it stops; if that came before
the delivery worker had its answer, the request was cut off after Telegram had taken it, the
worker saw a network error and sent the message again after the restart (a CI run caught a
certificate delivered twice this way).
"""

from __future__ import annotations

import asyncio
import signal
import socket
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.dev.bench.fixtures import running_cohort
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.faults import Fault
from bot.dev.sandbox.runner import Sandbox, start_bot
from domain.notifications import text_notice
from domain.services.enrollment import NOTICE_APPROVED
from storage.migrate import upgrade_database
from tests.e2e.chat import Chat, body
from tests.e2e.processes import (
    BOT_SECRET,
    STARTUP_SECONDS,
    BotProcess,
    emulator_only,
    settled,
    until,
)
from tests.e2e.test_two_instances import uow_on

pytestmark = pytest.mark.e2e

TEACHER = 820_001
SLOW_ANSWER_SECONDS = 1.5


@pytest.mark.parametrize(
    "lang, expected", [("kk", "өтінішіңіз мақұлданды"), ("ru", "одобрено")], ids=["kk", "ru"]
)
async def test_a_send_in_flight_when_the_bot_stops_arrives_once(
    sandbox: Sandbox, client: SandboxClient, tmp_path: Path, lang: str, expected: str
) -> None:
    await client.create_user(TEACHER, "Айгүл", lang)
    sandbox.emulator.users[TEACHER].started = True
    # Telegram is slow with this one message, but it does deliver it
    await client.faults(
        kind="timeout",
        method="sendMessage",
        chat_id=TEACHER,
        delay=SLOW_ANSWER_SECONDS,
        execute=True,
    )
    services = sandbox.services
    async with services.uow_factory() as uow:
        await uow.outbox.enqueue(
            text_notice(
                TEACHER, lang, NOTICE_APPROVED, "stop-mid-send", services.clock(), topic="Физика"
            )
        )
        await uow.commit()
    await until(
        lambda: any(call.fault == "timeout" for call in sandbox.emulator.calls),
        30,
        "the send to reach Telegram",
    )

    await sandbox.stop_bot()
    assert sandbox.emulator.delivered[TEACHER] == 1, "the stop did not wait for Telegram's answer"
    async with services.uow_factory() as uow:
        row = await uow.outbox.get_by_dedup_key("stop-mid-send")
    assert row is not None and (str(row.status), row.attempts) == ("sent", 0), row

    await start_bot(sandbox, f"sqlite+aiosqlite:///{tmp_path / 'e2e.db'}", demo_data=False)
    await asyncio.sleep(3)  # a repeat (retried after 1–2 s) would arrive now
    messages = await client.messages(TEACHER)
    assert sandbox.emulator.delivered[TEACHER] == 1 == len(messages)
    assert expected in body(messages[0]) and "«Физика»" in body(messages[0])


@pytest.mark.parametrize("command", [("run",), ("run", "--webhook")], ids=["polling", "webhook"])
async def test_sigterm_while_telegram_answers_a_send_leaves_it_sent_once(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`biliktilik run` and `run --webhook` as deployed, stopped by SIGTERM mid-send."""
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    await upgrade_database(database_url)
    engine, uow_factory = await uow_on(database_url)
    async with emulator_only() as sandbox:
        sandbox.emulator.add_user(TEACHER, "Айгүл", None, None, "kk")
        sandbox.emulator.users[TEACHER].started = True
        sandbox.emulator.faults.add(
            Fault("timeout", method="sendMessage", chat_id=TEACHER, delay=2.0, execute=True)
        )
        async with uow_factory() as uow:
            await uow.outbox.enqueue(
                text_notice(
                    TEACHER,
                    "kk",
                    NOTICE_APPROVED,
                    "sigterm-mid-send",
                    datetime.now(UTC),
                    topic="Физика",
                )
            )
            await uow.commit()
        bot = BotProcess(
            sandbox,
            database_url,
            tmp_path,
            WEBHOOK_URL="http://127.0.0.1:9/webhook",  # never called: no update is sent
            WEBHOOK_HOST="127.0.0.1",
            WEBHOOK_PORT="0",
        )
        bot.start(*command)
        try:
            await until(
                lambda: any(call.fault == "timeout" for call in sandbox.emulator.calls),
                STARTUP_SECONDS,
                "the send to reach Telegram",
            )
            exit_code = await bot.terminate()
        finally:
            bot.stop()
        assert exit_code == 0, bot.output()
        assert sandbox.emulator.delivered[TEACHER] == 1, bot.output()
        async with uow_factory() as uow:
            row = await uow.outbox.get_by_dedup_key("sigterm-mid-send")
        assert row is not None and (str(row.status), row.attempts) == ("sent", 0), (
            row,
            bot.output(),
        )
    await engine.dispose()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])
async def test_sigterm_while_a_check_in_waits_for_the_database_still_answers_it(
    tmp_path: Path, webhook: bool
) -> None:
    """Deployed mid-lesson: the teacher's code arrived, her check-in waits for the database
    (another process holds the write lock); SIGTERM now must not drop it unanswered."""
    from domain.checkin_codes import code_for

    database_file = tmp_path / "bot.db"
    database_url = f"sqlite+aiosqlite:///{database_file}"
    await upgrade_database(database_url)
    engine, uow_factory = await uow_on(database_url)
    lesson = await running_cohort(uow_factory, 1, first_id=TEACHER, now=datetime.now(UTC))
    await engine.dispose()
    session_id = lesson.session_id
    code = code_for(BOT_SECRET.encode(), session_id, datetime.now(UTC))
    async with emulator_only() as sandbox:
        port = _free_port()
        bot = BotProcess(
            sandbox,
            database_url,
            tmp_path,
            WEBHOOK_URL=f"http://127.0.0.1:{port}/webhook",
            WEBHOOK_HOST="127.0.0.1",
            WEBHOOK_PORT=str(port),
        ).start(*(("run", "--webhook") if webhook else ("run",)))
        try:
            async with SandboxClient(sandbox.url) as client:
                await client.create_user(TEACHER, "Айгүл", "kk")
                teacher = Chat(client, TEACHER, timeout=STARTUP_SECONDS)
                await teacher.say("/help", lambda m: True)  # the bot is up and answering
                backup = sqlite3.connect(database_file, isolation_level=None)
                backup.execute("BEGIN IMMEDIATE")  # as a long backup or a migration would
                try:
                    await client.send(TEACHER, code)
                    await settled(sandbox.emulator)  # the bot took the update…
                    await asyncio.sleep(0.5)  # …and its check-in is waiting for the lock
                    bot.process.send_signal(signal.SIGTERM)
                    await asyncio.sleep(0.5)
                finally:
                    backup.rollback()
                    backup.close()
                exit_code = await asyncio.to_thread(bot.process.wait, 60)
                answer = await teacher.expect(lambda m: "✅" in body(m), timeout=5)
        finally:
            bot.stop()
    assert exit_code == 0, bot.output()
    assert "Қатысуыңыз белгіленді" in body(answer), body(answer)
    engine, uow_factory = await uow_on(database_url)
    async with uow_factory(read_only=True) as uow:
        person = await uow.people.get_by_telegram_id(TEACHER)
        [enrollment] = await uow.enrollments.for_person(person.id)
        assert await uow.attendance.count_attended(enrollment.id) == 1
    await engine.dispose()
