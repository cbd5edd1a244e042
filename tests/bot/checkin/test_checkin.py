"""A listener checks in with the trainer's code (typed, /checkin, QR deep link) — §24.3.

Today's session of cohort A runs 10:00–11:30 UTC = 15:00–16:30 Asia/Almaty; check-in opens at
09:45 UTC (14:45 local).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.types import InlineKeyboardMarkup

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.runtime.container import Services
from domain.checkin_codes import code_for, deep_link_payload, display_code
from domain.model import AttendanceMethod, EnrollmentStatus
from domain.services.checkin import FAILED_ACTION
from tests.bot.checkin.factories import (
    TEACHER_KK_TG,
    TEACHER_RU_TG,
    World,
    add_person,
    build_world,
    enroll,
)
from tests.conftest import FakeClock

SECRET = b"test-secret"
OPENS = datetime(2026, 11, 23, 9, 45, tzinfo=UTC)
ENDS = datetime(2026, 11, 23, 11, 30, tzinfo=UTC)

DONE_RU = (
    "✅ Вы отмечены на занятии: Функциональная грамотность, 23 ноября, понедельник, "
    "15:00.\nПосещаемость: 1 из 5 (20 %)."
)
DONE_KK = (
    "✅ Қатысуыңыз белгіленді: Функционалдық сауаттылық, 23 қараша, дүйсенбі, "
    "15:00.\nҚатысқан сабақтарыңыз: 1, барлық сабақ саны — 5 (20 %)."
)
WRONG_RU = "❌ Неверный код. Посмотрите код на экране тренера и отправьте его ещё раз: 6 цифр."
WRONG_KK = "❌ Код қате. Тренердің экранындағы кодты қарап, қайта жіберіңіз: 6 цифр."


def code(session_id: int | None, now: datetime) -> str:
    assert session_id is not None
    return code_for(SECRET, session_id, now)


async def attendance(services: Services, world: World, telegram_id: int) -> list[tuple[int, str]]:
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        assert person is not None and person.id is not None
        found = []
        for enrollment in await uow.enrollments.for_person(person.id):
            assert enrollment.id is not None
            found += [
                (a.session_id, str(a.method))
                for a in await uow.attendance.for_enrollment(enrollment.id)
            ]
    return found


async def failures(services: Services, session_id: int | None) -> list[str]:
    async with services.uow_factory() as uow:
        entries = await uow.audit.for_entity("session", str(session_id))
    return [str((e.after or {}).get("reason")) for e in entries if e.action == FAILED_ACTION]


async def test_check_in_opens_exactly_15_minutes_before_the_start(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    teacher = make_user(TEACHER_RU_TG, "ru")
    clock.now = OPENS - timedelta(seconds=1)
    sent = await harness.send(teacher, code(world.session.id, clock.now))
    assert texts(sent) == [
        "Отметка ещё не началась: она открывается за 15 минут до начала занятия, в 14:45."
    ]
    assert await attendance(services, world, TEACHER_RU_TG) == []
    assert await failures(services, world.session.id) == ["not_open_yet"]

    clock.now = OPENS
    sent = await harness.send(teacher, code(world.session.id, clock.now))
    assert texts(sent) == [DONE_RU]
    assert await attendance(services, world, TEACHER_RU_TG) == [(world.session.id, "code")]


async def test_kazakh_listener_checks_in_just_before_the_end_and_not_at_it(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    teacher = make_user(TEACHER_KK_TG, "kk")
    clock.now = ENDS
    sent = await harness.send(teacher, code(world.session.id, clock.now))
    assert texts(sent) == [
        "Сабақ аяқталып қойды (23 қараша, дүйсенбі, 15:00), қатысуды белгілеу жабық. Сабақта "
        "болсаңыз, тренерден қатысуыңызды белгілеуді сұраңыз."
    ]
    assert await attendance(services, world, TEACHER_KK_TG) == []

    clock.now = ENDS - timedelta(seconds=1)
    sent = await harness.send(teacher, display_code(code(world.session.id, clock.now)))
    assert texts(sent) == [DONE_KK]


async def test_previous_code_is_accepted_for_30_seconds_more_then_it_is_stale(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    shown_at = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)  # a 30-second window starts here
    shown = code(world.session.id, shown_at)
    clock.now = shown_at + timedelta(seconds=60)
    sent = await harness.send(make_user(TEACHER_RU_TG, "ru"), shown)
    assert texts(sent) == [
        "⌛ Этот код уже устарел: код меняется каждые 30 секунд. Отправьте "
        "код, который на экране сейчас."
    ]
    sent = await harness.send(make_user(TEACHER_KK_TG, "kk"), shown)
    assert texts(sent) == [
        "⌛ Бұл кодтың мерзімі өтіп кетті: код әр 30 секунд сайын ауысады. "
        "Экранда қазір тұрған кодты жіберіңіз."
    ]
    clock.now = shown_at + timedelta(seconds=59)
    sent = await harness.send(make_user(TEACHER_RU_TG, "ru"), shown)
    assert texts(sent) == [DONE_RU]
    assert await failures(services, world.session.id) == ["stale_code", "stale_code"]


async def test_wrong_code_and_code_of_another_cohort_change_nothing(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)
    right = code(world.session.id, clock.now)
    wrong = str((int(right) + 1) % 1_000_000).zfill(6)
    teacher = make_user(TEACHER_RU_TG, "ru")
    assert texts(await harness.send(teacher, wrong)) == [WRONG_RU]
    assert texts(await harness.send(make_user(TEACHER_KK_TG, "kk"), wrong)) == [WRONG_KK]

    other = code(world.other_session.id, clock.now)
    another_ru = (
        "Это код занятия другого потока. Отмечаться можно только на занятиях своего потока."
    )
    assert texts(await harness.send(teacher, other)) == [another_ru]
    link = f"/start {deep_link_payload(world.other_session.id or 0, other)}"
    assert texts(await harness.send(teacher, link)) == [another_ru]
    assert texts(await harness.send(make_user(TEACHER_KK_TG, "kk"), other)) == [
        "Бұл — басқа ағын сабағының коды. Қатысуды тек өз ағыныңыздың сабақтарында белгілей аласыз."
    ]
    assert await attendance(services, world, TEACHER_RU_TG) == []
    assert await failures(services, world.session.id) == ["wrong_code", "wrong_code"]
    assert await failures(services, world.other_session.id) == [
        "another_cohort",
        "another_cohort",
        "another_cohort",
    ]


async def test_second_check_in_is_answered_and_not_stored_twice(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)
    teacher = make_user(TEACHER_RU_TG, "ru")
    assert texts(await harness.send(teacher, code(world.session.id, clock.now))) == [DONE_RU]
    clock.advance(minutes=3)
    sent = await harness.send(teacher, f"/checkin {code(world.session.id, clock.now)}")
    assert texts(sent) == ["Вы уже отмечены на этом занятии.\nПосещаемость: 1 из 5 (20 %)."]
    assert await attendance(services, world, TEACHER_RU_TG) == [(world.session.id, "code")]


async def test_qr_deep_link_checks_in_with_method_qr(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)
    payload = deep_link_payload(world.session.id or 0, code(world.session.id, clock.now))
    sent = await harness.send(make_user(TEACHER_KK_TG, "kk"), f"/start {payload}")
    assert texts(sent) == [DONE_KK]
    assert await attendance(services, world, TEACHER_KK_TG) == [
        (world.session.id, str(AttendanceMethod.QR))
    ]
    # a forged link: an unknown session, a malformed payload
    for forged in ("ci_999999_123456", "ci_12_12"):
        sent = await harness.send(make_user(TEACHER_RU_TG, "ru"), f"/start {forged}")
        assert texts(sent) == [WRONG_RU]
    assert await attendance(services, world, TEACHER_RU_TG) == []


async def test_not_enrolled_expelled_and_agreement_not_accepted(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)
    now_code = code(world.session.id, clock.now)

    stranger = make_user(720_001, "ru")
    assert texts(await harness.send(stranger, now_code)) == [
        "Вы не зачислены в поток этого занятия. Отметка доступна только зачисленным слушателям."
    ]
    expelled = await add_person(services, 720_002, "kk", "Оспанов Ерлан")
    await enroll(services, expelled, world.cohort, status=EnrollmentStatus.EXPELLED)
    assert texts(await harness.send(make_user(720_002, "kk"), now_code)) == [
        "Сіз бұл ағыннан оқудан шығарылғансыз, сондықтан қатысуды белгілеу қолжетімсіз."
    ]
    newcomer = await add_person(services, 720_003, "ru", "Петров Пётр")
    enrollment = await enroll(services, newcomer, world.cohort, accepted_at=None)
    sent = await harness.send(make_user(720_003, "ru"), now_code)
    assert texts(sent) == [
        "Перед первой отметкой нужно принять договор на обучение (п. 24 Правил). Откройте его "
        "кнопкой ниже или в разделе «🎓 Мои курсы»."
    ]
    markup = sent[0].reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    assert markup.inline_keyboard[0][0].callback_data == f"tag:read:{enrollment.id}"
    for telegram_id in (720_002, 720_003):
        assert await attendance(services, world, telegram_id) == []
    assert await failures(services, world.session.id) == [
        "not_enrolled",
        "expelled",
        "agreement_not_accepted",
    ]


async def test_five_wrong_codes_then_a_wait_even_for_the_right_code(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    clock.now = datetime(2026, 11, 23, 10, 0, 0, tzinfo=UTC)
    teacher = make_user(TEACHER_RU_TG, "ru")
    right = code(world.session.id, clock.now)
    wrong = str((int(right) + 7) % 1_000_000).zfill(6)
    for _ in range(5):
        assert texts(await harness.send(teacher, wrong)) == [WRONG_RU]
        clock.advance(seconds=20)
    assert texts(await harness.send(teacher, code(world.session.id, clock.now))) == [
        "Слишком много неверных кодов. Попробуйте снова после 15:10."
    ]
    # Another listener is not affected by someone else's guesses.
    sent = await harness.send(make_user(TEACHER_KK_TG, "kk"), code(world.session.id, clock.now))
    assert texts(sent) == [DONE_KK]
    assert await attendance(services, world, TEACHER_RU_TG) == []
    clock.now = datetime(2026, 11, 23, 10, 10, 0, tzinfo=UTC)  # the first guess is 10 min old
    sent = await harness.send(teacher, code(world.session.id, clock.now))
    assert texts(sent)[0].startswith("✅ Вы отмечены на занятии")


async def test_no_session_now_and_usage_hints(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    await build_world(services)
    clock.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # after today's session
    teacher = make_user(TEACHER_RU_TG, "ru")
    assert texts(await harness.send(teacher, "000000")) == [
        "Сейчас у вас нет занятия. Отметка открывается за 15 минут до начала. Ближайшее "
        "занятие: 24 ноября, вторник, 15:00."
    ]
    assert texts(await harness.send(teacher, "/checkin 12a")) == [
        "Отправьте 6-значный код с экрана тренера, например: /checkin 123456 — или "
        "отсканируйте QR-код."
    ]
    assert texts(await harness.send(make_user(TEACHER_KK_TG, "kk"), "/checkin")) == [
        "Тренердің экранындағы 6 таңбалы кодты жіберіңіз, мысалы: /checkin 123456 — немесе "
        "QR-кодты сканерлеңіз."
    ]
    # seven digits is not a code: the general fallback answers
    assert texts(await harness.send(teacher, "1234567")) == [
        "Не понял сообщение. Выберите пункт меню или отправьте /help."
    ]


async def test_agreement_button_leads_to_acceptance_and_then_check_in_works(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    world = await build_world(services)
    newcomer = await add_person(services, 720_010, "kk", "Жаңа Тыңдаушы")
    enrollment = await enroll(services, newcomer, world.cohort, accepted_at=None)
    clock.now = datetime(2026, 11, 23, 10, 5, tzinfo=UTC)
    user = make_user(720_010, "kk")
    sent = await harness.send(user, code(world.session.id, clock.now))
    assert texts(sent)[0].startswith("Қатысуды алғаш белгілемес бұрын оқуға арналған шартты")
    sent = await harness.press(user, f"tag:read:{enrollment.id}")
    await harness.press(user, button_data(sent, "✅ Шарт талаптарын қабылдаймын"))
    async with services.uow_factory() as uow:
        stored = await uow.enrollments.get_by_id(enrollment.id or 0)
    assert stored is not None and stored.agreement_accepted_at is not None
    sent = await harness.send(user, code(world.session.id, clock.now))
    assert texts(sent) == [DONE_KK]
