"""The database locked or unreachable for a while: what the person reads, what the outbox does.

The failures are injected where the real ones surface (a write transaction's BEGIN, a
repository call); tests/e2e/test_database_outage.py does it with a real lock and a real
refused connection.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from aiogram.methods import SendDocument, SendMessage
from sqlalchemy.exc import OperationalError
from tenacity import wait_none

import bot.runtime.delivery
from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from bot.runtime.db_outage import OutagePause, is_database_unavailable
from bot.runtime.delivery import DeliveryWorker
from domain.model import OutboxStatus
from domain.notifications import document_notice, text_notice
from storage.repositories.certificates import DocumentsRepository
from storage.repositories.outbox import OutboxRepository
from storage.uow import SqlAlchemyUnitOfWork
from tests.conftest import FakeClock

UNAVAILABLE_KK = (
    "Қызмет уақытша қолжетімсіз, соңғы әрекетіңіз сақталмады. Бір минуттан кейін қайталап "
    "көріңіз: бұған дейін енгізген деректеріңіз сақтаулы."
)
UNAVAILABLE_RU = (
    "Сервис временно недоступен, ваше последнее действие не сохранено. Повторите его через "
    "минуту: всё, что вы ввели раньше, сохранено."
)


def locked() -> OperationalError:
    return OperationalError("BEGIN IMMEDIATE", {}, sqlite3.OperationalError("database is locked"))


class Failing:
    """Raises `error` on the first `times` calls, then lets the real method run."""

    def __init__(self, real: Any, error: BaseException, times: int = 1_000_000) -> None:
        self.real, self.error, self.left, self.calls = real, error, times, 0

    def __get__(self, instance: Any, owner: Any) -> Any:
        async def call(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.left > 0:
                self.left -= 1
                raise self.error
            return await self.real(instance, *args, **kwargs)

        return call


# --- what counts as "the database is away" ---------------------------------------------------


def test_lock_and_refused_connection_count_and_real_bugs_do_not() -> None:
    assert is_database_unavailable(locked())
    assert is_database_unavailable(ConnectionRefusedError(111, "Connect call failed"))
    from redis.exceptions import ConnectionError as RedisConnectionError

    assert is_database_unavailable(RedisConnectionError("Error 111 connecting to 127.0.0.1:6379"))
    try:
        try:
            raise ConnectionRefusedError(111, "refused")
        except ConnectionRefusedError as inner:
            raise RuntimeError("while loading the person") from inner
    except RuntimeError as wrapped:
        assert is_database_unavailable(wrapped)
    no_table = OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: people"))
    assert not is_database_unavailable(no_table)
    assert not is_database_unavailable(KeyError("full_name"))
    assert not is_database_unavailable(ValueError("bad"))
    assert not is_database_unavailable(None)


async def test_a_job_pauses_one_two_four_seconds_and_resumes_after_a_success() -> None:
    now = [100.0]
    pause = OutagePause("outbox", clock=lambda: now[0])
    runs: list[str] = []

    async def down() -> None:
        runs.append("down")
        raise locked()

    async def up() -> str:
        runs.append("up")
        return "done"

    assert await pause.run(down) is None  # failed: paused for 1 s
    now[0] += 0.9
    assert await pause.run(up) is None and runs == ["down"]  # still paused: not even tried
    now[0] += 0.1
    await pause.run(down)  # second failure: 2 s
    now[0] += 1.9
    assert await pause.run(up) is None
    now[0] += 0.1
    await pause.run(down)  # third: 4 s
    assert pause.pause_seconds == 4
    now[0] += 4
    assert await pause.run(up) == "done"
    assert pause.failures == 0 and runs == ["down", "down", "down", "up"]
    assert await pause.run(up) == "done"  # no pause after a success

    async def bug() -> None:
        raise ValueError("a bug is not an outage")

    with pytest.raises(ValueError):
        await pause.run(bug)


# --- what the person reads ----------------------------------------------------------------


async def registered(harness: Harness, user_id: int, telegram_lang: str, chosen: str) -> Any:
    user = make_user(user_id, language_code=telegram_lang)
    await harness.send(user, "/start")
    await harness.press(user, f"lang:{chosen}")
    return user


async def test_writes_locked_reads_possible_the_person_reads_it_in_her_chosen_language(
    harness: Harness, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    kk = await registered(harness, 301, telegram_lang="ru", chosen="kk")
    ru = await registered(harness, 302, telegram_lang="kk", chosen="ru")
    # SQLite under another's write lock: every write transaction fails to begin, reads work
    monkeypatch.setattr(SqlAlchemyUnitOfWork, "__aenter__", Failing(None, locked()))
    assert texts(await harness.send(kk, "/profile")) == [UNAVAILABLE_KK]
    assert texts(await harness.send(ru, "/profile")) == [UNAVAILABLE_RU]
    sent = await harness.press(ru, "lang:kk")  # a button: its spinner stops, the text follows
    assert [type(r).__name__ for r in sent] == ["AnswerCallbackQuery", "SendMessage"]
    assert texts(sent) == [UNAVAILABLE_RU]
    monkeypatch.undo()
    assert "Дербес деректерді жинауға" in texts(await harness.send(kk, "/profile"))[0]


async def test_database_unreachable_the_telegram_language_is_used(
    harness: Harness, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.repositories.people import PeopleRepository

    await registered(harness, 303, telegram_lang="kk", chosen="kk")
    await registered(harness, 304, telegram_lang="ru", chosen="ru")
    refused = ConnectionRefusedError(111, "Connect call failed ('127.0.0.1', 5432)")
    monkeypatch.setattr(SqlAlchemyUnitOfWork, "__aenter__", Failing(None, refused))
    real = PeopleRepository.get_by_telegram_id
    monkeypatch.setattr(PeopleRepository, "get_by_telegram_id", Failing(real, refused))
    assert texts(await harness.send(make_user(303, "kk"), "/menu")) == [UNAVAILABLE_KK]
    assert texts(await harness.send(make_user(304, "ru"), "/menu")) == [UNAVAILABLE_RU]


async def test_a_form_step_that_cannot_be_saved_stays_where_it_was(
    harness: Harness, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.fsm import DatabaseFsmStorage

    kk = await registered(harness, 305, telegram_lang="kk", chosen="kk")
    await harness.send(kk, "/profile")
    await harness.press(kk, "tcons:yes")
    real = DatabaseFsmStorage._upsert
    monkeypatch.setattr(DatabaseFsmStorage, "_upsert", Failing(real, locked()))
    assert texts(await harness.send(kk, "Жұмабекова Әсел Қайратқызы")) == [UNAVAILABLE_KK]
    monkeypatch.undo()
    assert texts(await harness.send(kk, "Жұмабекова Әсел Қайратқызы"))[0].startswith(
        "ЖСН-ді енгізіңіз"
    )


async def test_a_real_bug_still_gets_the_general_apology(
    harness: Harness, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    ru = await registered(harness, 306, telegram_lang="ru", chosen="ru")
    bug = OperationalError("SELECT", {}, sqlite3.OperationalError("no such column: x"))
    monkeypatch.setattr(SqlAlchemyUnitOfWork, "__aenter__", Failing(None, bug))
    assert texts(await harness.send(ru, "/menu")) == [
        "Извините, что-то пошло не так. Мы уже разбираемся; попробуйте ещё раз чуть позже."
    ]


# --- the outbox ------------------------------------------------------------------------------


async def statuses(services: Services) -> dict[OutboxStatus, int]:
    async with services.uow_factory() as uow:
        return {k: v for k, v in (await uow.outbox.count_by_status()).items() if v}


async def test_a_sent_message_is_recorded_once_the_database_is_back_and_never_resent(
    harness: Harness, services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with services.uow_factory() as uow:
        await uow.outbox.enqueue(text_notice(401, "kk", "cancel-done", "o:1", clock()))
        await uow.commit()
    monkeypatch.setattr(bot.runtime.delivery, "RECORD_SENT_WAIT", wait_none())
    failing = Failing(OutboxRepository.mark_sent, locked(), times=3)
    monkeypatch.setattr(OutboxRepository, "mark_sent", failing)
    worker = DeliveryWorker(harness.bot, services, worker_id="test")
    report = await worker.run_once()
    assert (report.sent, failing.calls) == (1, 4)  # three refusals, then recorded
    assert await statuses(services) == {OutboxStatus.SENT: 1}
    clock.advance(hours=1)  # long past the lease
    await worker.run_once()
    sent = [r for r in harness.session.requests if isinstance(r, SendMessage)]
    assert [(r.chat_id, r.text) for r in sent] == [
        (401, "Әрекет тоқтатылды. Енгізілген деректер сақталмады.")
    ]


async def test_a_document_that_cannot_be_read_now_is_retried_not_given_up(
    harness: Harness, services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with services.uow_factory() as uow:
        await uow.outbox.enqueue(
            document_notice(402, "ru", 1, "cancel-done", "o:doc", clock())  # no such file yet
        )
        await uow.commit()
    monkeypatch.setattr(DocumentsRepository, "get", Failing(DocumentsRepository.get, locked()))
    report = await DeliveryWorker(harness.bot, services, worker_id="test").run_once()
    assert (report.sent, report.retried, report.failed) == (0, 1, 0)
    async with services.uow_factory() as uow:
        row = await uow.outbox.get_by_dedup_key("o:doc")
    assert row is not None and row.status is OutboxStatus.PENDING and row.attempts == 1
    assert not [r for r in harness.session.requests if isinstance(r, SendDocument)]


async def test_the_delivery_job_survives_a_locked_claim_and_delivers_after_its_pause(
    harness: Harness, services: Services, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with services.uow_factory() as uow:
        await uow.outbox.enqueue(text_notice(403, "ru", "cancel-done", "o:2", clock()))
        await uow.commit()
    worker = DeliveryWorker(harness.bot, services, worker_id="test")
    now = [0.0]
    pause = OutagePause("outbox", clock=lambda: now[0])
    monkeypatch.setattr(
        OutboxRepository, "claim_due", Failing(OutboxRepository.claim_due, locked(), times=1)
    )
    assert await pause.run(worker.run_once) is None  # refused: the job pauses, no traceback
    assert await statuses(services) == {OutboxStatus.PENDING: 1}
    now[0] += pause.pause_seconds
    report = await pause.run(worker.run_once)
    assert report is not None and report.sent == 1
    assert await statuses(services) == {OutboxStatus.SENT: 1}
