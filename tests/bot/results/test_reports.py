"""/nobd (XLSX read back), /stats (text + PNG chart), /effectiveness, the NOBD reminder job."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram.methods import SendDocument, SendPhoto
from aiogram.types import BufferedInputFile
from openpyxl import load_workbook

from bot.dev.testing import Harness, make_user, texts
from bot.handlers.admin.results_callbacks import CohortPick
from bot.runtime.container import Services
from bot.runtime.jobs.nobd import remind_nobd
from domain.model import Certificate, DocumentKind, EnrollmentStatus, Role
from domain.services.results import decide_cohort_outcomes, record_score
from tests.bot.results.factories import (
    ADMIN_TG,
    add_consultation,
    add_person,
    attend,
    iin,
    make_world,
    outbox,
)
from tests.conftest import FakeClock

ALMATY = ZoneInfo("Asia/Almaty")

DONE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


async def finished_world(services: Services):  # type: ignore[no-untyped-def]
    """Three listeners: one passes with a certificate, one fails, one has no score."""
    uow = services.uow_factory
    world = await make_world(uow, teachers=3, sessions=5)
    first, second, _third = world.enrollments
    await attend(uow, first, world.sessions)
    await attend(uow, second, world.sessions[:2])
    await record_score(uow, 1, first.id, 88, {}, DONE, tz=ALMATY)
    await record_score(uow, 1, second.id, 30, {}, DONE, tz=ALMATY)
    await decide_cohort_outcomes(uow, world.cohort.id, DONE)
    async with uow() as u:
        await u.certificates.add(
            Certificate(
                number="ORL-2026-000001",
                kind=DocumentKind.CERTIFICATE,
                person_id=first.person_id,
                enrollment_id=first.id,
                holder_full_name="Айгүл Тестова 1",
                topic="ФГ",
                academic_hours=72,
                issued_on=date(2026, 11, 20),
                valid_until=date(2029, 11, 20),
            )
        )
        await u.commit()
    return world


async def test_nobd_export_is_an_xlsx_with_the_completed_teachers(
    harness: Harness, services: Services
) -> None:
    world = await finished_world(services)
    admin = make_user(ADMIN_TG, "ru")
    assert texts(await harness.send(admin, "/nobd")) == ["Выберите поток:"]
    sent = await harness.press(admin, CohortPick(action="nobd", cohort_id=world.cohort.id).pack())
    documents = [r for r in sent if isinstance(r, SendDocument)]
    assert len(documents) == 1
    assert documents[0].caption == (
        "НОБД, поток FG-2026-11: 1 педагог. Внести в НОБД не позднее 27 ноября 2026\u202fг. "
        "(п. 19 Правил)."
    )
    upload = documents[0].document
    assert (
        isinstance(upload, BufferedInputFile) and upload.filename == "НОБД-выгрузка-FG-2026-11.xlsx"
    )
    sheet = load_workbook(io.BytesIO(upload.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "ФИО",
        "ИИН",
        "Организация образования",
        "Должность",
        "Тема курса",
        "Часы",
        "Начало",
        "Окончание",
        "Дата завершения",
        "№ сертификата",
    )
    assert rows[1][:6] == (
        "Айгүл Тестова 1",
        iin(1),
        "Школа-гимназия № 7",
        "учитель математики",
        "Функциональная грамотность",
        72,
    )
    assert [value.date() for value in rows[1][6:9]] == [
        date(2026, 11, 2),
        date(2026, 11, 20),
        date(2026, 11, 20),
    ]
    assert rows[1][9] == "ORL-2026-000001"
    assert len(rows) == 2


async def test_nobd_deadline_counts_a_working_saturday_from_the_settings(
    harness: Harness, services: Services
) -> None:
    """§19: Saturday 21 November 2026 made working by decree (EXTRA_WORKING_DAYS) is one of
    the five working days, so the deadline is Thursday 26 November, not Friday 27."""
    world = await finished_world(services)
    services.settings.extra_working_days = [date(2026, 11, 21)]
    pick = CohortPick(action="nobd", cohort_id=world.cohort.id).pack()
    captions = {}
    for lang in ("ru", "kk"):
        sent = await harness.press(make_user(ADMIN_TG, lang), pick)
        captions[lang] = next(r for r in sent if isinstance(r, SendDocument)).caption
    assert "не позднее 26 ноября 2026\u202fг." in (captions["ru"] or "")
    assert "мерзімі: 2026\u202fж. 26 қараша" in (captions["kk"] or "")


async def test_nobd_in_kazakh_and_an_empty_cohort(harness: Harness, services: Services) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    admin = make_user(ADMIN_TG, "kk")
    sent = await harness.press(admin, CohortPick(action="nobd", cohort_id=world.cohort.id).pack())
    assert texts(sent) == ["<b>FG-2026-11</b> ағынында оқуды аяқтағандар жоқ."]


async def test_statistics_message_and_chart(harness: Harness, services: Services) -> None:
    world = await finished_world(services)
    admin = make_user(ADMIN_TG, "ru")
    assert texts(await harness.send(admin, "/stats")) == ["Выберите поток:"]
    sent = await harness.press(admin, CohortPick(action="stats", cohort_id=world.cohort.id).pack())
    assert texts(sent)[0] == (
        "<b>Статистика потока FG-2026-11</b>\nФункциональная грамотность\nЗаявлений: 0\n"
        "Зачислено: 3\nПосещаемость: до 50 % — 2, 50–79 % — 0, 80–99 % — 0, 100 % — 1\n"
        "Прошли: 1, не прошли: 1, обучаются: 1, отчислены: 0\nДоля прошедших: 50 %\n"
        "Выдано сертификатов: 1"
    )
    photos = [r for r in sent if isinstance(r, SendPhoto)]
    assert len(photos) == 1 and photos[0].caption == "Распределение слушателей по посещаемости"
    png = photos[0].photo
    assert isinstance(png, BufferedInputFile)
    assert png.data.startswith(b"\x89PNG\r\n\x1a\n") and len(png.data) > 5000


async def test_statistics_in_kazakh(harness: Harness, services: Services) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    sent = await harness.press(
        make_user(ADMIN_TG, "kk"), CohortPick(action="stats", cohort_id=world.cohort.id).pack()
    )
    assert texts(sent)[0].startswith("<b>FG-2026-11 ағынының статистикасы</b>")
    assert texts(sent)[1] == "Тыңдаушылардың сабаққа қатысуы бойынша бөлінуі"


async def test_effectiveness_report(harness: Harness, services: Services, clock: FakeClock) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    await add_consultation(
        services.uow_factory,
        world.enrollments[0],
        trainer_id=None,
        created_at=clock() - timedelta(days=3),
    )
    sent = await harness.send(make_user(ADMIN_TG, "ru"), "/effectiveness")
    assert texts(sent)[0].startswith(  # then the survey (tests/bot/results/test_survey.py)
        "<b>Эффективность посткурсового сопровождения (п. 38 Правил)</b>\n"
        "Период: 12 мес., с 23 ноября 2025\u202fг.\nОбращений: 1\n"
        "• методическая и консультационная помощь: 1\n• помощь с публикацией: 0\n"
        "• сообщества и мероприятия: 0\nОтвечено: 0 (0 %)\nМедианное время ответа: — ч\n\n"
    )
    sent = await harness.send(make_user(ADMIN_TG, "kk"), "/effectiveness 99")
    assert texts(sent) == [
        "Кезеңді айлармен көрсетіңіз: 1 және 36 аралығындағы бүтін сан, мысалы /effectiveness 12"
    ]


async def test_nobd_reminder_job_enqueues_once_on_the_reminder_day(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    await add_person(services.uow_factory, ADMIN_TG, "Админ Админов", roles={Role.ADMIN})
    world = await finished_world(services)
    async with services.uow_factory() as uow:
        completed = await uow.enrollments.for_cohort(world.cohort.id, EnrollmentStatus.COMPLETED)
        admin = await uow.people.get_by_telegram_id(ADMIN_TG)
    assert [e.completed_on for e in completed] == [date(2026, 11, 20)]
    clock.now = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    assert await remind_nobd(harness.bot, services) == 0
    clock.now = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)  # 09:00 in Almaty
    assert await remind_nobd(harness.bot, services) == 1
    assert await remind_nobd(harness.bot, services) == 0
    row = await outbox(services.uow_factory, f"nobd-reminder:{world.cohort.id}:{admin.id}")
    assert services.i18n_core.get(row.payload["key"], "ru", **row.payload["args"]) == (
        "⏰ Напоминание: данные завершивших обучение в потоке FG-2026-11 (завершение 20 ноября "
        "2026\u202fг.) нужно внести в НОБД не позднее 27 ноября 2026\u202fг. (п. 19 Правил). "
        "Выгрузка: /nobd"
    )
