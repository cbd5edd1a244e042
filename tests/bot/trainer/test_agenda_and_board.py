"""The trainer's day: agenda, the live check-in board (code + QR, refreshed every 30 s), and
refusals for everyone who does not train that cohort."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageCaption,
    EditMessageMedia,
    SendDocument,
    SendPhoto,
)
from aiogram.types import BufferedInputFile, InlineKeyboardMarkup
from icalendar import Calendar

from bot.dev.testing import Harness, make_user, texts
from bot.handlers.trainer.board import LiveBoards, refresh_board
from bot.runtime.container import Services
from domain.checkin_codes import code_for, display_code
from domain.services.trainer import REFUSED_ACTION
from tests.bot.checkin.factories import (
    OTHER_TRAINER_TG,
    TEACHER_KK_TG,
    TEACHER_RU_TG,
    TRAINER_TG,
    World,
    build_world,
)
from tests.conftest import FakeClock
from tests.documents.pdfutil import tool

SECRET = b"test-secret"
REFUSED_RU = "Это доступно только тренерам этого потока. Попытка записана в журнал."
REFUSED_KK = "Бұл тек осы ағынның тренерлеріне қолжетімді. Әрекет журналға жазылды."


async def refusals(services: Services, telegram_id: int) -> list[dict[str, object]]:
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        assert person is not None
        entries = await uow.audit.for_entity("person", str(person.id))
    return [e.after or {} for e in entries if e.action == REFUSED_ACTION]


def buttons(request: object) -> list[tuple[str, str]]:
    markup = getattr(request, "reply_markup", None)
    assert isinstance(markup, InlineKeyboardMarkup)
    return [(b.text, b.callback_data or "") for row in markup.inline_keyboard for b in row]


async def test_agenda_lists_only_todays_sessions_of_own_cohorts(
    harness: Harness, services: Services
) -> None:
    world = await build_world(services)
    sent = await harness.send(make_user(TRAINER_TG, "ru"), "/today")
    assert texts(sent) == [
        "🧑‍🏫 Ваши занятия на сегодня, 23 ноября 2026\u202fг.:\n"
        "• 15:00–16:30 · поток ФГ-2026-01 · Функциональная грамотность\n"
        "  📍 ауд. 204"
    ]
    sid = world.session.id
    assert buttons(sent[0]) == [
        ("15:00 ▶️ Отметка", f"tgs:start:{sid}"),
        ("15:00 👥 Слушатели", f"tgs:roster:{sid}"),
        ("📅 В календарь: ФГ-2026-01", f"tgc:{world.cohort.id}"),
    ]
    sent = await harness.send(make_user(OTHER_TRAINER_TG, "kk"), "🧑‍🏫 Сабақтарым")
    assert texts(sent) == [
        "🧑‍🏫 Бүгінгі сабақтарыңыз, 2026\u202fж. 23 қараша:\n"
        "• 15:00–16:30 · ФГ-2026-02 ағыны · Функционалдық сауаттылық\n"
        "  📍 https://meet.example/fg2"
    ]


async def test_agenda_of_a_free_day(harness: Harness, services: Services, clock: FakeClock) -> None:
    await build_world(services)
    clock.now = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    assert texts(await harness.send(make_user(TRAINER_TG, "ru"), "/today")) == [
        "На сегодня (5 декабря 2026\u202fг.) у вас нет занятий."
    ]


NOT_A_TRAINER_RU = "Это доступно только тренерам. Попытка записана в журнал."
NOT_A_TRAINER_KK = "Бұл тек тренерлерге қолжетімді. Әрекет журналға жазылды."


async def gate_refusals(services: Services, telegram_id: int) -> list[dict[str, object]]:
    """What the trainer package's gate logged for this person (someone without the role)."""
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        assert person is not None
        entries = await uow.audit.for_entity("trainer", "not-trainer")
    return [e.after or {} for e in entries if e.actor_id == person.id]


async def test_non_trainer_is_refused_and_logged(harness: Harness, services: Services) -> None:
    """Someone without the trainer role is stopped by the trainer package's one gate."""
    world = await build_world(services)
    assert texts(await harness.send(make_user(TEACHER_RU_TG, "ru"), "/today")) == [NOT_A_TRAINER_RU]
    assert texts(await harness.send(make_user(TEACHER_KK_TG, "kk"), "/today")) == [NOT_A_TRAINER_KK]
    assert [r["text"] for r in await gate_refusals(services, TEACHER_RU_TG)] == ["/today"]
    # a listener forging the trainer's buttons
    sent = await harness.press(make_user(TEACHER_RU_TG, "ru"), f"tgs:start:{world.session.id}")
    assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [NOT_A_TRAINER_RU]
    assert not [r for r in sent if isinstance(r, SendPhoto)]
    assert (await gate_refusals(services, TEACHER_RU_TG))[-1]["data"] == (
        f"tgs:start:{world.session.id}"
    )


async def test_trainer_of_another_cohort_is_refused_everywhere(
    harness: Harness, services: Services
) -> None:
    world = await build_world(services)
    olga = make_user(OTHER_TRAINER_TG, "kk")
    sid = world.session.id
    for data in (
        f"tgs:start:{sid}",
        f"tgs:stop:{sid}",
        f"tgs:roster:{sid}",
        f"tgc:{world.cohort.id}",
        f"tgm:{sid}:{world.enrollments[world.teacher.id or 0].id}",
    ):
        sent = await harness.press(olga, data)
        assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [REFUSED_KK], data
        assert not [r for r in sent if isinstance(r, SendPhoto | SendDocument)]
    attempted = [entry["attempted"] for entry in await refusals(services, OTHER_TRAINER_TG)]
    assert attempted == ["checkin_board", "checkin_board", "roster", "calendar", "mark_present"]


async def start_board(harness: Harness, world: World) -> SendPhoto:
    sent = await harness.press(make_user(TRAINER_TG, "ru"), f"tgs:start:{world.session.id}")
    photos = [r for r in sent if isinstance(r, SendPhoto)]
    assert len(photos) == 1
    return photos[0]


def board_caption(code: str, count: int, sid: int | None) -> str:
    return (
        "Отметка на занятии: Функциональная грамотность, поток ФГ-2026-01\n"
        f"Код: <b>{display_code(code)}</b>\n"
        f"Отметились: {count} из 2\n"
        "Код меняется каждые 30 секунд. Слушатели вводят его в боте или сканируют QR-код.\n"
        f"https://t.me/biliktilik_bot?start=ci_{sid}_{code}"
    )


async def test_live_board_shows_code_qr_and_count_and_follows_the_clock(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    sid = world.session.id
    clock.now = datetime(2026, 11, 23, 9, 50, 0, tzinfo=UTC)
    photo = await start_board(harness, world)
    first_code = code_for(SECRET, sid or 0, clock.now)
    assert photo.caption == board_caption(first_code, 0, sid)
    assert isinstance(photo.photo, BufferedInputFile)
    assert photo.photo.data.startswith(b"\x89PNG")
    assert buttons(photo) == [("⏹ Остановить отметку", f"tgs:stop:{sid}")]

    boards: LiveBoards = harness.dispatcher["checkin_boards"]
    [run] = boards.running()
    # a listener checks in with the code on the screen; the refresh shows the new count
    await harness.send(make_user(TEACHER_RU_TG, "ru"), first_code)
    before = len(harness.session.requests)
    assert await refresh_board(harness.bot, run) is True
    [edit] = harness.session.requests[before:]
    assert isinstance(edit, EditMessageMedia)
    assert edit.media.caption == board_caption(first_code, 1, sid)
    # nothing changed: no request at all (cheap)
    before = len(harness.session.requests)
    assert await refresh_board(harness.bot, run) is True
    assert harness.session.requests[before:] == []
    # the window turns: a new code and a new QR
    clock.advance(seconds=30)
    new_code = code_for(SECRET, sid or 0, clock.now)
    assert new_code != first_code
    assert await refresh_board(harness.bot, run) is True
    edit = harness.session.requests[-1]
    assert isinstance(edit, EditMessageMedia)
    assert edit.media.caption == board_caption(new_code, 1, sid)
    # the session ends: the board closes itself and stops
    clock.now = world.session.ends_at
    assert await refresh_board(harness.bot, run) is False
    closed = harness.session.requests[-1]
    assert isinstance(closed, EditMessageCaption)
    assert closed.caption == (
        "Отметка закрыта: Функциональная грамотность, поток ФГ-2026-01.\nОтметились: 1 из 2."
    )


async def test_stop_button_closes_the_board(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
    await start_board(harness, world)
    boards: LiveBoards = harness.dispatcher["checkin_boards"]
    assert len(boards.running()) == 1
    sent = await harness.press(make_user(TRAINER_TG, "ru"), f"tgs:stop:{world.session.id}")
    [closed] = [r for r in sent if isinstance(r, EditMessageCaption)]
    assert closed.caption == (
        "Отметка закрыта: Функциональная грамотность, поток ФГ-2026-01.\nОтметились: 0 из 2."
    )
    assert boards.running() == []


async def test_board_cannot_start_too_early_or_after_the_end(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    trainer = make_user(TRAINER_TG, "ru")
    clock.now = datetime(2026, 11, 23, 9, 44, 59, tzinfo=UTC)
    sent = await harness.press(trainer, f"tgs:start:{world.session.id}")
    assert "Отметку можно запустить с 14:45: за 15 минут до начала занятия." in texts(sent)
    clock.now = world.session.ends_at
    sent = await harness.press(trainer, f"tgs:start:{world.session.id}")
    assert (
        "Занятие уже закончилось, отметка закрыта. Отметить слушателя можно вручную в списке "
        "слушателей."
    ) in texts(sent)
    assert not [r for r in harness.session.requests if isinstance(r, SendPhoto)]


async def test_calendar_button_sends_the_cohorts_ics(harness: Harness, services: Services) -> None:
    world = await build_world(services)
    sent = await harness.press(make_user(TRAINER_TG, "ru"), f"tgc:{world.cohort.id}")
    [document] = [r for r in sent if isinstance(r, SendDocument)]
    assert isinstance(document.document, BufferedInputFile)
    events = Calendar.from_ical(document.document.data).walk("VEVENT")
    assert [e.decoded("dtstart") for e in events] == [s.starts_at for s in world.sessions]
    assert [e.decoded("dtend") - e.decoded("dtstart") for e in events] == [
        timedelta(minutes=90)
    ] * 5


def decode_png(image: Path) -> list[str]:
    zbarimg = tool("zbarimg", "zbar-tools")
    result = subprocess.run(
        [zbarimg, "--raw", "-q", str(image)], capture_output=True, text=True, check=False
    )
    return result.stdout.split()


async def test_qr_on_the_board_opens_the_check_in_deep_link(
    harness: Harness, services: Services, clock: FakeClock, tmp_path: Path
) -> None:
    """A phone camera reads the QR as the deep link with the current code."""
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
    photo = await start_board(harness, world)
    assert isinstance(photo.photo, BufferedInputFile)
    image = tmp_path / "qr.png"
    image.write_bytes(photo.photo.data)
    decoded = decode_png(image)
    expected_code = code_for(SECRET, world.session.id or 0, clock.now)
    assert decoded == [f"https://t.me/biliktilik_bot?start=ci_{world.session.id}_{expected_code}"]
    # and that link checks the listener in
    sent = await harness.send(make_user(TEACHER_KK_TG, "kk"), f"/start {decoded[0].split('=')[1]}")
    assert texts(sent)[0].startswith("✅ Қатысуыңыз белгіленді")


async def test_stop_pressed_on_another_instance_closes_the_running_board(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    """Behind a load balancer the "stop" press may reach another bot instance: the board's
    own refresh sees the recorded stop and closes."""
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
    await start_board(harness, world)
    boards: LiveBoards = harness.dispatcher["checkin_boards"]
    [run] = boards.running()
    clock.advance(seconds=40)
    from domain.services.trainer import stop_board

    assert (
        await stop_board(
            services.uow_factory, world.trainer, world.session.id or 0, clock.now, SECRET
        )
        is not None
    )
    clock.advance(seconds=5)
    assert await refresh_board(harness.bot, run) is False
    closed = harness.session.requests[-1]
    assert isinstance(closed, EditMessageCaption)
    assert closed.caption is not None and closed.caption.startswith("Отметка закрыта")
    # a board started after the stop runs normally
    clock.advance(seconds=30)
    await start_board(harness, world)
    [run] = boards.running()
    clock.advance(seconds=30)
    assert await refresh_board(harness.bot, run) is True
