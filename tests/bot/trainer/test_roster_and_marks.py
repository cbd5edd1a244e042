"""The roster (attendance % per listener, failed attempts), marks by hand with a reason, and
the one-time warning when a listener can no longer reach 80 % (§24.3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import InlineKeyboardMarkup, PhotoSize

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.runtime.container import Services
from bot.runtime.delivery import DeliveryWorker
from bot.runtime.jobs.reminders import warn_attendance
from domain.checkin_codes import code_for
from domain.model import AttendanceMethod
from domain.services.trainer import (
    MARK_ACTION,
    MarkOutcome,
    mark_present,
    warn_unreachable_attendance,
)
from tests.bot.checkin.factories import (
    OTHER_TRAINER_TG,
    TEACHER_KK_TG,
    TEACHER_RU_TG,
    TRAINER_TG,
    World,
    add_person,
    build_world,
    enroll,
)
from tests.conftest import FakeClock

SECRET = b"test-secret"
DURING = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)


def mark_data(world: World, person_id: int | None) -> str:
    return f"tgm:{world.session.id}:{world.enrollments[person_id or 0].id}"


async def test_roster_shows_presence_percent_and_failed_attempts(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = DURING
    right = code_for(SECRET, world.session.id or 0, clock.now)
    await harness.send(make_user(TEACHER_KK_TG, "kk"), "000001" if right != "000001" else "000002")
    await harness.send(make_user(TEACHER_KK_TG, "kk"), right)
    sent = await harness.press(make_user(TRAINER_TG, "ru"), f"tgs:roster:{world.session.id}")
    [message] = [r for r in sent if isinstance(r, SendMessage)]
    assert message.text == (
        "👥 Поток ФГ-2026-01, занятие 23 ноября, понедельник, 15:00. Посещаемость считается от "
        "всех занятий по расписанию: 5 занятий.\n"
        "▫️ Иванова Мария — 0 из 5 (0 %)\n"
        "✅ Сейітова Айгүл — 1 из 5 (20 %), неверных кодов: 1\n"
        "Чтобы отметить слушателя вручную, нажмите на его имя."
    )
    assert isinstance(message.reply_markup, InlineKeyboardMarkup)
    assert [
        (b.text, b.callback_data) for row in message.reply_markup.inline_keyboard for b in row
    ] == [("✍ Отметить: Иванова Мария", mark_data(world, world.teacher.id))]


async def test_trainer_marks_a_listener_by_hand_with_a_reason(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = DURING
    trainer = make_user(TRAINER_TG, "ru")
    sent = await harness.press(trainer, mark_data(world, world.teacher.id))
    assert texts(sent) == [
        "Отметка вручную: Иванова Мария. Напишите причину отметки (до 300 знаков):"
    ]
    assert texts(
        await harness.send_message(
            trainer, photo=[PhotoSize(file_id="p", file_unique_id="u", width=1, height=1)]
        )
    ) == ["Отправьте ответ текстом."]
    assert texts(await harness.send(trainer, "x" * 301)) == [
        "Слишком длинный текст: 301 симв., допускается не больше 300. "
        "Сократите и отправьте ещё раз."
    ]
    sent = await harness.send(trainer, "Телефон разрядился, была на занятии <весь день>")
    assert texts(sent) == [
        "✍ Отметка вручную: Иванова Мария\n\n"
        "<b>Причина:</b> Телефон разрядился, была на занятии &lt;весь день&gt;\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    enrollment = world.enrollments[world.teacher.id or 0]
    async with services.uow_factory() as uow:  # nothing marked before Confirm
        assert await uow.attendance.get(enrollment.id or 0, world.session.id or 0) is None
    sent = await harness.press(trainer, button_data(sent, "Отметить присутствие"))
    assert texts(sent)[-1].endswith(
        "✅ Иванова Мария отмечен(а) на занятии вручную. Причина: Телефон разрядился, была на "
        "занятии &lt;весь день&gt;"
    )
    async with services.uow_factory() as uow:
        mark = await uow.attendance.get(enrollment.id or 0, world.session.id or 0)
        audit = await uow.audit.for_entity("attendance", f"{enrollment.id}:{world.session.id}")
    assert mark is not None and mark.method is AttendanceMethod.MANUAL
    assert mark.marked_by == world.trainer.id
    assert mark.reason == "Телефон разрядился, была на занятии <весь день>"
    assert [(a.action, a.actor_id, a.before, a.after) for a in audit] == [
        (
            MARK_ACTION,
            world.trainer.id,
            {"present": False},
            {
                "present": True,
                "method": "manual",
                "reason": "Телефон разрядился, была на занятии <весь день>",
            },
        )
    ]
    # a second mark: refused, nothing new stored; the teacher's own code now says "already"
    sent = await harness.press(trainer, mark_data(world, world.teacher.id))
    assert texts(sent) == ["Иванова Мария уже отмечен(а) на этом занятии."]
    sent = await harness.send(
        make_user(TEACHER_RU_TG, "ru"), code_for(SECRET, world.session.id or 0, clock.now)
    )
    assert texts(sent) == ["Вы уже отмечены на этом занятии.\nПосещаемость: 1 из 5 (20 %)."]


async def test_marks_are_refused_before_the_session_and_for_another_cohort(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    trainer = make_user(TRAINER_TG, "ru")
    clock.now = datetime(2026, 11, 23, 9, 44, 59, tzinfo=UTC)
    assert texts(await harness.press(trainer, mark_data(world, world.teacher.id))) == [
        "Занятие ещё не началось: отмечать вручную можно с начала отметки, за 15 минут до занятия."
    ]
    clock.now = DURING
    stranger = await add_person(services, 740_001, "kk", "Басқа Тыңдаушы")
    elsewhere = await enroll(services, stranger, world.other_cohort)
    sent = await harness.press(trainer, f"tgm:{world.session.id}:{elsewhere.id}")
    assert texts(sent) == ["Этот слушатель не учится в потоке занятия; ничего не изменено."]
    async with services.uow_factory() as uow:
        assert await uow.attendance.for_session(world.session.id or 0) == []


async def test_kazakh_trainer_marks_in_kazakh(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    async with services.uow_factory() as uow:
        trainer = await uow.people.get(world.trainer.id or 0)
        assert trainer is not None
        trainer.language = "kk"
        await uow.people.update(trainer)
        await uow.commit()
    clock.now = DURING
    user = make_user(TRAINER_TG, "kk")
    assert texts(await harness.press(user, mark_data(world, world.teacher_kk.id))) == [
        "Сейітова Айгүл: қатысуы неге қолмен белгіленеді? Себебін жазыңыз (300 таңбаға дейін):"
    ]
    sent = await harness.send(user, "Телефоны отырып қалды")
    assert texts(sent)[0].startswith(
        "✍ Қатысуды қолмен белгілеу: Сейітова Айгүл\n\n<b>Себебі:</b> Телефоны отырып қалды"
    )
    sent = await harness.press(user, button_data(sent, "Артқа"))
    assert texts(sent)[0].startswith("Сейітова Айгүл: қатысуы неге қолмен белгіленеді?")
    sent = await harness.press(user, button_data(sent, "Бас тарту"))
    assert texts(sent)[-1].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    async with services.uow_factory() as uow:
        assert await uow.attendance.for_session(world.session.id or 0) == []


async def outbox_keys(services: Services) -> dict[str, tuple[int, str, dict[str, object]]]:
    from sqlalchemy import select

    from storage.models import OutboxRow

    async with services.uow_factory() as uow:
        rows = (await uow.session.scalars(select(OutboxRow))).all()
        return {r.dedup_key: (r.chat_id, r.payload["key"], r.payload["args"]) for r in rows}


async def test_warning_once_when_80_percent_becomes_unreachable(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)  # 5 sessions: 80 % = 4 of them
    # the Kazakh listener attends the first session, the Russian one misses it
    clock.now = DURING
    await harness.send(
        make_user(TEACHER_KK_TG, "kk"), code_for(SECRET, world.session.id or 0, clock.now)
    )
    clock.now = world.sessions[0].ends_at
    assert (
        await warn_unreachable_attendance(services.uow_factory, world.cohort.id or 0, clock.now)
        == 0
    )  # 1 missed: 4 of 5 still possible
    clock.now = world.sessions[1].ends_at + timedelta(minutes=5)  # the second is missed too
    assert await warn_attendance(harness.bot, services) == 2
    enrollment = world.enrollments[world.teacher.id or 0]
    found = await outbox_keys(services)
    [trainer_key] = [k for k in found if k.startswith(f"attendance-warnings:{world.cohort.id}:")]
    assert found == {
        f"attendance-warning:{enrollment.id}:{world.teacher.id}": (
            TEACHER_RU_TG,
            "trainer-warning-to-teacher",
            {
                "cohort": "ФГ-2026-01",
                "attended": 0,
                "total": 5,
                "needed": 4,
                "remaining": 3,
                "topic": "Функциональная грамотность",
            },
        ),
        trainer_key: (TRAINER_TG, "", {}),  # its list is read when it is sent
    }
    # runs again later (or on a second instance): nothing new
    clock.advance(minutes=10)
    assert await warn_attendance(harness.bot, services) == 0
    assert await outbox_keys(services) == found
    await DeliveryWorker(harness.bot, services, worker_id="test").run_once()
    [told] = [
        r
        for r in harness.session.requests
        if isinstance(r, SendMessage) and r.chat_id == TRAINER_TG
    ]
    assert told.text == (
        "⚠ Поток ФГ-2026-01: эти слушатели уже не могут набрать 80 % посещаемости "
        "(п. 24.3 Правил), данные на момент отправки:\n"
        "• Иванова Мария — посещено 0 из 5, осталось занятий: 3"
    )


async def test_listeners_out_of_reach_together_come_as_one_message_with_numbers_when_sent(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    """Issue 13: five listeners out of reach at once were five messages, and a message held
    back showed the numbers of when it was queued."""
    world = await build_world(services)
    for n in range(3):
        person = await add_person(services, 730_000 + n, "kk", f"Тыңдаушы{n} Әлиева")
        await enroll(services, person, world.cohort)
    clock.now = world.sessions[1].ends_at + timedelta(minutes=5)  # two missed by everyone
    await warn_attendance(harness.bot, services)
    clock.now = world.sessions[2].ends_at + timedelta(minutes=5)  # held back a day: 3 missed
    await DeliveryWorker(harness.bot, services, worker_id="test").run_once()
    to_trainer = [
        r
        for r in harness.session.requests
        if isinstance(r, SendMessage) and r.chat_id == TRAINER_TG
    ]
    assert len(to_trainer) == 1
    lines = to_trainer[0].text.split("\n")
    assert len(lines) == 1 + 5  # the heading and every listener out of reach
    assert "• Иванова Мария — посещено 0 из 5, осталось занятий: 2" in lines


async def test_roster_refused_to_listener_with_forged_button(
    harness: Harness, services: Services
) -> None:
    world = await build_world(services)
    sent = await harness.press(make_user(TEACHER_KK_TG, "kk"), f"tgs:roster:{world.session.id}")
    assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [
        "Бұл тек тренерлерге қолжетімді. Әрекет журналға жазылды."
    ]
    assert not [r for r in sent if isinstance(r, SendMessage)]


async def test_roster_lists_names_in_kazakh_and_russian_alphabetical_order(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    """Item 12: Ә, Қ, Ө, Ұ names no longer come after Я; І follows Ы in a Kazakh cohort and
    И in a Russian one."""
    world = await build_world(services)
    clock.now = DURING
    names = ["Яковлева Яна", "Ұлықпанов Ерлан", "Әлімова Дана", "Ілиясова Іңкәр",
             "Қасенов Бақыт", "Ыбыраев Нұр", "Өтегенов Асан", "Бекова Сара"]  # fmt: skip
    for i, name in enumerate(names):
        person = await add_person(services, 760_000 + i, "kk", name)
        await enroll(services, person, world.cohort)
        await enroll(services, person, world.other_cohort)

    async def listed(trainer_tg: int, lang: str, session_id: int | None) -> list[str]:
        sent = await harness.press(make_user(trainer_tg, lang), f"tgs:roster:{session_id}")
        text = "\n".join(texts(sent))
        return [line[2:].split(" — ")[0].strip() for line in text.splitlines() if " — " in line]

    assert await listed(TRAINER_TG, "ru", world.session.id) == [
        "Әлімова Дана", "Бекова Сара", "Иванова Мария", "Ілиясова Іңкәр", "Қасенов Бақыт",
        "Өтегенов Асан", "Сейітова Айгүл", "Ұлықпанов Ерлан", "Ыбыраев Нұр", "Яковлева Яна",
    ]  # fmt: skip
    assert await listed(OTHER_TRAINER_TG, "kk", world.other_session.id) == [
        "Әлімова Дана", "Бекова Сара", "Қасенов Бақыт", "Өтегенов Асан", "Ұлықпанов Ерлан",
        "Ыбыраев Нұр", "Ілиясова Іңкәр", "Яковлева Яна",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Без Договора ещё не принял(а) договор на обучение (п. 24 Правил): отметить "
               "посещение можно только после того, как договор принят. Ничего не изменено."),
        ("kk", "Без Договора оқуға арналған шартты әлі қабылдаған жоқ (Қағидалардың 24-тармағы): "
               "шарт қабылданғаннан кейін ғана қатысуды белгілеуге болады. Ештеңе өзгертілмеді."),
    ],
)  # fmt: skip
async def test_a_hand_mark_does_not_bypass_the_agreement(
    harness: Harness, services: Services, clock: FakeClock, lang: str, expected: str
) -> None:
    """§24: no attendance before the agreement is accepted, by code or by the trainer's hand."""
    world = await build_world(services)
    async with services.uow_factory() as uow:
        own = await uow.people.get(world.trainer.id or 0)
        assert own is not None
        own.language = lang
        await uow.people.update(own)
        await uow.commit()
    clock.now = DURING
    listener = await add_person(services, 741_001, lang, "Без Договора")
    unsigned = await enroll(services, listener, world.cohort, accepted_at=None)
    trainer = make_user(TRAINER_TG, lang)
    sent = await harness.press(trainer, f"tgm:{world.session.id}:{unsigned.id}")
    assert texts(sent) == [expected]
    # a forged "reason" step cannot store it either
    outcome = await mark_present(
        services.uow_factory, world.trainer, world.session.id or 0, unsigned.id or 0, "был", DURING
    )
    assert outcome is MarkOutcome.AGREEMENT_NOT_ACCEPTED
    async with services.uow_factory() as uow:
        assert await uow.attendance.get(unsigned.id or 0, world.session.id or 0) is None
