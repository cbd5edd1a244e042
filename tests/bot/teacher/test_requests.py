"""§31 requests, teacher side, in Kazakh and Russian, with every refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aiogram.types import Document, PhotoSize

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from domain.model import FinalAssessment, RequestKind, RequestStatus
from tests.bot.teacher.helpers import (
    IIN_IVAN,
    buttons,
    enroll,
    make_cohort,
    registered_teacher,
    sibling_cohort,
)


async def requests_of(services: Services, telegram_id: int):
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        return await uow.requests.for_person(person.id)


async def not_passed(
    harness: Harness,
    services: Services,
    telegram_id: int,
    lang: str,
    status: str = "not_passed",
    **kwargs,
) -> tuple:
    cohort = await make_cohort(
        services, code="A-1", starts_on=date(2026, 11, 2), ends_on=date(2026, 11, 13)
    )
    target = await sibling_cohort(
        services, cohort, code="B-2", starts_on=date(2026, 12, 7), ends_on=date(2026, 12, 18)
    )
    user = await registered_teacher(harness, telegram_id, lang, **kwargs)
    enrollment_id = await enroll(
        services, telegram_id, cohort, status=status, accepted=True, past=10, attended=5
    )
    return user, enrollment_id, target


async def test_reassessment_once_a_year_in_kazakh(harness: Harness, services: Services) -> None:
    user, enrollment_id, _ = await not_passed(harness, services, 600, "kk")
    async with services.uow_factory() as uow:
        await uow.assessments.add(
            FinalAssessment(
                enrollment_id=enrollment_id,
                score=30,
                max_score=100,
                assessed_on=date(2026, 6, 1),
                is_reassessment=True,
            )
        )
        await uow.commit()
    sent = await harness.send(user, "📝 Өтініштер")
    assert texts(sent) == [
        "<b>Жаңартылған білім беру мазмұны</b> (A-1 ағыны). Қандай өтініш бересіз?"
    ]
    assert [label for label, _ in buttons(sent[0])] == [
        "Қайта бағалау",
        "Келесі ағынмен қайта бағалау",
        "Басқа ағынға ауыстыру",
        "Үзілген курсты аяқтау",
    ]
    sent = await harness.press(user, f"trq:reassessment:{enrollment_id}")
    assert texts(sent) == [
        "Қайта бағалау жылына бір реттен жиі өткізілмейді. "
        "Келесі өтінішті 2027\u202fж. 1 маусымнан бастап беруге болады."
    ]
    assert await requests_of(services, 600) == []
    # re-assessment with the next cohort is a separate option (§31.2)
    await harness.press(user, f"trq:reassessment_next_cohort:{enrollment_id}")
    sent = await harness.send(user, "бір нәрсе")
    assert texts(sent) == ["Жауапты хабарлама астындағы батырмамен таңдаңыз."]


async def test_reassessment_allowed_after_365_days(
    harness: Harness, services: Services, clock
) -> None:
    user, enrollment_id, _ = await not_passed(harness, services, 601, "ru")
    async with services.uow_factory() as uow:
        await uow.assessments.add(
            FinalAssessment(
                enrollment_id=enrollment_id,
                score=30,
                max_score=100,
                assessed_on=date(2025, 11, 23),
                is_reassessment=True,
            )
        )
        await uow.commit()
    sent = await harness.press(user, f"trq:reassessment:{enrollment_id}")
    # nothing to ask: the summary at once
    assert texts(sent) == [
        "<b>📝 Заявка (п. 31 Правил): Повторное оценивание</b>\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    sent = await harness.press(user, button_data(sent, "✅ Подать заявку"))
    assert texts(sent)[-1].endswith(
        "Заявка подана. Решение администратора придёт в этот чат, статус виден командой /requests."
    )
    stored = await requests_of(services, 601)
    assert [(r.kind, r.status) for r in stored] == [
        (RequestKind.REASSESSMENT, RequestStatus.PENDING)
    ]
    sent = await harness.press(user, f"trq:reassessment:{enrollment_id}")
    assert texts(sent) == ["Такая заявка уже подана и ждёт решения."]
    # the decision is visible in the list
    async with services.uow_factory() as uow:
        request = stored[0]
        request.status, request.decision_note = RequestStatus.REJECTED, "нет мест"
        request.decided_at = datetime(2026, 11, 24, tzinfo=UTC)
        await uow.requests.update(request)
        await uow.commit()
    sent = await harness.send(user, "/requests")
    assert texts(sent)[0] == (
        "<b>📝 Мои заявки (п. 31 Правил)</b>\n• Повторное оценивание — Обновлённое "
        "содержание образования: отклонена. Решение: нет мест"
    )


async def test_transfer_with_reason_in_russian(harness: Harness, services: Services) -> None:
    user, enrollment_id, target = await not_passed(harness, services, 602, "ru", status="enrolled")
    sent = await harness.send(user, "📝 Заявки")
    assert [label for label, _ in buttons(sent[0])] == [
        "Перевод в другой поток",
        "Завершение прерванного курса",
    ]
    sent = await harness.press(user, f"trq:transfer:{enrollment_id}")
    assert texts(sent) == ["Выберите поток того же курса:"]
    assert buttons(sent[-1])[0][0] == "B-2: 7 декабря 2026\u202fг. — 18 декабря 2026\u202fг."
    forged = await harness.press(user, "fk:forged:pick:0")
    assert texts(forged) == ["Эта кнопка устарела: форма уже закрыта."]
    sent = await harness.press(user, button_data(sent, "B-2"))
    assert texts(sent) == ["Опишите уважительную причину (не больше 1000 символов)."]
    assert texts(await harness.send(user, "х" * 1001)) == [
        "Слишком длинный текст: 1\xa0001 симв., допускается не больше 1\xa0000. Сократите и "
        "отправьте ещё раз."
    ]
    sent = await harness.send(user, "больничный лист")
    summary = (
        "<b>📝 Заявка (п. 31 Правил): Перевод в другой поток</b>\n\n"
        "<b>Поток:</b> B-2: 7 декабря 2026\u202fг. — 18 декабря 2026\u202fг.\n"
        "<b>Причина:</b> больничный лист"
    )
    assert texts(sent) == [
        summary + "\n\nПроверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    # back to the first step, then cancel: nothing is stored
    sent = await harness.press(user, button_data(sent, "⬅️ Назад"))
    assert texts(sent) == [
        "Опишите уважительную причину (не больше 1000 символов).\n\nСейчас: больничный лист"
    ]
    sent = await harness.press(user, button_data(sent, "⬅️ Назад"))
    assert texts(sent)[0].startswith("Выберите поток того же курса:\n\nСейчас: B-2")
    sent = await harness.press(user, button_data(sent, "✖️ Отмена"))
    assert texts(sent)[0].endswith("✖️ Отменено, ничего не сохранено.")
    assert await requests_of(services, 602) == []
    sent = await harness.press(user, f"trq:transfer:{enrollment_id}")
    sent = await harness.press(user, button_data(sent, "B-2"))
    sent = await harness.send(user, "больничный лист")
    sent = await harness.press(user, button_data(sent, "✅ Подать заявку"))
    assert texts(sent)[-1].startswith(summary + "\n\nЗаявка подана.")
    stored = (await requests_of(services, 602))[0]
    assert (stored.kind, stored.target_cohort_id, stored.reason) == (
        RequestKind.TRANSFER,
        target,
        "больничный лист",
    )


async def test_finishing_interrupted_course_needs_photo_or_pdf(
    harness: Harness, services: Services
) -> None:
    user, enrollment_id, _ = await not_passed(harness, services, 603, "kk", status="enrolled")
    sent = await harness.press(user, f"trq:finish_interrupted:{enrollment_id}")
    await harness.press(user, button_data(sent, "B-2"))
    sent = await harness.send(user, "ауырып қалдым")
    assert texts(sent)[0].startswith("Растайтын құжаттарды жіберіңіз: фото немесе PDF")
    wrong = "Тек фото мен PDF файлдар қабылданады."
    assert texts(await harness.send(user, "міне")) == [wrong]
    word = Document(file_id="w1", file_unique_id="w", mime_type="application/msword", file_size=100)
    assert texts(await harness.send_message(user, document=word)) == [wrong]
    huge = Document(
        file_id="big",
        file_unique_id="b",
        mime_type="application/pdf",
        file_size=20 * 1024 * 1024 + 1,
    )
    assert texts(await harness.send_message(user, document=huge)) == [
        "Файл 20 МБ-тан үлкен. Кішірек файл жіберіңіз."
    ]
    photo = [
        PhotoSize(file_id="small", file_unique_id="s", width=90, height=90),
        PhotoSize(file_id="large", file_unique_id="l", width=900, height=900, file_size=300_000),
    ]
    sent = await harness.send_message(user, photo=photo)
    assert texts(sent) == [
        "✅ Алынған файлдар: 1. Тағы жіберіңіз немесе «Дайын» батырмасын басыңыз."
    ]
    pdf = Document(
        file_id="pdf1", file_unique_id="p", mime_type="application/pdf", file_size=20 * 1024 * 1024
    )
    sent = await harness.send_message(user, document=pdf)
    sent = await harness.press(user, button_data(sent, "✔️ Дайын"))
    assert "<b>Құжаттар саны:</b> 2" in texts(sent)[0]
    assert await requests_of(services, 603) == []
    await harness.press(user, button_data(sent, "✅ Өтініш беру"))
    stored = (await requests_of(services, 603))[0]
    assert (stored.kind, stored.document_file_ids, stored.reason) == (
        RequestKind.FINISH_INTERRUPTED,
        ["large", "pdf1"],
        "ауырып қалдым",
    )


async def test_forged_request_for_another_teachers_enrollment(
    harness: Harness, services: Services
) -> None:
    _, enrollment_id, _ = await not_passed(harness, services, 604, "ru")
    ivan = await registered_teacher(harness, 605, "ru", iin=IIN_IVAN, name="Иванов Иван")
    for kind in ("reassessment", "transfer", "finish_interrupted"):
        sent = await harness.press(ivan, f"trq:{kind}:{enrollment_id}")
        assert texts(sent) == ["Эта кнопка устарела или недоступна. Откройте /requests заново."]
    sent = await harness.press(ivan, f"trq:delete_all:{enrollment_id}")
    assert texts(sent) == ["Эта кнопка устарела или недоступна. Откройте меню заново: /menu"]
    assert await requests_of(services, 605) == []
    assert await requests_of(services, 604) == []
    sent = await harness.send(ivan, "/requests")
    assert texts(sent)[0].startswith("Заявки по п. 31 Правил доступны")
