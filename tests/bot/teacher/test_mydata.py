"""/mydata: own data only, as JSON; a deletion request that admins see."""

from __future__ import annotations

import json
from datetime import date

from aiogram.methods import SendDocument

from bot.dev.testing import Harness, button_data, texts
from bot.runtime.container import Services
from domain.services.personal_data import pending_deletions
from tests.bot.teacher.helpers import (
    IIN_AIGUL,
    IIN_IVAN,
    enroll,
    make_cohort,
    registered_teacher,
    stored,
)


async def test_download_contains_only_my_data_in_russian(
    harness: Harness, services: Services
) -> None:
    cohort = await make_cohort(services, code="M-1", starts_on=date(2026, 11, 19))
    aigul = await registered_teacher(harness, 800, "ru")
    ivan = await registered_teacher(harness, 801, "ru", iin=IIN_IVAN, name="Иванов Иван")
    await enroll(services, 800, cohort, accepted=True, attended=2)
    await enroll(services, 801, cohort, attended=1)
    sent = await harness.send(aigul, "/mydata")
    document = next(r for r in sent if isinstance(r, SendDocument))
    assert document.caption.startswith("Все данные, которые бот хранит о вас")
    assert document.document.filename == "Мои-данные.json"
    workbook = [r for r in sent if isinstance(r, SendDocument)][1]
    assert workbook.document.filename == "Мои-данные.xlsx"
    assert workbook.caption.startswith("То же самое в виде таблицы")
    sheets = read_workbook(workbook.document.data)
    assert list(sheets) == [
        "Профиль", "Заявления", "Курсы", "Посещаемость", "Результаты", "Документы", "Заявки",
        "Сопровождение",
    ]  # fmt: skip
    assert ["ФИО", "Сейтқалиева Айгүл Нұрланқызы"] in sheets["Профиль"]
    assert ["ИИН", IIN_AIGUL] in sheets["Профиль"]
    assert sheets["Посещаемость"][0][:2] == ["Поток", "Начало занятия"]
    assert len(sheets["Посещаемость"]) == 3  # the header and two sessions
    assert sheets["Заявки"] == [["Записей нет."]]
    everything = str(sheets)
    assert "Иванов" not in everything and "full_name" not in everything
    raw = document.document.data.decode("utf-8")
    data = json.loads(raw)
    assert data["profile"]["iin"] == IIN_AIGUL
    assert data["profile"]["full_name"] == "Сейтқалиева Айгүл Нұрланқызы"
    assert data["profile"]["consent_version"] == "2026-11-pdl-v1"
    [enrollment] = data["enrollments"]
    assert enrollment["cohort"] == "M-1" and len(enrollment["attendance"]) == 2
    assert "Иванов" not in raw and IIN_IVAN not in raw
    assert texts(sent)[-1].startswith("Вы можете попросить удалить ваши данные.")
    del ivan


def read_workbook(data: bytes) -> dict[str, list[list[object]]]:
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return {
        sheet.title: [[c for c in row] for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }


async def test_deletion_request_in_kazakh(harness: Harness, services: Services, clock) -> None:
    user = await registered_teacher(harness, 802, "kk")
    sent = await harness.send(user, "/mydata")
    files = [r.document.filename for r in sent if isinstance(r, SendDocument)]
    assert files == ["Менің-деректерім.json", "Менің-деректерім.xlsx"]
    workbook = read_workbook([r for r in sent if isinstance(r, SendDocument)][1].document.data)
    assert ["Аты-жөні", "Сейтқалиева Айгүл Нұрланқызы"] in workbook["Профиль деректері"]
    assert workbook["Өтініштер"] == [["Жазбалар жоқ."]]
    assert texts(sent)[-1].startswith("Деректеріңізді жоюды сұрай аласыз.")
    sent = await harness.press(user, button_data(sent, "🗑"))
    question = (
        "Деректеріңізді шынымен жоясыз ба? Жойылғаннан кейін бот арқылы "
        "курстарға жазылу және құжат алу мүмкін болмайды."
    )
    assert texts(sent) == [
        question + "\n\nТексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ."
    ]
    # Cancel: nothing is asked for
    cancelled = await harness.press(user, button_data(sent, "✖️ Бас тарту"))
    assert texts(cancelled)[0].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    assert (await stored(services, 802)).deletion_requested_at is None
    sent = await harness.send(user, "/mydata")
    sent = await harness.press(user, button_data(sent, "🗑"))
    assert (await stored(services, 802)).deletion_requested_at is None
    sent = await harness.press(user, button_data(sent, "Иә"))
    assert texts(sent)[-1] == (
        question + "\n\nДеректерді жою туралы сұрау қабылданды. Оны әкімші орындайды; "
        "берілген сертификаттар туралы мәліметтер заң талабы бойынша "
        "сақталады."
    )
    assert (await stored(services, 802)).deletion_requested_at == clock.now
    assert [p.telegram_id for p in await pending_deletions(services.uow_factory)] == [802]
    sent = await harness.send(user, "/mydata")
    assert texts(sent)[-1] == (
        "Деректерді жою туралы сұрау қабылданған (2026\u202fж. 23 қараша) "
        "және әкімшінің орындауын күтуде."
    )
    sent = await harness.press(user, "tmd:everything")
    assert texts(sent) == ["Бұл батырма ескірген немесе қолжетімсіз. Мәзірді қайта ашыңыз: /menu"]
