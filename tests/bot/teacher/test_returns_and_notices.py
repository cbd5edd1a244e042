"""Issue 13, findings: saving the profile leads back to the course list the teacher came
from; "My courses" leads to the calendar, §31 requests and support."""

from __future__ import annotations

import pytest

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from tests.bot.teacher.helpers import IIN_AIGUL, start

COURSES = {"kk": "📚 Ашық курстар", "ru": "📚 Курсы и запись"}
SAVE = {"kk": "Профильді сақтау", "ru": "Сохранить профиль"}


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
        summary = await harness.send(user, answer)
    sent = await harness.press(user, button_data(summary, SAVE[lang]))
    course_list = texts(await harness.send(user, "/courses"))
    assert texts(sent)[-len(course_list) :] == course_list  # the list the teacher came for


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
        summary = await harness.send(user, answer)
    sent = await harness.press(user, button_data(summary, SAVE["ru"]))
    course_list = texts(await harness.send(user, "/courses"))
    assert course_list and not set(course_list) & set(texts(sent))


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


async def test_admins_get_one_alert_per_minute_listing_what_still_waits(
    harness: Harness, services: Services, clock
) -> None:
    """Issue 13, item 6: applications arriving within a minute make one message to each
    admin, read when sent (an application decided meanwhile is not listed)."""
    from datetime import date, timedelta

    from aiogram.methods import SendMessage

    from bot.dev.testing import make_user
    from bot.runtime.delivery import DeliveryWorker
    from domain.services.applications import ApplicationDraft, submit_application
    from tests.bot.teacher.helpers import IIN_IVAN, make_cohort, registered_teacher, stored
    from tests.conftest import ADMIN_ID

    await harness.send(make_user(ADMIN_ID, "kk", "Сәуле"), "/start")
    cohort_id = await make_cohort(services, code="МАТ-01", language="kk")
    teachers = [
        await registered_teacher(harness, 340, "kk"),
        await registered_teacher(harness, 341, "ru", iin=IIN_IVAN, name="Иванов Иван Петрович"),
    ]
    start = clock.now.replace(second=0, microsecond=0)
    for second, user in zip((10, 40), teachers, strict=True):
        person = await stored(services, user.id)
        draft = ApplicationDraft(cohort_id, "Ахметов Ерлан Серікұлы", "kk")
        moment = start + timedelta(seconds=second)
        result = await submit_application(
            services.uow_factory, person.id, draft, moment, date(2026, 11, 23)
        )
        assert result.refusal is None
    worker = DeliveryWorker(harness.bot, services, worker_id="test")
    before = len(harness.session.requests)
    clock.now = start + timedelta(seconds=59)
    await worker.run_once()  # not yet: the minute is still open
    clock.now = start + timedelta(minutes=1)
    await worker.run_once()
    alerts = [
        r
        for r in harness.session.requests[before:]
        if isinstance(r, SendMessage) and r.chat_id == ADMIN_ID
    ]
    assert len(alerts) == 1
    lines = alerts[0].text.split("\n")
    assert lines[0] == "📥 Оқуға берілген жаңа өтініштер шешім күтуде, саны: 2."
    assert lines[1].endswith("· МАТ-01 · Сейтқалиева Айгүл Нұрланқызы")
    assert lines[2].endswith("· МАТ-01 · Иванов Иван Петрович")
    [row] = alerts[0].reply_markup.inline_keyboard
    assert (row[0].text, row[0].callback_data) == (
        "📥 МАТ-01: өтініштер",
        f"adh:applications:{cohort_id}",
    )
