"""Issue 13, findings: saving the profile leads back to the course list the teacher came
from; "My courses" leads to the calendar, §31 requests and support."""

from __future__ import annotations

import pytest

from bot.dev.testing import Harness, texts
from bot.runtime.container import Services
from tests.bot.teacher.helpers import IIN_AIGUL, start

COURSES = {"kk": "📚 Курстар және жазылу", "ru": "📚 Курсы и запись"}


@pytest.mark.parametrize("lang", ["kk", "ru"])
async def test_profile_saved_after_courses_shows_the_course_list(
    harness: Harness, services: Services, lang: str
) -> None:
    user = await start(harness, 320, lang)
    await harness.send(user, COURSES[lang])  # consent first, then the profile
    await harness.press(user, "tcons:yes")
    for answer in ("Сейтқалиева Айгүл Нұрланқызы", IIN_AIGUL):
        await harness.send(user, answer)
    await harness.send_contact(user, "+7 701 123 45 67")
    for answer in ("учитель математики", "№ 12 мектеп-гимназия", "hr@school12.kz"):
        await harness.send(user, answer)
    sent = await harness.press(user, "tnav:profile:confirm")
    course_list = texts(await harness.send(user, "/courses"))
    assert texts(sent)[1:] == course_list  # the list the teacher came for


async def test_profile_opened_from_profile_returns_to_nothing_else(
    harness: Harness, services: Services
) -> None:
    user = await start(harness, 321, "ru")
    await harness.send(user, "/profile")
    await harness.press(user, "tcons:yes")
    for answer in ("Сейтқалиева Айгүл Нұрланқызы", IIN_AIGUL):
        await harness.send(user, answer)
    await harness.send_contact(user, "+7 701 123 45 67")
    for answer in ("учитель математики", "№ 12 мектеп-гимназия", "hr@school12.kz"):
        await harness.send(user, answer)
    sent = await harness.press(user, "tnav:profile:confirm")
    assert len(texts(sent)) == 1
