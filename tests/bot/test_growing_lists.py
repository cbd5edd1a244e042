"""Issue 16, item 2 (lists that grow with the organization): every keyboard built from a list
— trainers to tick, cohorts, courses, a roster's absentees — stays within Telegram's 100
buttons and its texts within 4,096 characters, a page at a time, with 300 trainers."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiogram.methods import EditMessageReplyMarkup, SendMessage
from aiogram.types import InlineKeyboardMarkup

from bot.dev.sandbox.html_parse import parse_html
from bot.dev.testing import Harness, button_data, make_user
from bot.runtime.container import Services
from bot.ui.paging import ListPage, paginate
from domain.model import Cohort, Role
from tests.bot.admin.conftest import make_course
from tests.bot.checkin.factories import TRAINER_TG, add_person, build_world, enroll
from tests.conftest import ADMIN_ID, FakeClock

TELEGRAM_BUTTONS = 100


def labels(markup: Any) -> list[str]:
    assert isinstance(markup, InlineKeyboardMarkup)
    count = sum(len(row) for row in markup.inline_keyboard)
    assert count <= TELEGRAM_BUTTONS
    return [b.text for row in markup.inline_keyboard for b in row]


def last_markup(sent: list[Any]) -> Any:
    found = [
        r.reply_markup
        for r in sent
        if isinstance(r, SendMessage | EditMessageReplyMarkup) and r.reply_markup
    ]
    return found[-1]


def test_paginate_clamps_and_counts() -> None:
    assert paginate(list(range(45)), 0, 20).count == 3
    assert list(paginate(list(range(45)), 9, 20).items) == list(range(40, 45))
    assert paginate([], 3).count == 1


async def test_300_trainers_are_ticked_a_page_at_a_time(
    harness: Harness, services: Services
) -> None:
    names = [f"Тренер{i:03d} Жанұзақова-Сейітқазиева Айгүлсім" for i in range(300)]
    trainers = [
        await add_person(services, 600_000 + i, "ru", name, {Role.TRAINER})
        for i, name in enumerate(names)
    ]
    course = await make_course(services)
    admin = make_user(ADMIN_ID, "ru", "Админ")
    await harness.send(admin, "/start")
    await harness.press(admin, "lang:ru")
    sent = await harness.press(admin, "adh:new:0")
    await harness.press(admin, button_data(sent, f"{course.id}. "))
    for answer in ("2027-01-МАТ-1", "11.01.2027"):
        await harness.send(admin, answer)
    sent = await harness.send(admin, "22.01.2027")
    await harness.press(admin, button_data(sent, "русск"))
    sent = await harness.send(admin, "25")
    first = labels(last_markup(sent))
    pages = -(-len(names) // 8)  # the form kit shows 8 choices a page
    assert f"1/{pages}" in first and "▶️" in first and "✔️ Готово" in first
    seen = set(first)
    for page in range(1, pages):
        turned = await harness.press(admin, button_data(sent, "▶️").rsplit(":", 1)[0] + f":{page}")
        seen |= set(labels(last_markup(turned)))
    assert all(("▫️ " + name) in seen for name in names)
    # tick one on the last page: it is shown ticked on that page
    sent = await harness.press(admin, button_data(turned, names[-1]))
    assert "✅ " + names[-1] in labels(last_markup(sent))
    summary = await harness.press(admin, button_data(sent, "Готово"))
    await harness.press(admin, button_data(summary, "Создать поток"))
    async with services.uow_factory() as uow:
        [cohort] = [c for c in await uow.cohorts.list_all() if c.code == "2027-01-МАТ-1"]
    assert cohort.trainer_ids == [trainers[-1].id]


async def test_130_cohorts_and_the_roster_of_150_listeners_fit_telegram(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    async with services.uow_factory() as uow:
        for i in range(130):
            await uow.cohorts.add(
                Cohort(
                    course_id=world.course.id or 0,
                    code=f"ФГ-2027-{i:03d}",
                    language="kk",
                    starts_on=date(2027, 1, 11),
                    ends_on=date(2027, 1, 22),
                    seats=30,
                )
            )
        await uow.commit()
    admin = make_user(ADMIN_ID, "kk", "Әкімші")
    await harness.send(admin, "/start")
    await harness.press(admin, "lang:kk")
    sent = await harness.press(admin, "adm:cohorts")
    first = labels(last_markup(sent))
    assert first[-2] == "2/7 ▶"
    sent = await harness.press(admin, ListPage(list="cohorts", page=6).pack())
    assert labels(last_markup(sent))[-2] == "◀ 6/7"

    for i in range(150):
        teacher = await add_person(services, 620_000 + i, "kk", f"Тыңдаушы{i:03d} Ұзақбаева")
        await enroll(services, teacher, world.cohort)
    sent = await harness.press(make_user(TRAINER_TG, "ru"), f"tgs:roster:{world.session.id}")
    messages = [r for r in sent if isinstance(r, SendMessage)]
    assert all(len(parse_html(m.text)[0]) <= 4096 for m in messages)
    assert "Тыңдаушы149 Ұзақбаева" in "\n".join(m.text for m in messages)
    marks = labels(messages[-1].reply_markup)
    assert marks[-1] == "2/8 ▶"
    sent = await harness.press(
        make_user(TRAINER_TG, "ru"),
        ListPage(list="marks", page=7, ref=world.session.id or 0).pack(),
    )
    assert any("Тыңдаушы149" in label for label in labels(last_markup(sent)))
