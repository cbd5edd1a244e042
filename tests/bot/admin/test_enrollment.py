"""§16, §18: applications reviewed, a department's list imported all or nothing, the order
issued as PDFs in both languages, teachers notified through the outbox."""

from __future__ import annotations

import contextlib
import io
import re
from datetime import date

from aiogram.methods import EditMessageText, SendDocument
from openpyxl import Workbook

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.runtime.container import Services
from domain.iin import Sex, make_iin
from domain.model import Application, ApplicationKind, ApplicationStatus, Cohort
from tests.bot.admin.conftest import (
    People,
    Uploads,
    audit,
    make_cohort,
    make_course,
    person,
    start,
)

HEADERS = ["ФИО", "ИИН", "Школа", "Должность", "Телефон", "Язык"]


def iins(count: int) -> list[str]:
    found: list[str] = []
    serial = 0
    while len(found) < count:
        with contextlib.suppress(ValueError):  # no check digit for this serial
            found.append(make_iin(date(1980 + serial % 20, 1 + serial % 12, 1), Sex.FEMALE, serial))
        serial += 1
    return found


def list_rows(count: int) -> list[list[str]]:
    return [
        [f"Сәрсенова Әйгерім {n}", iin, "№ 5 мектеп-лицей", "мұғалім", f"8 701 {n:07d}", "kk"]
        for n, iin in enumerate(iins(count))
    ]


def xlsx(rows: list[list[object]], headers: list[str] = HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    lines = [";".join(HEADERS)] + [";".join(row) for row in rows]
    return "\r\n".join(lines).encode(encoding)


async def enrollments(services: Services, cohort: Cohort) -> list:
    async with services.uow_factory() as uow:
        return await uow.enrollments.for_cohort(cohort.id or 0)


async def open_import(
    harness: Harness, people: People, services: Services, hours: list[int] | None = None
) -> Cohort:
    """A cohort of a 72-hour course open for an import; its schedule holds ``hours`` (by
    default the full 72, so an order can be issued, §23)."""
    cohort = await make_cohort(services, await make_course(services), seats=200)
    await add_hours(services, cohort, [8] * 9 if hours is None else hours)
    sent = await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    assert texts(sent)[0].startswith("Отправьте список слушателей для потока 2026-12-МАТ-1")
    return cohort


async def test_thousand_rows_with_one_broken_row_in_the_middle_import_nothing(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await open_import(harness, people, services)
    rows = list_rows(1000)
    rows[499][1] = rows[499][1][:-1] + str((int(rows[499][1][-1]) + 1) % 10)  # check digit
    sent = await uploads.send(people.admin, xlsx(rows), "тізім.xlsx")
    assert texts(sent) == [
        "Ничего не импортировано: в файле 1 ошибка. Исправьте и отправьте файл целиком снова.\n"
        f"Строка 501, столбец «ИИН»: ИИН «{rows[499][1]}» неверный (12 цифр с правильной "
        "контрольной цифрой)"
    ]
    assert await enrollments(services, cohort) == []
    async with services.uow_factory() as uow:
        assert await uow.people.get_by_iin(rows[0][1]) is None


async def test_many_errors_are_cut_at_twenty(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    await open_import(harness, people, services)
    rows = list_rows(25)
    for row in rows:
        row[5] = "en"
    sent = await uploads.send(people.admin, xlsx(rows), "list.xlsx")
    lines = texts(sent)[0].split("\n")
    assert lines[0].startswith("Ничего не импортировано: в файле 25 ошибок.")
    assert lines[1] == "Строка 2, столбец «Язык»: язык «en» не распознан: укажите kk или ru"
    assert len(lines) == 22 and lines[-1] == "…и ещё 5."


async def test_valid_list_is_imported_with_progress(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await open_import(harness, people, services)
    sent = await uploads.send(people.admin, xlsx(list_rows(120)), "тізім.xlsx")
    edits = [r.text for r in sent if isinstance(r, EditMessageText)]
    assert texts(sent)[0] == "⏳ Обработка: 0 / 120…"
    # progress lines are edited in the background, the latest one replacing any not yet sent
    # (the import does not wait for them); the summary comes last
    assert edits[:-1] and all(re.fullmatch(r"⏳ Обработка: \d+ / 120…", e) for e in edits[:-1])
    assert edits[-1] == (
        "✅ Список импортирован.\nЗакреплено мест: 120\nНовых слушателей: 120, "
        "уже известных: 0\nУже были в потоке: 0\n"
        "Теперь оформите приказ о зачислении."
    )
    stored = await enrollments(services, cohort)
    assert len(stored) == 120 and all(e.order_id is None for e in stored)
    async with services.uow_factory() as uow:
        imported = await uow.people.get_by_iin(list_rows(1)[0][1])
    assert imported is not None
    assert (imported.telegram_id, imported.phone, imported.language) == (None, "+77010000000", "kk")
    assert (await audit(services))[-1].after["enrolled"] == 120


async def test_csv_in_cp1251_and_utf8_bom(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await open_import(harness, people, services)
    rows = list_rows(4)
    for row in rows:  # cp1251 has no Kazakh letters: departments' CSVs write Russian ones
        row[0], row[2], row[3], row[5] = "Иванова Анна Петровна", "Школа № 5", "учитель", "ru"
    sent = await uploads.send(people.admin, csv_bytes(rows[:2], "cp1251"), "список.csv")
    assert texts(sent)[-1].startswith("✅ Список импортирован.\nЗакреплено мест: 2")
    await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    sent = await uploads.send(people.admin, csv_bytes(rows[2:], "utf-8-sig"), "список.csv")
    assert texts(sent)[-1].startswith("✅ Список импортирован.\nЗакреплено мест: 2")
    async with services.uow_factory() as uow:
        first = await uow.people.get_by_iin(rows[0][1])
        last = await uow.people.get_by_iin(rows[3][1])
    assert first is not None and first.full_name == "Иванова Анна Петровна"
    assert last is not None and last.school_name == "Школа № 5"


async def test_bad_files_get_clear_answers(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await open_import(harness, people, services)
    sent = await uploads.send(people.admin, b"%PDF-1.4", "список.pdf")
    assert texts(sent) == ["Этот тип файла не подходит. Отправьте таблицу .xlsx (Excel) или .csv."]
    sent = await uploads.send(people.admin, b"x", "big.xlsx", size=6 * 1024 * 1024)
    assert texts(sent) == ["Файл слишком большой: не больше 5 МБ."]
    sent = await uploads.send(people.admin, xlsx([]), "empty.xlsx")
    assert texts(sent) == [
        "В файле только строка заголовков — нет ни одной строки с данными. Ничего не импортировано."
    ]
    sent = await uploads.send(people.admin, b"not a zip", "broken.xlsx")
    assert texts(sent)[0].startswith("Не удалось прочитать файл.")
    rows = list_rows(1)
    rows[0][0] = '=HYPERLINK("http://evil","Әлия")'
    sent = await uploads.send(people.admin, xlsx(rows), "f.xlsx")
    assert "формулы не принимаются" in texts(sent)[0]
    sent = await uploads.send(people.admin, xlsx(list_rows(1), ["ФИО", "ИИН"]), "h.xlsx")
    assert "Строка 1, столбец «Школа»: нет такого столбца в заголовке файла" in texts(sent)[0]
    sent = await harness.send(people.admin, "вот список")
    assert texts(sent) == [
        "Отправьте файл таблицы (.xlsx или .csv) как документ. /cancel — отмена."
    ]
    assert await enrollments(services, cohort) == []


async def test_list_bigger_than_the_seats_imports_nothing(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await make_cohort(services, await make_course(services), seats=3)
    await harness.press(people.admin, f"adh:import-list:{cohort.id}")
    sent = await uploads.send(people.admin, xlsx(list_rows(4)), "list.xlsx")
    assert texts(sent)[-1] == (
        "Ничего не импортировано: в списке больше людей, чем свободных мест (свободно: 3)."
    )
    assert await enrollments(services, cohort) == []


async def submit(services: Services, person_id: int, cohort: Cohort) -> Application:
    async with services.uow_factory() as uow:
        application = await uow.applications.add(
            Application(
                person_id=person_id,
                cohort_id=cohort.id or 0,
                kind=ApplicationKind.DOMESTIC,
                addressed_to="Директору школы № 5",
                language="ru",
            )
        )
        await uow.commit()
    return application


async def test_applications_approved_and_rejected_with_notices(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    teacher = await person(services, people.teacher.id)
    trainer = await person(services, people.trainer.id)
    first = await submit(services, teacher.id or 0, cohort)
    second = await submit(services, trainer.id or 0, cohort)
    sent = await harness.press(people.admin, f"adh:applications:{cohort.id}")
    assert texts(sent)[0] == "Заявления на поток 2026-12-МАТ-1, ожидают решения: 2."
    assert texts(sent)[1].startswith(f"<b>Заявление № {first.id}</b>\nАйгүл")
    sent = await harness.press(people.admin, f"ada:approve:{first.id}")
    assert texts(sent)[0].startswith(f"📨 Заявление № {first.id}: ")
    assert "\n\n<b>Решение:</b> ✅ Одобрить\n\nПроверьте." in texts(sent)[0]
    async with services.uow_factory() as uow:  # nothing decided before Confirm
        assert (await uow.applications.get(first.id or 0)).status is ApplicationStatus.SUBMITTED
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить решение"))
    assert f"✅ Заявление № {first.id} одобрено" in texts(sent)[-1]
    sent = await harness.press(people.admin, f"ada:approve:{first.id}")  # a stale card
    decided = f"Заявление № {first.id} уже одобрено: Админ, 23 ноября, понедельник, 14:00."
    assert texts(sent) == [decided]
    sent = await harness.press(people.admin, f"ada:reject:{first.id}")  # no reason asked
    assert texts(sent) == [decided]
    sent = await harness.press(people.admin, f"ada:reject:{second.id}")
    assert texts(sent)[0].startswith(f"Причина отклонения заявления № {second.id}")
    sent = await harness.send(people.admin, "Но")
    assert texts(sent) == ["Причина — от 3 до 500 символов."]
    sent = await harness.send(people.admin, "Нет направления от отдела образования")
    async with services.uow_factory() as uow:  # nothing decided, nobody told before Confirm
        assert await uow.outbox.get_by_dedup_key(f"application:{second.id}:rejected") is None
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить решение"))
    assert texts(sent)[-1].endswith(f"Заявление № {second.id} отклонено, педагог уведомлён.")
    async with services.uow_factory() as uow:
        approved = await uow.applications.get(first.id or 0)
        rejected = await uow.applications.get(second.id or 0)
        notice = await uow.outbox.get_by_dedup_key(f"application:{second.id}:rejected")
        held = await uow.enrollments.get(teacher.id or 0, cohort.id or 0)
    assert approved is not None and approved.status is ApplicationStatus.APPROVED
    assert rejected is not None and rejected.status is ApplicationStatus.REJECTED
    assert rejected.reject_reason == "Нет направления от отдела образования"
    assert notice is not None and notice.chat_id == people.trainer.id
    assert notice.payload["key"] == "application-status-rejected"
    assert notice.payload["args"]["reason"] == "Нет направления от отдела образования"
    assert held is not None and held.order_id is None


async def test_enrollment_order_is_issued_in_both_languages(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    cohort = await open_import(harness, people, services)
    await uploads.send(people.admin, xlsx(list_rows(3)), "list.xlsx")
    teacher = await person(services, people.teacher.id)
    application = await submit(services, teacher.id or 0, cohort)
    sent = await harness.press(people.admin, f"ada:approve:{application.id}")
    await harness.press(people.admin, button_data(sent, "Подтвердить решение"))
    sent = await harness.press(people.admin, f"adh:order:{cohort.id}")
    assert texts(sent) == ["Приказ о зачислении на поток 2026-12-МАТ-1. Номер приказа:"]
    await harness.send(people.admin, "45-к")
    sent = await harness.send(people.admin, "31.11.2026")
    assert texts(sent) == ["Напишите дату в виде ДД.ММ.ГГГГ, например 15.09.2026."]
    await harness.send(people.admin, "25.11.2026")
    await harness.send(people.admin, "01-12/345")
    await harness.send(people.admin, "20.11.2026")
    await harness.send(people.admin, "Алматы қаласының білім басқармасы")
    sent = await harness.send(people.admin, "Управление образования города Алматы")
    # a summary first: nothing issued, nobody told until the admin confirms
    assert texts(sent) == [
        "📄 Приказ о зачислении на поток 2026-12-МАТ-1\n\n"
        "<b>Номер приказа:</b> 45-к\n"
        "<b>Дата приказа:</b> 25 ноября 2026\u202fг.\n"
        "<b>Письмо-основание, №:</b> 01-12/345\n"
        "<b>Дата письма:</b> 20 ноября 2026\u202fг.\n"
        "<b>Управление (отдел) образования, на казахском:</b> Алматы қаласының білім басқармасы\n"
        "<b>Управление (отдел) образования, на русском:</b> "
        "Управление образования города Алматы\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    assert {e.order_id for e in await enrollments(services, cohort)} == {None}
    sent = await harness.press(people.admin, button_data(sent, "Издать приказ"))
    documents = [r for r in sent if isinstance(r, SendDocument)]
    assert [d.caption for d in documents] == [
        "Приказ № 45-к — на казахском языке",
        "Приказ № 45-к — на русском языке",
    ]
    # the summary message now says what was done, its buttons gone
    assert isinstance(sent[-1], EditMessageText) and sent[-1].reply_markup is None
    assert texts(sent)[-1].startswith("📄 Приказ о зачислении на поток 2026-12-МАТ-1")
    assert texts(sent)[-1].endswith(
        "✅ Приказ № 45-к оформлен. Зачислено: 4.\nУведомления поставлены в очередь: 1. "
        "Ещё не запускали бота: 3 — получат приглашение, когда запустят."
    )
    stored = await enrollments(services, cohort)
    assert len(stored) == 4 and len({e.order_id for e in stored}) == 1
    order_id = stored[0].order_id
    assert order_id is not None
    async with services.uow_factory() as uow:
        order = await uow.orders.get(order_id)
        pdf_kk = await uow.documents.get_for_owner(
            "enrollment_order", order_id, "enrollment_order", "kk"
        )
        enrolled = await uow.enrollments.get(teacher.id or 0, cohort.id or 0)
        assert enrolled is not None
        notice = await uow.outbox.get_by_dedup_key(f"enrolled:{enrolled.id}")
        decided = await uow.applications.get(application.id or 0)
    assert order is not None and (order.number, order.basis_letter_number) == ("45-к", "01-12/345")
    assert pdf_kk is not None and pdf_kk.content.startswith(b"%PDF")
    assert notice is not None and notice.payload["key"] == "application-status-enrolled"
    assert notice.payload["args"]["order"] == "45-к"
    # the notice carries the button that opens the agreement (issue 13), in her language
    from aiogram.methods import SendMessage

    from bot.runtime.delivery import DeliveryWorker

    await DeliveryWorker(harness.bot, services, worker_id="test").run_once()
    told = [
        r
        for r in harness.session.requests
        if isinstance(r, SendMessage) and r.chat_id == people.teacher.id
    ][-1]
    assert [
        (b.text, b.callback_data) for row in told.reply_markup.inline_keyboard for b in row
    ] == [("📄 Прочитать и принять договор", f"tag:read:{enrolled.id}")]
    opened = await harness.press(people.teacher, f"tag:read:{enrolled.id}")
    assert any("договор" in t.lower() for t in texts(opened))
    assert decided is not None and decided.status is ApplicationStatus.ENROLLED
    assert (await audit(services))[-1].action == "order.issue"

    await harness.press(people.admin, f"adh:order:{cohort.id}")
    for text in ("45-к", "26.11.2026", "1", "20.11.2026", "Бөлім", "Отдел"):
        sent = await harness.send(people.admin, text)
    sent = await harness.press(people.admin, button_data(sent, "Издать приказ"))
    assert texts(sent)[-1].endswith(
        "Некого зачислять: в потоке нет слушателей, ожидающих приказа. Приказ № 45-к не оформлен."
    )


async def test_application_decision_walks_back_and_cancels_in_kazakh(
    harness: Harness, services: Services, people: People
) -> None:
    cohort = await make_cohort(services, await make_course(services))
    teacher = await person(services, people.teacher.id)
    application = await submit(services, teacher.id or 0, cohort)
    admin = make_user(people.admin.id, "kk")
    await start(harness, admin, "kk")
    await harness.press(admin, f"ada:reject:{application.id}")
    sent = await harness.send(admin, "Бөлімнің жолдамасы жоқ")
    assert texts(sent)[0].startswith(f"📨 № {application.id} өтініш: ")
    assert "<b>Қабылдамау себебі:</b> Бөлімнің жолдамасы жоқ" in texts(sent)[0]
    sent = await harness.press(admin, button_data(sent, "Артқа"))
    assert texts(sent)[0].startswith(f"№ {application.id} өтінішті қабылдамау себебін жазыңыз")
    sent = await harness.press(admin, button_data(sent, "Артқа"))
    assert texts(sent)[0].startswith(f"№ {application.id} өтініш бойынша шешім:")
    sent = await harness.press(admin, button_data(sent, "Бас тарту"))
    assert texts(sent)[-1].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    async with services.uow_factory() as uow:
        stored = await uow.applications.get(application.id or 0)
        notice = await uow.outbox.get_by_dedup_key(f"application:{application.id}:rejected")
    assert stored is not None and stored.status is ApplicationStatus.SUBMITTED
    assert notice is None


async def add_hours(services: Services, cohort: Cohort, hours: list[int]) -> None:
    from datetime import UTC, datetime, timedelta

    from domain.model import TrainingSession

    first = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)
    async with services.uow_factory() as uow:
        existing = len(await uow.sessions.for_cohort(cohort.id or 0))
        await uow.sessions.add_many(
            [
                TrainingSession(
                    cohort_id=cohort.id or 0,
                    starts_at=first + timedelta(days=existing + i),
                    ends_at=first + timedelta(days=existing + i, minutes=45 * h),
                    academic_hours=h,
                )
                for i, h in enumerate(hours)
            ]
        )
        await uow.commit()


async def test_order_is_refused_until_the_sessions_add_up_to_the_course_hours(
    harness: Harness, services: Services, people: People, uploads: Uploads
) -> None:
    """§23: a 72-hour course with 9 hours of sessions: no order, and the admin is told how
    many hours are scheduled and how many the course needs."""
    cohort = await open_import(harness, people, services, hours=[])
    await uploads.send(people.admin, xlsx(list_rows(2)), "list.xlsx")
    await add_hours(services, cohort, [4, 5])
    sent = await harness.press(people.admin, f"adh:order:{cohort.id}")
    assert texts(sent) == [
        "Приказ о зачислении на поток 2026-12-МАТ-1 пока нельзя оформить (п. 23 Правил): в "
        "расписании 9 академических часов занятий, а курс рассчитан на 72 академических часа. "
        "Добавьте в расписание ещё 63 ч. (/schedule) и оформите приказ снова."
    ]
    async with services.uow_factory() as uow:
        admin = await uow.people.get_by_telegram_id(people.admin.id)
        assert admin is not None
        admin.language = "kk"
        await uow.people.update(admin)
        await uow.commit()
    kk = await harness.press(make_user(people.admin.id, "kk"), f"adh:order:{cohort.id}")
    assert texts(kk) == [
        "2026-12-МАТ-1 ағынына қабылдау туралы бұйрықты әзірге ресімдеуге болмайды "
        "(Қағидалардың 23-тармағы): сабақ кестесінде 9 академиялық сағат бар, ал курс 72 "
        "академиялық сағатқа арналған. Сабақ кестесіне тағы 63 сағат қосып (/schedule), бұйрықты "
        "қайта ресімдеңіз."
    ]
    await add_hours(services, cohort, [8] * 7 + [7])  # 9 + 63 = 72
    sent = await harness.press(make_user(people.admin.id, "kk"), f"adh:order:{cohort.id}")
    assert "бұйрықты әзірге ресімдеуге болмайды" not in texts(sent)[0]


async def test_the_order_lists_teachers_in_each_languages_alphabetical_order(
    services: Services, people: People
) -> None:
    """Item 12: the Kazakh order in Kazakh order (І after Ы), the Russian one in Russian order
    (І after И); Ә and Ө no longer after Я."""
    from datetime import UTC, datetime

    from domain.documents import EnrollmentOrderDoc, OrganizationInfo
    from domain.model import Enrollment, Person, Role
    from domain.services.enrollment import OrderDraft, issue_order

    cohort = await make_cohort(services, await make_course(services))
    await add_hours(services, cohort, [8] * 9)
    names = ["Яковлева Яна", "Өмірбек Асан", "Иванов Олег", "Ілиясова Іңкәр", "Ыбыраев Нұр",
             "Әбенова Дана", "Бекова Сара"]  # fmt: skip
    async with services.uow_factory() as uow:
        for name in names:
            teacher = await uow.people.add(
                Person(telegram_id=None, full_name=name, first_name=name, roles={Role.TEACHER})
            )
            await uow.enrollments.add(Enrollment(person_id=teacher.id, cohort_id=cohort.id))
        await uow.commit()
    admin = await person(services, people.admin.id)
    rendered: list[EnrollmentOrderDoc] = []

    def render(doc: EnrollmentOrderDoc) -> bytes:
        rendered.append(doc)
        return b"%PDF-fake"

    draft = OrderDraft("7-қ", date(2026, 11, 25), "01/1", date(2026, 11, 20), "Білім басқармасы")
    organization = OrganizationInfo("Ұйым", "Организация", "Басшы")
    now = datetime(2026, 11, 25, 6, 0, tzinfo=UTC)
    result = await issue_order(
        services.uow_factory, admin.id or 0, cohort.id or 0, draft, organization, render, now
    )
    assert result.refusal is None
    listed = {doc.lang: [t.full_name for t in doc.teachers] for doc in rendered}
    assert listed["kk"] == ["Әбенова Дана", "Бекова Сара", "Иванов Олег", "Өмірбек Асан",
                            "Ыбыраев Нұр", "Ілиясова Іңкәр", "Яковлева Яна"]  # fmt: skip
    assert listed["ru"] == ["Әбенова Дана", "Бекова Сара", "Иванов Олег", "Ілиясова Іңкәр",
                            "Өмірбек Асан", "Ыбыраев Нұр", "Яковлева Яна"]  # fmt: skip
