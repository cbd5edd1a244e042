"""§10, App. 1–2: open cohorts and the application form in Kazakh and Russian."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, SendDocument

from bot.dev.testing import Harness, button_data, texts
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
    # the cohort is taught in Kazakh: the language is shown, not asked
    summary = (
        "<b>📝 Курсқа өтініш</b>\n"
        "Курс: Жаңартылған білім беру мазмұны (KZ-01 ағыны)\n"
        "Оқыту тілі: қазақ тілі\n\n"
        "<b>Білім беру ұйымының басшысы:</b> Ахметов Ерлан Сәкенұлы"
    )
    assert texts(sent) == [
        summary + "\n\nТексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ."
    ]
    # back to the first step, then cancel: nothing is stored
    sent = await harness.press(user, button_data(sent, "⬅️ Артқа"))
    assert texts(sent)[0].startswith("Өтініш білім беру ұйымыңыздың")
    assert texts(sent)[0].endswith("Қазіргі жауап: Ахметов Ерлан Сәкенұлы")
    sent = await harness.press(user, button_data(sent, "✖️ Бас тарту"))
    assert texts(sent)[0].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    assert await applications(services, 400) == []
    sent = await harness.press(user, f"tap:{cohort_id}")
    sent = await harness.send(user, "Ахметов Ерлан Сәкенұлы")
    assert await applications(services, 400) == []
    sent = await harness.press(user, button_data(sent, "✅ Өтініш беру"))
    assert texts(sent)[-1] == (
        summary + "\n\n«Жаңартылған білім беру мазмұны» курсына өтініш берілді. "
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
    sent = await harness.send(user, "Петров Пётр Петрович")
    # a short course abroad is "up to 3 months" (§23): the duration is not asked
    assert texts(sent) == ["В какой стране проходит обучение?"]
    assert texts(await harness.send(user, "Ф" * 101)) == [
        "Введите название страны (не больше 100 символов)."
    ]
    sent = await harness.send(user, "Финляндия")
    assert texts(sent)[0].startswith(
        "<b>📝 Заявление на курс</b>\n"
        "Курс: Обновлённое содержание образования (поток AB-01)\n"
        "Язык обучения: русский\n"
        "Продолжительность: курсы до 3 месяцев\n\n"
        "<b>Руководитель организации образования:</b> Петров Пётр Петрович\n"
        "<b>Страна обучения:</b> Финляндия\n\n"
    )
    # back to the first step, then cancel: nothing is stored
    sent = await harness.press(user, button_data(sent, "⬅️ Назад"))
    assert texts(sent) == ["В какой стране проходит обучение?\n\nСейчас: Финляндия"]
    sent = await harness.press(user, button_data(sent, "⬅️ Назад"))
    assert texts(sent)[0].startswith("Заявление адресуется руководителю")
    sent = await harness.press(user, button_data(sent, "✖️ Отмена"))
    assert texts(sent)[0].endswith("✖️ Отменено, ничего не сохранено.")
    assert await applications(services, 401) == []
    await harness.press(user, f"tap:{cohort_id}")
    await harness.send(user, "Петров Пётр Петрович")
    sent = await harness.send(user, "Финляндия")
    sent = await harness.press(user, button_data(sent, "✅ Подать заявление"))
    assert texts(sent)[-1].endswith(
        "Заявление на курс «Обновлённое содержание образования» подано. О решении сообщим здесь же."
    )
    stored = (await applications(services, 401))[0]
    assert (stored.kind, stored.abroad_duration, stored.abroad_country, stored.abroad_language) == (
        ApplicationKind.ABROAD,
        "3m",
        "Финляндия",
        "ru",
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


async def test_a_forged_form_button_outside_the_form_is_refused(
    harness: Harness, services: Services
) -> None:
    user = await registered_teacher(harness, 404, "kk")
    sent = await harness.press(user, "fk:forged:ok:0")
    assert texts(sent) == ["Бұл батырма ескірген: форма жабылған."]
    assert await applications(services, 404) == []


async def test_an_apply_button_without_a_profile_fills_it_and_continues_to_the_application(
    harness: Harness, services: Services
) -> None:
    """A consented teacher without a profile taps "Apply" (a list seen earlier): the profile
    form first, and saving it leads on to that cohort's application."""
    from bot.dev.testing import make_user
    from tests.bot.teacher.helpers import IIN_IVAN

    cohort_id = await make_cohort(services, code="RU-05", language="ru")
    user = make_user(405, language_code="ru")
    await harness.send(user, "/start")
    await harness.press(user, "lang:ru")
    await harness.send(user, "/courses")
    await harness.press(user, "tcons:yes")  # the profile form opens (for the course list)
    sent = await harness.press(user, f"tap:{cohort_id}")  # …the teacher taps Apply instead
    assert texts(sent)[0].startswith("Заполним профиль")
    await harness.send(user, "Иванов Иван Иванович")
    await harness.send(user, IIN_IVAN)
    await harness.send_contact(user, "+77011234567")
    for answer in ("учитель", "Школа № 5", "hr@school5.kz"):
        sent = await harness.send(user, answer)
    sent = await harness.press(user, button_data(sent, "✅ Сохранить профиль"))
    assert texts(sent)[0].startswith("Профиль сохранён.")
    assert texts(sent)[1].startswith("Заполним заявление на курс «Обновлённое содержание")
    assert texts(sent)[2] == (
        "Заявление адресуется руководителю вашей организации образования (Школа № 5). "
        "Введите ФИО руководителя."
    )
    sent = await harness.send(user, "Петров Пётр Петрович")
    await harness.press(user, button_data(sent, "✅ Подать заявление"))
    assert [a.cohort_id for a in await applications(services, 405)] == [cohort_id]
