"""Issue 16: a rejection reason typed with `<`, `>` and `&` reaches the teacher as typed.

Before, the queued notice put the reason into HTML unescaped: Telegram (and the sandbox, which
parses HTML as Telegram does) refused it, and it was marked failed while the admin was told
the teacher had been notified."""

from __future__ import annotations

import pytest

from bot.dev.demo import ADMIN, TEACHERS
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from domain.model import Application, ApplicationKind, OutboxStatus
from tests.e2e.chat import Chat, data_for
from tests.e2e.test_teacher_journey import OPEN_COHORT, open_cohort_id

pytestmark = pytest.mark.e2e

REASON = 'Нет подписи <директора> & печати: см. <a href="x">п. 5</a>'


async def test_a_rejection_reason_with_html_characters_reaches_the_teacher(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    teacher_persona = TEACHERS[1]  # Russian
    sandbox.emulator.users[teacher_persona.telegram_id].started = True
    cohort_id = await open_cohort_id(sandbox)
    async with sandbox.services.uow_factory() as uow:
        teacher = await uow.people.get_by_telegram_id(teacher_persona.telegram_id)
        assert teacher is not None and teacher.id is not None
        application = await uow.applications.add(
            Application(
                person_id=teacher.id,
                cohort_id=cohort_id,
                kind=ApplicationKind.DOMESTIC,
                addressed_to="Директору школы",
                language="ru",
            )
        )
        await uow.commit()
    assert application.id is not None

    admin = Chat(client, ADMIN.telegram_id)
    panel = await admin.say("/admin", lambda m: "adm:cohorts" in str(m.get("reply_markup")))
    cohorts = await admin.tap(
        panel, "adm:cohorts", lambda m: f"adh:show:{cohort_id}" in str(m.get("reply_markup"))
    )
    card = await admin.tap(cohorts, f"adh:show:{cohort_id}", OPEN_COHORT)
    await admin.tap(card, f"adh:applications:{cohort_id}", OPEN_COHORT)
    listed = await admin.expect(
        lambda m: f"ada:reject:{application.id}" in str(m.get("reply_markup"))
    )
    await admin.tap(listed, f"ada:reject:{application.id}", f"№ {application.id}")
    summary = await admin.say(REASON, f"№ {application.id}")
    await client.press(ADMIN.telegram_id, int(summary["message_id"]), data_for(summary, "✅"))

    teacher_chat = Chat(client, teacher_persona.telegram_id)
    notice = await teacher_chat.expect("отклонено")
    assert REASON in notice["text"]  # shown as typed: no tag became markup
    assert not any(e.get("type") == "text_link" for e in notice.get("entities") or [])
    async with sandbox.services.uow_factory() as uow:
        row = await uow.outbox.get_by_dedup_key(f"application:{application.id}:rejected")
    assert row is not None and row.status is OutboxStatus.SENT
