"""Check-ins under concurrent updates, fed as aiogram's polling feeds them (one task per
update, 50 in flight): every listener gets exactly one attendance row and one answer, the row
is committed before the answer leaves, and SQLite never says "database is locked"."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType

from bot.dev.testing import Harness, RecordingSession, make_user, texts
from bot.runtime.container import Services
from domain.checkin_codes import code_for
from domain.model import Lang
from tests.bot.checkin.factories import World, add_person, build_world, enroll

SECRET = b"test-secret"
NOW = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)  # today's session runs 10:00–11:30 UTC
LISTENERS = 50
FIRST_TG = 720_000

DONE_RU = (
    "✅ Вы отмечены на занятии: Функциональная грамотность, 23 ноября, понедельник, "
    "15:00.\nПосещаемость: 1 из 5 (20 %)."
)
DONE_KK = (
    "✅ Қатысуыңыз белгіленді: Функционалдық сауаттылық, 23 қараша, дүйсенбі, "
    "15:00.\nҚатысқан сабақтарыңыз: 1, барлық сабақ саны — 5 (20 %)."
)
ALREADY_KK = (
    "Бұл сабаққа қатысуыңыз бұрын белгіленген.\n"
    "Қатысқан сабақтарыңыз: 1, барлық сабақ саны — 5 (20 %)."
)


class CommittedBeforeReply(RecordingSession):
    """Before recording an answer, looks in the database (through another connection) for
    the attendance of the chat it goes to: what it finds was committed before the reply."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.stored_when_answered: dict[int, int] = {}

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> TelegramType:
        if isinstance(method, SendMessage):
            async with self.services.uow_factory(read_only=True) as uow:
                person = await uow.people.get_by_telegram_id(int(method.chat_id))
                assert person is not None and person.id is not None
                rows = 0
                for enrollment in await uow.enrollments.for_person(person.id):
                    assert enrollment.id is not None
                    rows += await uow.attendance.count_attended(enrollment.id)
            self.stored_when_answered[int(method.chat_id)] = rows
        return await super().make_request(bot, method, timeout)


async def _listeners(services: Services, world: World) -> list[tuple[int, Lang]]:
    listeners: list[tuple[int, Lang]] = []
    for offset in range(LISTENERS):
        lang: Lang = "kk" if offset % 2 else "ru"
        person = await add_person(services, FIRST_TG + offset, lang, f"Тыңдаушы {offset}")
        await enroll(services, person, world.cohort)
        listeners.append((FIRST_TG + offset, lang))
    return listeners


async def _attendance_rows(services: Services, world: World) -> int:
    assert world.session.id is not None
    async with services.uow_factory(read_only=True) as uow:
        return len(await uow.attendance.for_session(world.session.id))


async def test_fifty_concurrent_check_ins_store_fifty_rows_and_answer_each_after_commit(
    harness: Harness, services: Services, clock: Any, caplog: pytest.LogCaptureFixture
) -> None:
    world = await build_world(services)
    listeners = await _listeners(services, world)
    clock.now = NOW
    assert world.session.id is not None
    code = code_for(SECRET, world.session.id, NOW)
    recorder = CommittedBeforeReply(services)
    harness.bot.session = recorder
    harness.session = recorder
    updates = [harness.text_update(make_user(tg, lang), code) for tg, lang in listeners]

    with caplog.at_level(logging.WARNING):
        await harness.feed_concurrently(updates, in_flight=50)

    assert await _attendance_rows(services, world) == LISTENERS
    answers = {int(r.chat_id): r.text for r in recorder.requests if isinstance(r, SendMessage)}
    assert len([r for r in recorder.requests if isinstance(r, SendMessage)]) == LISTENERS
    assert answers == {tg: DONE_KK if lang == "kk" else DONE_RU for tg, lang in listeners}
    assert recorder.stored_when_answered == {tg: 1 for tg, _ in listeners}
    assert "database is locked" not in caplog.text


async def test_a_double_tap_fed_concurrently_stores_one_row_and_answers_done_then_already(
    harness: Harness, services: Services, clock: Any
) -> None:
    world = await build_world(services)
    person = await add_person(services, FIRST_TG, "kk", "Айгүл Серікбаева")
    await enroll(services, person, world.cohort)
    clock.now = NOW
    assert world.session.id is not None
    user = make_user(FIRST_TG, "kk")
    code = code_for(SECRET, world.session.id, NOW)
    updates = [harness.text_update(user, code), harness.text_update(user, code)]

    await harness.feed_concurrently(updates, in_flight=50)

    assert await _attendance_rows(services, world) == 1
    assert sorted(texts(harness.session.requests)) == sorted([DONE_KK, ALREADY_KK])
