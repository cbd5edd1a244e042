"""§36–37 post-course support, teacher side, in Kazakh and Russian."""

from __future__ import annotations

from datetime import date

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from bot.ui.formatting import notice_args
from domain.model import Consultation, ConsultationStatus, Person, Role, SupportKind
from tests.bot.teacher.helpers import (
    IIN_IVAN,
    buttons,
    enroll,
    make_cohort,
    registered_teacher,
)


async def trainer(services: Services, telegram_id: int, name: str) -> int:
    async with services.uow_factory() as uow:
        person = await uow.people.add(
            Person(telegram_id=telegram_id, language="kk", full_name=name, roles={Role.TRAINER})
        )
        await uow.commit()
    return person.id


async def consultations(services: Services, telegram_id: int) -> list[Consultation]:
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        return await uow.consultations.for_person(person.id)


async def test_question_goes_to_the_least_busy_trainer_in_kazakh(
    harness: Harness, services: Services
) -> None:
    busy = await trainer(services, 701, "Бос емес Тренер")
    free = await trainer(services, 702, "Бос Тренер")
    cohort = await make_cohort(services, starts_on=date(2026, 5, 1), trainer_ids=[busy, free])
    user = await registered_teacher(harness, 710, "kk")
    enrollment_id = await enroll(
        services, 710, cohort, status="completed", accepted=True, completed_on=date(2026, 6, 1)
    )
    async with services.uow_factory() as uow:
        other = await uow.people.get_by_telegram_id(701)
        await uow.consultations.add(
            Consultation(
                person_id=other.id,
                enrollment_id=enrollment_id,
                kind=SupportKind.CONSULTATION,
                question="?",
                trainer_id=busy,
                status=ConsultationStatus.OPEN,
            )
        )
        await uow.commit()
    sent = await harness.send(user, "🤝 Посткурстық сүйемелдеу")
    assert texts(sent)[0] == (
        "<b>Жаңартылған білім беру мазмұны</b>. Сүйемелдеу "
        "2027\u202fж. 1 маусымды қоса алғанда қолжетімді. "
        "Немен көмектесейік?"
    )
    assert [d for _, d in buttons(sent[0])] == [
        f"tsp:consultation:{enrollment_id}",
        f"tsp:publication:{enrollment_id}",
        f"tsp:community_event:{enrollment_id}",
    ]
    await harness.press(user, f"tsp:publication:{enrollment_id}")
    assert texts(await harness.send(user, "с" * 2001)) == [
        "Мәтін тым ұзын: 2\xa0001 таңба, ең көбі 2\xa0000 таңба болуы керек. "
        "Қысқартып, қайта жіберіңіз."
    ]
    sent = await harness.send(user, "Мақаламды <қайда> жариялауға болады?")
    summary = (
        "<b>🤝 Жарияланымға көмек</b>\n«Жаңартылған білім беру мазмұны» курсы бойынша\n\n"
        "<b>Сұрақ:</b> Мақаламды &lt;қайда&gt; жариялауға болады?"
    )
    assert texts(sent) == [
        summary + "\n\nТексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ."
    ]
    # back to the (only) step, then cancel: nothing is stored, no trainer is told
    sent = await harness.press(user, button_data(sent, "⬅️ Артқа"))
    assert texts(sent)[0].endswith("Қазіргі жауап: Мақаламды &lt;қайда&gt; жариялауға болады?")
    sent = await harness.press(user, button_data(sent, "✖️ Бас тарту"))
    assert texts(sent)[0].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    assert await consultations(services, 710) == []
    async with services.uow_factory() as uow:
        assert await uow.outbox.get_by_dedup_key("support-question:1") is None
    await harness.press(user, f"tsp:publication:{enrollment_id}")
    sent = await harness.send(user, "Мақаламды <қайда> жариялауға болады?")
    sent = await harness.press(user, button_data(sent, "✅ Тренерге жіберу"))
    assert texts(sent)[-1] == (summary + "\n\nСұрақ тренерге жіберілді. Жауабы осы чатқа келеді.")
    mine = await consultations(services, 710)
    assert [(c.kind, c.trainer_id, c.status) for c in mine] == [
        (SupportKind.PUBLICATION, free, ConsultationStatus.OPEN)
    ]
    async with services.uow_factory() as uow:
        notice = await uow.outbox.get_by_dedup_key(f"support-question:{mine[0].id}")
    assert notice.chat_id == 702
    assert notice.payload["key"] == "support-new-question"
    assert notice.payload["args"] == {  # queued as typed, escaped when sent
        "teacher": "Сейтқалиева Айгүл Нұрланқызы",
        "topic": "Жаңартылған білім беру мазмұны",
        "question": "Мақаламды <қайда> жариялауға болады?",
    }
    assert notice_args(notice.payload, "kk") == {  # escaped by the i18n core when rendered
        "teacher": "Сейтқалиева Айгүл Нұрланқызы",
        "topic": "Жаңартылған білім беру мазмұны",
        "question": "Мақаламды <қайда> жариялауға болады?",
    }
    assert "Мақаламды &lt;қайда&gt; жариялауға" in services.i18n_core.get(
        "support-new-question", "kk", **notice_args(notice.payload, "kk")
    )
    sent = await harness.send(user, "/support")
    assert (
        "❓ Мақаламды &lt;қайда&gt; жариялауға болады?\n💬 тренердің жауабын күтуде"
        in texts(sent)[-1]
    )


async def test_after_twelve_months_the_period_has_ended_in_russian(
    harness: Harness, services: Services
) -> None:
    cohort = await make_cohort(services, starts_on=date(2025, 11, 1))
    user = await registered_teacher(harness, 711, "ru")
    enrollment_id = await enroll(
        services, 711, cohort, status="completed", accepted=True, completed_on=date(2025, 11, 22)
    )
    sent = await harness.send(user, "🤝 Посткурсовое сопровождение")
    assert texts(sent) == [
        "<b>Обновлённое содержание образования</b>. Период посткурсового "
        "сопровождения (один год) закончился 22 ноября 2026\u202fг."
    ]
    assert buttons(sent[0]) == []
    sent = await harness.press(user, f"tsp:consultation:{enrollment_id}")
    assert texts(sent) == ["Период посткурсового сопровождения закончился 22 ноября 2026\u202fг."]
    assert await consultations(services, 711) == []


async def test_last_day_of_the_year_is_still_open(harness: Harness, services: Services) -> None:
    cohort = await make_cohort(services, starts_on=date(2025, 11, 1))
    user = await registered_teacher(harness, 712, "ru")
    await enroll(
        services, 712, cohort, status="completed", accepted=True, completed_on=date(2025, 11, 23)
    )
    sent = await harness.send(user, "/support")
    assert texts(sent)[0].endswith(
        "Сопровождение доступно до 23 ноября 2026\u202fг. включительно. Чем помочь?"
    )


async def test_no_support_without_completion_and_forged_ids(
    harness: Harness, services: Services
) -> None:
    cohort = await make_cohort(services, starts_on=date(2026, 5, 1))
    await registered_teacher(harness, 713, "ru")
    theirs = await enroll(
        services, 713, cohort, status="completed", accepted=True, completed_on=date(2026, 6, 1)
    )
    ivan = await registered_teacher(harness, 714, "ru", iin=IIN_IVAN, name="Иванов Иван")
    assert texts(await harness.send(ivan, "/support")) == [
        "Посткурсовое сопровождение доступно в течение года после успешного завершения курса. "
        "У вас пока нет завершённых курсов."
    ]
    for data in (f"tsp:consultation:{theirs}", f"tsp:gossip:{theirs}"):
        sent = await harness.press(ivan, data)
        assert texts(sent) == ["Эта кнопка устарела или недоступна. Откройте /support заново."]
    assert await consultations(services, 714) == []
    assert await consultations(services, 713) == []


async def test_question_walked_back_and_cancelled_in_russian(
    harness: Harness, services: Services
) -> None:
    await trainer(services, 715, "Тренер Бір")
    cohort = await make_cohort(services, starts_on=date(2026, 5, 1))
    user = await registered_teacher(harness, 716, "ru")
    enrollment_id = await enroll(
        services, 716, cohort, status="completed", accepted=True, completed_on=date(2026, 6, 1)
    )
    sent = await harness.press(user, f"tsp:consultation:{enrollment_id}")
    assert texts(sent) == [
        "Опишите ваш вопрос или просьбу одним сообщением (не больше 2000 символов). "
        "Его получит тренер вашего потока."
    ]
    sent = await harness.send(user, "Как оценивать проекты?")
    assert texts(sent)[0].startswith(
        "<b>🤝 Методическая или консультационная помощь</b>\n"
        "По курсу «Обновлённое содержание образования»\n\n"
        "<b>Вопрос:</b> Как оценивать проекты?"
    )
    sent = await harness.press(user, button_data(sent, "⬅️ Назад"))
    assert texts(sent)[0].endswith("Сейчас: Как оценивать проекты?")
    sent = await harness.press(user, button_data(sent, "✖️ Отмена"))
    assert texts(sent)[0].endswith("✖️ Отменено, ничего не сохранено.")
    assert await consultations(services, 716) == []
