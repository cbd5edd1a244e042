"""Issue 8, item 4: a teacher's request to delete their data, as admins carry it out.

/deletions (and "🗑" in the panel) lists the requests; "Delete data" asks once more, then
erases what the law does not require keeping — the issued certificate stays verifiable by its
number with its PDF byte for byte — or removes a person with nothing issued entirely;
"Decline" leaves everything as it was. The teacher is told either way, in their language."""

from __future__ import annotations

import asyncio
from datetime import date

from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import EditMessageText, SendMessage
from aiogram.types import Chat
from sqlalchemy import text

from bot.dev.testing import Harness, button_data, texts
from bot.handlers.admin.callbacks import DeletionAction
from bot.runtime.container import Services
from domain.iin import mask_iin
from domain.model import (
    Application,
    ApplicationKind,
    Certificate,
    Consultation,
    DocumentKind,
    Request,
)
from domain.notifications import text_notice
from domain.post_course import SupportKind
from domain.requests_rules import RequestKind
from domain.services.erasure import erase_personal_data
from tests.bot.admin.conftest import People
from tests.bot.teacher.helpers import (
    IIN_AIGUL,
    IIN_IVAN,
    enroll,
    make_cohort,
    registered_teacher,
    stored,
)
from tests.conftest import FakeClock
from tests.fuzz.world import digest

AIGUL, IVAN = 810_001, 810_002
NUMBER = "ORL-2026-000001"
PDF = b"%PDF-1.4 frozen certificate of Aigul"


async def ask_for_deletion(harness: Harness, telegram_id: int, lang: str, **kwargs) -> None:
    """The teacher's own path: /mydata → "🗑" → "Yes"."""
    user = await registered_teacher(harness, telegram_id, lang, **kwargs)
    await harness.send(user, "/mydata")
    sent = await harness.press(user, "tmd:delete")
    await harness.press(user, button_data(sent, "Иә" if lang == "kk" else "Да"))


async def with_history(services: Services, telegram_id: int, clock: FakeClock) -> int:
    """An application, an enrollment with attendance, a §31 request with an attachment and a
    consultation — in cohort "M-1"; returns the enrollment id."""
    cohort = await make_cohort(services, code="M-1", starts_on=date(2026, 11, 19))
    enrollment = await enroll(services, telegram_id, cohort, accepted=True, attended=3)
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        assert person is not None and person.id is not None
        await uow.applications.add(
            Application(person.id, cohort, ApplicationKind.DOMESTIC, "Директору Ахметову", "kk")
        )
        await uow.requests.add(
            Request(
                person.id,
                enrollment,
                RequestKind.REASSESSMENT,
                reason="Болела, ИИН " + IIN_AIGUL,
                document_file_ids=["sick-note-photo"],
                created_at=clock(),
            )
        )
        await uow.consultations.add(
            Consultation(
                person.id,
                enrollment,
                SupportKind.CONSULTATION,
                "Мой телефон +77011234567, перезвоните",
                created_at=clock(),
            )
        )
        await uow.outbox.enqueue(
            text_notice(telegram_id, "ru", "cancel-done", "waiting-for-aigul", clock())
        )
        await uow.commit()
    return enrollment


async def issue(services: Services, telegram_id: int, enrollment: int, clock: FakeClock) -> int:
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        assert person is not None and person.id is not None
        certificate = await uow.certificates.add(
            Certificate(
                number=NUMBER,
                kind=DocumentKind.CERTIFICATE,
                person_id=person.id,
                enrollment_id=enrollment,
                holder_full_name=person.full_name,
                topic="Обновлённое содержание образования",
                academic_hours=72,
                issued_on=date(2026, 11, 20),
                valid_until=date(2029, 11, 20),
                organization_name="ОПК",
            )
        )
        await uow.documents.save_for_certificate(
            certificate,
            kind=DocumentKind.CERTIFICATE,
            lang="ru",
            content=PDF,
            created_at=clock(),
            file_name="certificate.pdf",
        )
        await uow.commit()
    assert certificate.id is not None
    return certificate.id


async def count(services: Services, sql: str, **params: object) -> int:
    async with services.session_factory() as session:
        return int((await session.execute(text(sql), params)).scalar_one())


def card(sent: list) -> SendMessage:
    return [r for r in sent if isinstance(r, SendMessage)][-1]


def keyboard(message: SendMessage | EditMessageText) -> list[tuple[str, str | None]]:
    assert message.reply_markup is not None
    return [(b.text, b.callback_data) for row in message.reply_markup.inline_keyboard for b in row]  # type: ignore[union-attr]


async def test_full_flow_keeps_the_certificate_verifiable_in_russian(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    await ask_for_deletion(harness, AIGUL, "ru")
    enrollment = await with_history(services, AIGUL, clock)
    certificate_id = await issue(services, AIGUL, enrollment, clock)
    aigul = await stored(services, AIGUL)
    assert aigul is not None and aigul.id is not None
    # a half-filled form of her chat, holding her IIN
    key = StorageKey(bot_id=harness.bot.id, chat_id=AIGUL, user_id=AIGUL)
    storage = harness.dispatcher.fsm.storage
    await storage.set_data(key, {"iin": IIN_AIGUL})
    async with services.uow_factory() as uow:  # she has also blocked the bot
        await uow.people.mark_unreachable(AIGUL, clock())
        await uow.commit()
    assert texts(await harness.send(people.admin, "/unreachable"))[0].startswith("🚫 1 человек")

    sent = await harness.send(people.admin, "/deletions")
    assert texts(sent)[0].startswith("🗑 Ждёт 1 запрос на удаление данных.")
    message = card(sent)
    assert message.text == (
        "<b>Сейтқалиева Айгүл Нұрланқызы</b>\n"
        f"ИИН: {mask_iin(IIN_AIGUL)}\n"
        "Запрошено: 23 ноября 2026\u202fг., 14:00\n"
        "Потоки: M-1\n"
        f"Выданы документы: № {NUMBER}"
    )
    assert IIN_AIGUL not in message.text
    assert keyboard(message) == [
        ("🗑 Удалить данные", DeletionAction(action="ask", person_id=aigul.id).pack()),
        ("Отклонить", DeletionAction(action="decline", person_id=aigul.id).pack()),
    ]

    before = await digest(services)
    sent = await harness.press(
        people.admin, DeletionAction(action="ask", person_id=aigul.id).pack()
    )
    summary = texts(sent)[0]
    assert summary.startswith(
        "🗑 Запрос на удаление данных: <b>Сейтқалиева Айгүл Нұрланқызы</b>. Если удалить: "
        "будут удалены ИИН"
    )
    assert f"чтобы документы № {NUMBER} можно было проверить" in summary
    assert "\n\n<b>Решение:</b> 🗑 Удалить данные\n\n" in summary
    sent = await harness.press(people.admin, button_data(sent, "Назад"))
    assert texts(sent)[0].startswith("Запрос на удаление данных: <b>Сейтқалиева")
    sent = await harness.press(people.admin, button_data(sent, "Удалить данные"))
    assert await digest(services) == before  # asking and going back change nothing

    harness.session.requests.clear()
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить"))
    assert texts(sent)[-1].endswith(
        f"✅ Данные удалены. Документы № {NUMBER} сохранены, чтобы их можно было проверить. "
        "Слушатель уведомлён."
    )

    async with services.uow_factory() as uow:
        person = await uow.people.get(aigul.id)
        assert person is not None
        assert (person.full_name, person.iin, person.phone, person.telegram_id) == (
            "Сейтқалиева Айгүл Нұрланқызы",
            None,
            None,
            None,
        )
        assert (person.position, person.school_name, person.employer_contact) == ("", "", "")
        assert (person.first_name, person.username, person.deletion_requested_at) == (
            "",
            None,
            None,
        )
        assert await uow.people.get_by_iin(IIN_AIGUL) is None
        assert await uow.people.get_by_telegram_id(AIGUL) is None
        assert [e.id for e in await uow.enrollments.for_person(aigul.id)] == [enrollment]
        assert await uow.attendance.count_attended(enrollment) == 3
        [request] = await uow.requests.for_person(aigul.id)
        assert (request.reason, request.document_file_ids) == ("", [])
        [consultation] = await uow.consultations.for_person(aigul.id)
        assert consultation.question == ""
        [application] = await uow.applications.for_person(aigul.id)
        assert application.addressed_to == ""
        stored_pdf = await uow.documents.get_for_certificate(certificate_id)
        assert stored_pdf is not None and stored_pdf.content == PDF
        waiting = await uow.outbox.undelivered([AIGUL])
        [entry] = await uow.audit.for_entity("person", str(aigul.id))
    # the only thing left for her chat is the notice, in Russian, and her form data is gone
    assert [(m.payload["key"], m.payload["lang"]) for m in waiting] == [
        ("mydata-erased-kept", "ru")
    ]
    assert await storage.get_data(key) == {}
    assert entry.action == "personal_data.erase"
    assert entry.actor_id == (await stored(services, people.admin.id)).id  # type: ignore[union-attr]
    assert IIN_AIGUL not in repr(entry) and "Айгүл" not in repr(entry)
    assert (
        await count(
            services, "SELECT count(*) FROM fsm_states WHERE data LIKE :iin", iin=f"%{IIN_AIGUL}%"
        )
        == 0
    )

    # the teacher is told what was kept and why
    from bot.runtime.delivery import DeliveryWorker

    harness.session.requests.clear()
    assert (await DeliveryWorker(harness.bot, services, worker_id="t").run_once()).sent == 1
    [notice] = [r for r in harness.session.requests if isinstance(r, SendMessage)]
    assert notice.chat_id == AIGUL
    assert notice.text.startswith("По вашему запросу ваши данные удалены: ИИН, телефон")
    assert f"ФИО в документах № {NUMBER}" in notice.text

    # her certificate still verifies by its number, the holder's name masked
    sent = await harness.send(people.stranger, f"/verify {NUMBER}")
    shown = "\n".join(texts(sent))
    assert "✅" in shown and NUMBER in shown and "Сейтқалиева Айгүл Нұрланқызы" not in shown
    # the chat is forgotten: writing again starts from scratch, the request list is empty
    assert texts(await harness.send(people.admin, "/deletions")) == [
        "✅ Запросов на удаление данных нет."
    ]
    assert texts(await harness.send(people.admin, "/unreachable")) == [
        "✅ Никто не заблокировал бота: сообщения доходят до всех."
    ]


async def test_nothing_issued_removes_the_person_in_kazakh_from_the_panel(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    await ask_for_deletion(harness, IVAN, "kk", iin=IIN_IVAN, name="Иванов Иван Петрович")
    await with_history(services, IVAN, clock)
    ivan = await stored(services, IVAN)
    assert ivan is not None and ivan.id is not None
    admin = await stored(services, people.admin.id)
    async with services.uow_factory() as uow:
        admin.language = "kk"  # type: ignore[union-attr]
        await uow.people.update(admin)  # type: ignore[arg-type]
        await uow.commit()
    panel = await harness.send(people.admin, "/admin")
    buttons = [b.text for row in panel[-1].reply_markup.inline_keyboard for b in row]  # type: ignore[union-attr]
    assert buttons[-2:] == ["🚫 Ботты бұғаттағандар", "🗑 Деректерді жою сұраулары"]
    sent = await harness.press(people.admin, "adm:deletions")
    assert texts(sent)[0].startswith("🗑 Деректерді жою туралы 1 сұрау күтуде.")
    assert texts(sent)[1] == (
        "<b>Иванов Иван Петрович</b>\n"
        f"ЖСН: {mask_iin(IIN_IVAN)}\n"
        "Сұраған уақыты: 2026\u202fж. 23 қараша, 14:00\n"
        "Ағындары: M-1\n"
        "Құжат берілмеген: жазба толығымен жойылады."
    )
    sent = await harness.press(people.admin, DeletionAction(action="ask", person_id=ivan.id).pack())
    assert texts(sent)[-1].startswith(
        "🗑 Деректерді жою сұрауы: <b>Иванов Иван Петрович</b>. Құжат берілмеген"
    )
    sent = await harness.press(people.admin, button_data(sent, "Растау"))
    assert texts(sent)[-1].endswith("✅ Жазба толығымен жойылды. Мұғалімге хабарланды.")

    for table in ("people", "person_roles", "applications", "enrollments", "consultations"):
        column = "id" if table == "people" else "person_id"
        sql = f"SELECT count(*) FROM {table} WHERE {column} = :id"
        assert await count(services, sql, id=ivan.id) == 0, table
    assert (
        await count(services, "SELECT count(*) FROM requests WHERE person_id = :id", id=ivan.id)
        == 0
    )
    assert await count(services, "SELECT count(*) FROM request_documents") == 0
    orphans = (
        "SELECT count(*) FROM attendance WHERE enrollment_id NOT IN (SELECT id FROM enrollments)"
    )
    assert await count(services, orphans) == 0
    async with services.uow_factory() as uow:
        waiting = await uow.outbox.undelivered([IVAN])
        [entry] = await uow.audit.for_entity("person", str(ivan.id))
    assert [(m.payload["key"], m.payload["lang"]) for m in waiting] == [
        ("mydata-erased-removed", "kk")
    ]
    assert entry.after == {"removed": True, "kept_documents": 0, "dropped_messages": 1}
    assert IIN_IVAN not in repr(entry) and "Иванов" not in repr(entry)
    from bot.runtime.delivery import DeliveryWorker

    harness.session.requests.clear()
    await DeliveryWorker(harness.bot, services, worker_id="t").run_once()
    [notice] = [r for r in harness.session.requests if isinstance(r, SendMessage)]
    assert notice.text.startswith("Сұрауыңыз бойынша деректеріңіз толығымен жойылды")


async def test_decline_keeps_everything_and_tells_the_teacher(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    await ask_for_deletion(harness, AIGUL, "kk")
    aigul = await stored(services, AIGUL)
    assert aigul is not None and aigul.id is not None
    sent = await harness.press(
        people.admin, DeletionAction(action="decline", person_id=aigul.id).pack()
    )
    assert "<b>Решение:</b> Отклонить" in texts(sent)[0]
    assert (await stored(services, AIGUL)).deletion_requested_at is not None  # type: ignore[union-attr]
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить"))
    assert texts(sent)[-1].endswith("Запрос отклонён, данные не изменились. Слушатель уведомлён.")
    after = await stored(services, AIGUL)
    assert after is not None
    assert (after.iin, after.phone, after.deletion_requested_at) == (
        IIN_AIGUL,
        "+77011234567",
        None,
    )
    async with services.uow_factory() as uow:
        [notice] = await uow.outbox.undelivered([AIGUL])
        [entry] = await uow.audit.for_entity("person", str(aigul.id))
    assert (notice.payload["key"], notice.payload["lang"]) == ("mydata-deletion-declined", "kk")
    assert entry.action == "personal_data.decline_erasure"
    # pressing again (or a second admin) finds nothing to decline or delete
    before = await digest(services)
    for action in ("decline", "ask"):
        sent = await harness.press(
            people.admin, DeletionAction(action=action, person_id=aigul.id).pack()
        )
        assert texts(sent) == [
            "Этого запроса больше нет: возможно, его уже выполнил или отклонил другой "
            "администратор."
        ]
    assert await digest(services) == before
    assert (await stored(services, AIGUL)).iin == IIN_AIGUL  # type: ignore[union-attr]


async def test_non_admins_and_group_chats_are_refused_and_nothing_changes(
    harness: Harness, services: Services, people: People
) -> None:
    await ask_for_deletion(harness, AIGUL, "ru")
    aigul = await stored(services, AIGUL)
    assert aigul is not None and aigul.id is not None
    confirm = DeletionAction(action="ask", person_id=aigul.id).pack()
    before = await digest(services)
    not_admin = {
        "ru": "Это доступно только администраторам. Попытка записана в журнал.",
        "kk": "Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды.",
    }
    for user, lang in ((people.teacher, "ru"), (people.trainer, "ru"), (people.stranger, "kk")):
        assert texts(await harness.send(user, "/deletions")) == [not_admin[lang]]
        assert texts(await harness.press(user, confirm)) == [not_admin[lang]]
    group = Chat(id=-100_500, type="supergroup", title="Учителя")
    not_private = (
        "Команды администратора работают только в личном чате с ботом. Попытка записана в журнал."
    )
    assert texts(await harness.send(people.admin, "/deletions", chat=group)) == [not_private]
    assert texts(await harness.press(people.admin, confirm, chat=group)) == [not_private]
    assert await digest(services) == before
    assert (await stored(services, AIGUL)).iin == IIN_AIGUL  # type: ignore[union-attr]


async def test_forged_callback_for_someone_without_a_request_changes_nothing(
    harness: Harness, services: Services, people: People
) -> None:
    await registered_teacher(harness, AIGUL, "ru")
    aigul = await stored(services, AIGUL)
    assert aigul is not None and aigul.id is not None
    before = await digest(services)
    for person_id in (aigul.id, 999_999):
        for action in ("decline", "ask"):
            sent = await harness.press(
                people.admin, DeletionAction(action=action, person_id=person_id).pack()
            )
            assert texts(sent)[-1].startswith("Этого запроса больше нет")
    sent = await harness.press(
        people.admin, DeletionAction(action="wipe", person_id=aigul.id).pack()
    )
    assert await digest(services) == before
    assert (await stored(services, AIGUL)).iin == IIN_AIGUL  # type: ignore[union-attr]
    assert texts(await harness.send(people.admin, "/deletions")) == [
        "✅ Запросов на удаление данных нет."
    ]


async def test_two_admins_confirming_at_once_erase_once(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    await ask_for_deletion(harness, AIGUL, "ru")
    enrollment = await with_history(services, AIGUL, clock)
    await issue(services, AIGUL, enrollment, clock)
    aigul = await stored(services, AIGUL)
    admin = await stored(services, people.admin.id)
    assert aigul is not None and aigul.id is not None and admin is not None and admin.id
    results = await asyncio.gather(
        *(erase_personal_data(services.uow_factory, aigul.id, admin.id, clock()) for _ in range(2))
    )
    assert sorted(r is None for r in results) == [False, True]
    async with services.uow_factory() as uow:
        assert len(await uow.audit.for_entity("person", str(aigul.id))) == 1
        assert len(await uow.outbox.undelivered([AIGUL])) == 1
        assert (await uow.people.get(aigul.id)).full_name == "Сейтқалиева Айгүл Нұрланқызы"  # type: ignore[union-attr]


async def test_deletion_form_walks_back_and_cancels_in_russian(
    harness: Harness, services: Services, people: People
) -> None:
    await ask_for_deletion(harness, AIGUL, "ru")
    aigul = await stored(services, AIGUL)
    assert aigul is not None and aigul.id is not None
    before = await digest(services)
    sent = await harness.press(
        people.admin, DeletionAction(action="ask", person_id=aigul.id).pack()
    )
    assert texts(sent)[0].endswith(
        "<b>Решение:</b> 🗑 Удалить данные\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    )
    sent = await harness.press(people.admin, button_data(sent, "Назад"))
    assert texts(sent)[0].startswith("Запрос на удаление данных: <b>")
    sent = await harness.press(people.admin, button_data(sent, "Отмена"))
    assert texts(sent)[-1].endswith("✖️ Отменено, ничего не сохранено.")
    assert await digest(services) == before
    async with services.uow_factory() as uow:
        assert await uow.outbox.undelivered([AIGUL]) == []
    assert (await stored(services, AIGUL)).iin == IIN_AIGUL  # type: ignore[union-attr]
