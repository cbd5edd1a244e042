"""Consent before anything else, the profile form with every refusal, view and edit."""

from __future__ import annotations

import pytest
from aiogram.methods import SendMessage

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from tests.bot.teacher.helpers import (
    IIN_AIGUL,
    IIN_IVAN,
    buttons,
    last_message,
    registered_teacher,
    start,
    stored,
)

CONSENT_TITLE = {
    "kk": "<b>Дербес деректерді жинауға және өңдеуге келісім</b>",
    "ru": "<b>Согласие на сбор и обработку персональных данных</b>",
}


@pytest.mark.parametrize("lang", ["kk", "ru"])
@pytest.mark.parametrize(
    "item", ["/courses", "/mycourses", "/profile", "/requests", "/support", "/mydata"]
)
async def test_every_teacher_item_asks_for_consent_first(
    harness: Harness, services: Services, lang: str, item: str
) -> None:
    user = await start(harness, 300, lang)
    sent = await harness.send(user, item)
    assert texts(sent)[0].startswith(CONSENT_TITLE[lang])
    assert [d for _, d in buttons(sent[0])] == ["tcons:yes", "tcons:no"]
    person = await stored(services, 300)
    assert person is not None and person.consent_at is None


@pytest.mark.parametrize(
    ("lang", "menu_label"), [("kk", "📚 Ашық курстар"), ("ru", "📚 Курсы и запись")]
)
async def test_menu_button_asks_for_consent_and_refusal_stores_only_the_refusal(
    harness: Harness, services: Services, lang: str, menu_label: str
) -> None:
    user = await start(harness, 301, lang)
    sent = await harness.send(user, menu_label)
    assert texts(sent)[0].startswith(CONSENT_TITLE[lang])
    sent = await harness.press(user, "tcons:no")
    expected = {
        "kk": "Түсінікті. Дербес деректерді өңдеуге келісімсіз курстарға жазылу мүмкін емес, "
        "сондықтан сіз туралы ештеңе сақтамадық. Ойыңыз өзгерсе, мәзірдің кез келген "
        "бөлімін ашыңыз.",
        "ru": "Понимаем. Без согласия на обработку персональных данных записаться на курсы "
        "нельзя, поэтому мы ничего о вас не сохранили. Если передумаете, откройте любой "
        "пункт меню.",
    }
    assert texts(sent) == [expected[lang]]
    person = await stored(services, 301)
    assert person is not None
    assert person.consent_at is None
    assert person.consent_version == "declined:2026-11-pdl-v1"
    assert (person.full_name, person.iin, person.phone) == ("", None, None)
    # still gated
    assert texts(await harness.send(user, "/courses"))[0].startswith(CONSENT_TITLE[lang])


async def test_full_profile_in_kazakh(harness: Harness, services: Services, clock) -> None:
    user = await start(harness, 302, "kk")
    await harness.send(user, "/profile")
    sent = await harness.press(user, "tcons:yes")
    assert texts(sent) == [
        "Рахмет! Келісім сақталды.",
        "Профильді толтырайық: ол курсқа өтініш беру үшін қажет. Әр қадамда артқа оралуға "
        "немесе бас тартуға болады.",
        "Тегіңізді, атыңызды және әкеңіздің атын (болған жағдайда) жеке куәліктегідей "
        "кириллицамен жазыңыз. Мысалы: Сейтқалиева Айгүл Нұрланқызы",
    ]
    person = await stored(services, 302)
    assert person.consent_version == "2026-11-pdl-v1" and person.consent_at == clock.now
    # refusals of the name step
    assert texts(await harness.send(user, "Айгүл")) == [
        "Екі-төрт сөз жазыңыз: тегі, аты және әкесінің аты (болған жағдайда)."
    ]
    assert texts(await harness.send(user, "Aigul Seitkali")) == [
        "Аты-жөні тек кирилл әріптерімен (қазақ әріптерін қоса) жазылады, цифрларсыз және "
        "таңбаларсыз."
    ]
    assert texts(await harness.send(user, "Ә" * 100 + " " + "Б" * 60)) == [
        "Аты-жөні тым ұзын: 150 таңбадан аспауы керек."
    ]
    sticker = await harness.send_message(user, sticker=None, photo=[])
    assert texts(sticker) == ["Жауапты мәтінмен жіберіңіз."]
    sent = await harness.send(user, "сейтқалиева  айгүл нұрланқызы")
    assert texts(sent) == ["ЖСН-ді енгізіңіз — 12 цифр."]
    # IIN refusals
    bad = (
        "Бұл ЖСН-ге ұқсамайды: дұрыс туған күні мен бақылау цифры бар 12 цифр қажет. "
        "Тексеріп, қайта енгізіңіз."
    )
    assert texts(await harness.send(user, "12345")) == [bad]
    assert texts(await harness.send(user, IIN_AIGUL[:11] + str((int(IIN_AIGUL[11]) + 1) % 10))) == [
        bad
    ]
    sent = await harness.send(user, IIN_AIGUL[:6] + " " + IIN_AIGUL[6:])
    assert texts(sent) == [
        "Телефон нөміріңізді жіберу үшін төмендегі «📱 Контактімен бөлісу» батырмасын басыңыз.",
        "👇 Батырма енгізу жолының астында.",
    ]
    prompt, hint = [r for r in sent if isinstance(r, SendMessage)]
    assert [label for label, _ in buttons(prompt)] == ["⬅️ Артқа", "✖️ Бас тарту"]
    assert buttons(hint) == [("📱 Контактімен бөлісу", None)]
    assert hint.reply_markup.keyboard[0][0].request_contact is True
    # phone: typed text and someone else's contact are refused
    assert texts(await harness.send(user, "+77011234567")) == [
        "Нөмір қолмен енгізілмейді: төмендегі «📱 Контактімен бөлісу» батырмасын басыңыз."
    ]
    assert texts(await harness.send_contact(user, "+77019998877", owner_id=999)) == [
        "Тек өз контактіңізді жіберуге болады. «📱 Контактімен бөлісу» батырмасын басыңыз."
    ]
    sent = await harness.send_contact(user, "77011234567")
    assert texts(sent) == [
        "✅ Алынды.",
        "Лауазымыңыз (мысалы: математика пәнінің мұғалімі).",
    ]
    await harness.send(user, "математика пәнінің мұғалімі")
    assert texts(await harness.send(user, "x" * 201)) == ["Жауап тым ұзын. Қысқартыңыз."]
    await harness.send(user, "№ 12 мектеп-гимназия")
    assert texts(await harness.send(user, "директорға хабарлаңыз")) == [
        "E-mail (мысалы, hr@school.kz) немесе телефон нөмірін (мысалы, +7 701 123 45 67) "
        "көрсетіңіз."
    ]
    sent = await harness.send(user, "hr@school12.kz")
    assert texts(sent) == [
        "👤 Сіздің профиліңіз\n\n"
        "<b>Аты-жөні:</b> Сейтқалиева Айгүл Нұрланқызы\n"
        f"<b>ЖСН:</b> ********{IIN_AIGUL[-4:]}\n"
        "<b>Телефон нөмірі:</b> +77011234567\n"
        "<b>Лауазымы:</b> математика пәнінің мұғалімі\n"
        "<b>Білім беру ұйымы:</b> № 12 мектеп-гимназия\n"
        "<b>Жұмыс берушінің байланысы:</b> hr@school12.kz\n\n"
        "Тексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ."
    ]
    # nothing stored before confirmation
    assert (await stored(services, 302)).full_name == ""
    sent = await harness.press(user, button_data(sent, "✅ Профильді сақтау"))
    # opened from /profile: the saved profile is shown next
    assert texts(sent)[0] == ("Профиль сақталды. Енді курс таңдауға болады: «📚 Ашық курстар».")
    assert texts(sent)[1].startswith("<b>👤 Сіздің профиліңіз</b>")
    person = await stored(services, 302)
    assert (
        person.full_name,
        person.iin,
        person.phone,
        person.position,
        person.school_name,
        person.employer_contact,
    ) == (
        "Сейтқалиева Айгүл Нұрланқызы",
        IIN_AIGUL,
        "+77011234567",
        "математика пәнінің мұғалімі",
        "№ 12 мектеп-гимназия",
        "hr@school12.kz",
    )
    sent = await harness.send(user, "👤 Менің профилім")
    assert texts(sent)[0].startswith("<b>👤 Сіздің профиліңіз</b>")
    assert IIN_AIGUL not in texts(sent)[0]
    assert "Деректерді өңдеуге келісім: 2026\u202fж. 23 қараша" in texts(sent)[0]


async def test_profile_in_russian_walked_back_from_the_summary_and_cancelled(
    harness: Harness, services: Services
) -> None:
    user = await start(harness, 303, "ru")
    await harness.send(user, "/profile")
    await harness.press(user, "tcons:yes")
    await harness.send(user, "Иванов Иван Иванович")
    await harness.send(user, IIN_IVAN)
    await harness.send_contact(user, "+7 701 123 45 67")
    await harness.send(user, "учитель")
    await harness.send(user, "Школа № 5")
    sent = await harness.send(user, "+7 701 555 00 01")
    assert texts(sent)[0].startswith("👤 Ваш профиль\n\n<b>ФИО:</b> Иванов Иван Иванович\n")
    prompts = [
        "Контакт работодателя для уведомлений: e-mail или телефон отдела кадров или "
        "руководителя вашей организации образования.\n\nСейчас: +77015550001",
        "Полное наименование вашей организации образования (школы, колледжа, детского "
        "сада).\n\nСейчас: Школа № 5",
        "Ваша должность (например: учитель математики).\n\nСейчас: учитель",
        "Нажмите кнопку «📱 Поделиться контактом» ниже, чтобы отправить свой номер "
        "телефона.\n\nСейчас: +77011234567",
        f"Введите ИИН — 12 цифр.\n\nСейчас: ********{IIN_IVAN[-4:]}",
        "Введите фамилию, имя и отчество (при наличии) кириллицей, как в удостоверении "
        "личности. Например: Сейткалиева Айгуль Нурлановна.\n\nСейчас: Иванов Иван Иванович",
    ]
    for prompt in prompts:
        sent = await harness.press(user, button_data(sent, "⬅️ Назад"))
        assert texts(sent)[0] == prompt
    # the first step has no Back
    assert [label for label, _ in buttons(last_message(sent))] == ["✖️ Отмена"]
    sent = await harness.press(user, button_data(sent, "✖️ Отмена"))
    assert texts(sent) == [texts(sent)[0]] and texts(sent)[0].endswith(
        "✖️ Отменено, ничего не сохранено."
    )
    person = await stored(services, 303)
    assert (person.full_name, person.iin, person.phone) == ("", None, None)
    assert person.consent_at is not None
    # the next teacher item restarts the form (profile incomplete)
    sent = await harness.send(user, "/courses")
    assert texts(sent)[0].startswith("Заполним профиль")


async def test_change_a_field_later_and_iin_taken(harness: Harness, services: Services) -> None:
    await registered_teacher(harness, 304, "ru", iin=IIN_AIGUL)
    ivan = await registered_teacher(harness, 305, "ru", iin=IIN_IVAN, name="Иванов Иван")
    sent = await harness.send(ivan, "/profile")
    sent = await harness.press(ivan, button_data(sent, "✏️ Изменить профиль"))
    assert texts(sent)[0].startswith("👤 Ваш профиль\n\n<b>ФИО:</b> Иванов Иван\n")
    sent = await harness.press(ivan, button_data(sent, "✏️ Изменить"))
    sent = await harness.press(ivan, button_data(sent, "Должность"))
    assert texts(sent) == [
        "Ваша должность (например: учитель математики).\n\nСейчас: учитель математики"
    ]
    sent = await harness.send(ivan, "заместитель директора")
    assert "<b>Должность:</b> заместитель директора" in texts(sent)[0]
    assert (await stored(services, 305)).position == "учитель математики"
    sent = await harness.press(ivan, button_data(sent, "✅ Сохранить профиль"))
    assert texts(sent)[0] == "Профиль сохранён. Теперь можно выбрать курс: «📚 Курсы и запись»."
    assert "Должность: заместитель директора" in texts(sent)[1]
    assert (await stored(services, 305)).position == "заместитель директора"
    # another teacher's IIN is refused at Confirm, the IIN asked again, nothing changes
    sent = await harness.press(ivan, button_data(sent, "✏️ Изменить профиль"))
    sent = await harness.press(ivan, button_data(sent, "✏️ Изменить"))
    sent = await harness.press(ivan, button_data(sent, "ИИН"))
    sent = await harness.send(ivan, IIN_AIGUL)
    sent = await harness.press(ivan, button_data(sent, "✅ Сохранить профиль"))
    assert texts(sent) == [
        "Этот ИИН уже указан в другом профиле. Проверьте ИИН; если он верный, "
        "обратитесь к администратору курсов.",
        "Введите ИИН — 12 цифр.",
    ]
    assert (await stored(services, 305)).iin == IIN_IVAN


async def test_teacher_from_an_imported_list_is_linked_in_russian(
    harness: Harness, services: Services
) -> None:
    from domain.model import Person

    async with services.uow_factory() as uow:
        imported = await uow.people.add(
            Person(telegram_id=None, full_name="Иванов Иван", iin=IIN_IVAN)
        )
        await uow.commit()
    user = await registered_teacher(harness, 306, "ru", iin=IIN_IVAN, name="Иванов Иван")
    person = await stored(services, 306)
    assert person.id == imported.id
    sent = await harness.send(user, "/profile")
    assert "ФИО: Иванов Иван" in texts(sent)[0]


async def test_linked_message_is_shown_on_confirm(harness: Harness, services: Services) -> None:
    from domain.model import Person

    async with services.uow_factory() as uow:
        await uow.people.add(Person(telegram_id=None, full_name="Иванов Иван", iin=IIN_IVAN))
        await uow.commit()
    user = await start(harness, 307, "kk")
    await harness.send(user, "/profile")
    await harness.press(user, "tcons:yes")
    for answer in ("Иванов Иван", IIN_IVAN):
        await harness.send(user, answer)
    await harness.send_contact(user, "+77015550000")
    for answer in ("мұғалім", "Мектеп", "+7 701 555 00 01"):
        sent = await harness.send(user, answer)
    sent = await harness.press(user, button_data(sent, "✅"))
    assert texts(sent)[:1] == [
        "Профиль сақталды. Сізді қабылдау тізімінен тауып, осы чатпен "
        "байланыстырдық — «🎓 Менің курстарым» бөлімін қараңыз."
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "kk",
            "Бұл ЖСН-дегі туған күн әлі келмеген: алғашқы алты цифрды (жыл, ай, күн) тексеріп, "
            "ЖСН-ді қайта енгізіңіз.",
        ),
        (
            "ru",
            "Дата рождения в этом ИИН ещё не наступила: проверьте первые шесть цифр (год, месяц, "
            "день) и введите ИИН ещё раз.",
        ),
    ],
)
async def test_an_iin_born_after_the_organizations_today_is_refused(
    harness: Harness, services: Services, clock, lang: str, expected: str
) -> None:
    """The organization's date decides: 19:30 UTC on 23 November is already 24 November in
    Almaty, so an IIN born on the 24th is accepted and one born on the 25th is not."""
    from datetime import UTC, date, datetime

    from domain.iin import Sex, make_iin

    clock.now = datetime(2026, 11, 23, 19, 30, tzinfo=UTC)
    user = await start(harness, 303 if lang == "kk" else 304, lang)
    await harness.send(user, "/profile")
    await harness.press(user, "tcons:yes")
    await harness.send(user, "Сейтқалиева Айгүл Нұрланқызы")
    tomorrow = make_iin(date(2026, 11, 25), Sex.FEMALE, 7)
    assert texts(await harness.send(user, tomorrow)) == [expected]
    person = await stored(services, user.id)
    assert person is not None and person.iin is None
    born_today = make_iin(date(2026, 11, 24), Sex.FEMALE, 7)
    sent = await harness.send(user, born_today)
    assert texts(sent) != [expected] and "📱" in texts(sent)[0]


async def test_saving_the_profile_leads_back_to_the_course_list(
    harness: Harness, services: Services
) -> None:
    """Opened from "📚 Courses", the saved profile goes on to the course list."""
    from tests.bot.teacher.helpers import make_cohort

    await make_cohort(services, code="A-01")
    user = await start(harness, 308, "kk")
    await harness.send(user, "📚 Ашық курстар")
    await harness.press(user, "tcons:yes")
    await harness.send(user, "Сейтқалиева Айгүл Нұрланқызы")
    await harness.send(user, IIN_AIGUL)
    await harness.send_contact(user, "+77011234567")
    for answer in ("мұғалім", "Мектеп", "hr@school.kz"):
        sent = await harness.send(user, answer)
    sent = await harness.press(user, button_data(sent, "✅ Профильді сақтау"))
    assert texts(sent)[0].startswith("Профиль сақталды.")
    assert "A-01" in texts(sent)[1]
    assert button_data(sent, "A-01").startswith("tap:")


async def test_cancel_at_the_phone_step_gives_the_menu_back(
    harness: Harness, services: Services
) -> None:
    """The phone step replaced the menu with Telegram's contact button; Cancel restores it."""
    from aiogram.types import ReplyKeyboardMarkup

    user = await start(harness, 309, "kk")
    await harness.send(user, "/profile")
    await harness.press(user, "tcons:yes")
    await harness.send(user, "Сейтқалиева Айгүл Нұрланқызы")
    sent = await harness.send(user, IIN_AIGUL)
    sent = await harness.press(user, button_data(sent, "✖️ Бас тарту"))
    cancelled = last_message(sent)
    assert cancelled.text == "✖️ Бас тартылды, ештеңе сақталған жоқ."
    assert isinstance(cancelled.reply_markup, ReplyKeyboardMarkup)
    assert "👤 Менің профилім" in [label for label, _ in buttons(cancelled)]
    assert (await stored(services, 309)).iin is None
