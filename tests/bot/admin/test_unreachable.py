"""Issue 8, item 3: a teacher who blocked the bot is marked unreachable (a 403 from Telegram
while delivering) and admins see it — /unreachable and "🚫" in the panel, in kk and ru, a page
of ten at a time — with when, their cohorts and what could not be delivered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import EditMessageText, SendMessage

from bot.dev.testing import Harness, make_user, texts
from bot.handlers.admin.callbacks import UnreachableList
from bot.runtime.container import Services
from bot.runtime.delivery import DeliveryWorker
from domain.model import Enrollment, Person
from domain.notifications import document_notice, text_notice
from tests.bot.admin.conftest import People, make_cohort, make_course, person
from tests.conftest import FakeClock
from tests.fuzz.world import digest

BLOCKED = "Forbidden: bot was blocked by the user"


async def block_the_teacher(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    """Айгүл is enrolled in 2026-12-МАТ-1; her certificate, its appendix and a notice all come
    back 403 from Telegram."""
    cohort = await make_cohort(services, await make_course(services))
    teacher = await person(services, people.teacher.id)
    async with services.uow_factory() as uow:
        teacher.full_name, teacher.phone = "Сәрсенова Айгүл Болатқызы", "+77010000001"
        await uow.people.update(teacher)
        await uow.enrollments.add(Enrollment(person_id=teacher.id or 0, cohort_id=cohort.id or 0))
        for kind in ("certificate", "appendix"):
            document = await uow.documents.save(
                owner_kind="test", owner_id=1, kind=kind, lang="ru",
                content=b"%PDF-1.4", file_name=f"{kind}.pdf", created_at=clock(),
            )  # fmt: skip
            await uow.outbox.enqueue(
                document_notice(
                    people.teacher.id,
                    "ru",
                    document.id or 0,
                    "certificates-notice-certificate",
                    f"doc:{kind}",
                    clock(),
                    number="ORL-2026-000001",
                    topic="Математика",
                )
            )
        await uow.outbox.enqueue(text_notice(people.teacher.id, "ru", "cancel-done", "n", clock()))
        await uow.commit()
    harness.session.fail_next(*(TelegramForbiddenError(method=None, message=BLOCKED),) * 3)  # type: ignore[arg-type]
    assert (await DeliveryWorker(harness.bot, services, worker_id="t").run_once()).failed == 3


async def eleven_more(services: Services, clock: FakeClock) -> None:
    """Eleven people who blocked the bot earlier (one hour apart), in no cohort."""
    async with services.uow_factory() as uow:
        for n in range(1, 12):
            await uow.people.add(
                Person(telegram_id=800_000 + n, first_name=f"Слушатель {n:02d}", created_at=clock())
            )
            await uow.people.mark_unreachable(800_000 + n, clock() - timedelta(hours=n))
        await uow.commit()


AIGUL_RU = (
    "<b>Сәрсенова Айгүл Болатқызы</b>\n"
    "Телефон: +77010000001\n"
    "Бот заблокирован: 23 ноября 2026\u202fг., 14:00\n"
    "Потоки: 2026-12-МАТ-1\n"
    "Не доставлено: 2 документа (№ ORL-2026-000001), 1 уведомление"
)
AIGUL_KK = (
    "<b>Сәрсенова Айгүл Болатқызы</b>\n"
    "Телефон нөмірі: +77010000001\n"
    "Бот бұғатталған уақыт: 2026\u202fж. 23 қараша, 14:00\n"
    "Ағындары: 2026-12-МАТ-1\n"
    "Жеткізілмегені: 2 құжат (№ ORL-2026-000001), 1 хабарлама"
)


async def test_admin_sees_who_blocked_the_bot_page_by_page(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    await block_the_teacher(harness, services, people, clock)
    await eleven_more(services, clock)
    sent = await harness.send(people.admin, "/unreachable")
    [message] = [r for r in sent if isinstance(r, SendMessage)]
    blocks = message.text.split("\n\n")
    assert blocks[0] == (
        "🚫 12 человек заблокировали бота: сообщения от бота им не доходят. Позвоните им или в "
        "их школу. Когда человек снова напишет боту, отметка снимется и недоставленные документы "
        "и уведомления придут ему снова."
    )
    assert blocks[1] == AIGUL_RU
    assert blocks[2] == (
        "<b>Слушатель 01</b>\n"
        "Бот заблокирован: 23 ноября 2026\u202fг., 13:00\n"
        "Потоки: нет\n"
        "Не доставлено: пока ничего"
    )
    assert len(blocks) == 12 and blocks[-1] == "Страница 1 из 2."
    [[forward]] = message.reply_markup.inline_keyboard  # type: ignore[union-attr]
    assert (forward.text, forward.callback_data) == ("▶", UnreachableList(page=1).pack())

    before = await digest(services)
    sent = await harness.press(people.admin, UnreachableList(page=1).pack())
    [edit] = [r for r in sent if isinstance(r, EditMessageText)]
    blocks = edit.text.split("\n\n")
    assert [b.split("\n")[0] for b in blocks[1:-1]] == [
        "<b>Слушатель 10</b>",
        "<b>Слушатель 11</b>",
    ]
    assert blocks[-1] == "Страница 2 из 2."
    [[back]] = edit.reply_markup.inline_keyboard  # type: ignore[union-attr]
    assert (back.text, back.callback_data) == ("◀", UnreachableList(page=0).pack())
    # a page past the end (the list shrank meanwhile) shows the last one; nothing changes
    sent = await harness.press(people.admin, UnreachableList(page=7).pack())
    assert texts(sent)[-1].endswith("Страница 2 из 2.")
    assert await digest(services) == before


async def test_in_kazakh_from_the_admin_panel(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    await block_the_teacher(harness, services, people, clock)
    admin = await person(services, people.admin.id)
    async with services.uow_factory() as uow:
        admin.language = "kk"
        await uow.people.update(admin)
        await uow.commit()
    panel = await harness.send(people.admin, "/admin")
    buttons = [b.text for row in panel[-1].reply_markup.inline_keyboard for b in row]  # type: ignore[union-attr]
    assert buttons[-2:] == ["🚫 Ботты бұғаттағандар", "🗑 Деректерді жою сұраулары"]
    sent = await harness.press(people.admin, "adm:unreachable")
    assert texts(sent) == [
        "🚫 Ботты 1 адам бұғаттады: бот хабарлары оларға жетпейді. Оларға немесе мектебіне "
        "қоңырау шалыңыз. Адам ботқа қайта жазғанда белгі алынады, ал жеткізілмеген құжаттар мен "
        "хабарламалар оған қайта жіберіледі.\n\n" + AIGUL_KK
    ]


async def test_nobody_blocked_and_writing_again_lifts_the_mark(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    assert texts(await harness.send(people.admin, "/unreachable")) == [
        "✅ Никто не заблокировал бота: сообщения доходят до всех."
    ]
    await block_the_teacher(harness, services, people, clock)
    assert texts(await harness.send(people.admin, "/unreachable"))[0].startswith(
        "🚫 1 человек заблокировал бота:"
    )
    await harness.send(people.teacher, "/start")  # unblocked and wrote again
    assert texts(await harness.send(people.admin, "/unreachable")) == [
        "✅ Никто не заблокировал бота: сообщения доходят до всех."
    ]


async def test_what_the_block_held_back_arrives_when_they_write_again(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    """Her certificate, its appendix and the notice failed with 403; a reminder of a session
    that is over failed too. She writes again: the three come, the stale reminder does not,
    and a message Telegram refused for another reason stays failed."""
    await block_the_teacher(harness, services, people, clock)
    async with services.uow_factory() as uow:
        for key, error in (
            ("reminder-hour-before", f"403 {BLOCKED}"),
            ("cancel-done", "400 Bad Request: message text is empty"),
        ):
            await uow.outbox.enqueue(
                text_notice(people.teacher.id, "ru", key, f"late:{key}", clock())
            )
            [late] = [
                m for m in await uow.outbox.undelivered([people.teacher.id])
                if m.dedup_key == f"late:{key}"
            ]  # fmt: skip
            await uow.outbox.mark_failed(late.id or 0, error, None)
        await uow.commit()
    clock.advance(days=3)
    harness.session.requests.clear()
    await harness.send(people.teacher, "/start")
    delivered = await DeliveryWorker(harness.bot, services, worker_id="t").run_once()
    assert delivered.sent == 3
    documents = [r for r in harness.session.requests if type(r).__name__ == "SendDocument"]
    assert sorted(d.document.filename for d in documents) == ["Приложение.pdf", "Сертификат.pdf"]  # type: ignore[union-attr]
    assert (
        "Действие отменено."
        in [r.text for r in harness.session.requests if isinstance(r, SendMessage)][-1]
    )
    async with services.uow_factory() as uow:
        left = {m.dedup_key: m.status for m in await uow.outbox.undelivered([people.teacher.id])}
    assert left == {"late:reminder-hour-before": "failed", "late:cancel-done": "failed"}
    # nothing is sent twice: writing again later re-queues nothing more
    await harness.send(people.teacher, "/help")
    assert (await DeliveryWorker(harness.bot, services, worker_id="t").run_once()).sent == 0


@pytest.mark.parametrize(
    ("count", "ru"),
    [
        (1, "1 человек заблокировал бота"),
        (3, "3 человека заблокировали бота"),
        (5, "5 человек заблокировали бота"),
        (21, "21 человек заблокировал бота"),
        (22, "22 человека заблокировали бота"),
    ],
)
def test_russian_plurals(count: int, ru: str, services: Services) -> None:
    core = services.i18n_core
    assert core.get("admin-unreachable-title", "ru", total=count).startswith(f"🚫 {ru}:")
    assert core.get("admin-unreachable-title", "kk", total=count).startswith(
        f"🚫 Ботты {count} адам бұғаттады:"
    )


async def test_only_admins_in_a_private_chat(
    harness: Harness, services: Services, people: People, clock: FakeClock
) -> None:
    await block_the_teacher(harness, services, people, clock)
    refusal = {
        "ru": "Это доступно только администраторам. Попытка записана в журнал.",
        "kk": "Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды.",
    }
    before = await digest(services)
    users = [(people.teacher, "ru"), (people.trainer, "ru"), (make_user(700_999, "kk"), "kk")]
    for user, lang in users:
        assert texts(await harness.send(user, "/unreachable")) == [refusal[lang]]
        assert texts(await harness.press(user, UnreachableList(page=0).pack())) == [refusal[lang]]
    async with services.uow_factory() as uow:
        refused = [e for e in await uow.audit.recent(50) if e.action.endswith("refused")]
    assert len(refused) == 6
    assert await digest(services) == before
    from tests.security.matrix import entries

    commands, callbacks = entries()["admin"]
    assert "unreachable" in commands
    assert {f.__prefix__ for f, _, _ in callbacks} >= {"adu"}  # type: ignore[attr-defined]
    assert any(f.__prefix__ == "adm" and a == "unreachable" for f, a, _ in callbacks)  # type: ignore[attr-defined]


def test_in_the_admins_command_menu(services: Services) -> None:
    from bot.ui.commands import ADMINS, commands_for

    assert "unreachable" in ADMINS
    menu = {lang: commands_for(services.i18n_core, lang, ADMINS) for lang in ("kk", "ru")}
    assert [c.description for c in menu["ru"] if c.command == "unreachable"] == [
        "Кто заблокировал бота"
    ]
    assert [c.description for c in menu["kk"] if c.command == "unreachable"] == [
        "Ботты кім бұғаттады"
    ]
