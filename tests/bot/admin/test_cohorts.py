"""Cohorts: the form, trainers chosen from people with the trainer role, the schedule added one
by one, imported from a spreadsheet (all or nothing) and shown as a list."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from openpyxl import Workbook

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from tests.bot.admin.conftest import People, Uploads, audit, make_cohort, make_course, person


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


async def test_sessions_one_by_one_and_the_schedule_list(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    sent = await harness.press(people.admin, f"adh:add-session:{cohort.id}")
    assert texts(sent)[0].startswith("Занятие одной строкой")
    sent = await harness.send(people.admin, "01.12.2026 09:00 4 ауд. 204")
    assert texts(sent) == [
        "✅ Занятие добавлено. Можно отправить следующее или /cancel для выхода."
    ]
    sent = await harness.send(people.admin, "01.12.2026 09:00 2 ауд. 205")
    assert texts(sent) == ["Строка 1: на это время уже есть занятие. Ничего не сохранено."]
    sent = await harness.send(people.admin, "20.12.2026 09:00 2 онлайн")
    assert texts(sent) == ["Строка 1: дата вне сроков обучения потока. Ничего не сохранено."]
    sent = await harness.send(people.admin, "02.12.2026 9 2 онлайн")
    assert texts(sent) == ["Занятие не добавлено: время «9» не распознано: нужен формат ЧЧ:ММ."]
    await harness.send(people.admin, "/cancel")
    [session] = await stored_sessions(services, cohort.id or 0)
    # Asia/Almaty is UTC+5; 4 academic hours of 45 minutes
    assert session.starts_at.astimezone(UTC) == datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
    assert (session.ends_at - session.starts_at).total_seconds() == 4 * 45 * 60
    sent = await harness.press(people.admin, f"adh:schedule:{cohort.id}")
    assert texts(sent) == [
        "<b>Расписание занятий потока 2026-12-МАТ-1</b> (1 занятие)\n"
        "1. 1 декабря 2026\u202fг., 09:00 — 4 ак. ч, ауд. 204"
    ]


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
    await harness.press(people.admin, f"adh:add-session:{cohort.id}")
    await harness.send(people.admin, "01.12.2026 09:00 4 https://meet.example/abc")
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
    await harness.press(people.admin, f"adh:add-session:{cohort.id}")
    await harness.send(people.admin, "01.12.2026 09:00 4 ауд. 204")
    sent = await harness.send(people.admin, "01.12.2026 11:00 2 ауд. 205")
    assert texts(sent) == ["Строка 1: на это время уже есть занятие. Ничего не сохранено."]
    sent = await harness.send(people.admin, "01.12.2026 12:00 2 ауд. 205")
    assert texts(sent)[0].startswith("✅ Занятие добавлено.")
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
