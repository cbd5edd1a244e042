"""/issue end to end: the admin's dialogue, the PDFs as a person reads them, delivery through
429/5xx and a restart with exactly one certificate message per teacher, /documents re-sends."""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta

from aiogram.exceptions import TelegramRetryAfter, TelegramServerError
from aiogram.methods import EditMessageText, SendDocument
from aiogram.types import Chat, InlineKeyboardMarkup
from pypdf import PdfReader

from bot.dev.testing import Harness, make_user, texts
from bot.handlers.admin.certificates import IssueCb
from bot.runtime.container import Services
from bot.runtime.delivery import DeliveryWorker
from domain.model import DocumentKind, OutboxStatus, Role
from tests.bot.certificates.factories import (
    ADMIN_TG,
    TEACHER_TG,
    add_teacher,
    issue_now,
    make_cohort,
)
from tests.conftest import FakeClock

REFUSED_RU = "Это доступно только администраторам. Попытка записана в журнал."
GROUP_RU = (
    "Команды администратора работают только в личном чате с ботом. Попытка записана в журнал."
)


def buttons(request: object) -> list[tuple[str, str]]:
    markup = getattr(request, "reply_markup", None)
    assert isinstance(markup, InlineKeyboardMarkup)
    return [(b.text, b.callback_data or "") for row in markup.inline_keyboard for b in row]


async def issued_numbers(services: Services) -> list[str]:
    async with services.uow_factory() as uow:
        numbers = []
        for person in await uow.people.list_by_role(Role.TEACHER):
            numbers += [c.number for c in await uow.certificates.for_person(person.id)]
    return sorted(numbers)


async def test_admin_issues_a_cohort_with_progress_and_summary_in_russian(
    harness: Harness, services: Services
) -> None:
    world = await make_cohort(services.uow_factory, language="kk", code="ФС-11")
    uf = services.uow_factory
    await add_teacher(
        uf, world, "Әлия Серікқызы Нұрланова", telegram_id=TEACHER_TG, attended=8, score=50
    )
    await add_teacher(uf, world, "Бақыт Ұланов", telegram_id=TEACHER_TG + 1, attended=7)
    await add_teacher(uf, world, "Гүлнар Қайратқызы", telegram_id=TEACHER_TG + 2, score=49)
    await make_cohort(uf, code="FUTURE", ends_on=services.clock().date() + timedelta(days=1))
    admin = make_user(ADMIN_TG, "ru")

    sent = await harness.send(admin, "/issue")
    assert texts(sent) == [
        "Выберите поток, которому выдать документы (показаны завершённые потоки):"
    ]
    pick = IssueCb(action="pick", cohort_id=world.cohort.id).pack()
    assert buttons(sent[0]) == [("ФС-11 · 20.11.2026", pick)]  # the unfinished one is not shown
    sent = await harness.press(admin, pick)
    assert texts(sent) == [
        "Поток <b>ФС-11</b>: «Функционалдық сауаттылықты дамыту: Қазақ тілі және әдебиеті», "
        "слушателей: 3.\nПрошедшим итоговое оценивание — сертификат и приложение, не прошедшим "
        "— справка о прослушивании курса. Выдать?"
    ]
    go = IssueCb(action="go", cohort_id=world.cohort.id).pack()
    assert [b[1] for b in buttons(sent[-1])] == [
        go,
        IssueCb(action="cancel", cohort_id=world.cohort.id).pack(),
    ]
    sent = await harness.press(admin, go)
    assert texts(sent) == [
        "Выдача документов… 1 / 3",
        "Выдача документов… 3 / 3",
        "Готово, поток <b>ФС-11</b>.\nВыдано сертификатов: 1\nВыдано справок о прослушивании: 2"
        "\nИз них не сдававшим итоговое оценивание: 0\nУже имели документ (пропущены): 0"
        "\nОтчислены: 0\n"
        "Уведомления уходят слушателям по очереди.",
    ]
    assert sum(isinstance(r, EditMessageText) for r in sent) == 2  # the same message, edited
    # §31: the two references have their own series; the certificate register has no gap
    assert sorted(await issued_numbers(services)) == [
        "ORL-2026-000001",
        "ORL-2026-C000001",
        "ORL-2026-C000002",
    ]
    sent = await harness.press(admin, go)  # pressed again: nothing new
    assert texts(sent)[-1].startswith(
        "Готово, поток <b>ФС-11</b>.\nВыдано сертификатов: 0\n"
        "Выдано справок о прослушивании: 0\n"
        "Из них не сдававшим итоговое оценивание: 0\n"
        "Уже имели документ (пропущены): 3"
    )
    assert len(await issued_numbers(services)) == 3


async def test_issue_refusals_in_kazakh_change_nothing(
    harness: Harness, services: Services
) -> None:
    world = await make_cohort(services.uow_factory)
    await add_teacher(services.uow_factory, world, "Әлия Нұрланова", telegram_id=TEACHER_TG)
    admin = make_user(ADMIN_TG, "kk")
    teacher = make_user(TEACHER_TG, "kk")
    go = IssueCb(action="go", cohort_id=world.cohort.id).pack()
    assert texts(await harness.send(teacher, "/issue")) == [
        "Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды."
    ]
    assert texts(await harness.press(teacher, go)) == [
        "Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды."
    ]
    group = Chat(id=-100, type="group")
    assert texts(await harness.send(make_user(ADMIN_TG, "ru"), "/issue", chat=group)) == [GROUP_RU]
    forged = IssueCb(action="pick", cohort_id=99_999).pack()
    assert texts(await harness.press(admin, forged)) == [
        "Ағын табылмады. Тізімді қайта ашыңыз: /issue"
    ]
    sent = await harness.press(admin, IssueCb(action="go", cohort_id=99_999).pack())
    assert texts(sent) == ["Ағын табылмады. Тізімді қайта ашыңыз: /issue"]
    sent = await harness.press(admin, IssueCb(action="cancel", cohort_id=world.cohort.id).pack())
    assert texts(sent) == ["Беру тоқтатылды, ештеңе өзгерген жоқ."]
    assert await issued_numbers(services) == []


async def test_an_unfinished_cohort_is_refused(harness: Harness, services: Services) -> None:
    world = await make_cohort(
        services.uow_factory, ends_on=services.clock().date() + timedelta(days=3), code="LATE"
    )
    await add_teacher(services.uow_factory, world, "Әлия Нұрланова", telegram_id=TEACHER_TG)
    sent = await harness.press(
        make_user(ADMIN_TG, "ru"), IssueCb(action="go", cohort_id=world.cohort.id).pack()
    )
    assert texts(sent) == [
        "Поток <b>LATE</b> ещё не закончился (дата окончания: 26 ноября "
        "2026\u202fг.). Документы выдаются после окончания потока, когда "
        "оценки окончательные."
    ]
    assert await issued_numbers(services) == []


async def test_the_pdfs_read_back_with_kazakh_letters_and_the_number(
    services: Services,
) -> None:
    world = await make_cohort(services.uow_factory, language="kk")
    enrollment = await add_teacher(
        services.uow_factory, world, "Әлия Серікқызы Нұрланова", telegram_id=TEACHER_TG, grades={}
    )
    await add_teacher(
        services.uow_factory, world, "Өмір Ғалиұлы Һәкімов", telegram_id=TEACHER_TG + 1, attended=5
    )
    await issue_now(services, world.cohort.id)
    async with services.uow_factory() as uow:
        [cert] = await uow.certificates.for_enrollment(enrollment.id)
        files = {f.kind: f for f in await uow.documents.list_for_certificate(cert.id)}
        [ref] = await uow.certificates.for_person(world.teachers[1].id)
        reference = await uow.documents.get_for_certificate(ref.id)

    def text(content: bytes) -> str:
        return " ".join(
            " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages
        )

    certificate_text = text(files[DocumentKind.CERTIFICATE].content)
    assert "Әлия Серікқызы Нұрланова" in certificate_text
    assert "ORL-2026-000001" in certificate_text
    assert "«Өрлеу» біліктілікті арттыру орталығы" in certificate_text
    appendix_text = text(files[DocumentKind.APPENDIX].content)
    assert "Бағалау әдістері" in appendix_text and "ORL-2026-000001" in appendix_text
    assert reference is not None
    assert "Өмір Ғалиұлы Һәкімов" in text(reference.content)


async def test_every_teacher_gets_exactly_one_certificate_message_through_failures(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await make_cohort(services.uow_factory, language="ru")
    for n in range(4):
        await add_teacher(
            services.uow_factory,
            world,
            f"Тыңдаушы Қасымов {n}",
            telegram_id=TEACHER_TG + n,
            lang="kk" if n % 2 else "ru",
        )
    await add_teacher(
        services.uow_factory,
        world,
        "Сәуле Өтепова",
        telegram_id=TEACHER_TG + 9,
        score=10,
        lang="ru",
    )
    await issue_now(services, world.cohort.id)  # Сәуле's reference: C000001, its own series
    await issue_now(services, world.cohort.id)  # issued twice: still one row per document

    # a worker claims a batch and "crashes" before sending: the lease expires, nothing is lost
    async with services.uow_factory() as uow:
        claimed = await uow.outbox.claim_due(clock(), 3, "crashed", timedelta(minutes=2))
        await uow.commit()
    assert len(claimed) == 3
    harness.session.fail_next(
        TelegramRetryAfter(method=None, message="Too Many Requests", retry_after=5),  # type: ignore[arg-type]
        TelegramServerError(method=None, message="Bad Gateway"),  # type: ignore[arg-type]
        TelegramServerError(method=None, message="Internal Server Error"),  # type: ignore[arg-type]
    )
    worker = DeliveryWorker(harness.bot, services, worker_id="first")
    await worker.run_once()
    restarted = DeliveryWorker(harness.bot, services, worker_id="after-restart")
    for _ in range(10):
        clock.advance(minutes=1)
        await restarted.run_once()
    async with services.uow_factory() as uow:
        assert await uow.outbox.count_by_status() == {
            OutboxStatus.SENT: 9,
            OutboxStatus.PENDING: 0,
            OutboxStatus.FAILED: 0,
        }
    documents = [r for r in harness.session.requests if isinstance(r, SendDocument)]
    certificates = Counter(
        r.chat_id
        for r in documents
        if "сертификат №" in (r.caption or "") or "сертификат берілді" in (r.caption or "")
    )
    assert certificates == {TEACHER_TG + n: 1 for n in range(4)}
    assert Counter(r.chat_id for r in documents) == {
        **{TEACHER_TG + n: 2 for n in range(4)},
        TEACHER_TG + 9: 1,
    }
    ru_caption = next(
        r.caption
        for r in documents
        if r.chat_id == TEACHER_TG and r.document.filename.startswith("Сертификат")
    )
    assert ru_caption == (
        "🎓 Поздравляем! Вам выдан сертификат № ORL-2026-000001 о прохождении курса «Развитие "
        "функциональной грамотности».\nСертификат действителен 3 года, его подлинность "
        "проверяется по QR-коду. Получить документы снова можно командой /documents."
    )
    kk_caption = next(
        r.caption
        for r in documents
        if r.chat_id == TEACHER_TG + 1 and r.document.filename.startswith("Сертификат")
    )
    # The documents are in the cohort's Russian; the Kazakh reader's notice names the course in
    # Kazakh.
    assert kk_caption.startswith(
        "🎓 Құттықтаймыз! Сізге «Функционалдық сауаттылықты дамыту: Қазақ тілі және әдебиеті» "
        "курсынан өткені туралы № ORL-2026-000002 сертификат берілді."
    )
    reference_caption = next(r.caption for r in documents if r.chat_id == TEACHER_TG + 9)
    assert reference_caption.startswith("Вам выдана справка о прослушивании курса")
    assert "1) пройти повторное оценивание знаний — не чаще одного раза в год;" in reference_caption


async def test_documents_are_resent_byte_for_byte_after_the_settings_change(
    harness: Harness, services: Services
) -> None:
    world = await make_cohort(services.uow_factory, language="ru")
    await add_teacher(
        services.uow_factory, world, "Әлия Нұрланова", telegram_id=TEACHER_TG, lang="ru"
    )
    teacher = make_user(TEACHER_TG, "ru")
    assert texts(await harness.send(teacher, "/documents")) == [
        "У вас пока нет выданных документов. Сертификат или справка появятся здесь после выдачи."
    ]
    await issue_now(services, world.cohort.id)
    first = await harness.send(teacher, "/documents")
    assert texts(first) == [
        "Сертификат о повышении квалификации № ORL-2026-000001, дата выдачи: 23 ноября "
        "2026\u202fг.\nЕщё не проверялся.",
        "Приложение к сертификату № ORL-2026-000001, дата выдачи: 23 ноября 2026\u202fг.",
    ]
    services.settings.organization_name_ru = "Новое название организации"
    services.settings.head_name = "Другой Руководитель"
    await issue_now(services, world.cohort.id)
    again = await harness.send(teacher, "/documents")
    before = [r.document.data for r in first if isinstance(r, SendDocument)]
    after = [r.document.data for r in again if isinstance(r, SendDocument)]
    assert len(after) == 2 and after == before
    assert "Новое название" not in " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(after[0])).pages
    )
    assert [r.document.filename for r in again if isinstance(r, SendDocument)] == [
        "Сертификат-ORL-2026-000001.pdf",
        "Приложение-ORL-2026-000001.pdf",
    ]
