"""Issue 14 item 1, over HTTP (Kazakh interface): an internship course (§23, §30) from
enrollment to the App. 6 certificate and its verification. The admin records the cohort's
memorandum of cooperation, imports the list and issues the order (which cites the memorandum);
the teacher downloads the blank App. 5, sends the filled reference back; the admin checks it
and accepts: the App. 6 internship certificate reaches the teacher and verifies as one; the
admin records the security blank it is printed on (§29) and verification shows it."""

from __future__ import annotations

import io
from datetime import UTC, datetime, time, timedelta

import pytest
from pypdf import PdfReader

from bot.dev.demo import ADMIN, TEACHERS
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from domain.courses import CourseFormat, CourseKind
from domain.model import Cohort, Course, TrainingSession
from tests.e2e.chat import Chat, body, file_name
from tests.e2e.test_staff_journey import frag, xlsx

pytestmark = pytest.mark.e2e


def pdf_text(pdf: bytes) -> str:
    return " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


async def test_internship_from_enrollment_to_verified_app_6(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    f = lambda key: frag(sandbox, key)  # noqa: E731
    persona = TEACHERS[0]
    sandbox.emulator.users[persona.telegram_id].started = True
    today = sandbox.services.clock().astimezone(sandbox.services.settings.tz).date()
    async with sandbox.services.uow_factory() as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Машина жасаудағы заманауи технологиялар",
                topic_ru="Современные технологии в машиностроении",
                kind=CourseKind.INTERNSHIP,
                format=CourseFormat.WITH_LEAVE,
                hours=72,
                max_score=100,
            )
        )
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id or 0,
                code="ТҒЛ-2026-01",
                language="kk",
                starts_on=today - timedelta(days=12),
                ends_on=today,
                seats=20,
            )
        )
        # §23: the order needs a schedule that adds up to the course's 72 hours
        first = datetime.combine(today - timedelta(days=12), time(3, 0), tzinfo=UTC)
        await uow.sessions.add_many(
            [
                TrainingSession(
                    cohort_id=cohort.id or 0,
                    starts_at=first + timedelta(days=day),
                    ends_at=first + timedelta(days=day, hours=6),
                    academic_hours=8,
                    place="зауыт",
                )
                for day in range(9)
            ]
        )
        listener = await uow.people.get_by_telegram_id(persona.telegram_id)
        await uow.commit()
    assert listener is not None

    admin = Chat(client, ADMIN.telegram_id)
    # §30: the memorandum of cooperation, recorded for the cohort
    cohorts = await admin.say("/internships", f("internship-admin-choose"))
    card = await admin.tap(cohorts, f"int:cohort:{cohort.id}:", "ТҒЛ-2026-01 ағыны")
    assert "меморандум жазылмаған" in body(card)
    await admin.tap(card, f"int:memo:{cohort.id}:", "Меморандумның нөмірі")
    await admin.say("№ 15-м", f("internship-memo-ask-date"))
    await admin.say("01.10.2026", f("internship-memo-ask-enterprise"))
    await admin.say("«Павлодар машина жасау зауыты» ЖШС", "Меморандум жазылды: № 15-м,")

    # enrollment: the department's list and the order, which cites the memorandum
    card = await admin.say("/admin", f("admin-panel"))
    await admin.tap(card, "adm:cohorts", f("admin-cohorts-list"))
    card = await admin.tap(card, f"adh:show:{cohort.id}", "ТҒЛ-2026-01 ағыны")
    await admin.tap(card, f"adh:import-list:{cohort.id}", "тыңдаушылар тізімін .xlsx")
    rows = [
        ["ФИО", "ИИН", "Школа", "Должность", "Телефон", "Язык"],
        [listener.full_name, listener.iin, listener.school_name, "шебер", listener.phone, "kk"],
    ]
    await admin.upload("тізім.xlsx", xlsx(rows), "Тізім импортталды")
    await admin.tap(card, f"adh:order:{cohort.id}", "Бұйрықтың нөмірі")
    await admin.say("№ 91-қ", "Бұйрықтың күні")
    await admin.say(today.strftime("%d.%m.%Y"), "хатының нөмірі")
    await admin.say("02-14/777", "Хаттың күні")
    await admin.say(today.strftime("%d.%m.%Y"), "Білім басқармасының")
    await admin.say("Павлодар облысының білім басқармасы", f("orders-ask-department-ru"))
    summary = await admin.say("Управление образования Павлодарской области", "Тексеріңіз")
    mark = admin.last
    await admin.confirm(summary, "✅", "№ 91-қ бұйрық ресімделді")
    files = [m for m in await client.messages(ADMIN.telegram_id, mark) if file_name(m)]
    order_kk = pdf_text(await client.download(files[0]["document"]["url"]))
    assert "«Павлодар машина жасау зауыты» ЖШС" in order_kk and "№ 15-м" in order_kk
    assert "№ №" not in order_kk

    teacher = Chat(client, persona.telegram_id)
    await teacher.expect("курсына қабылдандыңыз")
    place = await teacher.say("/internship", "Жағдайы: анықтама жоқ")
    enrollment_id = int(
        next(
            b["callback_data"]
            for row in place["reply_markup"]["inline_keyboard"]
            for b in row
            if b["callback_data"].startswith("tin:send:")
        ).split(":")[2]
    )
    blank = await teacher.tap(
        place, f"tin:blank:{enrollment_id}:kk", f("internship-blank-caption-kk")
    )
    blank_text = pdf_text(await client.download(blank["document"]["url"]))
    assert "тағылымдамадан өткені туралы анықтама" in blank_text.lower()
    assert listener.full_name in blank_text
    await teacher.tap(place, f"tin:send:{enrollment_id}:", f("internship-ask-file"))
    await teacher.upload("анықтама.pdf", b"%PDF-1.4 filled App. 5", "Анықтама жіберілді")
    await admin.expect("тағылымдамадан өткені туралы анықтама жіберді")

    # the admin checks the reference against App. 5 and accepts it
    cohorts = await admin.say("/internships", f("internship-admin-choose"))
    card = await admin.tap(cohorts, f"int:cohort:{cohort.id}:", "ТҒЛ-2026-01 ағыны")
    review = await admin.tap(card, f"int:place:{enrollment_id}:", f("internship-check-fields"))
    accept = next(
        b["callback_data"]
        for row in review["reply_markup"]["inline_keyboard"]
        for b in row
        if b["callback_data"].startswith("int:accept:")
    )
    issued = await admin.tap(review, accept, "Тағылымдамадан өткені туралы сертификат №")
    number = body(issued).split("сертификат № ")[1].split()[0]

    # the teacher gets the App. 6 certificate; its text names the enterprise and memorandum
    delivered = await teacher.expect(lambda m: bool(file_name(m)) and number in body(m))
    certificate = pdf_text(await client.download(delivered["document"]["url"]))
    assert "ТАҒЫЛЫМДАМАДАН ӨТКЕНІ ТУРАЛЫ СЕРТИФИКАТ" in certificate
    assert "«Павлодар машина жасау зауыты» ЖШС" in certificate
    assert number in certificate

    # printed on a security blank (§29), verified by number as an internship certificate
    await admin.say(f"/blanks set {number} ВВ 0000501", "бланкісіне басылды")
    stranger = Chat(client, 4_000_777)
    await client._json(
        "POST",
        "/sandbox/api/users",
        json={"id": 4_000_777, "first_name": "Тексеруші", "language_code": "kk"},
    )
    answer = await stranger.say(number, "Құжат түрі: тағылымдамадан өткені туралы сертификат")
    assert "Қатаң есептілік бланкі: ВВ № 0000501" in body(answer)
