"""The form kit (bot/ui/forms) as an admin meets it, on the cohort form: back to the first step
and cancel with nothing stored, Edit from the summary, pages of a long choice list, /cancel and
stale or doubled buttons answered precisely, no live buttons left on passed prompts."""

from __future__ import annotations

from typing import Any

from aiogram.methods import EditMessageReplyMarkup, EditMessageText

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from domain.model import Role
from tests.bot.admin.conftest import People, make_course
from tests.bot.results.factories import add_person


def labels(request: Any) -> list[str]:
    markup = request.reply_markup
    return [key.text for row in markup.inline_keyboard for key in row] if markup else []


async def cohorts(services: Services) -> list[Any]:
    async with services.uow_factory() as uow:
        return await uow.cohorts.list_all()


async def fill_until_trainers(harness: Harness, people: People, course_id: int) -> list[Any]:
    sent = await harness.press(people.admin, "adh:new:0")
    await harness.press(people.admin, button_data(sent, f"{course_id}. "))
    await harness.send(people.admin, "2026-12-МАТ-1")
    await harness.send(people.admin, "01.12.2026")
    sent = await harness.send(people.admin, "12.12.2026")
    await harness.press(people.admin, button_data(sent, "русск"))
    return await harness.send(people.admin, "25")


async def test_back_from_the_summary_to_the_first_step_then_cancel_stores_nothing(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    sent = await fill_until_trainers(harness, people, course.id or 0)
    summary = await harness.press(people.admin, button_data(sent, "Готово"))
    prompts = []
    for _ in range(7):  # seven steps: trainers, seats, language, ends, starts, code, course
        sent = await harness.press(
            people.admin, button_data(summary if not prompts else sent, "Назад")
        )
        prompts.append(texts(sent)[0])
    assert prompts[0].startswith("Отметьте тренеров потока")
    assert prompts[1] == "Количество мест (целое число от 1 до 500):\n\nСейчас: 25"
    assert prompts[-1].startswith("Курс потока:\n\nСейчас: ")
    # the first step has no Back, only Cancel
    assert "⬅️ Назад" not in labels(sent[-1]) and "✖️ Отмена" in labels(sent[-1])
    sent = await harness.press(people.admin, button_data(sent, "Отмена"))
    assert texts(sent)[-1].endswith("✖️ Отменено, ничего не сохранено.")
    assert isinstance(sent[-1], EditMessageText) and sent[-1].reply_markup is None
    assert await cohorts(services) == []


async def test_kazakh_cancel_mid_form_and_a_stale_button_afterwards(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    admin_kk = people.admin
    await harness.send(admin_kk, "/language")
    await harness.press(admin_kk, "lang:kk")
    sent = await harness.press(admin_kk, "adh:new:0")
    assert texts(sent) == ["Ағынның курсы:"]
    step = await harness.press(admin_kk, button_data(sent, f"{course.id}. "))
    assert "⬅️ Артқа" in labels(step[-1])
    sent = await harness.press(admin_kk, button_data(step, "Артқа"))
    assert texts(sent)[0].startswith("Ағынның курсы:\n\nҚазіргі жауап: ")
    sent = await harness.send(admin_kk, "/cancel")
    # the open prompt loses its buttons; nothing stored
    assert any(isinstance(r, EditMessageReplyMarkup) and r.reply_markup is None for r in sent)
    assert texts(sent)[-1] == "Әрекет тоқтатылды. Енгізілген деректер сақталмады."
    stale = await harness.press(admin_kk, button_data(step, "Артқа"))
    assert texts(stale) == ["Бұл батырма ескірген: форма жабылған."]
    assert await cohorts(services) == []


async def test_edit_one_answer_from_the_summary_and_confirm_once(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    sent = await fill_until_trainers(harness, people, course.id or 0)
    summary = await harness.press(people.admin, button_data(sent, "Готово"))
    edit = await harness.press(people.admin, button_data(summary, "Изменить"))
    assert labels(edit[-1]) == [
        "Курс",
        "Код",
        "Начало",
        "Окончание",
        "Язык обучения",
        "Мест",
        "Тренеры",
        "📋 Сводка",
    ]
    sent = await harness.press(people.admin, button_data(edit, "Мест"))
    assert "📋 Сводка" in labels(sent[-1])
    sent = await harness.send(people.admin, "0")
    assert texts(sent) == ["Напишите целое число от 1 до 500."]
    summary = await harness.send(people.admin, "40")
    assert "<b>Мест:</b> 40" in texts(summary)[0]
    confirm = button_data(summary, "Создать поток")
    await harness.press(people.admin, confirm)
    doubled = await harness.press(people.admin, confirm)
    assert texts(doubled) == ["Эта кнопка устарела: форма уже закрыта."]
    [cohort] = await cohorts(services)
    assert (cohort.code, cohort.seats, cohort.trainer_ids) == ("2026-12-МАТ-1", 40, [])


async def test_twenty_trainers_come_in_pages_and_several_can_be_chosen(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    ids = []
    for i in range(20):
        added = await add_person(
            services.uow_factory, 800_000 + i, f"Тренер {i:02d}", roles={Role.TRAINER}
        )
        ids.append(added.id)
    sent = await fill_until_trainers(harness, people, course.id or 0)
    first_page = labels(sent[-1])
    assert sum(label.startswith("▫️ ") for label in first_page) == 8
    assert "1/3" in first_page and "▶️" in first_page
    await harness.press(people.admin, button_data(sent, "Тренер 00"))
    turned = await harness.press(people.admin, button_data(sent, "▶️"))
    assert isinstance(turned[-1], EditMessageReplyMarkup)
    assert "2/3" in labels(turned[-1]) and "▫️ Тренер 08" in labels(turned[-1])
    await harness.press(people.admin, button_data(turned, "Тренер 09"))
    summary = await harness.press(people.admin, button_data(sent, "Готово"))
    assert "<b>Тренеры:</b> Тренер 00, Тренер 09" in texts(summary)[0]
    await harness.press(people.admin, button_data(summary, "Создать поток"))
    [cohort] = await cohorts(services)
    assert sorted(cohort.trainer_ids) == sorted([ids[0], ids[9]])
