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


@pytest.mark.parametrize("lang", ["kk", "ru"])
async def test_80_percent_is_still_reachable_while_the_deciding_session_is_open(
    harness: Harness, services: Services, clock, lang: str
) -> None:
    """§24.3 boundary: 3 of 4 ended sessions attended, the 5th (and last) under way: attending
    it still gives 4 of 5 = 80 %. Only when it is over is 80 % out of reach."""
    from datetime import timedelta

    from tests.bot.teacher.helpers import enroll, make_cohort, registered_teacher

    cohort_id = await make_cohort(services, code="B-1")
    user = await registered_teacher(harness, 330, lang)
    await enroll(services, 330, cohort_id, sessions=5, past=4, attended=3, accepted=True)
    needed = {
        "kk": "80 %-ға жету үшін тағы 1 сабаққа қатысу керек.",
        "ru": "Для 80 % нужно посетить ещё 1 занятие.",
    }
    out_of_reach = {"kk": "80 %-ға енді жетпейді", "ru": "80 % уже не набрать"}
    start = clock.now + timedelta(hours=1)  # the last session: start … start + 2 h
    for moment, reachable in [
        (start, True),
        (start + timedelta(hours=2) - timedelta(seconds=1), True),  # its last second
        (start + timedelta(hours=2), False),  # over: missed
    ]:
        clock.now = moment
        card = texts(await harness.send(user, "/mycourses"))[0]
        assert (needed[lang] in card) is reachable, (moment, card)
        assert (out_of_reach[lang] in card) is not reachable, (moment, card)
