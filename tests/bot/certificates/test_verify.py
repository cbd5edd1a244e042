"""§33 verification by anyone (kk and ru): valid / expired / revoked / not found / malformed /
forged link, masked vs. full name, the 10-per-minute limit; and the admin's /revoke."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.methods import SendMessage

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from bot.ui.formatting import notice_args
from domain.certificate_numbers import deep_link_payload, parse_certificate_number
from tests.bot.certificates.factories import (
    ADMIN_TG,
    TEACHER_TG,
    add_teacher,
    issue_fast,
    make_cohort,
)
from tests.conftest import FakeClock
from tests.documents.pdfutil import flat, pypdf_text

STRANGER = 555_001
NUMBER = "ORL-2026-000001"  # Әлия's certificate
REFERENCE = "ORL-2026-C000001"  # Өмір's listening reference: its own series (§31)
ISSUED_RU = "23 ноября 2026\u202fг."
UNTIL_RU = "20 ноября 2029\u202fг."  # §33: three years from completion (20 Nov)
ISSUED_KK = "2026\u202fж. 23 қараша"
UNTIL_KK = "2029\u202fж. 20 қараша"
TOPIC = "Функционалдық сауаттылықты дамыту: Қазақ тілі және әдебиеті"
ORG_KK = "«Өрлеу» біліктілікті арттыру орталығы"
NOT_FOUND_RU = (
    "Сертификат с таким номером не найден. Проверьте номер и отправьте его ещё раз, "
    "например ORL-2026-000123."
)
NOT_FOUND_KK = (
    "Мұндай нөмірлі сертификат табылмады. Нөмірді тексеріп, қайта жіберіңіз, "
    "мысалы: ORL-2026-000123."
)
FORGED_RU = (
    "⚠️ Эта ссылка не подлинная: подпись QR-кода не совпадает. Не доверяйте документу "
    "с таким QR-кодом; номер сертификата можно проверить, отправив его сообщением."
)


def details_ru(holder: str) -> str:
    return (
        f"Регистрационный номер: {NUMBER}\nВладелец: {holder}\nТема курса: {TOPIC}\n"
        f"Объём: 72 академических часа\nОрганизация: {ORG_KK}\nДата выдачи: {ISSUED_RU}\n"
        f"Действителен до: {UNTIL_RU}"
    )


def details_kk(holder: str) -> str:
    return (
        f"Тіркеу нөмірі: {NUMBER}\nИесі: {holder}\nКурстың тақырыбы: {TOPIC}\n"
        f"Көлемі: 72 академиялық сағат\nҰйым: {ORG_KK}\nБерілген күні: {ISSUED_KK}\n"
        f"Жарамдылық мерзімі: {UNTIL_KK}ға дейін"
    )


async def issue_two(services: Services) -> None:
    world = await make_cohort(services.uow_factory, language="kk")
    await add_teacher(
        services.uow_factory, world, "Әлия Серікқызы Нұрланова", telegram_id=TEACHER_TG
    )
    await add_teacher(
        services.uow_factory, world, "Өмір Ұланов", telegram_id=TEACHER_TG + 1, score=10
    )
    summary = await issue_fast(services, world.cohort.id)
    assert (summary.certificates, summary.references) == ([NUMBER], [REFERENCE])


def link(services: Services, number: str = NUMBER) -> str:
    parsed = parse_certificate_number(number)
    assert parsed is not None
    return deep_link_payload(parsed, services.settings.cert_secret_bytes)


async def test_a_typed_number_in_any_form_answers_valid_with_the_name_masked(
    harness: Harness, services: Services
) -> None:
    await issue_two(services)
    ru, kk = make_user(STRANGER, "ru"), make_user(STRANGER + 1, "kk")
    for typed in ("orl 2026 000001", "№ ORL-2026-000001", "ОRL2026000001", "ORL-2026-1"):
        assert texts(await harness.send(ru, typed)) == [
            f"✅ Сертификат действителен.\n\n{details_ru('Ә. С. Н.')}"
        ]
    assert texts(await harness.send(kk, "ORL-2026-000001")) == [
        f"✅ Сертификат жарамды.\n\n{details_kk('Ә. С. Н.')}"
    ]


async def test_the_menu_button_asks_for_a_number_and_refuses_other_content(
    harness: Harness, services: Services
) -> None:
    await issue_two(services)
    kk = make_user(STRANGER, "kk")
    ask = (
        "Сертификаттың тіркеу нөмірін жіберіңіз, мысалы: ORL-2026-000123. Бас не кіші әріп "
        "пен бос орындардың маңызы жоқ."
    )
    assert texts(await harness.send(kk, "🔎 Сертификатты тексеру")) == [ask]
    assert texts(
        await harness.send_message(
            kk, sticker=None, contact=None, location={"latitude": 51.1, "longitude": 71.4}
        )
    ) == [ask]
    assert texts(await harness.send(kk, "ORL-2026")) == [NOT_FOUND_KK]  # malformed
    assert texts(await harness.send(kk, "🔎 Сертификатты тексеру")) == [ask]
    assert texts(await harness.send(kk, "orl-2026-000001")) == [
        f"✅ Сертификат жарамды.\n\n{details_kk('Ә. С. Н.')}"
    ]
    # waiting for a number, another menu button still does what it says
    await harness.send(kk, "🔎 Сертификатты тексеру")
    help_text = texts(await harness.send(kk, "❓ Көмек"))
    assert len(help_text) == 1 and help_text[0].startswith("Бот № 95 бұйрықпен")


async def test_never_issued_and_malformed_numbers_say_not_found(
    harness: Harness, services: Services
) -> None:
    await issue_two(services)
    ru = make_user(STRANGER, "ru")
    # the certificate register has no gap: the reference did not take 000002
    for number in ("ORL-2026-000002", "ORL-2026-000999", "ORL-2026-C000002", "XYZ-2031-000001"):
        assert texts(await harness.send(ru, number)) == [NOT_FOUND_RU]
    assert texts(await harness.send(ru, "/verify ORL-2026-00000001")) == [NOT_FOUND_RU]
    assert texts(await harness.send(ru, "/verify не номер")) == [NOT_FOUND_RU]
    kk = make_user(STRANGER + 1, "kk")
    assert texts(await harness.send(kk, "/verify ORL-2026-000999")) == [NOT_FOUND_KK]


async def test_an_expired_certificate_after_three_years(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    await issue_two(services)
    # completed 20 November 2026, issued on the 23rd: the last valid day is 20 November 2029
    clock.advance(days=3 * 365 - 3)  # 19 November 2029
    ru, kk = make_user(STRANGER, "ru"), make_user(STRANGER + 1, "kk")
    assert texts(await harness.send(ru, NUMBER))[0].startswith("✅ Сертификат действителен.")
    clock.advance(days=2)  # 21 November 2029
    assert texts(await harness.send(ru, NUMBER)) == [
        f"⌛ Срок действия сертификата истёк.\n\n{details_ru('Ә. С. Н.')}"
    ]
    assert texts(await harness.send(kk, NUMBER)) == [
        f"⌛ Сертификаттың жарамдылық мерзімі өтіп кеткен.\n\n{details_kk('Ә. С. Н.')}"
    ]


async def test_the_qr_link_shows_the_full_name_and_forged_links_reveal_nothing(
    harness: Harness, services: Services
) -> None:
    await issue_two(services)
    ru, kk = make_user(STRANGER, "ru"), make_user(STRANGER + 1, "kk")
    payload = link(services)
    assert texts(await harness.send(ru, f"/start {payload}")) == [
        f"✅ Сертификат действителен.\n\n{details_ru('Әлия Серікқызы Нұрланова')}"
    ]
    assert texts(await harness.send(kk, f"/start {payload}")) == [
        f"✅ Сертификат жарамды.\n\n{details_kk('Әлия Серікқызы Нұрланова')}"
    ]
    altered = payload[:-1] + ("B" if payload[-1] == "A" else "A")
    other_number = payload.replace(NUMBER, "ORL-2026-000002")  # exists, signature of 000001
    never = payload.replace(NUMBER, "ORL-2026-000999")
    for forged in (altered, other_number, never, "v_ORL-2026-000001"):
        assert texts(await harness.send(ru, f"/start {forged}")) == [FORGED_RU]
    assert texts(await harness.send(kk, f"/start {altered}")) == [
        "⚠️ Бұл сілтеме түпнұсқа емес: QR-кодтың қолтаңбасы сәйкес келмейді. Мұндай QR-коды "
        "бар құжатқа сенбеңіз; сертификат нөмірін хабарлама етіп жіберіп, тексеруге болады."
    ]
    # a genuine link to a reference (not a certificate) says "not found" like any number
    assert texts(await harness.send(ru, f"/start {link(services, 'ORL-2026-000002')}")) == [
        NOT_FOUND_RU
    ]


async def test_the_eleventh_look_up_in_a_minute_gets_the_wait_message(
    harness: Harness, services: Services
) -> None:
    await issue_two(services)
    ru = make_user(STRANGER, "ru")
    for _ in range(10):
        assert texts(await harness.send(ru, NUMBER))[0].startswith("✅")
    assert texts(await harness.send(ru, NUMBER)) == [
        "Не больше 10 проверок в минуту. Подождите 60 секунд и отправьте номер снова."
    ]
    assert texts(await harness.send(ru, f"/start {link(services)}")) == []  # said once a window
    kk = make_user(STRANGER + 1, "kk")  # another person is not affected
    assert texts(await harness.send(kk, NUMBER))[0].startswith("✅")


async def test_admin_revokes_and_verification_says_revoked_with_the_date(
    harness: Harness, services: Services
) -> None:
    await issue_two(services)
    admin, teacher = make_user(ADMIN_TG, "ru"), make_user(TEACHER_TG, "kk")
    usage = "Формат: /revoke НОМЕР ПРИЧИНА\nНапример: /revoke ORL-2026-000123 ошибка в фамилии"
    assert texts(await harness.send(teacher, f"/revoke {NUMBER} өзім")) == [
        "Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды."
    ]
    assert texts(await harness.send(admin, "/revoke")) == [usage]
    assert texts(await harness.send(admin, f"/revoke {NUMBER}")) == [
        "Укажите причину отзыва — до 500 символов. Ничего не изменено."
    ]
    assert texts(await harness.send(admin, "/revoke ORL-2026-000002 справка")) == [
        "Сертификат с таким номером не найден. Ничего не изменено."
    ]
    assert texts(await harness.send(make_user(STRANGER, "ru"), NUMBER))[0].startswith("✅")
    sent = await harness.send(admin, "/revoke orl 2026 000001 ошибка <b>в</b> фамилии")
    assert texts(sent) == [  # issue 14.10: the holder is shown before acting
        f"Отозвать сертификат № {NUMBER}?\nВладелец: Әлия Серікқызы Нұрланова\n"
        f"Тема курса: {TOPIC}\nДата выдачи: {ISSUED_RU}\n"
        "Причина: ошибка &lt;b&gt;в&lt;/b&gt; фамилии"
    ]
    assert texts(await harness.press(admin, "crv:cancel:1")) == [
        "Отзыв отменён, ничего не изменено."
    ]
    assert texts(await harness.send(make_user(STRANGER, "ru"), NUMBER))[0].startswith("✅")
    await harness.send(admin, "/revoke orl 2026 000001 ошибка <b>в</b> фамилии")
    sent = await harness.press(admin, "crv:go:1")
    assert texts(sent) == [
        f"Сертификат № {NUMBER} отозван {ISSUED_RU}\n"
        "Владелец получит уведомление; проверка теперь показывает «отозван»."
    ]
    assert texts(await harness.send(admin, f"/revoke {NUMBER} ещё раз")) == [
        f"Сертификат № {NUMBER} уже отозван {ISSUED_RU}, ничего не изменено."
    ]
    assert texts(await harness.send(make_user(STRANGER, "ru"), NUMBER)) == [
        f"⛔ Сертификат отозван {ISSUED_RU}\n\n{details_ru('Ә. С. Н.')}"
    ]
    assert texts(await harness.send(make_user(STRANGER + 1, "kk"), NUMBER)) == [
        f"⛔ Сертификат {ISSUED_KK}да кері қайтарып алынған.\n\n{details_kk('Ә. С. Н.')}"
    ]
    async with services.uow_factory() as uow:
        notice = await uow.outbox.get_by_dedup_key("revoked:1")
    assert notice is not None and notice.chat_id == TEACHER_TG
    text = services.i18n_core.get(notice.payload["key"], "kk", **notice_args(notice.payload, "kk"))
    assert text == (
        f"⛔ Сіздің № {NUMBER} сертификатыңыз {ISSUED_KK}да кері қайтарып алынды.\n"
        "Себебі: ошибка &lt;b&gt;в&lt;/b&gt; фамилии\n"
        "Сұрақтарыңызды курс әкімшісіне қоюға болады."
    )
    sent = await harness.send(teacher, "/documents")
    assert texts(sent)[0].startswith(
        f"Біліктілікті арттыру сертификаты № {NUMBER}, берілген күні: "
        f"{ISSUED_KK}\n⛔ {ISSUED_KK}да кері қайтарып алынған."
    )
    assert not any(isinstance(r, SendMessage) for r in sent)

    # issue 14.10: reissued under a new number that names the one it replaces
    new = "ORL-2026-000002"  # references have their own series (§31)
    assert texts(await harness.press(admin, "crv:reissue:1")) == [
        f"Выдан сертификат № {new} взамен № {NUMBER}. Владелец получит новые документы."
    ]
    assert texts(await harness.press(admin, "crv:reissue:1")) == [
        "Перевыпуск невозможен: сертификат не отозван или уже перевыпущен."
    ]
    assert texts(await harness.send(make_user(STRANGER, "ru"), NUMBER)) == [
        f"⛔ Сертификат отозван {ISSUED_RU}\nВместо него выдан сертификат № {new}.\n\n"
        f"{details_ru('Ә. С. Н.')}"
    ]
    assert texts(await harness.send(make_user(STRANGER + 1, "kk"), NUMBER))[0].startswith(
        f"⛔ Сертификат {ISSUED_KK}да кері қайтарып алынған.\n"
        f"Оның орнына № {new} сертификат берілген."
    )
    assert texts(await harness.send(make_user(STRANGER, "ru"), new))[0].startswith("✅")
    async with services.uow_factory() as uow:
        reissued = await uow.certificates.get_by_number(new)
        files = await uow.documents.list_for_certificate(reissued.id)
        notices = [
            await uow.outbox.get_by_dedup_key(f"doc:{reissued.id}:{k}")
            for k in ("certificate", "appendix")
        ]
    assert reissued.replaces_number == NUMBER and reissued.follows_number == NUMBER
    assert sorted(f.kind for f in files) == ["appendix", "certificate"]
    assert all(n is not None and n.chat_id == TEACHER_TG for n in notices)
    pdf = next(f.content for f in files if f.kind == "certificate")
    assert f"№ {NUMBER}" in flat(pypdf_text(pdf))


async def test_the_holder_sees_how_many_times_and_on_which_local_days_it_was_verified(
    harness: Harness, services: Services, clock: FakeClock
) -> None:
    """Issue 17.4: /documents counts the checks and gives their local dates, never who."""
    await issue_two(services)
    teacher = make_user(TEACHER_TG, "kk")
    captions = texts(await harness.send(teacher, "/documents"))
    assert captions[0].endswith("\nӘлі тексерілмеген.")
    assert "тексер" not in captions[1]  # the appendix is not verified by itself
    await harness.send(make_user(STRANGER, "ru"), NUMBER)
    clock.now = datetime(2026, 11, 24, 20, 30, tzinfo=UTC)  # 25 November in Almaty
    await harness.send(make_user(STRANGER + 1, "kk"), f"/start {link(services)}")
    await harness.send(make_user(STRANGER + 2, "kk"), REFERENCE)  # a reference: not counted
    captions = texts(await harness.send(teacher, "/documents"))
    assert captions[0].endswith(
        "\n2 рет тексерілген: 2026\u202fж. 23 қараша, 2026\u202fж. 25 қараша"
    )
    assert str(STRANGER) not in captions[0]
    ru = services.i18n_core.get("verification-checks", "ru", count=2, dates="…")
    assert ru == "Проверялся 2 раза: …"


async def test_a_reference_number_verifies_as_a_reference(
    harness: Harness, services: Services
) -> None:
    """§31: a listening reference's number (typed with a Cyrillic С, in any case) answers that
    it is a reference, not a certificate, with its details and no validity."""
    await issue_two(services)
    ru = make_user(STRANGER, "ru")
    assert texts(await harness.send(ru, "orl 2026 с1")) == [
        "📄 Это справка о прослушивании курса (п. 31 Правил), а не сертификат: она "
        "подтверждает, что курс прослушан, а итоговое оценивание не пройдено.\n\n"
        f"Номер справки: {REFERENCE}\nСлушатель: Ө. Ұ.\nТема курса: {TOPIC}\n"
        f"Объём: 72 академических часа\nОрганизация: {ORG_KK}\nДата выдачи: {ISSUED_RU}"
    ]
    kk = make_user(STRANGER + 1, "kk")
    assert texts(await harness.send(kk, f"/verify {REFERENCE}")) == [
        "📄 Бұл — сертификат емес, курсты тыңдағаны туралы анықтама (Қағидалардың "
        "31-тармағы): тыңдаушы курсты тыңдағанын, бірақ қорытынды бағалаудан өтпегенін "
        f"растайды.\n\nАнықтаманың нөмірі: {REFERENCE}\nТыңдаушы: Ө. Ұ.\n"
        f"Курстың тақырыбы: {TOPIC}\nКөлемі: 72 академиялық сағат\nҰйым: {ORG_KK}\n"
        f"Берілген күні: {ISSUED_KK}"
    ]
