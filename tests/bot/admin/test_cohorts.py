"""Cohorts: the form, trainers chosen from people with the trainer role, the schedule added one
by one, imported from a spreadsheet (all or nothing) and shown as a list."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from aiogram.types import User
from openpyxl import Workbook

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.runtime.container import Services
from tests.bot.admin.conftest import (
    People,
    Uploads,
    audit,
    make_cohort,
    make_course,
    person,
    start,
)


async def stored_sessions(services: Services, cohort_id: int) -> list:
    async with services.uow_factory() as uow:
        return await uow.sessions.for_cohort(cohort_id)


async def test_admin_creates_a_cohort_with_a_trainer(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    trainer = await person(services, people.trainer.id)
    sent = await harness.press(people.admin, "adh:new:0")
    assert texts(sent) == ["Курс потока:"]
    await harness.press(people.admin, button_data(sent, f"{course.id}. "))
    await harness.send(people.admin, "2026-12-МАТ-1")
    await harness.send(people.admin, "01.12.2026")
    sent = await harness.send(people.admin, "30.11.2026")
    assert texts(sent) == ["Дата окончания раньше даты начала. Укажите дату окончания ещё раз."]
    sent = await harness.send(people.admin, "12.12.2026")
    forged = button_data(sent, "русск").rsplit(":", 1)[0] + ":7"  # a choice never offered
    assert texts(await harness.press(people.admin, forged)) == [
        "Пожалуйста, выберите ответ кнопкой под сообщением."
    ]
    await harness.press(people.admin, button_data(sent, "русск"))
    sent = await harness.send(people.admin, "25")
    assert texts(sent) == ["Отметьте тренеров потока и нажмите «Готово»."]
    trainer_button = button_data(sent, trainer.full_name or "")
    await harness.press(people.admin, trainer_button)
    sent = await harness.press(people.admin, button_data(sent, "Готово"))
    assert texts(sent)[0].startswith("👥 Новый поток\n\n<b>Курс:</b>")
    assert "<b>Тренеры:</b> " + (trainer.full_name or "") in texts(sent)[0]
    async with services.uow_factory() as uow:
        assert await uow.cohorts.list_all() == []  # nothing stored before Confirm
    sent = await harness.press(people.admin, button_data(sent, "Создать поток"))
    assert "Обучение: с 1 декабря 2026\u202fг. по 12 декабря 2026\u202fг." in texts(sent)[0]
    assert texts(sent)[-1].endswith("✅ Поток 2026-12-МАТ-1 создан.")
    async with services.uow_factory() as uow:
        [cohort] = await uow.cohorts.list_all()
    assert (cohort.seats, cohort.language, cohort.trainer_ids) == (25, "ru", [trainer.id])
    assert (await audit(services))[-1].action == "cohort.create"


async def add_session(
    harness: Harness, admin: User, cohort_id: int, answers: tuple[str, ...]
) -> list:
    sent = await harness.press(admin, f"adh:add-session:{cohort_id}")
    for answer in answers:
        sent = await harness.send(admin, answer)
    return sent


async def test_sessions_one_by_one_and_the_schedule_list(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    sent = await harness.press(people.admin, f"adh:add-session:{cohort.id}")
    assert texts(sent) == [
        "Новое занятие потока 2026-12-МАТ-1 (обучение "
        "с 1 декабря 2026\u202fг. по 12 декабря 2026\u202fг.). Дата занятия (ДД.ММ.ГГГГ):"
    ]
    sent = await harness.send(people.admin, "20.12.2026")
    assert texts(sent) == [
        "Эта дата вне сроков обучения потока "
        "(с 1 декабря 2026\u202fг. по 12 декабря 2026\u202fг.). Напишите другую дату."
    ]
    await harness.send(people.admin, "01.12.2026")
    sent = await harness.send(people.admin, "9")
    assert texts(sent) == ["Напишите время в виде ЧЧ:ММ, например 09:00."]
    await harness.send(people.admin, "09:00")
    sent = await harness.send(people.admin, "13")
    assert texts(sent) == ["Напишите целое число от 1 до 12."]
    await harness.send(people.admin, "4")
    sent = await harness.send(people.admin, "ауд. 204")
    assert texts(sent)[0] == (
        "🗓 Новое занятие потока 2026-12-МАТ-1\n\n"
        "<b>Дата:</b> 1 декабря 2026\u202fг.\n"
        "<b>Время:</b> 09:00\n"
        "<b>Академических часов:</b> 4\n"
        "<b>Аудитория / ссылка:</b> ауд. 204\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    )
    assert await stored_sessions(services, cohort.id or 0) == []  # nothing before Confirm
    sent = await harness.press(people.admin, button_data(sent, "Добавить занятие"))
    assert texts(sent)[-1].endswith("✅ Занятие добавлено в расписание.")
    another = button_data(sent, "Добавить ещё занятие")
    sent = await harness.send(people.admin, "/cancel")
    assert texts(sent) == ["Отменять нечего: вы в главном меню."]  # the session is saved
    [session] = await stored_sessions(services, cohort.id or 0)
    # Asia/Almaty is UTC+5; 4 academic hours of 45 minutes
    assert session.starts_at.astimezone(UTC) == datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
    assert (session.ends_at - session.starts_at).total_seconds() == 4 * 45 * 60
    # the outcome's button opens the form again; the same time is refused at Confirm
    sent = await harness.press(people.admin, another)
    assert texts(sent)[0].startswith("Новое занятие потока 2026-12-МАТ-1 (")
    for answer in ("01.12.2026", "09:00", "2"):
        await harness.send(people.admin, answer)
    sent = await harness.send(people.admin, "ауд. 205")
    sent = await harness.press(people.admin, button_data(sent, "Добавить занятие"))
    assert texts(sent)[-1].endswith("Занятие не добавлено: на это время у потока уже есть занятие.")
    assert len(await stored_sessions(services, cohort.id or 0)) == 1
    sent = await harness.press(people.admin, f"adh:schedule:{cohort.id}")
    assert texts(sent) == [
        "<b>Расписание занятий потока 2026-12-МАТ-1</b> (1 занятие)\n"
        "1. 1 декабря 2026\u202fг., 09:00 — 4 ак. ч, ауд. 204"
    ]


async def test_session_form_walks_back_and_cancels_in_kazakh(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    admin = make_user(people.admin.id, "kk")
    await start(harness, admin, "kk")
    sent = await add_session(
        harness, admin, cohort.id or 0, ("02.12.2026", "14:00", "2", "https://meet.example/a")
    )
    assert texts(sent)[0].startswith(
        "🗓 2026-12-МАТ-1 ағынына жаңа сабақ\n\n<b>Күні:</b> 2026\u202fж. 2 желтоқсан\n"
    )
    prompts = []
    for _ in range(4):
        sent = await harness.press(admin, button_data(sent, "Артқа"))
        prompts.append(texts(sent)[0].split("\n")[0])
    assert prompts == [
        "Аудитория немесе онлайн сабақтың сілтемесі:",
        "Академиялық сағат саны (1-ден 12-ге дейін):",
        "Басталу уақыты (СС:ММ, мысалы, 09:00):",
        "2026-12-МАТ-1 ағынына сабақ қосу. Оқу мерзімі: "
        "2026\u202fж. 1 желтоқсан – 2026\u202fж. 12 желтоқсан. Сабақтың күні (КК.АА.ЖЖЖЖ):",
    ]
    with pytest.raises(AssertionError):
        button_data(sent, "Артқа")  # the first step has no Back
    sent = await harness.press(admin, button_data(sent, "Бас тарту"))
    assert texts(sent)[-1].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    assert await stored_sessions(services, cohort.id or 0) == []
    assert [e for e in await audit(services) if e.action == "schedule.add"] == []


def schedule_xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Дата", "Время", "Часы", "Аудитория"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def test_schedule_import_is_all_or_nothing(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    sent = await harness.press(people.admin, f"adh:import-schedule:{cohort.id}")
    assert texts(sent)[0].startswith("Отправьте расписание потока 2026-12-МАТ-1")
    bad = schedule_xlsx(
        [
            [datetime(2026, 12, 1), "09:00", 4, "204"],
            ["02.12.2026", "25:00", 4, "204"],
            ["03.12.2026", "09:00", 2, "=A1"],
        ]
    )
    sent = await uploads.send(people.admin, bad, "кесте.xlsx")
    assert texts(sent) == [
        "Ничего не импортировано: в файле 2 ошибки. Исправьте и отправьте файл целиком снова.\n"
        "Строка 3, столбец «Время»: время «25:00» не распознано: нужен формат ЧЧ:ММ\n"
        "Строка 4, столбец «Аудитория»: формулы не принимаются («=A1»): вставьте значения"
    ]
    assert await stored_sessions(services, cohort.id or 0) == []
    good = schedule_xlsx(
        [
            [datetime(2026, 12, 1), "09:00", 4, "204"],
            ["02.12.2026", "14:00", 2, "https://meet.example/abc"],
        ]
    )
    sent = await uploads.send(people.admin, good, "кесте.xlsx")
    assert texts(sent) == ["✅ Расписание импортировано: занятий — 2."]
    assert len(await stored_sessions(services, cohort.id or 0)) == 2


async def test_schedule_as_ics_calendar(
    harness: Harness, services: Services, people: People
) -> None:
    from aiogram.methods import SendDocument

    cohort = await make_cohort(services, await make_course(services))
    sent = await harness.press(people.admin, f"adh:ics:{cohort.id}")
    assert texts(sent) == ["В расписании потока 2026-12-МАТ-1 пока нет занятий."]
    sent = await add_session(
        harness,
        people.admin,
        cohort.id or 0,
        ("01.12.2026", "09:00", "4", "https://meet.example/abc"),
    )
    await harness.press(people.admin, button_data(sent, "Добавить занятие"))
    sent = await harness.press(people.admin, f"adh:ics:{cohort.id}")
    [document] = [r for r in sent if isinstance(r, SendDocument)]
    assert document.caption is not None and document.caption.startswith(
        "Расписание потока 2026-12-МАТ-1 для календаря телефона"
    )
    content = document.document.data  # type: ignore[union-attr]
    assert b"DTSTART:20261201T040000Z" in content and b"meet.example" in content


async def test_an_overlapping_session_is_refused(
    harness: Harness, services: Services, people: People
) -> None:
    """§23: one cohort, one session at a time. 09:00 + 4 academic hours ends at 12:00; a
    session at 11:00 overlaps it, one at 12:00 does not."""
    cohort = await make_cohort(services, await make_course(services))

    async def add(start: str, hours: str) -> list:
        await harness.press(people.admin, f"adh:add-session:{cohort.id}")
        for answer in ("01.12.2026", start, hours):
            await harness.send(people.admin, answer)
        summary = await harness.send(people.admin, "ауд. 204")
        return await harness.press(people.admin, button_data(summary, "Добавить занятие"))

    await add("09:00", "4")
    sent = await add("11:00", "2")
    assert texts(sent)[-1].endswith("Занятие не добавлено: на это время у потока уже есть занятие.")
    sent = await add("12:00", "2")
    assert texts(sent)[-1].endswith("✅ Занятие добавлено в расписание.")
    assert len(await stored_sessions(services, cohort.id or 0)) == 2


async def test_overlapping_rows_of_one_file_are_refused(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    await harness.press(people.admin, f"adh:import-schedule:{cohort.id}")
    rows = [["01.12.2026", "09:00", 4, "204"], ["01.12.2026", "10:30", 2, "205"]]
    sent = await uploads.send(people.admin, schedule_xlsx(rows), "кесте.xlsx")
    assert (
        "Строка 3" in texts(sent)[0]
        and "на это время у потока уже есть занятие" in (texts(sent)[0])
    )
    assert await stored_sessions(services, cohort.id or 0) == []
