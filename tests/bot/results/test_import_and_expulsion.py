"""/scores_import (all or nothing) and /expel (§32) through the dispatcher."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram.types import Document
from openpyxl import Workbook

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.handlers.admin.results_callbacks import CohortPick, ListenerPick
from bot.runtime.container import Services
from bot.ui.formatting import notice_args
from domain.model import EnrollmentStatus, OutboxStatus
from tests.bot.admin.conftest import Uploads
from tests.bot.results.factories import (
    ADMIN_TG,
    attend,
    audit_for,
    enrollment,
    iin,
    make_world,
    outbox,
)

DONE_AT = datetime(2026, 11, 20, tzinfo=UTC)


def xlsx(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def uploads(harness: Harness) -> dict[str, bytes]:
    """File id → the bytes the recording bot "downloads" for it."""
    return Uploads(harness).files


def document(file_id: str, name: str) -> Document:
    return Document(file_id=file_id, file_unique_id=file_id, file_name=name, file_size=1000)


async def test_import_with_a_broken_row_imports_nothing_then_a_good_file_imports_all(
    harness: Harness, services: Services, uploads: dict[str, bytes]
) -> None:
    world = await make_world(services.uow_factory, teachers=2)
    await attend(services.uow_factory, world.enrollments[0], world.sessions[:4])
    admin = make_user(ADMIN_TG, "ru")
    header = ["ИИН", "Балл", "Оценивание", "Планирование"]
    uploads["bad"] = xlsx(
        [header, [iin(1), 90, "5", "5"], [iin(2), 120, "4", ""], [iin(77), 60, "4", "4"]]
    )
    uploads["good"] = xlsx([header, [iin(1), 90, "5", "5"], [iin(2), 40, "4", "3"]])
    assert texts(await harness.send(admin, "/scores_import")) == ["Выберите поток:"]
    sent = await harness.press(admin, CohortPick(action="import", cohort_id=world.cohort.id).pack())
    assert texts(sent)[0].startswith("Поток <b>FG-2026-11</b>. Отправьте таблицу .xlsx или .csv")
    assert texts(await harness.send(admin, "вот файл")) == [
        "Нужен файл .xlsx или .csv. Отправьте его документом или нажмите «Отмена»."
    ]
    sent = await harness.send_message(admin, document=document("bad", "scores.xlsx"))
    assert texts(sent) == [
        services.i18n_core.get("sheet-errors-title", "ru", count=3) + "\n"
        "Строка 3, столбец «Балл»: балл «120» должен быть целым числом от 0 до максимального "
        "балла\n"
        "Строка 3, столбец «Планирование»: пустая ячейка, значение обязательно\n"
        f"Строка 4, столбец «ИИН»: ИИН «{iin(77)}» не найден среди слушателей"
    ] or texts(sent)[0].startswith("Ничего не импортировано")
    assert "Строка 3, столбец «Балл»" in texts(sent)[0]
    assert f"Строка 4, столбец «ИИН»: ИИН «{iin(77)}» не найден среди слушателей" in texts(sent)[0]
    async with services.uow_factory() as uow:
        for e in world.enrollments:
            assert await uow.assessments.latest(e.id) is None
    sent = await harness.send_message(admin, document=document("good", "scores.xlsx"))
    assert texts(sent)[0] == "Импортировано баллов: 2."
    assert texts(sent)[1].startswith(
        "<b>Итоги потока FG-2026-11</b>\nПрошли (сертификат): 1\nНе прошли (справка): 1"
    )
    assert (
        await enrollment(services.uow_factory, world.enrollments[1].id)
    ).status is EnrollmentStatus.NOT_PASSED


async def test_import_refuses_a_wrong_file_type_in_kazakh(
    harness: Harness, services: Services, uploads: dict[str, bytes]
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    admin = make_user(ADMIN_TG, "kk")
    uploads["pdf"] = b"%PDF-1.4 not a table"
    await harness.press(admin, CohortPick(action="import", cohort_id=world.cohort.id).pack())
    sent = await harness.send_message(admin, document=document("pdf", "scores.pdf"))
    assert len(texts(sent)) == 1 and "xlsx" in texts(sent)[0]
    uploads["csv"] = f"ЖСН;Жинаған балы;Модуль 1;Модуль 2\n{iin(1)};101;5;5\n".encode()
    sent = await harness.send_message(admin, document=document("csv", "scores.csv"))
    assert texts(sent) == [
        services.i18n_core.get("sheet-errors-title", "kk", count=1)
        + "\n2-жол, «Жинаған балы» бағаны: «101» балы 0 мен ең жоғары балл "
        "аралығындағы бүтін сан болуы керек"
    ]


async def test_admin_expels_a_listener_and_both_notices_are_recorded(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    e = world.enrollments[0]
    admin = make_user(ADMIN_TG, "ru")
    assert texts(await harness.send(admin, "/expel")) == ["Выберите поток:"]
    sent = await harness.press(admin, CohortPick(action="expel", cohort_id=world.cohort.id).pack())
    assert texts(sent) == ["Поток <b>FG-2026-11</b>. Выберите слушателя:"]
    sent = await harness.press(admin, ListenerPick(action="expel", enrollment_id=e.id).pack())
    assert texts(sent) == [
        "Отчисление: <b>Айгүл Тестова 1</b>. Укажите причину — какое условие договора нарушено:"
    ]
    await harness.send(admin, "пропуск занятий <без причины>")
    await harness.send(admin, "15-О")
    assert texts(await harness.send(admin, "3")) == ["Дата решения комиссии (ДД.ММ.ГГГГ):"]
    assert texts(await harness.send(admin, "31.02.2026")) == [
        "Напишите дату в виде ДД.ММ.ГГГГ, например 15.09.2026."
    ]
    sent = await harness.send(admin, "20.11.2026")
    assert texts(sent) == [
        "⛔ Отчисление. Слушатель: <b>Айгүл Тестова 1</b>\n\n"
        "<b>Причина:</b> пропуск занятий &lt;без причины&gt;\n<b>Приказ №:</b> 15-О\n"
        "<b>Решение комиссии №:</b> 3\n<b>Дата решения комиссии:</b> 20 ноября 2026\u202fг.\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    assert (await enrollment(services.uow_factory, e.id)).status is EnrollmentStatus.ENROLLED
    confirm = button_data(sent, "Отчислить")
    sent = await harness.press(admin, confirm)
    seen = texts(sent)
    assert seen[0].startswith("Уведомление работодателю (контакт: hr0@school7.kz)")
    assert "Айгүл Тестова 1 (Школа-гимназия № 7) отчислен(а)" in seen[0]
    assert seen[1].endswith("<b>Айгүл Тестова 1</b> отчислен(а). Слушателю отправлено уведомление.")
    # a doubled tap on Confirm does nothing more, and says so
    assert texts(await harness.press(admin, confirm)) == ["Эта кнопка устарела: форма уже закрыта."]
    stored = await enrollment(services.uow_factory, e.id)
    assert (stored.status, stored.expelled_reason, stored.expulsion_order) == (
        EnrollmentStatus.EXPELLED,
        "пропуск занятий <без причины>",
        "15-О",
    )
    teacher_notice = await outbox(services.uow_factory, f"expelled:{e.id}")
    assert teacher_notice.payload["key"] == "results-expelled-teacher"
    assert teacher_notice.payload["args"]["commission_date"] == {"date": "2026-11-20"}  # raw
    shown = notice_args(teacher_notice.payload, "ru")
    assert shown["commission_date"] == "20 ноября 2026\u202fг."
    assert shown["reason"] == "пропуск занятий <без причины>"  # escaped by the core when rendered
    rendered = services.i18n_core.get(teacher_notice.payload["key"], "ru", **shown)
    assert "пропуск занятий &lt;без причины&gt;" in rendered
    employer = await outbox(services.uow_factory, f"employer-notice:{e.id}")
    assert employer.kind == "employer_notice" and employer.status is OutboxStatus.SENT
    assert employer.payload["contact"] == "hr0@school7.kz"
    assert employer.payload["text"].startswith("Уважаемый работодатель!")
    assert (  # plain text, its date formatted by the bot: escaped only where it is shown
        "нарушение условий договора на обучение: пропуск занятий <без причины>. Решение комиссии "
        "от 20 ноября 2026\u202fг. № 3, приказ № 15-О."
    ) in employer.payload["text"]
    entries = await audit_for(services.uow_factory, "enrollment", e.id)
    assert entries[-1].action == "enrollment.expel"
    assert entries[-1].before == {"status": "enrolled"}
    assert entries[-1].after["commission_number"] == "3"
    # expelling twice is refused (forged or stale button)
    sent = await harness.press(admin, ListenerPick(action="expel", enrollment_id=e.id).pack())
    assert texts(sent) == ["Отчислить можно только того, кто сейчас обучается."]


async def test_kazakh_teacher_gets_the_notice_in_kazakh(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    e = world.enrollments[0]
    async with services.uow_factory() as uow:
        person = await uow.people.get(e.person_id)
        person.language = "kk"
        await uow.people.update(person)
        await uow.commit()
    admin = make_user(ADMIN_TG, "kk")
    await harness.press(admin, ListenerPick(action="expel", enrollment_id=e.id).pack())
    for answer in ("тәртіп бұзу", "16-Б", "4"):
        await harness.send(admin, answer)
    sent = await harness.send(admin, "2026-11-21")
    assert texts(sent)[0].startswith("⛔ <b>Айгүл Тестова 1</b> оқудан шығарылсын ба?")
    sent = await harness.press(admin, button_data(sent, "Артқа"))
    assert texts(sent) == [
        "Комиссия шешімінің күні (КК.АА.ЖЖЖЖ):\n\nҚазіргі жауап: 2026\u202fж. 21 қараша"
    ]
    sent = await harness.send(admin, "21.11.2026")
    sent = await harness.press(admin, button_data(sent, "Оқудан шығару"))
    assert texts(sent)[-1].endswith(
        "<b>Айгүл Тестова 1</b> оқудан шығарылды. Тыңдаушыға хабарлама жіберілді."
    )
    notice = await outbox(services.uow_factory, f"expelled:{e.id}")
    assert notice.payload["lang"] == "kk"
    rendered = services.i18n_core.get(
        notice.payload["key"], "kk", **notice_args(notice.payload, "kk")
    )
    assert rendered.startswith(
        "Сіз «Функционалдық сауаттылық» курсынан (FG-2026-11 ағыны) оқудан шығарылдыңыз."
    )
    employer = await outbox(services.uow_factory, f"employer-notice:{e.id}")
    assert employer.payload["text"].startswith("Құрметті жұмыс беруші!")


async def test_a_thousand_row_file_with_a_broken_middle_row_imports_nothing(
    harness: Harness, services: Services, uploads: dict[str, bytes]
) -> None:
    """The issue's bar: one wrong row in the middle of 1,000 → nothing stored, row named."""
    from sqlalchemy import insert, select

    from storage.models import EnrollmentRow, PersonRow

    world = await make_world(services.uow_factory, teachers=0)
    async with services.uow_factory() as uow:  # bulk rows: a thousand repository calls is slow
        await uow.session.execute(
            insert(PersonRow),
            [
                {"full_name": f"Педагог {n}", "iin": iin(n), "created_at": DONE_AT}
                for n in range(1, 1001)
            ],
        )
        ids = (
            await uow.session.scalars(
                select(PersonRow.id).where(PersonRow.full_name.like("Педагог %"))
            )
        ).all()
        await uow.session.execute(
            insert(EnrollmentRow),
            [{"person_id": pid, "cohort_id": world.cohort.id, "status": "enrolled"} for pid in ids],
        )
        await uow.commit()
    rows: list[list[Any]] = [["ИИН", "Балл", "Модуль 1", "Модуль 2"]]
    rows += [[iin(n), 60, "5", "4"] for n in range(1, 1001)]
    rows[500][1] = "шестьдесят"  # spreadsheet row 501
    uploads["big"] = xlsx(rows)
    admin = make_user(ADMIN_TG, "ru")
    await harness.press(admin, CohortPick(action="import", cohort_id=world.cohort.id).pack())
    sent = await harness.send_message(admin, document=document("big", "scores.xlsx"))
    assert texts(sent) == [
        services.i18n_core.get("sheet-errors-title", "ru", count=1) + "\n"
        "Строка 501, столбец «Балл»: балл «шестьдесят» должен быть целым числом от 0 до "
        "максимального балла"
    ], texts(sent)
    async with services.uow_factory() as uow:
        stored = await uow.audit.recent(2000)
    assert not [e for e in stored if e.action == "assessment.import"]
