"""§10, App. 1–2: open cohorts and the application form in Kazakh and Russian."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, SendDocument

from bot.dev.testing import Harness, texts
from bot.runtime.container import Services
from domain.model import ApplicationKind, ApplicationStatus
from tests.bot.teacher.helpers import buttons, make_cohort, registered_teacher


async def applications(services: Services, telegram_id: int):
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
        return await uow.applications.for_person(person.id)


async def test_domestic_application_in_kazakh(harness: Harness, services: Services) -> None:
    cohort_id = await make_cohort(services, code="KZ-01", language="kk", seats=2)
    user = await registered_teacher(harness, 400, "kk")
    sent = await harness.send(user, "📚 Ашық курстар")
    listing = texts(sent)[0]
    assert listing.startswith("<b>📚 Ашық ағындар</b> (бет: 1 / 1)")
    assert "<b>Жаңартылған білім беру мазмұны</b>" in listing
    assert "Нысаны: еңбек қызметінен қол үзбей" in listing
    assert "Мерзімі: 2026\u202fж. 7 желтоқсан — 2026\u202fж. 18 желтоқсан" in listing
    assert "Оқыту тілі: қазақ тілі" in listing
    assert "Көлемі: 72 акад. сағ." in listing and "Бос орын: 2" in listing
    assert buttons(sent[0]) == [("📝 Өтініш беру: KZ-01", f"tap:{cohort_id}")]

    sent = await harness.press(user, f"tap:{cohort_id}")
    assert texts(sent)[1] == (
        "Өтініш білім беру ұйымыңыздың (№ 12 мектеп-гимназия, Астана) "
        "басшысына жолданады. Басшының тегін, атын, әкесінің атын жазыңыз."
    )
    assert texts(await harness.send(user, "Mr Director")) == [
        "Аты-жөні тек кирилл әріптерімен (қазақ әріптерін қоса) жазылады, цифрларсыз және "
        "таңбаларсыз."
    ]
    sent = await harness.send(user, "Ахметов Ерлан Сәкенұлы")
    assert texts(sent) == ["Оқыту тілі қандай?"]
    # the cohort is taught in Kazakh: Russian is refused with the reason
    sent = await harness.press(user, "tch:ru")
    assert texts(sent) == ["Бұл ағынның оқыту тілі: қазақ тілі. Соны немесе басқа ағынды таңдаңыз."]
    sent = await harness.press(user, "tnav:apply:back")
    assert texts(sent)[0].startswith("Өтініш білім беру ұйымыңыздың")
    await harness.send(user, "Ахметов Ерлан Сәкенұлы")
    sent = await harness.press(user, "tch:kk")
    assert texts(sent) == [
        "<b>Өтінішті тексеріңіз (1-қосымша)</b>\n\n"
        "Курс: Жаңартылған білім беру мазмұны (KZ-01 ағыны)\n"
        "Білім беру ұйымының басшысы: Ахметов Ерлан Сәкенұлы\n"
        "Оқыту тілі: қазақ тілі\n\nӨтініш бересіз бе?"
    ]
    assert await applications(services, 400) == []
    sent = await harness.press(user, "tnav:apply:confirm")
    assert (
        texts(sent)[0] == "«Жаңартылған білім беру мазмұны» курсына өтініш берілді. "
        "Шешімі осы жерге келеді."
    )
    documents = [r for r in sent if isinstance(r, SendDocument)]
    assert len(documents) == 1
    assert documents[0].document.filename.startswith("Өтініш-")
    assert documents[0].document.data.startswith(b"%PDF")
    stored = await applications(services, 400)
    assert len(stored) == 1
    assert (stored[0].status, stored[0].kind, stored[0].addressed_to, stored[0].language) == (
        ApplicationStatus.SUBMITTED,
        ApplicationKind.DOMESTIC,
        "Ахметов Ерлан Сәкенұлы",
        "kk",
    )
    # a second application to the same cohort is refused
    sent = await harness.press(user, f"tap:{cohort_id}")
    alert = next(r for r in sent if isinstance(r, AnswerCallbackQuery))
    assert alert.text == "Сіз бұл ағынға өтініш беріп қойғансыз." and alert.show_alert
    assert len(await applications(services, 400)) == 1


async def test_abroad_application_in_russian(harness: Harness, services: Services) -> None:
    cohort_id = await make_cohort(services, code="AB-01", language="ru", abroad=True)
    user = await registered_teacher(harness, 401, "ru")
    await harness.send(user, "/courses")
    sent = await harness.press(user, f"tap:{cohort_id}")
    assert texts(sent)[0].startswith(
        "Заполним заявление на курс «Обновлённое содержание "
        "образования» за рубежом по форме приложения 2"
    )
    await harness.send(user, "Петров Пётр Петрович")
    sent = await harness.press(user, "tch:1_year")
    assert texts(sent) == ["В какой стране проходит обучение?"]
    assert texts(await harness.send(user, "Ф" * 101)) == [
        "Введите название страны (не больше 100 символов)."
    ]
    await harness.send(user, "Финляндия")
    sent = await harness.press(user, "tch:en")
    assert "Продолжительность: курсы до 1 года" in texts(sent)[0]
    assert "Страна обучения: Финляндия" in texts(sent)[0]
    assert "Язык обучения: английский" in texts(sent)[0]
    # cancel keeps nothing
    sent = await harness.press(user, "tnav:apply:cancel")
    assert texts(sent) == ["Заявление не подано."]
    assert await applications(services, 401) == []
    await harness.press(user, f"tap:{cohort_id}")
    # the previous head is offered as a button only after an application; here typed again
    await harness.send(user, "Петров Пётр Петрович")
    await harness.press(user, "tch:3_months")
    await harness.send(user, "Финляндия")
    await harness.press(user, "tch:en")
    sent = await harness.press(user, "tnav:apply:confirm")
    assert texts(sent)[0] == (
        "Заявление на курс «Обновлённое содержание образования» подано. О решении сообщим здесь же."
    )
    stored = (await applications(services, 401))[0]
    assert (stored.kind, stored.abroad_duration, stored.abroad_country, stored.abroad_language) == (
        ApplicationKind.ABROAD,
        "3m",
        "Финляндия",
        "en",
    )


async def test_full_closed_and_unknown_cohorts_are_refused(
    harness: Harness, services: Services
) -> None:
    full = await make_cohort(services, code="F-1", seats=0)
    closed = await make_cohort(services, code="C-1", open_for_applications=False)
    user = await registered_teacher(harness, 402, "ru")
    sent = await harness.send(user, "/courses")
    assert texts(sent) == ["Сейчас нет потоков, открытых для записи. Загляните позже."]
    for cohort_id, expected in (
        (full, "В этом потоке не осталось свободных мест."),
        (closed, "Запись на этот поток закрыта."),
        (9999, "Такого потока нет. Откройте список курсов заново: /courses"),
    ):
        sent = await harness.press(user, f"tap:{cohort_id}")
        assert texts(sent) == [expected]
    assert await applications(services, 402) == []


async def test_pagination(harness: Harness, services: Services) -> None:
    for number in range(7):
        await make_cohort(services, code=f"P-{number}")
    user = await registered_teacher(harness, 403, "ru")
    sent = await harness.send(user, "/courses")
    assert texts(sent)[0].startswith("<b>📚 Открытые потоки</b> (страница 1 из 2)")
    assert buttons(sent[0])[-1] == ("▶️", "tcp:1")
    sent = await harness.press(user, "tcp:1")
    assert texts(sent)[0].startswith("<b>📚 Открытые потоки</b> (страница 2 из 2)")
    assert len([b for b in buttons(sent[-1]) if b[1].startswith("tap:")]) == 2


async def test_forged_choice_outside_the_form_is_refused(
    harness: Harness, services: Services
) -> None:
    user = await registered_teacher(harness, 404, "kk")
    sent = await harness.press(user, "tnav:apply:confirm")
    assert texts(sent) == ["Бұл батырма ескірген немесе қолжетімсіз. Мәзірді қайта ашыңыз: /menu"]
    assert await applications(services, 404) == []
