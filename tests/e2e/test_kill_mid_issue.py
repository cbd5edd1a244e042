"""Issue 8: the bot process is killed (SIGKILL) in the middle of `/issue` for a 50-teacher cohort.

The kill lands mid-way at a known point: once the progress message showed "5 / 50", the
emulator holds the next progress edit unanswered, and the bot is killed while it waits (its
documents are issued one teacher per transaction, the progress edit comes between two). While
the documents are being issued Telegram answers every `sendDocument` with 429, so no send is
in flight at the kill: the one repeat Telegram cannot rule out (a send answered in the instant
before a crash) is covered by test_two_instances, not here. After the restart the admin runs
`/issue` again: each teacher then holds exactly one certificate and one appendix, the
registration numbers are 1…50 with none used twice and none skipped, and the emulator's log
shows each document sent once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from bot.dev.demo import ADMIN
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox, sandbox_settings
from storage.models import CertificateRow, DocumentFileRow, OutboxRow
from tests.e2e.chat import Chat, body, data_of, file_name
from tests.e2e.processes import STARTUP_SECONDS, BotProcess, emulator_only, settled, until
from tests.e2e.test_certificates_under_faults import FIRST_TG, TEACHERS, finished_cohort

pytestmark = pytest.mark.e2e

LEASE_SECONDS = 3


@pytest.fixture
async def emulator() -> AsyncIterator[Sandbox]:
    async with emulator_only() as sandbox:
        for n in range(TEACHERS):
            lang = "kk" if n % 2 else "ru"
            sandbox.emulator.add_user(FIRST_TG + n, f"Тыңдаушы{n}", None, None, lang)
            sandbox.emulator.users[FIRST_TG + n].started = True  # they checked in via the bot
        yield sandbox


def progress_shown(sandbox: Sandbox, after: int) -> list[int]:
    """The `done` of every progress edit the emulator received after call `after`."""
    done = []
    for call in sandbox.emulator.calls[after:]:
        if call.method == "editMessageText":
            found = re.search(r"(\d+) / 50", str(call.params.get("text", "")))
            if found:
                done.append(int(found.group(1)))
    return done


async def run_issue(admin: Chat, cohort_id: int) -> None:
    """`/issue` → the cohort → ✅; returns once the bot started issuing."""
    choice = await admin.say("/issue", "Құжаттар берілетін ағынды таңдаңыз")
    message_id = int(choice["message_id"])
    await admin.client.press(admin.user_id, message_id, data_of(choice, f"cis:pick:{cohort_id}"))
    await admin.client.wait_for(  # the same message, edited into the confirmation
        admin.user_id,
        lambda m: m["message_id"] == message_id and "Беру керек пе?" in body(m),
        after=message_id - 1,
    )
    await admin.client.press(admin.user_id, message_id, f"cis:go:{cohort_id}")


async def test_a_bulk_issue_killed_mid_way_ends_with_one_document_each(
    emulator: Sandbox, tmp_path: Path
) -> None:
    from bot.runtime.app import build_services

    database_url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    services, engine = await build_services(sandbox_settings(emulator.url, database_url))
    cohort_id = await finished_cohort(SimpleNamespace(services=services))  # type: ignore[arg-type]
    year = services.clock().astimezone(services.settings.tz).year

    async def stored() -> list[str]:
        """The certificate numbers, after checking each has one holder and its two PDFs."""
        async with services.session_factory() as session:
            certificates = (
                await session.execute(
                    select(CertificateRow.id, CertificateRow.number, CertificateRow.person_id)
                )
            ).all()
            files = Counter(
                (certificate_id, kind)
                for certificate_id, kind in await session.execute(
                    select(DocumentFileRow.certificate_id, DocumentFileRow.kind)
                )
            )
        assert len({person for _, _, person in certificates}) == len(certificates)
        assert len(files) == sum(files.values()) == 2 * len(certificates), files
        assert {certificate_id for certificate_id, _ in files} == {i for i, _, _ in certificates}
        return sorted(number for _, number, _ in certificates)

    async def outbox_sent() -> bool:
        async with services.session_factory() as session:
            rows = (await session.execute(select(OutboxRow.status))).scalars().all()
        return len(rows) == 2 * TEACHERS and set(rows) == {"sent"}

    emulator.emulator.add_fault("flood", count=1_000_000, method="sendDocument", retry_after=1)
    bot = BotProcess(
        emulator, database_url, tmp_path, BILIKTILIK_OUTBOX_LEASE_SECONDS=str(LEASE_SECONDS)
    ).start()
    try:
        async with SandboxClient(emulator.url) as client:
            await client.create_user(ADMIN.telegram_id, "Сәуле", "kk")
            admin = Chat(client, ADMIN.telegram_id, timeout=STARTUP_SECONDS)
            mark = len(emulator.emulator.calls)
            await run_issue(admin, cohort_id)
            await until(lambda: 5 in progress_shown(emulator, mark), 40, "progress 5 / 50")
            held_from = len(emulator.emulator.calls)
            emulator.emulator.add_fault(
                "timeout", method="editMessageText", chat_id=ADMIN.telegram_id, delay=8
            )
            await until(
                lambda: any(c.fault == "timeout" for c in emulator.emulator.calls[held_from:]),
                30,
                "the held progress edit",
            )
            await settled(emulator.emulator)
            await bot.kill()
            numbers_before = await stored()
            issued_before = len(numbers_before)
            assert 5 <= issued_before < TEACHERS, issued_before
            assert sum(emulator.emulator.delivered[FIRST_TG + n] for n in range(TEACHERS)) == 0

            emulator.emulator.faults.clear()  # Telegram takes documents again
            bot.start()
            await run_issue(admin, cohort_id)
            summary = await admin.expect("Дайын")
            assert f"Берілген сертификаттар: {TEACHERS - issued_before}" in body(summary)
            assert f"Құжаты бұрыннан бар (өткізіп жіберілді): {issued_before}" in body(summary)
            await until(outbox_sent, 60, "every document delivered and recorded")
            for n in range(TEACHERS):
                names = sorted(file_name(m) or "" for m in await client.messages(FIRST_TG + n))
                appendix = "Қосымша-" if n % 2 else "Приложение-"  # the listener's language
                [certificate] = [name for name in names if name.startswith("Сертификат-")]
                assert len(names) == 2 and f"{appendix}{certificate[11:]}" in names, names
        assert bot.alive(), bot.output()
    finally:
        bot.stop()

    numbers = await stored()
    await engine.dispose()
    assert numbers == [f"BLK-{year}-{serial:06d}" for serial in range(1, TEACHERS + 1)]
    assert numbers_before == numbers[: len(numbers_before)]  # kept, never handed out again
    # the call log: each teacher's two documents accepted once, nothing sent twice
    accepted = Counter(
        int(c.params["chat_id"])
        for c in emulator.emulator.calls
        if c.method == "sendDocument" and c.ok
    )
    assert accepted == {FIRST_TG + n: 2 for n in range(TEACHERS)}
