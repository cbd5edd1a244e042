"""§24 agreement and "My courses": attendance, score, outcome; only one's own enrollments."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aiogram.methods import SendDocument

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from domain.agreement import AGREEMENT_VERSION
from domain.model import Certificate, DocumentKind, FinalAssessment
from domain.services.agreement import agreement_accepted
from tests.bot.teacher.helpers import (
    IIN_IVAN,
    buttons,
    enroll,
    make_cohort,
    registered_teacher,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def enrollment(services: Services, enrollment_id: int):
    async with services.uow_factory() as uow:
        return await uow.enrollments.get_by_id(enrollment_id)


async def test_enrolled_teacher_reads_and_accepts_the_agreement_in_kazakh(
    harness: Harness, services: Services
) -> None:
    cohort_id = await make_cohort(services, code="KZ-7", starts_on=date(2026, 11, 19))
    user = await registered_teacher(harness, 500, "kk")
    enrollment_id = await enroll(services, 500, cohort_id)
    sent = await harness.send(user, "🎓 Менің курстарым")
    card = texts(sent)[0]
    assert card.startswith(
        "<b>🎓 Жаңартылған білім беру мазмұны</b>\nKZ-7 ағыны: "
        "2026\u202fж. 19 қараша — 2026\u202fж. 18 желтоқсан"
    )
    assert "Қатысқан сабақтарыңыз: 3, барлық сабақ саны — 10 (30 %)." in card
    assert "80 %-ға жету үшін тағы 5 сабаққа қатысу керек." in card
    assert "Қорытынды бағалау әлі өткізілген жоқ. Өту балы — 50, ең жоғары балл — 100." in card
    assert "⚠️ Оқуға арналған шарт қабылданбаған" in card
    assert buttons(sent[0]) == [("📄 Шартты оқу және қабылдау", f"tag:read:{enrollment_id}")]
    assert not await agreement_accepted(services.uow_factory, enrollment_id)

    sent = await harness.press(user, f"tag:read:{enrollment_id}")
    text = texts(sent)[0]
    assert text.startswith("<b>Оқуға арналған шарт</b>")
    for part in (
        "1) белгіленген оқу жоспарына",
        "2) оқу тәртібі",
        "3) сабақ кестесі бойынша барлық сабақтың кемінде 80 %-ына",
        "4) қорытынды тестілеуден ең жоғары балдың кемінде 50 %-ы",
        "Ұйым жұмыс берушіні",
    ):
        assert part in text
    assert text.endswith("Тексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ.")
    # nothing asked, so no Back: Cancel keeps the agreement unaccepted
    assert [label for label, _ in buttons(sent[-1])] == [
        "✅ Шарт талаптарын қабылдаймын",
        "✖️ Бас тарту",
    ]
    cancelled = await harness.press(user, button_data(sent, "✖️ Бас тарту"))
    assert texts(cancelled)[0].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    assert not await agreement_accepted(services.uow_factory, enrollment_id)
    sent = await harness.press(user, f"tag:read:{enrollment_id}")
    sent = await harness.press(user, button_data(sent, "✅ Шарт талаптарын"))
    assert texts(sent)[-1].endswith(
        "«Жаңартылған білім беру мазмұны» курсы бойынша оқуға арналған шарт "
        "2026\u202fж. 23 қарашада қабылданды. Енді сабақтарда қатысуыңызды белгілеуге болады."
    )
    stored = await enrollment(services, enrollment_id)
    assert (stored.agreement_version, stored.agreement_lang, stored.agreement_accepted_at) == (
        AGREEMENT_VERSION,
        "kk",
        NOW,
    )
    assert await agreement_accepted(services.uow_factory, enrollment_id)
    sent = await harness.press(user, f"tag:accept:{enrollment_id}")
    assert texts(sent) == ["Сіз бұл шартты қабылдап қойғансыз."]


async def test_forged_ids_of_another_teacher_change_nothing(
    harness: Harness, services: Services
) -> None:
    cohort_id = await make_cohort(services, starts_on=date(2026, 11, 19))
    await registered_teacher(harness, 501, "ru")
    theirs = await enroll(services, 501, cohort_id, status="completed", accepted=False)
    ivan = await registered_teacher(harness, 502, "ru", iin=IIN_IVAN, name="Иванов Иван")
    for data in (f"tag:read:{theirs}", f"tag:accept:{theirs}", "tag:accept:99999", "tag:delete:1"):
        sent = await harness.press(ivan, data)
        assert texts(sent) == [
            "Эта кнопка устарела или недоступна. Откройте «🎓 Мои курсы» заново."
        ]
    assert (await enrollment(services, theirs)).agreement_accepted_at is None
    sent = await harness.press(ivan, f"trd:{theirs}")
    assert texts(sent) == ["Документы по этому курсу ещё не выданы."]
    assert not [r for r in sent if isinstance(r, SendDocument)]
    sent = await harness.send(ivan, "/mycourses")
    assert texts(sent) == ["У вас пока нет курсов и заявлений. Выберите курс: «📚 Курсы и запись»."]


async def test_certificate_outcome_and_frozen_documents_resent_in_russian(
    harness: Harness, services: Services
) -> None:
    cohort_id = await make_cohort(services, starts_on=date(2026, 11, 1))
    user = await registered_teacher(harness, 503, "ru")
    enrollment_id = await enroll(
        services,
        503,
        cohort_id,
        sessions=10,
        past=10,
        attended=9,
        status="completed",
        accepted=True,
    )
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(503)
        await uow.assessments.add(
            FinalAssessment(
                enrollment_id=enrollment_id, score=73, max_score=100, assessed_on=date(2026, 11, 20)
            )
        )
        cert = await uow.certificates.add(
            Certificate(
                number="ORL-2026-000042",
                kind=DocumentKind.CERTIFICATE,
                person_id=person.id,
                enrollment_id=enrollment_id,
                holder_full_name=person.full_name,
                topic="T",
                academic_hours=72,
                issued_on=date(2026, 11, 21),
                valid_until=date(2029, 11, 21),
            )
        )
        await uow.documents.save_for_certificate(
            cert,
            kind=DocumentKind.CERTIFICATE,
            lang="ru",
            content=b"%PDF-frozen",
            created_at=NOW,
            file_name="ORL-2026-000042.pdf",
        )
        await uow.commit()
    sent = await harness.send(user, "🎓 Мои курсы")
    card = texts(sent)[0]
    assert "Посещаемость: 9 из 10 занятий (90 %)." in card
    assert "Итоговое оценивание: 73 из 100 (проходной балл — 50)." in card
    assert card.endswith(
        "🏅 Сертификат № ORL-2026-000042, действителен до 21 ноября 2029\u202fг.\n\n"
        "📅 /schedule — расписание в календарь (.ics) · 📝 /requests — заявки (п. 31 Правил) · "
        "🤝 /support — сопровождение после курса."
    )
    assert ("📨 Отправить мои документы ещё раз", f"trd:{enrollment_id}") in buttons(sent[0])
    sent = await harness.press(user, f"trd:{enrollment_id}")
    documents = [r for r in sent if isinstance(r, SendDocument)]
    assert [d.document.data for d in documents] == [b"%PDF-frozen"]
    assert documents[0].document.filename == "Сертификат-ORL-2026-000042.pdf"


async def test_expelled_and_listening_reference_outcomes(
    harness: Harness, services: Services
) -> None:
    first = await make_cohort(services, code="E-1", starts_on=date(2026, 11, 1))
    second = await make_cohort(services, code="E-2", starts_on=date(2026, 10, 1))
    user = await registered_teacher(harness, 504, "kk")
    await enroll(
        services,
        504,
        first,
        status="expelled",
        accepted=True,
        expelled_reason="сабаққа қатыспады <b>",
        expulsion_order="№ 15-Ө",
    )
    await enroll(services, 504, second, status="not_passed", accepted=True, past=10, attended=5)
    sent = await harness.send(user, "/mycourses")
    expelled, reference = texts(sent)[0], texts(sent)[1]
    assert "⛔ Оқудан шығарылдыңыз (№ 15-Ө бұйрық). Себебі: сабаққа қатыспады &lt;b&gt;" in expelled
    assert "📄 Курсты тыңдағаны туралы № — анықтама берілді." in reference
    assert "қайта бағалауға (жылына бір реттен жиі емес)" in reference


async def test_attendance_that_can_no_longer_reach_80_percent(
    harness: Harness, services: Services
) -> None:
    cohort_id = await make_cohort(services, starts_on=date(2026, 11, 1))
    user = await registered_teacher(harness, 505, "ru")
    await enroll(services, 505, cohort_id, sessions=10, past=5, attended=2, accepted=True)
    card = texts(await harness.send(user, "/mycourses"))[0]
    assert "Посещаемость: 2 из 10 занятий (20 %)." in card
    assert "Даже посетив все оставшиеся занятия, 80 % уже не набрать." in card
    assert "Договор принят: 24 октября 2026\u202fг." in card


async def test_russian_plural_of_sessions_still_needed(
    harness: Harness, services: Services
) -> None:
    cohort_id = await make_cohort(services, starts_on=date(2026, 11, 1))
    user = await registered_teacher(harness, 506, "ru")
    await enroll(services, 506, cohort_id, sessions=10, past=4, attended=3, accepted=True)
    card = texts(await harness.send(user, "/mycourses"))[0]
    assert "Для 80 % нужно посетить ещё 5 занятий." in card
    cohort2 = await make_cohort(services, code="Z-2", starts_on=date(2026, 11, 2))
    await enroll(services, 506, cohort2, sessions=10, past=4, attended=4, accepted=True)
    cards = texts(await harness.send(user, "/mycourses"))
    assert any("Для 80 % нужно посетить ещё 4 занятия." in c for c in cards)
