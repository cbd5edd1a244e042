"""/request_queue (§31 decisions) and consultations (/consultations, trainers' /questions)."""

from __future__ import annotations

from datetime import date

import pytest
from aiogram.methods import AnswerCallbackQuery, SendDocument

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.handlers.admin.results_callbacks import ConsultationAction, RequestAction
from bot.handlers.trainer.callbacks import TrainerAnswer
from bot.runtime.container import Services
from bot.ui.forms.runner import FormCb
from domain.model import Cohort, ConsultationStatus, EnrollmentStatus, RequestKind, RequestStatus
from tests.bot.results.factories import (
    ADMIN_TG,
    TEACHER_TG,
    TRAINER_TG,
    add_consultation,
    add_person,
    add_request,
    enrollment,
    make_world,
    outbox,
)
from tests.bot.results.test_scores import REFUSED_RU, buttons


async def other_cohort(services: Services, course_id: int) -> Cohort:
    async with services.uow_factory() as uow:
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course_id,
                code="FG-2026-12",
                language="ru",
                starts_on=date(2026, 12, 1),
                ends_on=date(2026, 12, 19),
                seats=30,
            )
        )
        await uow.commit()
    return cohort


async def test_admin_views_and_approves_a_transfer_in_russian(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    target = await other_cohort(services, world.course.id)
    e = world.enrollments[0]
    request = await add_request(
        services.uow_factory, e, RequestKind.TRANSFER, target=target, files=["BQAD-справка"]
    )
    admin = make_user(ADMIN_TG, "ru")
    sent = await harness.send(admin, "/request_queue")
    assert texts(sent) == ["Заявки, ожидающие решения: 1. Выберите заявку:"]
    assert buttons(sent[0]) == [f"#{request.id} · Айгүл Тестова 1 · перевод в другой поток"]
    sent = await harness.press(admin, RequestAction(action="view", request_id=request.id).pack())
    assert texts(sent) == [
        f"<b>Заявка № {request.id}</b> — ожидает решения\nСлушатель: Айгүл Тестова 1\n"
        "Вид: перевод в другой поток\nКурс: Функциональная грамотность, поток FG-2026-11\n"
        "Целевой поток: FG-2026-12\nПричина: болезнь\nПодтверждающих документов: 1"
    ]
    assert buttons(sent[1]) == ["✅ Одобрить", "❌ Отклонить"]
    documents = [r for r in sent if isinstance(r, SendDocument)]
    assert [(d.chat_id, d.document) for d in documents] == [(ADMIN_TG, "BQAD-справка")]
    approve = RequestAction(action="approve", request_id=request.id).pack()
    sent = await harness.press(admin, approve)
    assert texts(sent) == [
        f"📝 Заявка № {request.id}: Айгүл Тестова 1, перевод в другой поток\n\n"
        "<b>Решение:</b> ✅ Одобрить\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    assert (await enrollment(services.uow_factory, e.id)).status is EnrollmentStatus.ENROLLED
    sent = await harness.press(admin, button_data(sent, "Подтвердить решение"))
    assert texts(sent)[-1].endswith(
        "Заявка одобрена: Айгүл Тестова 1, перевод в другой поток. Слушатель уведомлён."
    )
    assert (await enrollment(services.uow_factory, e.id)).status is EnrollmentStatus.TRANSFERRED
    async with services.uow_factory() as uow:
        moved = await uow.enrollments.get(e.person_id, target.id)
        stored = await uow.requests.get(request.id)
    assert moved is not None and moved.transferred_from_id == e.id
    assert stored is not None and stored.status is RequestStatus.APPROVED
    notice = await outbox(services.uow_factory, f"request-decision:{request.id}")
    assert (notice.chat_id, notice.payload["key"]) == (TEACHER_TG, "request-decision-approved")
    sent = await harness.press(admin, approve)
    assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [
        f"Заявка № {request.id} уже одобрена: Айгүл, 23 ноября, понедельник, 14:00."
    ]
    reject = RequestAction(action="reject", request_id=request.id).pack()
    sent = await harness.press(make_user(ADMIN_TG, "kk"), reject)  # before any reason is asked
    assert texts(sent) == [
        f"№ {request.id} өтінішті мақұлдап қойған: Айгүл, 23 қараша, дүйсенбі, 14:00."
    ]
    assert texts(await harness.send(admin, "/request_queue")) == ["Новых заявок нет."]
    # a decided card: Reject answers "already decided" before asking for a note
    sent = await harness.press(admin, RequestAction(action="reject", request_id=request.id).pack())
    assert texts(sent) == ["Заявка № 1 уже одобрена: Айгүл, 23 ноября, понедельник, 14:00."]


async def test_request_decision_walks_back_and_cancels_in_russian(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    request = await add_request(
        services.uow_factory, world.enrollments[0], RequestKind.FINISH_INTERRUPTED
    )
    admin = make_user(ADMIN_TG, "ru")
    await harness.press(admin, RequestAction(action="reject", request_id=request.id).pack())
    sent = await harness.send(admin, "Нет справки")
    assert texts(sent)[0].startswith(f"📝 Заявка № {request.id}: Айгүл Тестова 1, ")
    sent = await harness.press(admin, button_data(sent, "Назад"))
    assert texts(sent)[0].startswith("Напишите причину отклонения (до 1\xa0000 символов)")
    sent = await harness.press(admin, button_data(sent, "Назад"))
    assert texts(sent)[0].startswith(f"Решение по заявке № {request.id} (")
    sent = await harness.press(admin, button_data(sent, "Отмена"))
    assert texts(sent)[-1].endswith("✖️ Отменено, ничего не сохранено.")
    async with services.uow_factory() as uow:
        stored = await uow.requests.get(request.id)
        notice = await uow.outbox.get_by_dedup_key(f"request-decision:{request.id}")
    assert stored is not None and stored.status is RequestStatus.PENDING
    assert notice is None


async def test_admin_rejects_with_a_note_in_kazakh(harness: Harness, services: Services) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    request = await add_request(
        services.uow_factory, world.enrollments[0], RequestKind.FINISH_INTERRUPTED
    )
    admin = make_user(ADMIN_TG, "kk")
    reject = RequestAction(action="reject", request_id=request.id).pack()
    ask = "Қабылдамау себебін жазыңыз (1\xa0000 таңбаға дейін) — оны тыңдаушы көреді:"
    assert texts(await harness.press(admin, reject)) == [ask]
    assert texts(await harness.send(admin, "x" * 1001)) == [
        "Мәтін тым ұзын: 1\xa0001 таңба, ең көбі 1\xa0000 таңба болуы керек. "
        "Қысқартып, қайта жіберіңіз."
    ]
    sent = await harness.send(admin, "Құжаттар жоқ")
    assert "<b>Қабылдамау себебі:</b> Құжаттар жоқ" in texts(sent)[0]
    sent = await harness.press(admin, button_data(sent, "Шешімді растау"))
    assert texts(sent)[-1].endswith("Өтініш қабылданбады: Айгүл Тестова 1. Тыңдаушыға хабарланды.")
    notice = await outbox(services.uow_factory, f"request-decision:{request.id}")
    assert services.i18n_core.get(notice.payload["key"], "ru", **notice.payload["args"]) == (
        "Ваша заявка «Завершение прерванного курса» отклонена. Причина: Құжаттар жоқ"
    )


async def test_approved_reassessment_leads_to_the_reassessment_score(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1, sessions=5)
    e = world.enrollments[0]
    from tests.bot.results.factories import attend

    await attend(services.uow_factory, e, world.sessions)
    async with services.uow_factory() as uow:
        stored = await uow.enrollments.get_by_id(e.id)
        stored.status = EnrollmentStatus.NOT_PASSED
        await uow.enrollments.update(stored)
        await uow.commit()
    request = await add_request(services.uow_factory, e, RequestKind.REASSESSMENT)
    admin = make_user(ADMIN_TG, "ru")
    forged = RequestAction(action="rescore", request_id=request.id).pack()
    sent = await harness.press(admin, forged)  # not approved yet
    assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [
        "Запись не найдена или уже недоступна. Откройте список заново."
    ]
    sent = await harness.press(admin, RequestAction(action="approve", request_id=request.id).pack())
    sent = await harness.press(admin, button_data(sent, "Подтвердить решение"))
    assert buttons(sent[-1]) == ["Ввести балл повторного оценивания"]
    sent = await harness.press(admin, forged)
    assert texts(sent) == [
        "Повторное оценивание (п. 31 Правил). Слушатель: <b>Айгүл Тестова 1</b>. "
        "Введите балл — целое число от 0 до 100."
    ]
    sent = await harness.send(admin, "75")
    for grade in ("5 (отлично)", "5 (отлично)"):
        sent = await harness.press(admin, button_data(sent, grade))
    assert texts(sent)[0].startswith("📝 Повторное оценивание: <b>Айгүл Тестова 1</b>\n\n")
    sent = await harness.press(admin, button_data(sent, "Сохранить балл"))
    assert "Сохранено: <b>Айгүл Тестова 1</b> — 75 из 100." in texts(sent)[-1]
    async with services.uow_factory() as uow:
        latest = await uow.assessments.latest(e.id)
    assert latest is not None and latest.is_reassessment
    assert (await enrollment(services.uow_factory, e.id)).status is EnrollmentStatus.COMPLETED


async def test_trainer_answers_a_consultation_of_their_cohort(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    consultation = await add_consultation(
        services.uow_factory, world.enrollments[0], trainer_id=world.trainer.id
    )
    trainer = make_user(TRAINER_TG, "ru")
    sent = await harness.send(trainer, "/questions")
    assert texts(sent) == [
        "Открытые обращения: 1.",
        f"<b>Обращение № {consultation.id}</b> — методическая и консультационная помощь\n"
        "Слушатель: Айгүл Тестова 1\nКурс: Функциональная грамотность, поток FG-2026-11\n"
        "Вопрос: Как оценивать &lt;эссе&gt;?",
    ]
    sent = await harness.press(trainer, TrainerAnswer(consultation_id=consultation.id).pack())
    assert texts(sent) == ["Напишите ответ (до 3\xa0500 символов):"]
    sent = await harness.send(trainer, "По критериям\nиз модуля 1.")
    assert texts(sent) == [
        f"💬 Ответ на обращение № {consultation.id}: Айгүл Тестова 1\n\n"
        "<b>Ответ:</b> По критериям\nиз модуля 1.\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    async with services.uow_factory() as uow:  # nothing sent before Confirm
        assert (await uow.consultations.get(consultation.id)).status is ConsultationStatus.OPEN
    sent = await harness.press(trainer, button_data(sent, "Отправить ответ"))
    assert texts(sent)[-1].endswith("Ответ отправлен. Слушатель: Айгүл Тестова 1.")
    notice = await outbox(services.uow_factory, f"support-answer:{consultation.id}")
    assert notice.chat_id == TEACHER_TG and notice.payload["key"] == "results-support-answer"
    async with services.uow_factory() as uow:
        stored = await uow.consultations.get(consultation.id)
    assert stored is not None and stored.status is ConsultationStatus.ANSWERED
    assert texts(await harness.send(trainer, "/questions")) == ["Открытых обращений нет."]


async def test_questions_refusals_and_another_cohorts_trainer(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    consultation = await add_consultation(
        services.uow_factory, world.enrollments[0], trainer_id=world.trainer.id
    )
    from domain.model import Role

    await add_person(
        services.uow_factory, 840_001, "Другой Тренер", roles={Role.TRAINER}, lang="kk"
    )
    other = make_user(840_001, "kk")
    assert texts(await harness.send(other, "/questions")) == ["Ашық сұраулар жоқ."]
    sent = await harness.press(other, TrainerAnswer(consultation_id=consultation.id).pack())
    assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [
        "Жазба табылмады немесе енді қолжетімсіз. Тізімді қайта ашыңыз."
    ]
    await add_person(
        services.uow_factory, 840_002, "Третий Тренер", roles={Role.TRAINER}, lang="ru"
    )
    sent = await harness.press(make_user(840_002), TrainerAnswer(consultation_id=999).pack())
    assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)] == [
        "Запись не найдена или уже недоступна. Откройте список заново."
    ]
    teacher = make_user(TEACHER_TG, "ru")
    assert texts(await harness.send(teacher, "/questions")) == [
        "Это доступно только тренерам. Попытка записана в журнал."
    ]
    from aiogram.types import Chat

    group = Chat(id=-100_600, type="supergroup", title="Тренеры")
    assert texts(await harness.send(make_user(TRAINER_TG), "/questions", chat=group)) == [
        "Команды тренера работают только в личном чате с ботом. Попытка записана в журнал."
    ]
    async with services.uow_factory() as uow:
        refused = [e for e in await uow.audit.recent(50) if e.action == "trainer.refused"]
        assert sorted((e.entity, e.entity_id) for e in refused) == sorted(
            [
                ("consultation", "999"),
                ("consultation", str(consultation.id)),
                ("trainer", "not-private"),
                ("trainer", "not-trainer"),
            ]
        )
        forged = [e for e in refused if e.entity == "consultation"]
        other_id = (await uow.people.get_by_telegram_id(840_001)).id
        assert {e.actor_id for e in forged} == {
            other_id,
            (await uow.people.get_by_telegram_id(840_002)).id,
        }
        assert (await uow.consultations.get(consultation.id)).status is ConsultationStatus.OPEN
        assert (await uow.consultations.get(consultation.id)).answer in (None, "")
    # the trainer's answer buttons are not an admin's tool, and the admin list is admin-only
    assert texts(await harness.send(make_user(TRAINER_TG), "/consultations")) == [REFUSED_RU]


async def test_admin_answers_any_consultation(harness: Harness, services: Services) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    consultation = await add_consultation(
        services.uow_factory, world.enrollments[0], trainer_id=None
    )
    admin = make_user(ADMIN_TG, "kk")
    sent = await harness.send(admin, "/consultations")
    assert texts(sent)[0] == "Ашық сұраулар: 1."
    await harness.press(admin, ConsultationAction(consultation_id=consultation.id).pack())
    sent = await harness.send(admin, "Жауап")
    sent = await harness.press(admin, button_data(sent, "Жауапты жіберу"))
    assert texts(sent)[-1].endswith("Жауап тыңдаушыға жіберілді: Айгүл Тестова 1.")


async def test_answer_form_walks_back_and_cancels_in_russian(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    consultation = await add_consultation(
        services.uow_factory, world.enrollments[0], trainer_id=world.trainer.id
    )
    trainer = make_user(TRAINER_TG, "ru")
    await harness.press(trainer, TrainerAnswer(consultation_id=consultation.id).pack())
    sent = await harness.send(trainer, "Бірінші модульдің критерийлері бойынша.")
    assert texts(sent)[0].startswith(
        f"💬 Ответ на обращение № {consultation.id}: Айгүл Тестова 1\n\n"
        "<b>Ответ:</b> Бірінші модульдің критерийлері бойынша."
    )
    sent = await harness.press(trainer, button_data(sent, "Назад"))
    assert texts(sent)[0].startswith("Напишите ответ (до 3\xa0500 символов):")
    sent = await harness.press(trainer, button_data(sent, "Отмена"))
    assert texts(sent)[-1].endswith("✖️ Отменено, ничего не сохранено.")
    async with services.uow_factory() as uow:
        stored = await uow.consultations.get(consultation.id)
        notice = await uow.outbox.get_by_dedup_key(f"support-answer:{consultation.id}")
    assert stored is not None and stored.status is ConsultationStatus.OPEN
    assert notice is None


async def test_a_forged_answer_form_of_another_cohort_is_refused_and_logged(
    harness: Harness, services: Services
) -> None:
    """A lingering or forged form state holding another cohort's consultation: the answer is
    refused in the trainer's language, audit-logged, and the consultation stays open."""
    from domain.model import Role

    world = await make_world(services.uow_factory, teachers=1)
    consultation = await add_consultation(
        services.uow_factory, world.enrollments[0], trainer_id=world.trainer.id
    )
    expected = {
        "kk": "Бұл сұрау басқа ағынның тренерлеріне жіберілген.",
        "ru": "Это обращение адресовано тренерам другого потока.",
    }
    for number, lang in enumerate(("kk", "ru"), start=840_010):
        await add_person(services.uow_factory, number, "Тренер", roles={Role.TRAINER}, lang=lang)
        context = harness.dispatcher.fsm.get_context(harness.bot, number, number)
        await context.set_state("FormStates:active")
        await context.set_data(
            {
                "kit": {
                    "form": "answer-trainer",
                    "token": "forged",
                    "at": "@summary",
                    "values": {"answer": "Мен жауап беремін"},
                    "context": {"consultation_id": consultation.id, "name": "—"},
                    "prompt": None,
                    "choices": [],
                    "editing": False,
                }
            }
        )
        sent = await harness.press(make_user(number, lang), FormCb(t="forged", a="ok").pack())
        assert texts(sent)[-1].endswith(expected[lang])
    async with services.uow_factory() as uow:
        refused = [e for e in await uow.audit.recent(50) if e.action == "trainer.refused"]
        stored = await uow.consultations.get(consultation.id)
    assert [(e.entity, e.entity_id) for e in refused] == [
        ("consultation", str(consultation.id))
    ] * 2
    assert stored is not None and stored.status is ConsultationStatus.OPEN


async def test_an_answer_of_the_full_3500_characters_reaches_the_teacher(
    harness: Harness, services: Services
) -> None:
    """Issue 16, item 2: Fluent refused placeables over 2,500 characters, so a long answer's
    notice was lost; every answer the form accepts is delivered, in one message."""
    from aiogram.methods import SendMessage

    from bot.dev.sandbox.html_parse import parse_html
    from bot.runtime.delivery import DeliveryWorker
    from domain.services.consultations_admin import MAX_ANSWER

    world = await make_world(services.uow_factory, teachers=1)
    consultation = await add_consultation(
        services.uow_factory, world.enrollments[0], trainer_id=world.trainer.id
    )
    trainer = make_user(TRAINER_TG, "ru")
    await harness.press(trainer, TrainerAnswer(consultation_id=consultation.id).pack())
    answer = ("Критерии оценки эссе: модуль 1, рубрика 2. " * 100)[: MAX_ANSWER - 1] + "!"
    assert len(answer) == MAX_ANSWER
    sent = await harness.send(trainer, answer)
    sent = await harness.press(trainer, button_data(sent, "Отправить ответ"))
    assert texts(sent)[-1].endswith("Ответ отправлен. Слушатель: Айгүл Тестова 1.")
    report = await DeliveryWorker(harness.bot, services, worker_id="test").run_once()
    assert report.sent == 1
    (notice,) = [
        r
        for r in harness.session.requests
        if isinstance(r, SendMessage) and r.chat_id == TEACHER_TG
    ]
    shown = parse_html(notice.text)[0]
    assert shown.endswith("Ответ: " + answer)
    assert len(shown) <= 4096


async def test_new_requests_of_a_minute_alert_each_admin_once_read_when_sent(
    harness: Harness, services: Services
) -> None:
    """Issue 13, item 6: §31 requests arriving within a minute are one message per admin,
    listing those still pending when it is sent."""
    from datetime import timedelta

    from aiogram.methods import SendMessage

    from bot.runtime.delivery import DeliveryWorker
    from domain.services.alerts import NEW_REQUESTS, alert_admins
    from tests.bot.results.factories import AGREED_AT

    await harness.send(make_user(ADMIN_TG, "ru"), "/start")
    world = await make_world(services.uow_factory, teachers=2)
    for n, e in enumerate(world.enrollments[:2]):
        await add_request(services.uow_factory, e, RequestKind.FINISH_INTERRUPTED)
        async with services.uow_factory() as uow:  # as submit_request does, seconds apart
            added = await alert_admins(uow, NEW_REQUESTS, AGREED_AT + timedelta(seconds=n))
            await uow.commit()
        assert added == (1 if n == 0 else 0)
    services.clock.now = AGREED_AT.replace(second=0, microsecond=0) + timedelta(minutes=1)  # type: ignore[attr-defined]
    await DeliveryWorker(harness.bot, services, worker_id="test").run_once()
    [alert] = [
        r for r in harness.session.requests if isinstance(r, SendMessage) and r.chat_id == ADMIN_TG
    ][-1:]
    lines = alert.text.split("\n")
    assert lines[0] == "📨 Новые заявки слушателей (п. 31 Правил, 2) ждут решения:"
    assert lines[-1] == "Рассмотреть: /request_queue."
    assert len(lines) == 4


async def test_admin_answer_form_walks_back_and_cancels_in_kazakh(
    harness: Harness, services: Services
) -> None:
    world = await make_world(services.uow_factory, teachers=1)
    consultation = await add_consultation(
        services.uow_factory, world.enrollments[0], trainer_id=None
    )
    admin = make_user(ADMIN_TG, "kk")
    sent = await harness.press(admin, ConsultationAction(consultation_id=consultation.id).pack())
    assert texts(sent) == ["Жауабыңызды жазыңыз (3\xa0500 таңбаға дейін):"]
    sent = await harness.send(admin, "Бағалау критерийлерін қараңыз.")
    assert texts(sent) == [
        f"💬 № {consultation.id} сұрауға жауап: Айгүл Тестова 1\n\n"
        "<b>Жауап:</b> Бағалау критерийлерін қараңыз.\n\n"
        "Тексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ."
    ]
    sent = await harness.press(admin, button_data(sent, "Артқа"))
    assert texts(sent) == [
        "Жауабыңызды жазыңыз (3\xa0500 таңбаға дейін):\n\n"
        "Қазіргі жауап: Бағалау критерийлерін қараңыз."
    ]
    sent = await harness.press(admin, button_data(sent, "Бас тарту"))
    assert texts(sent)[-1].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    async with services.uow_factory() as uow:
        stored = await uow.consultations.get(consultation.id)
        notice = await uow.outbox.get_by_dedup_key(f"support-answer:{consultation.id}")
    assert stored is not None and stored.status is ConsultationStatus.OPEN
    assert notice is None


@pytest.mark.parametrize(
    ("lang", "saved", "confirm", "decide", "best"),
    [
        ("ru", "Сохранено: <b>Айгүл Тестова 1</b> — 75 из 100.", "Сохранить балл",
         "Подтвердить решение", "5 (отлично)"),
        ("kk", "Сақталды: <b>Айгүл Тестова 1</b> — 75 / 100 балл.", "Балды сақтау",
         "Шешімді растау", "5 (өте жақсы)"),
    ],
)  # fmt: skip
async def test_next_cohort_retake_after_this_years_reassessment_is_stored(
    harness: Harness,
    services: Services,
    lang: str,
    saved: str,
    confirm: str,
    decide: str,
    best: str,
) -> None:
    """§31.2 after a §31.1 re-assessment this year: the approved request leads to a stored
    score (it used to be refused "not more than once a year")."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from domain.services.results import decide_cohort_outcomes, record_score
    from tests.bot.results.factories import attend

    world = await make_world(services.uow_factory, teachers=1, sessions=5)
    e = world.enrollments[0]
    await attend(services.uow_factory, e, world.sessions)
    earlier = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    tz = ZoneInfo("Asia/Almaty")
    await record_score(services.uow_factory, 1, e.id, 20, {}, earlier, tz=tz)
    await decide_cohort_outcomes(services.uow_factory, world.cohort.id, earlier)
    first = await record_score(
        services.uow_factory, 1, e.id, 30, {}, earlier, reassessment=True, tz=tz
    )
    assert first.refusal is None  # §31.1 used three days ago
    await decide_cohort_outcomes(services.uow_factory, world.cohort.id, earlier)
    target = await other_cohort(services, world.course.id)
    request = await add_request(
        services.uow_factory, e, RequestKind.REASSESSMENT_NEXT_COHORT, target=target
    )
    admin = make_user(ADMIN_TG, lang)
    sent = await harness.press(admin, RequestAction(action="approve", request_id=request.id).pack())
    await harness.press(admin, button_data(sent, decide))
    await harness.press(admin, RequestAction(action="rescore", request_id=request.id).pack())
    sent = await harness.send(admin, "75")
    for _ in range(2):
        sent = await harness.press(admin, button_data(sent, best))
    sent = await harness.press(admin, button_data(sent, confirm))
    assert saved in texts(sent)[-1]
    async with services.uow_factory() as uow:
        latest = await uow.assessments.latest(e.id)
    assert latest is not None and latest.score == 75 and latest.with_next_cohort
    assert (await enrollment(services.uow_factory, e.id)).status is EnrollmentStatus.COMPLETED
