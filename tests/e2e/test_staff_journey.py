"""Issue 5, over HTTP as the demo staff (Kazakh interface): the admin creates a course and a
cohort, imports a department's list (XLSX), issues the enrollment order (PDF read back); the
trainer starts a check-in and a listener checks in with the code on the board; the admin
imports the scores."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from pypdf import PdfReader

from bot.dev.demo import ADMIN, TEACHERS, TRAINERS, demo_iin
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from domain.iin import Sex
from domain.model import TrainingSession
from tests.e2e.chat import Chat, body, data_for, data_of, file_name

pytestmark = pytest.mark.e2e
NEWCOMER_IIN = demo_iin(date(1990, 1, 1), Sex.FEMALE, 4001)
LOCALES = Path(__file__).resolve().parents[2] / "locales" / "kk"


def frag(sandbox: Sandbox, key: str) -> str:
    """The longest literal piece of a Kazakh text (placeholders and markup cut out)."""
    del sandbox
    raw = ""
    for path in LOCALES.glob("*.ftl"):
        found = re.search(rf"^{re.escape(key)} =(.*?)(?=^\S|\Z)", path.read_text(), re.S | re.M)
        if found:
            raw = found.group(1)
    assert raw, key
    raw = re.sub(r"<[^>]+>", "", raw)
    pieces = re.split(r"\{[^}]*\}|\n|[\u2068\u2069]", raw)
    return max((p.strip() for p in pieces), key=len)


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def test_admin_course_cohort_list_order_trainer_checkin_scores(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    f = lambda key: frag(sandbox, key)  # noqa: E731
    for persona in (TEACHERS[0], TRAINERS[0]):  # they have used the bot before
        sandbox.emulator.users[persona.telegram_id].started = True
    admin = Chat(client, ADMIN.telegram_id)
    panel = await admin.say("/admin", f("admin-panel"))
    courses = await admin.tap(panel, "adm:courses", f("admin-courses-list"))
    await admin.tap(courses, "adc:new:0", f("admin-course-ask-topic-kk"))
    await admin.say("Жобалық оқыту әдістемесі", f("admin-course-ask-topic-ru"))
    kind = await admin.say("Методика проектного обучения", f("admin-course-ask-kind"))
    step = await admin.tap(kind, data_for(kind, "Қысқа мерзімді"), f("admin-course-ask-format"))
    step = await admin.tap(step, data_for(step, "қол үзбей"), f("admin-course-ask-distance"))
    await admin.tap(step, data_for(step, "Жоқ, күндізгі"), f("admin-course-ask-hours"))
    await admin.say("72", f("admin-course-ask-modules"))
    step = await admin.say(
        "Жоба әдісі | Метод проектов | 36\nБағалау | Оценивание | 36",
        f("admin-course-ask-grading-scale"),
    )
    step = await admin.tap(step, data_for(step, "Есептелді"), f("admin-course-ask-languages"))
    await admin.tap(step, data_for(step, "қазақ және орыс"), f("admin-course-ask-max-score"))
    summary = await admin.say("100", "Жоба әдісі")
    await client.press(
        ADMIN.telegram_id, int(summary["message_id"]), data_for(summary, "Курсты сақтау")
    )
    for _ in range(100):  # the summary is edited to the outcome: no new message to wait for
        async with sandbox.services.uow_factory() as uow:
            course = await uow.courses.find_by_topic("Методика проектного обучения")
        if course is not None:
            break
        await asyncio.sleep(0.1)
    admin.last = max(
        [admin.last, *(int(m["message_id"]) for m in await client.messages(ADMIN.telegram_id))]
    )
    async with sandbox.services.uow_factory() as uow:
        trainer = await uow.people.get_by_telegram_id(TRAINERS[0].telegram_id)
        listener = await uow.people.get_by_telegram_id(TEACHERS[0].telegram_id)
    assert course is not None and course.hours == 72

    today = sandbox.services.clock().astimezone(sandbox.services.settings.tz).date()
    cohorts = await admin.tap(panel, "adm:cohorts", f("admin-cohorts-list"))
    step = await admin.tap(cohorts, "adh:new:0", f("admin-cohort-ask-course"))
    step = await admin.tap(step, data_for(step, str(course.id) + ". "), f("admin-cohort-ask-code"))
    await admin.say("ЖОӘ-2026-01", f("admin-cohort-ask-starts"))
    await admin.say(today.strftime("%d.%m.%Y"), f("admin-cohort-ask-ends"))
    step = await admin.say(
        (today + timedelta(days=5)).strftime("%d.%m.%Y"), f("admin-cohort-ask-language")
    )
    await admin.tap(step, data_for(step, "қазақ"), f("admin-cohort-ask-seats"))
    step = await admin.say("30", f("admin-cohort-ask-trainers"))
    await client._json(
        "POST",
        f"/sandbox/api/users/{ADMIN.telegram_id}/callbacks",
        json={
            "message_id": step["message_id"],
            "data": data_for(step, trainer.full_name or ""),
            "wait": 10,
        },
    )
    summary = await admin.tap(step, data_for(step, "Дайын"), "Жаңа ағын")
    await admin.tap(summary, data_for(summary, "Ағынды құру"), "ЖОӘ-2026-01 ағыны\nОқу мерзімі")
    # the summary now ends with what was done, and has no buttons left
    [done] = [
        m
        for m in await client.messages(ADMIN.telegram_id)
        if m["message_id"] == summary["message_id"]
    ]
    assert body(done).endswith("✅ ЖОӘ-2026-01 ағыны құрылды.") and not done.get("reply_markup")
    async with sandbox.services.uow_factory() as uow:
        [cohort] = [c for c in await uow.cohorts.list_all() if c.code == "ЖОӘ-2026-01"]
    assert cohort.trainer_ids == [trainer.id]

    card = await admin.tap(cohorts, f"adh:show:{cohort.id}", "ЖОӘ-2026-01 ағыны")
    await admin.tap(card, f"adh:import-list:{cohort.id}", "тыңдаушылар тізімін .xlsx")
    mark = admin.last
    rows = [
        ["ФИО", "ИИН", "Школа", "Должность", "Телефон", "Язык"],
        [listener.full_name, listener.iin, listener.school_name, "мұғалім", listener.phone, "kk"],
        [
            "Сәрсенова Әйгерім Бекқызы",
            NEWCOMER_IIN,
            "№ 5 мектеп",
            "мұғалім",
            "8 701 000 00 01",
            "kk",
        ],
    ]
    await client.send_document(ADMIN.telegram_id, "тізім.xlsx", xlsx(rows))
    imported = await client.wait_for(
        ADMIN.telegram_id, lambda m: "Тізім импортталды" in body(m), after=mark
    )
    assert "Бекітілген орын: 2" in body(imported)
    admin.last = max(admin.last, imported["message_id"])

    # §23: the order needs the cohort's 72 academic hours in its schedule (days 3–5 from now,
    # beyond the reminders' look-ahead): 9 sessions of 8 hours
    async with sandbox.services.uow_factory() as uow:
        first = datetime.combine(today + timedelta(days=3), time(3, 0), tzinfo=UTC)
        await uow.sessions.add_many(
            [
                TrainingSession(
                    cohort_id=cohort.id,
                    starts_at=first + timedelta(days=day, hours=7 * slot),
                    ends_at=first + timedelta(days=day, hours=7 * slot + 6),
                    academic_hours=8,
                    place="ауд. 7",
                )
                for day in range(3)
                for slot in range(3)
            ]
        )
        await uow.commit()
    await admin.tap(card, f"adh:order:{cohort.id}", "Бұйрықтың нөмірі")
    await admin.say("88-қ", "Бұйрықтың күні")
    await admin.say(today.strftime("%d.%m.%Y"), "хатының нөмірі")
    await admin.say("02-14/501", "Хаттың күні")
    await admin.say(today.strftime("%d.%m.%Y"), "Білім басқармасының")
    await admin.say("Астана қаласының білім басқармасы", f("orders-ask-department-ru"))
    summary = await admin.say("Управление образования города Астаны", "Бұйрық нөмірі: 88-қ")
    mark = admin.last
    await admin.confirm(summary, "Бұйрық шығарып", "№ 88-қ бұйрық ресімделді")
    files = [m for m in await client.messages(ADMIN.telegram_id, mark) if file_name(m)]
    assert len(files) == 2
    pdf = await client.download(files[0]["document"]["url"])
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "88-қ" in text

    teacher = Chat(client, TEACHERS[0].telegram_id)
    await teacher.expect("курсына қабылдандыңыз")
    async with sandbox.services.uow_factory() as uow:
        enrollment = await uow.enrollments.get(listener.id, cohort.id)
        now = sandbox.services.clock()
        session = await uow.sessions.add(
            TrainingSession(
                cohort_id=cohort.id,
                starts_at=now - timedelta(minutes=5),
                ends_at=now + timedelta(hours=3),
                academic_hours=4,
                place="ауд. 7",
            )
        )
        await uow.commit()
    courses_card = await teacher.say("🎓 Менің курстарым", "Жобалық оқыту әдістемесі")
    agreement = await teacher.tap(courses_card, f"tag:read:{enrollment.id}", "Тараптар:")
    await teacher.confirm(agreement, "✅", "қатысуыңызды белгілеуге")

    coach = Chat(client, TRAINERS[0].telegram_id)
    agenda = await coach.say(
        "/today", lambda m: f"tgs:start:{session.id}" in str(m.get("reply_markup"))
    )
    board = await coach.tap(agenda, data_of(agenda, f"tgs:start:{session.id}"), "Код")
    code = re.search(r"\d{3} \d{3}", body(board))
    assert code is not None, body(board)
    done = await teacher.say(code.group(0), "Қатысуыңыз белгіленді")
    assert "Жобалық оқыту әдістемесі" in body(done)

    pick = await admin.say(
        "/scores_import", lambda m: f"rsc:import:{cohort.id}" in str(m.get("reply_markup"))
    )
    await admin.tap(pick, f"rsc:import:{cohort.id}", "ЖОӘ-2026-01")
    scores = xlsx(
        [
            ["ЖСН", "Балл", "Метод проектов", "Оценивание"],
            [listener.iin, 88, "5", "5"],
            [NEWCOMER_IIN, 61, "4", "4"],
        ]
    )
    await admin.upload("балдар.xlsx", scores, "Жүктелген балдар саны: 2")
    async with sandbox.services.uow_factory() as uow:
        latest = await uow.assessments.latest(enrollment.id)
    assert latest is not None and latest.score == 88
