"""Issue 4, over HTTP: one new teacher from /start to their results, as on a phone.

/start → language → consent → profile (name, IIN, own contact, position, school, employer
contact) → application to the demo cohort open for applications (PDF) → the demo admin approves
it and issues the enrollment order in the admin panel → the teacher is notified, cannot check in
before accepting the §24 agreement, accepts it, checks in with the trainer's rotating code →
"My courses" shows attendance and, once entered, the score.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.dev.demo import ADMIN, demo_iin
from bot.dev.sandbox.client import SandboxClient, buttons
from bot.dev.sandbox.runner import Sandbox
from domain.checkin_codes import code_for, display_code
from domain.iin import Sex
from domain.model import TrainingSession
from domain.services.enrollment import decide_application
from domain.services.results import record_score
from tests.e2e.chat import Chat, body, data_for, data_of, file_name

pytestmark = pytest.mark.e2e

OPEN_COHORT = "ЦГИИ-2026-02"  # bot/demo.py: the upcoming cohort, taught in Russian


async def open_cohort_id(sandbox: Sandbox) -> int:
    async with sandbox.services.uow_factory() as uow:
        for cohort in await uow.cohorts.list_all():
            if cohort.code == OPEN_COHORT:
                return int(cohort.id)
    raise AssertionError("the demo data has no open cohort")


async def session_now(sandbox: Sandbox, cohort_id: int) -> int:
    """A session of the cohort that is on right now (the demo's start in two weeks)."""
    now = sandbox.services.clock()
    async with sandbox.services.uow_factory() as uow:
        session = await uow.sessions.add(
            TrainingSession(
                cohort_id=cohort_id,
                starts_at=now - timedelta(minutes=5),
                ends_at=now + timedelta(hours=3),
                academic_hours=4,
                place="ауд. 101",
            )
        )
        await uow.commit()
    return int(session.id)


def current_code(sandbox: Sandbox, session_id: int) -> str:
    settings = sandbox.services.settings
    return display_code(code_for(settings.cert_secret_bytes, session_id, sandbox.services.clock()))


async def fill_profile(chat: Chat, lang: str, name: str, iin: str, phone: str) -> None:
    kk = lang == "kk"
    consent = await chat.say(
        "/profile",
        "Дербес деректерді жинауға" if kk else "Согласие на сбор и обработку персональных данных",
    )
    assert [b["callback_data"] for b in buttons(consent)] == ["tcons:yes", "tcons:no"]
    await chat.tap(consent, "tcons:yes", "кириллицамен жазыңыз" if kk else "кириллицей")
    await chat.say(name, "ЖСН-ді енгізіңіз" if kk else "Введите ИИН")
    ask_phone = await chat.say(iin, "Батырма енгізу жолының" if kk else "Кнопка — под полем")
    assert ask_phone["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    await chat.contact(phone, "Лауазымыңыз" if kk else "Ваша должность")
    await chat.say(
        "математика пәнінің мұғалімі" if kk else "учитель математики",
        "толық атауы" if kk else "Полное наименование",
    )
    await chat.say(
        "№ 45 мектеп-гимназия, Астана" if kk else "Школа-лицей № 3, Павлодар",
        "жұмыс берушінің байланысы" if kk else "Контакт работодателя",
    )
    summary = await chat.say("hr@school45.kz", "hr@school45.kz")
    assert f"********{iin[-4:]}" in body(summary) and iin not in body(summary)
    await chat.tap(
        summary,
        data_for(summary, "✅"),
        "Профиль сақталды" if kk else "Профиль сохранён",
    )


async def apply_to_open_cohort(
    chat: Chat, client: SandboxClient, lang: str, cohort_id: int, head: str
) -> None:
    kk = lang == "kk"
    listing = await chat.say(
        "📚 Ашық курстар" if kk else "📚 Курсы и запись",
        lambda m: f"tap:{cohort_id}" in str(m.get("reply_markup")),
    )
    assert OPEN_COHORT in body(listing)
    await chat.tap(
        listing,
        f"tap:{cohort_id}",
        "басшысына жолданады" if kk else "руководителю вашей организации",
    )
    # the cohort's language is shown in the summary, not asked
    summary = await chat.say(head, "Курсқа өтініш" if kk else "Заявление на курс")
    assert head in body(summary)
    assert ("Оқыту тілі: орыс тілі" if kk else "Язык обучения: русский") in body(summary)
    before = chat.last
    # the PDF comes, and the summary is edited to say it was submitted
    await chat.tap(
        summary, data_for(summary, "✅"), "Толтырылған өтініш" if kk else "Заполненное заявление"
    )
    form = await client.wait_for(chat.user_id, lambda m: bool(file_name(m)), after=before)
    assert file_name(form).startswith("Өтініш-" if kk else "Заявление")  # type: ignore[union-attr]
    pdf = await client.download(form["document"]["url"])
    assert pdf.startswith(b"%PDF")


async def approve_and_order_as_admin(
    client: SandboxClient, cohort_id: int, teacher_name: str
) -> None:
    """The demo admin (Kazakh interface): panel → cohorts → card → applications → order."""
    admin = Chat(client, ADMIN.telegram_id)
    panel = await admin.say("/admin", "Әкімші панелі")
    cohorts = await admin.tap(panel, data_of(panel, "adm:cohorts"), "Ағындар саны")
    card = await admin.tap(
        cohorts, data_of(cohorts, f"adh:show:{cohort_id}"), f"{OPEN_COHORT} ағыны"
    )
    await admin.tap(card, data_of(card, f"adh:applications:{cohort_id}"), "шешім күтуде: 1")
    application = await admin.expect(teacher_name)
    summary = await admin.tap(application, data_of(application, "ada:approve:"), "өтініш:")
    await client.press(ADMIN.telegram_id, int(summary["message_id"]), data_for(summary, "✅"))
    today = date.today().strftime("%d.%m.%Y")
    await admin.tap(card, data_of(card, f"adh:order:{cohort_id}"), "Бұйрықтың нөмірі")
    await admin.say("17-қ", "Бұйрықтың күні")
    await admin.say(today, "хатының нөмірі")
    await admin.say("01-12/77", "Хаттың күні")
    await admin.say(today, "Білім басқармасының")
    await admin.say("Астана қаласының білім басқармасы", "орыс тіліндегі атауы")
    summary = await admin.say("Управление образования города Астаны", "Тексеріңіз")
    issued = await admin.confirm(summary, "✅", "№ 17-қ бұйрық ресімделді")
    assert "Қабылданғаны: 1." in body(issued)


async def test_a_kazakh_teacher_from_start_to_results(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    cohort_id = await open_cohort_id(sandbox)
    teacher = Chat(client, 5201)
    await client.create_user(5201, "Әсел", "kk")
    await teacher.say("/start", "Басты мәзір")  # her Telegram's Kazakh, taken at once

    iin = demo_iin(date(1991, 4, 15), Sex.FEMALE, 321)
    await fill_profile(teacher, "kk", "Жұмабекова Әсел Қайратқызы", iin, "+7 702 111 22 33")
    async with sandbox.services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(5201)
    assert (person.full_name, person.iin, person.phone, person.employer_contact) == (
        "Жұмабекова Әсел Қайратқызы",
        iin,
        "+77021112233",
        "hr@school45.kz",
    )
    assert person.consent_at is not None

    await apply_to_open_cohort(teacher, client, "kk", cohort_id, "Омаров Бақыт Төлеуұлы")
    await approve_and_order_as_admin(client, cohort_id, "Жұмабекова Әсел Қайратқызы")
    # the decisions reach the teacher through the outbox, in Kazakh
    await teacher.expect("курсына өтінішіңіз мақұлданды")
    await teacher.expect("курсына қабылдандыңыз")

    session_id = await session_now(sandbox, cohort_id)
    refused = await teacher.say(
        current_code(sandbox, session_id), "Қатысуды алғаш белгілемес бұрын оқуға арналған шартты"
    )
    courses = await teacher.say("🎓 Менің курстарым", "Оқуға арналған шарт қабылданбаған")
    read = data_of(courses, "tag:read:")
    assert read == data_of(refused, "tag:read:")
    agreement = await teacher.tap(courses, read, "Оқуға арналған шарт\n\nТараптар:")
    for condition in ("1) белгіленген оқу жоспарына", "кемінде 80 %-ына", "Ұйым жұмыс берушіні"):
        assert condition in body(agreement)
    accepted = await teacher.confirm(agreement, "✅", "қатысуыңызды белгілеуге болады")
    assert "курсы бойынша оқуға арналған шарт" in body(accepted)

    await teacher.say("000 000", "Код қате")
    done = await teacher.say(current_code(sandbox, session_id), "Қатысуыңыз белгіленді")
    assert "Қатысқан сабақтарыңыз: 1, барлық сабақ саны — 17 (5 %)" in body(done)
    await teacher.say(current_code(sandbox, session_id), "қатысуыңыз бұрын белгіленген")
    async with sandbox.services.uow_factory() as uow:
        enrollment = await uow.enrollments.get(person.id, cohort_id)
        assert len(await uow.attendance.for_enrollment(enrollment.id)) == 1
        admin = await uow.people.get_by_telegram_id(ADMIN.telegram_id)

    result = await record_score(
        sandbox.services.uow_factory,
        admin.id,
        enrollment.id,
        86,
        {},
        sandbox.services.clock(),
        tz=sandbox.services.settings.tz,
    )
    assert result.refusal is None
    card = body(await teacher.say("🎓 Менің курстарым", "Қорытынды бағалау"))
    assert "Қорытынды бағалау: 86 балл, ең жоғары балл — 100, өту балы — 50." in card
    assert "Қатысқан сабақтарыңыз: 1, барлық сабақ саны — 17" in card
    assert "Оқуға арналған шарт " in card and "қабылданды" in card


async def test_a_russian_teacher_applies_is_approved_and_checks_in(
    sandbox: Sandbox, client: SandboxClient
) -> None:
    cohort_id = await open_cohort_id(sandbox)
    teacher = Chat(client, 5202)
    await client.create_user(5202, "Иван", "ru")
    await teacher.say("/start", "Главное меню")  # his Telegram's Russian, taken at once
    iin = demo_iin(date(1984, 9, 2), Sex.MALE, 555)
    await fill_profile(teacher, "ru", "Иванов Иван Иванович", iin, "+7 705 000 11 22")
    await apply_to_open_cohort(teacher, client, "ru", cohort_id, "Левченко Игорь Петрович")

    async with sandbox.services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(5202)
        [application] = await uow.applications.for_person(person.id)
        admin = await uow.people.get_by_telegram_id(ADMIN.telegram_id)
    decision = await decide_application(
        sandbox.services.uow_factory, admin.id, application.id, True, "", sandbox.services.clock()
    )
    assert decision.value == "approved"
    await teacher.expect("одобрено. Ждите приказа о зачислении")

    courses = await teacher.say("🎓 Мои курсы", OPEN_COHORT)
    agreement = await teacher.tap(courses, data_of(courses, "tag:read:"), "Договор")
    await teacher.confirm(agreement, "✅", "теперь можно отмечаться")
    session_id = await session_now(sandbox, cohort_id)
    done = await teacher.say(f"/checkin {current_code(sandbox, session_id)}", "Вы отмечены")
    assert "Посещаемость: 1 из 17 (5 %)" in body(done)
