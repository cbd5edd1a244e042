"""§38 follow-up survey: invitations sent once by the job (6 months exactly, not a day
before), answered with buttons in kk and ru, stored; the /effectiveness report shows the
figures, a chart and an XLSX; the three-yearly review is recorded and reminded."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

from aiogram.methods import SendDocument, SendMessage, SendPhoto
from aiogram.types import BufferedInputFile
from openpyxl import load_workbook

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from bot.runtime.delivery import DeliveryWorker
from bot.runtime.jobs.follow_up import invite_to_survey, remind_review
from domain.model import Certificate, DocumentKind, EnrollmentStatus, Role
from domain.services.erasure import erase_personal_data
from tests.bot.results.factories import ADMIN_TG, TEACHER_TG, World, add_person, make_world
from tests.conftest import FakeClock


async def completed_world(services: Services) -> World:
    """Two listeners of a cohort that ended on 20 May 2026: the first (ru) completed on
    23 May, the second (kk) on 24 May."""
    world = await make_world(services.uow_factory, teachers=2, ends_on=date(2026, 5, 20))
    async with services.uow_factory() as uow:
        for enrollment, day in zip(world.enrollments, (23, 24), strict=True):
            enrollment.status = EnrollmentStatus.COMPLETED
            enrollment.completed_on = date(2026, 5, day)
            await uow.enrollments.update(enrollment)
        second = world.teachers[1]
        second.language = "kk"
        await uow.people.update(second)
        await uow.commit()
    return world


async def delivered(harness: Harness, services: Services) -> list[SendMessage]:
    start = len(harness.session.requests)
    await DeliveryWorker(harness.bot, services, worker_id="t").run_once()
    return [r for r in harness.session.requests[start:] if isinstance(r, SendMessage)]


async def stored_response(services: Services, enrollment_id: int | None, wave: int = 6):  # type: ignore[no-untyped-def]
    async with services.uow_factory() as uow:
        return await uow.follow_up.response(enrollment_id or 0, wave)


async def test_survey_invited_once_and_answered_in_ru_and_kk(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await completed_world(services)
    first, second = world.enrollments
    # 23 November 2026 09:00 UTC: six months exactly after the first completion, a day
    # before the second's
    assert await invite_to_survey(harness.bot, services) == 1
    assert await invite_to_survey(harness.bot, services) == 0
    [invitation] = await delivered(harness, services)
    assert invitation.chat_id == TEACHER_TG
    assert invitation.text.startswith(
        "📋 Прошло 6 мес. после окончания курса «Функциональная грамотность» (поток FG-2026-11)."
    )
    buttons = invitation.reply_markup.inline_keyboard[0]  # type: ignore[union-attr]
    assert [b.text for b in buttons] == ["1", "2", "3", "4", "5"]

    teacher = make_user(TEACHER_TG, "ru")
    sent = await harness.press(teacher, buttons[3].callback_data or "")
    assert texts(sent) == ["2. Применяете ли вы полученные на курсе знания на уроках?"]
    sent = await harness.press(teacher, f"tsv:{first.id}:6:applied:yes")
    assert texts(sent)[0].startswith("3. Что было бы полезно добавить в курс?")
    sent = await harness.send(teacher, "а" * 501)
    assert texts(sent) == ["Комментарий длиннее 500 символов. Сократите его и отправьте снова."]
    sent = await harness.send(teacher, "Больше практики по <оцениванию>")
    assert texts(sent) == ["🙏 Спасибо! Ваши ответы сохранены."]
    response = await stored_response(services, first.id)
    assert (response.helped, response.applied, response.comment) == (
        4,
        "yes",
        "Больше практики по <оцениванию>",
    )
    assert response.completed_at == clock()
    sent = await harness.press(teacher, f"tsv:{first.id}:6:helped:1")
    assert texts(sent) == ["Вы уже ответили на этот опрос. Спасибо!"]
    assert (await stored_response(services, first.id)).helped == 4
    # another teacher's survey, and one not open yet, change nothing
    sent = await harness.press(teacher, f"tsv:{second.id}:6:helped:5")
    assert texts(sent) == ["Этот опрос сейчас недоступен."]
    assert await stored_response(services, second.id) is None

    clock.now = datetime(2026, 11, 23, 19, 30, tzinfo=UTC)  # 24 November 00:30 in Almaty
    assert await invite_to_survey(harness.bot, services) == 1
    [invitation] = await delivered(harness, services)
    assert invitation.chat_id == TEACHER_TG + 1
    assert invitation.text.startswith(
        "📋 «Функционалдық сауаттылық» курсы (FG-2026-11 ағыны) аяқталғанына 6 ай болды."
    )
    kazakh = make_user(TEACHER_TG + 1, "kk")
    sent = await harness.press(kazakh, f"tsv:{second.id}:6:helped:5")
    assert texts(sent) == ["2. Курста алған білімді сабақтарыңызда қолданып жүрсіз бе?"]
    sent = await harness.press(kazakh, f"tsv:{second.id}:6:applied:partly")
    assert texts(sent)[0].startswith("3. Курсқа не қосқан пайдалы болар еді?")
    sent = await harness.press(kazakh, f"tsv:{second.id}:6:comment:")
    assert texts(sent) == ["🙏 Рақмет! Жауаптарыңыз сақталды."]
    response = await stored_response(services, second.id)
    assert (response.helped, response.applied, response.comment) == (5, "partly", "")


async def answer(
    harness: Harness,
    user_id: int,
    enrollment_id: int | None,
    helped: int,
    applied: str,
    comment: str | None,
) -> None:
    user = make_user(user_id, "ru")
    await harness.press(user, f"tsv:{enrollment_id}:6:helped:{helped}")
    await harness.press(user, f"tsv:{enrollment_id}:6:applied:{applied}")
    if comment is None:
        await harness.press(user, f"tsv:{enrollment_id}:6:comment:")
    else:
        await harness.send(user, comment)


async def test_effectiveness_report_has_the_survey_figures(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await completed_world(services)
    first, second = world.enrollments
    clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    await answer(harness, TEACHER_TG, first.id, 4, "yes", "Больше практики")
    await answer(harness, TEACHER_TG + 1, second.id, 5, "partly", None)

    sent = await harness.send(make_user(ADMIN_TG, "ru"), "/effectiveness")
    report = texts(sent)[0]
    assert report.startswith("<b>Эффективность посткурсового сопровождения (п. 38 Правил)</b>")
    assert (
        "<b>Опрос педагогов после курса</b>\n"
        "• через 6 мес.: ответов — 2, средняя оценка пользы — 4,5 из 5, применяют на уроках "
        "— 100 %, комментариев — 1\n"
        "• через 12 мес.: ответов пока нет"
    ) in report
    [photo] = [r for r in sent if isinstance(r, SendPhoto)]
    assert isinstance(photo.photo, BufferedInputFile) and photo.photo.data[:4] == b"\x89PNG"
    [document] = [r for r in sent if isinstance(r, SendDocument)]
    assert isinstance(document.document, BufferedInputFile)
    book = load_workbook(io.BytesIO(document.document.data))
    sheet, comments = book.worksheets
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    headers = ["Опрос через, мес.", "Ответов"] + [f"Оценка {n}" for n in range(1, 6)]
    assert [*headers, "Средняя оценка", "Да, регулярно", "Частично", "Пока нет"] in rows
    assert [6, 2, 0, 0, 0, 1, 1, 4.5, 1, 1, 0] in rows
    assert [12, 0, 0, 0, 0, 0, 0, None, 0, 0, 0] in rows
    assert [[c.value for c in row] for row in comments.iter_rows()] == [[6, "Больше практики"]]

    sent = await harness.send(make_user(ADMIN_TG, "kk"), "/effectiveness")
    assert (
        "• 6 айдан кейін: жауаптар — 2, пайдасының орташа бағасы — 4,5 (5 балдық), сабақта "
        "қолданатындар — 100 %, пікірлер — 1"
    ) in texts(sent)[0]


async def test_review_recorded_and_reminded(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    await add_person(services.uow_factory, ADMIN_TG, "Админ Админов", roles={Role.ADMIN})
    admin = make_user(ADMIN_TG, "ru")
    assert await remind_review(harness.bot, services) == 1
    assert await remind_review(harness.bot, services) == 0  # once a month
    [reminder] = await delivered(harness, services)
    assert reminder.text.startswith("⏰ Анализ эффективности образовательных программ ещё не")

    sent = await harness.send(admin, "/effectiveness")
    assert texts(sent)[-1].startswith("⚠️ Анализ эффективности образовательных программ ещё не")
    await harness.press(admin, "aef:record")
    sent = await harness.send(admin, "24.11.2026")  # tomorrow in Almaty
    assert texts(sent) == ["Дата ещё не наступила. Укажите дату проведённого анализа."]
    sent = await harness.send(admin, "20.11.2026")
    assert texts(sent) == ["Кратко: итоги и решения (до 1\xa0000 символов)."]
    sent = await harness.send(admin, "Программы актуальны; обновить модуль 2.")
    assert texts(sent) == [
        "✅ Анализ эффективности записан.",
        "Последний анализ эффективности: 20 ноября 2026\u202fг.\n"
        "Следующий — не позднее: 20 ноября 2029\u202fг.\n"
        "Итоги: Программы актуальны; обновить модуль 2.",
    ]
    async with services.uow_factory() as uow:
        [entry] = [e for e in await uow.audit.recent(10) if e.action == "effectiveness.review"]
    assert entry.after == {
        "reviewed_on": "2026-11-20",
        "note": "Программы актуальны; обновить модуль 2.",
    }
    clock.now = datetime(2026, 12, 24, 9, 0, tzinfo=UTC)  # another month: nothing is due
    assert await remind_review(harness.bot, services) == 0
    clock.now = datetime(2029, 9, 21, 9, 0, tzinfo=UTC)  # 60 days before 20 November 2029
    assert await remind_review(harness.bot, services) == 1
    [reminder] = await delivered(harness, services)
    assert reminder.text == (
        "⏰ Приближается срок анализа эффективности образовательных программ (п. 38 Правил).\n"
        "Последний анализ: 20 ноября 2026\u202fг.\nСледующий — не позднее: 20 ноября 2029\u202fг.\n"
        "Отчёт: /effectiveness, там же можно записать проведённый анализ."
    )


async def test_erasure_keeps_the_scores_not_the_comment(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await completed_world(services)
    first, second = world.enrollments
    admin = await add_person(services.uow_factory, ADMIN_TG, "Админ Админов", roles={Role.ADMIN})
    clock.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    await answer(harness, TEACHER_TG, first.id, 4, "yes", "Больше практики")
    await answer(harness, TEACHER_TG + 1, second.id, 3, "no", "Мало времени")
    async with services.uow_factory() as uow:
        await uow.certificates.add(
            Certificate(
                number="ORL-2026-000001",
                kind=DocumentKind.CERTIFICATE,
                person_id=first.person_id,
                enrollment_id=first.id,
                holder_full_name="Айгүл Тестова 1",
                topic="ФГ",
                academic_hours=72,
                issued_on=date(2026, 5, 23),
                valid_until=date(2029, 5, 23),
            )
        )
        for teacher in world.teachers:
            teacher.deletion_requested_at = clock()
            await uow.people.update(teacher)
        await uow.commit()
    for teacher in world.teachers:
        assert await erase_personal_data(services.uow_factory, teacher.id, admin.id, clock())
    kept = await stored_response(services, first.id)  # a certificate was issued: kept, emptied
    assert (kept.helped, kept.applied, kept.comment) == (4, "yes", "")
    assert await stored_response(services, second.id) is None  # gone with the enrollment
