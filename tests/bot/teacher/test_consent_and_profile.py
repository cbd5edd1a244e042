"""Consent before anything else, the profile form with every refusal, view and edit."""

from __future__ import annotations

import pytest

from bot.dev.testing import Harness, texts
from bot.runtime.container import Services
from tests.bot.teacher.helpers import (
    IIN_AIGUL,
    IIN_IVAN,
    buttons,
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
        "Телефон нөміріңізді жіберу үшін төмендегі «📱 Контактімен бөлісу» батырмасын басыңыз."
    ]
    assert buttons(sent[0])[0] == ("📱 Контактімен бөлісу", None)
    assert sent[0].reply_markup.keyboard[0][0].request_contact is True
    # phone: typed text and someone else's contact are refused
    assert texts(await harness.send(user, "+77011234567")) == [
        "Нөмір қолмен енгізілмейді: төмендегі «📱 Контактімен бөлісу» батырмасын басыңыз."
    ]
    assert texts(await harness.send_contact(user, "+77019998877", owner_id=999)) == [
        "Тек өз контактіңізді жіберуге болады. «📱 Контактімен бөлісу» батырмасын басыңыз."
    ]
    sent = await harness.send_contact(user, "77011234567")
    assert texts(sent) == [
        "Телефон нөмірі алынды.",
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
    summary = texts(sent)[0]
    assert "Аты-жөні: Сейтқалиева Айгүл Нұрланқызы" in summary
    assert f"ЖСН: ********{IIN_AIGUL[-4:]}" in summary and IIN_AIGUL not in summary
    assert "Телефон: +77011234567" in summary
    assert "Жұмыс берушінің байланысы: hr@school12.kz" in summary
    # nothing stored before confirmation
    assert (await stored(services, 302)).full_name == ""
    sent = await harness.press(user, "tnav:profile:confirm")
    assert texts(sent) == ["Профиль сақталды. Енді курс таңдауға болады: «📚 Ашық курстар»."]
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


async def test_profile_in_russian_with_back_and_cancel(
    harness: Harness, services: Services
) -> None:
    user = await start(harness, 303, "ru")
    await harness.send(user, "/profile")
    await harness.press(user, "tcons:yes")
    await harness.send(user, "Иванов Иван Иванович")
    sent = await harness.press(user, "tnav:profile:back")
    assert texts(sent) == [
        "Введите фамилию, имя и отчество (при наличии) кириллицей, как в удостоверении "
        "личности. Например: Сейткалиева Айгуль Нурлановна."
    ]
    await harness.send(user, "Иванов Иван Иванович")
    await harness.send(user, IIN_IVAN)
    sent = await harness.send(user, "⬅️ Назад")
    assert texts(sent) == ["Вернулись на шаг назад.", "Введите ИИН — 12 цифр."]
    await harness.send(user, IIN_IVAN)
    sent = await harness.send(user, "✖️ Отмена")
    assert texts(sent) == ["Заполнение профиля отменено."]
    person = await stored(services, 303)
    assert (person.full_name, person.iin) == ("", None)
    assert person.consent_at is not None
    # the next teacher item restarts the form (profile incomplete)
    sent = await harness.send(user, "/courses")
    assert texts(sent)[0].startswith("Заполним профиль")


async def test_edit_one_field_later_and_iin_taken(harness: Harness, services: Services) -> None:
    await registered_teacher(harness, 304, "ru", iin=IIN_AIGUL)
    ivan = await registered_teacher(harness, 305, "ru", iin=IIN_IVAN, name="Иванов Иван")
    sent = await harness.press(ivan, "tpe:position")
    assert texts(sent) == ["Ваша должность (например: учитель математики)."]
    sent = await harness.send(ivan, "заместитель директора")
    assert texts(sent)[0] == "Изменение сохранено."
    assert "Должность: заместитель директора" in texts(sent)[1]
    assert (await stored(services, 305)).position == "заместитель директора"
    # another teacher's IIN is refused and nothing changes
    await harness.press(ivan, "tpe:iin")
    sent = await harness.send(ivan, IIN_AIGUL)
    assert texts(sent) == [
        "Этот ИИН уже указан в другом профиле. Проверьте ИИН; если он верный, "
        "обратитесь к администратору курсов."
    ]
    assert (await stored(services, 305)).iin == IIN_IVAN
    # forged field name
    sent = await harness.press(ivan, "tpe:roles")
    assert texts(sent) == ["Эта кнопка устарела или недоступна. Откройте меню заново: /menu"]


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
        await harness.send(user, answer)
    sent = await harness.press(user, "tnav:profile:confirm")
    assert texts(sent) == [
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
