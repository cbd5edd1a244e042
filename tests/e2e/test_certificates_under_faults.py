"""Issue 6, in the sandbox: certificates for a 50-teacher cohort, delivered exactly once while
the emulator answers 429 and 500 and the bot is restarted in the middle of the delivery.

The cohort (ended yesterday: attendance 100 %, score 80) is set up through repositories; the
documents are issued with the real use-case and PDF renderer on the sandbox's services, while
the bot's delivery worker sends them over HTTP to the emulator. Mid-way the bot is stopped and
started again on the same database; then each teacher must hold exactly one certificate and
one appendix, and a stranger verifies one number over HTTP.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.dev.demo import ADMIN
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox, start_bot
from bot.documents.issuing import PdfRenderer, issuing_options
from domain.courses import CourseFormat, CourseKind
from domain.model import (
    Attendance,
    AttendanceMethod,
    Cohort,
    Course,
    CourseModule,
    Enrollment,
    FinalAssessment,
    ModuleGrade,
    Person,
    Role,
    TrainingSession,
)
from domain.services.certificates import issue_cohort_documents
from tests.e2e.chat import Chat, body, file_name
from tests.e2e.processes import until

pytestmark = pytest.mark.e2e

TEACHERS = 50
FIRST_TG = 810_000


async def finished_cohort(sandbox: Sandbox) -> int:
    services = sandbox.services
    today = services.clock().astimezone(services.settings.tz).date()
    ends_on = today - timedelta(days=1)
    async with services.uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Функционалдық сауаттылықты дамыту",
                topic_ru="Развитие функциональной грамотности",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=72,
                max_score=100,
                modules=[
                    CourseModule("Бағалау әдістері", "Методы оценивания", 36, 0),
                    CourseModule("Сабақты жоспарлау", "Планирование урока", 36, 1),
                ],
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code="ФС-50",
                language="kk",
                starts_on=ends_on - timedelta(days=4),
                ends_on=ends_on,
                seats=TEACHERS,
            )
        )
        start = datetime.combine(cohort.starts_on, datetime.min.time(), tzinfo=UTC)
        sessions = [
            await uow.sessions.add(
                TrainingSession(
                    cohort_id=cohort.id,
                    starts_at=start + timedelta(days=i, hours=4),
                    ends_at=start + timedelta(days=i, hours=7),
                    academic_hours=4,
                )
            )
            for i in range(5)
        ]
        for n in range(TEACHERS):
            lang = "kk" if n % 2 else "ru"
            person = await uow.people.add(
                Person(
                    telegram_id=FIRST_TG + n,
                    language=lang,
                    first_name=f"Тыңдаушы{n}",
                    full_name=f"Әбенова Гүлжан {'Қайратқызы' if n % 2 else 'Сергеевна'} {n}",
                    roles={Role.TEACHER},
                )
            )
            enrollment = await uow.enrollments.add(
                Enrollment(
                    person_id=person.id,
                    cohort_id=cohort.id,
                    agreement_version="1",
                    agreement_lang=lang,
                    agreement_accepted_at=start,
                )
            )
            for session in sessions:
                await uow.attendance.add(
                    Attendance(
                        enrollment_id=enrollment.id,
                        session_id=session.id,
                        checked_in_at=session.starts_at,
                        method=AttendanceMethod.CODE,
                    )
                )
            await uow.assessments.add(
                FinalAssessment(
                    enrollment_id=enrollment.id,
                    score=80,
                    max_score=100,
                    assessed_on=ends_on,
                    module_grades=[ModuleGrade(m.id, "5") for m in course.modules if m.id],
                )
            )
        await uow.commit()
    return int(cohort.id)


async def teachers_outbox(sandbox: Sandbox) -> list[tuple[str, int]]:
    """(status, rows) of the cohort's outbox rows (the demo's own notices left aside)."""
    from sqlalchemy import text

    async with sandbox.services.session_factory() as session:
        rows = await session.execute(
            text(
                "SELECT status, count(*) FROM outbox WHERE chat_id BETWEEN :low AND :high "
                "GROUP BY status"
            ),
            {"low": FIRST_TG, "high": FIRST_TG + TEACHERS - 1},
        )
        return [(str(status), int(count)) for status, count in rows.all()]


def documents_delivered(sandbox: Sandbox) -> int:
    return sum(sandbox.emulator.delivered[FIRST_TG + n] for n in range(TEACHERS))


async def test_fifty_certificates_exactly_once_through_faults_and_a_restart(
    sandbox: Sandbox, client: SandboxClient, tmp_path: Path
) -> None:
    for n in range(TEACHERS):
        await client.create_user(FIRST_TG + n, f"Тыңдаушы{n}", "kk" if n % 2 else "ru")
        # they used the bot during the course (checked in): Telegram lets the bot write to them
        sandbox.emulator.users[FIRST_TG + n].started = True
    cohort_id = await finished_cohort(sandbox)
    # Telegram's flood limits stay on; on top, 429s and 500s on the documents
    await client.faults(kind="flood", count=6, method="sendDocument", retry_after=1)
    await client.faults(kind="http_500", count=6, method="sendDocument")
    await client.faults(kind="http_502", count=2, method="sendDocument")

    services = sandbox.services
    async with services.uow_factory() as uow:
        admin = await uow.people.get_by_telegram_id(ADMIN.telegram_id)
    now = services.clock()
    issuing = asyncio.create_task(
        issue_cohort_documents(
            services.uow_factory,
            cohort_id,
            now.astimezone(services.settings.tz).date(),
            now,
            issuing_options(services.settings, "biliktilik_sandbox_bot"),
            PdfRenderer(services.i18n_core),
            admin.id,
        )
    )

    # restart the bot once a fifth of the documents are out, while issuing still goes on
    await until(
        lambda: documents_delivered(sandbox) >= 20 or issuing.done(), 120, "the first deliveries"
    )
    await sandbox.stop_bot()
    stopped_at = documents_delivered(sandbox)
    await client.faults(kind="flood", count=4, method="sendDocument", retry_after=1)
    await client.faults(kind="http_500", count=4, method="sendDocument")
    await start_bot(sandbox, f"sqlite+aiosqlite:///{tmp_path / 'e2e.db'}", demo_data=False)
    summary = await issuing
    assert (len(summary.certificates), summary.references, summary.skipped) == (TEACHERS, [], 0)
    assert stopped_at < 2 * TEACHERS, "the restart came after the delivery had finished"

    try:
        await until(lambda: documents_delivered(sandbox) >= 2 * TEACHERS, 120, "all documents")
    except AssertionError:
        rows = await teachers_outbox(sandbox)
        raise AssertionError(f"{documents_delivered(sandbox)} delivered; outbox: {rows}") from None
    await asyncio.sleep(2)  # anything duplicated would arrive now
    assert sandbox.emulator.faults.pending == []  # every injected fault was hit and survived

    assert await teachers_outbox(sandbox) == [("sent", 2 * TEACHERS)]
    async with services.uow_factory() as uow:
        numbers = {}
        for n in range(TEACHERS):
            person = await uow.people.get_by_telegram_id(FIRST_TG + n)
            [certificate] = [
                c for c in await uow.certificates.for_person(person.id) if c.kind == "certificate"
            ]
            numbers[FIRST_TG + n] = certificate.number
    assert len(set(numbers.values())) == TEACHERS
    for telegram_id, number in numbers.items():
        messages = await client.messages(telegram_id)
        names = [file_name(m) for m in messages]
        calls = [
            (round(c.wall, 3), c.status, c.fault, c.description, c.params.get("document"))
            for c in sandbox.emulator.calls
            if c.method == "sendDocument" and str(c.params.get("chat_id")) == str(telegram_id)
        ]
        appendix = "Қосымша" if (telegram_id - FIRST_TG) % 2 else "Приложение"  # her language
        assert names.count(f"Сертификат-{number}.pdf") == 1, (telegram_id, names, calls)
        assert names.count(f"{appendix}-{number}.pdf") == 1, (telegram_id, names)
        assert len(messages) == 2 == sandbox.emulator.delivered[telegram_id]
        assert number in body(messages[0])

    stranger = Chat(client, 5999)
    await client.create_user(5999, "Бейтаныс", "ru")
    await stranger.say("/start", "Главное меню")  # her Telegram's Russian, taken at once
    number = numbers[FIRST_TG + 7]
    answer = await stranger.say(f"/verify {number.lower()}", "Сертификат")
    assert body(answer).startswith("✅ Сертификат действителен."), body(answer)
    assert "Развитие функциональной грамотности" in body(answer) or "Функционалдық" in body(answer)
