"""The outbox worker: sends each notice once, in the recipient's language, through failures."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from aiogram.exceptions import TelegramForbiddenError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import SendDocument, SendMessage

from bot.dev.sandbox.html_parse import parse_html
from bot.dev.testing import Harness
from bot.runtime.container import Services
from bot.runtime.delivery import DeliveryWorker
from domain.model import OutboxMessage, OutboxStatus, Person
from domain.notifications import TEXT, document_notice, text_notice
from tests.conftest import FakeClock


async def enqueue(services: Services, *messages) -> None:
    async with services.uow_factory() as uow:
        for message in messages:
            await uow.outbox.enqueue(message)
        await uow.commit()


async def statuses(services: Services) -> dict[OutboxStatus, int]:
    async with services.uow_factory() as uow:
        return await uow.outbox.count_by_status()


async def test_notices_are_sent_once_in_each_recipients_language(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    now = clock()
    await enqueue(
        services,
        text_notice(501, "kk", "cancel-done", "n:1", now),
        text_notice(502, "ru", "cancel-done", "n:2", now),
        text_notice(501, "kk", "cancel-done", "n:1", now),  # the same notice again: ignored
        text_notice(503, "ru", "cancel-done", "n:3", now + timedelta(hours=1)),  # not yet due
    )
    worker = DeliveryWorker(harness.bot, services, worker_id="test")
    report = await worker.run_once()
    sent = [r for r in harness.session.requests if isinstance(r, SendMessage)]
    assert [(r.chat_id, r.text) for r in sent] == [
        (501, "Әрекет тоқтатылды. Енгізілген деректер сақталмады."),
        (502, "Действие отменено. Введённые данные не сохранены."),
    ]
    assert report.sent == 2
    assert (await worker.run_once()).sent == 0
    clock.advance(hours=1)
    assert (await worker.run_once()).sent == 1
    assert (await statuses(services))[OutboxStatus.SENT] == 3


async def test_429_and_5xx_are_retried_later_without_duplicates(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    await enqueue(services, text_notice(601, "ru", "cancel-done", "r:1", clock()))
    worker = DeliveryWorker(harness.bot, services, worker_id="test")
    harness.session.fail_next(
        TelegramRetryAfter(method=None, message="Too Many Requests", retry_after=7)  # type: ignore[arg-type]
    )
    report = await worker.run_once()
    assert (report.sent, report.retried) == (0, 1)
    clock.advance(seconds=6)
    assert (await worker.run_once()).sent == 0
    clock.advance(seconds=1)
    harness.session.fail_next(TelegramServerError(method=None, message="Bad Gateway"))  # type: ignore[arg-type]
    assert (await worker.run_once()).retried == 1
    clock.advance(seconds=2)
    assert (await worker.run_once()).sent == 1
    assert len([r for r in harness.session.requests if isinstance(r, SendMessage)]) == 1
    async with services.uow_factory() as uow:
        row = await uow.outbox.get_by_dedup_key("r:1")
    assert row is not None and row.status == OutboxStatus.SENT and row.attempts == 1


async def test_a_blocked_person_is_marked_unreachable_and_not_retried(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    async with services.uow_factory() as uow:
        await uow.people.add(Person(telegram_id=701, language="kk", created_at=clock()))
        await uow.commit()
    await enqueue(services, text_notice(701, "kk", "cancel-done", "b:1", clock()))
    harness.session.fail_next(
        TelegramForbiddenError(method=None, message="Forbidden: bot was blocked by the user")  # type: ignore[arg-type]
    )
    worker = DeliveryWorker(harness.bot, services, worker_id="test")
    assert (await worker.run_once()).failed == 1
    clock.advance(days=1)
    assert (await worker.run_once()).sent == 0
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(701)
        row = await uow.outbox.get_by_dedup_key("b:1")
    assert person is not None and person.unreachable_since is not None
    assert row is not None and row.status == OutboxStatus.FAILED


async def test_a_frozen_document_is_sent_with_a_translated_caption(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    async with services.uow_factory() as uow:
        document = await uow.documents.save(
            owner_kind="test",
            owner_id=1,
            kind="certificate",
            lang="kk",
            content=b"%PDF-1.4 frozen",
            file_name="certificate.pdf",
            created_at=clock(),
        )
        await uow.outbox.enqueue(
            document_notice(801, "kk", document.id, "cancel-done", "d:1", clock())
        )
        await uow.commit()
    await DeliveryWorker(harness.bot, services, worker_id="test").run_once()
    documents = [r for r in harness.session.requests if isinstance(r, SendDocument)]
    assert len(documents) == 1
    assert documents[0].caption == "Әрекет тоқтатылды. Енгізілген деректер сақталмады."
    assert documents[0].document.filename == "Сертификат.pdf"  # in the reader's language
    assert documents[0].document.data == b"%PDF-1.4 frozen"


TYPED = '<b> & <a href="x">'
TYPED_ESCAPED = '&lt;b&gt; &amp; &lt;a href="x"&gt;'


async def test_typed_text_reaches_telegram_escaped_once_and_dates_in_the_recipients_language(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    """Arguments are queued raw and presented when sent: text escaped for parse_mode=HTML
    exactly once (the person sees what was typed), a date in the recipient's language."""
    now = clock()
    async with services.uow_factory() as uow:
        document = await uow.documents.save(
            owner_kind="test",
            owner_id=2,
            kind="certificate",
            lang="ru",
            content=b"%PDF-1.4 frozen",
            file_name="certificate.pdf",
            created_at=now,
        )
        await uow.commit()
    revoked = {"number": "BT-2026-000042", "date": date(2026, 11, 23), "reason": TYPED}
    await enqueue(
        services,
        text_notice(901, "ru", "certificates-revoked-notice", "esc:ru", now, **revoked),
        text_notice(902, "kk", "certificates-revoked-notice", "esc:kk", now, **revoked),
        document_notice(
            903, "ru", document.id, "certificates-notice-appendix", "esc:doc", now, number=TYPED
        ),
    )
    async with services.uow_factory() as uow:
        row = await uow.outbox.get_by_dedup_key("esc:ru")
    assert row is not None
    assert row.payload["args"] == {  # as typed: nothing escaped or formatted in the queue
        "number": "BT-2026-000042",
        "date": {"date": "2026-11-23"},
        "reason": TYPED,
    }
    assert (await DeliveryWorker(harness.bot, services, worker_id="test").run_once()).sent == 3
    sent = {r.chat_id: r.text for r in harness.session.requests if isinstance(r, SendMessage)}
    assert sent == {
        901: "⛔ Ваш сертификат № BT-2026-000042 отозван 23 ноября 2026\u202fг.\n"
        f"Причина: {TYPED_ESCAPED}\n"
        "Вопросы можно задать администратору курсов.",
        902: "⛔ Сіздің № BT-2026-000042 сертификатыңыз 2026\u202fж. 23 қарашада кері қайтарып "
        f"алынды.\nСебебі: {TYPED_ESCAPED}\nСұрақтарыңызды курс әкімшісіне қоюға болады.",
    }
    for text in sent.values():  # what Telegram shows: the typed text, no tag of it applied
        shown, entities = parse_html(text)
        assert f": {TYPED}\n" in shown and entities == []
    [caption] = [r.caption for r in harness.session.requests if isinstance(r, SendDocument)]
    assert caption == (
        f"Приложение к сертификату № {TYPED_ESCAPED}: модули программы, часы и оценки."
    )


async def test_a_row_queued_before_the_upgrade_is_sent_as_stored_not_escaped_twice(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    """Rows queued by the old code carry no ``args_format``: their arguments were formatted
    and escaped when queued (``html.escape``), and are sent as they are; the person reads the
    same as from a row queued now."""
    now = clock()
    old = OutboxMessage(
        chat_id=904,
        kind=TEXT,
        payload={
            "lang": "kk",
            "key": "certificates-revoked-notice",
            "args": {
                "number": "BT-2026-000042",
                "date": "2026\u202fж. 23 қараша",
                "reason": "&lt;b&gt; &amp; &lt;a href=&quot;x&quot;&gt;",
            },
        },
        dedup_key="old:1",
        not_before=now,
    )
    new = text_notice(
        905,
        "kk",
        "certificates-revoked-notice",
        "new:1",
        now,
        number="BT-2026-000042",
        date=date(2026, 11, 23),
        reason=TYPED,
    )
    await enqueue(services, old, new)
    assert (await DeliveryWorker(harness.bot, services, worker_id="test").run_once()).sent == 2
    sent = {r.chat_id: r.text for r in harness.session.requests if isinstance(r, SendMessage)}
    assert sent[904] == (
        "⛔ Сіздің № BT-2026-000042 сертификатыңыз 2026\u202fж. 23 қарашада кері қайтарып "
        "алынды.\nСебебі: &lt;b&gt; &amp; &lt;a href=&quot;x&quot;&gt;\n"
        "Сұрақтарыңызды курс әкімшісіне қоюға болады."
    )
    assert parse_html(sent[904]) == parse_html(sent[905])


async def test_a_run_while_another_delivers_returns_at_once_and_nothing_is_missed(
    harness: Harness, services: Services, clock: FakeClock, monkeypatch
) -> None:
    now = clock()
    await enqueue(
        services, *(text_notice(600 + n, "kk", "cancel-done", f"m:{n}", now) for n in range(3))
    )
    released = asyncio.Event()
    deliver_batch = DeliveryWorker._deliver_batch

    async def slow_batch(self, batch, report) -> None:
        await released.wait()
        await deliver_batch(self, batch, report)

    monkeypatch.setattr(DeliveryWorker, "_deliver_batch", slow_batch)
    worker = DeliveryWorker(harness.bot, services, worker_id="test")
    first = asyncio.create_task(worker.run_once())
    await asyncio.sleep(0.05)  # the first run claimed the batch and is sending
    assert worker.running
    second = await asyncio.wait_for(worker.run_once(), timeout=1)  # does not wait for it
    assert (second.sent, second.retried, second.failed) == (0, 0, 0)
    released.set()
    assert (await first).sent == 3
    assert not worker.running
    assert (await statuses(services))[OutboxStatus.SENT] == 3


async def test_the_scheduler_never_refuses_the_outbox_tick_during_a_long_delivery(
    harness: Harness, services: Services, clock: FakeClock, caplog, monkeypatch
) -> None:
    import bot.runtime.background as background_module
    from bot.runtime.background import start_background

    monkeypatch.setattr(background_module, "PERIODIC_JOBS", [])
    monkeypatch.setattr(background_module, "OUTBOX_POLL_SECONDS", 0.05)
    released = asyncio.Event()
    batches = 0

    async def long_batch(self, batch, report) -> None:  # a bulk send: far longer than a tick
        nonlocal batches
        batches += 1
        await released.wait()
        for message in batch:
            await self._mark_sent(message.id)

    monkeypatch.setattr(DeliveryWorker, "_deliver_batch", long_batch)
    await enqueue(services, text_notice(700, "ru", "cancel-done", "long:1", clock()))
    running = await start_background(harness.bot, services)
    try:
        await asyncio.sleep(0.6)  # a dozen ticks while the first run is still sending
    finally:
        released.set()
        await running.shutdown()
    assert batches == 1
    refused = [r for r in caplog.records if "maximum number of running instances" in r.message]
    assert refused == []
