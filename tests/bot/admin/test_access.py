"""Only an admin in a private chat reaches the admin commands; every refusal is logged."""

from __future__ import annotations

from aiogram.methods import SendMessage
from aiogram.types import Chat, InlineKeyboardMarkup

from bot.dev.testing import Harness, texts
from bot.runtime.container import Services
from domain.model import Role
from tests.bot.admin.conftest import People, audit, make_course, person, start

REFUSED_RU = "Это доступно только администраторам. Попытка записана в журнал."
REFUSED_KK = "Бұл тек әкімшілерге қолжетімді. Әрекет журналға жазылды."
GROUP_RU = (
    "Команды администратора работают только в личном чате с ботом. Попытка записана в журнал."
)


def buttons(request: SendMessage) -> list[str]:
    markup = request.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    return [b.text for row in markup.inline_keyboard for b in row]


async def test_admin_opens_the_panel_by_command_and_menu(harness: Harness, people: People) -> None:
    for text in ("/admin", "🛠 Управление"):
        sent = await harness.send(people.admin, text)
        assert texts(sent) == ["🛠 Панель администратора. Выберите раздел:"]
        assert buttons(sent[0]) == [
            "👥 Роли: тренеры и администраторы",
            "📘 Курсы",
            "🗓 Потоки, расписание, зачисление",
            "🚫 Заблокировали бота",
            "🗑 Запросы на удаление данных",
        ]


async def test_panel_in_kazakh(harness: Harness, people: People) -> None:
    await harness.press(people.admin, "lang:kk")
    sent = await harness.send(people.admin, "/admin")
    assert texts(sent) == ["🛠 Әкімші панелі. Бөлімді таңдаңыз:"]


async def test_teacher_trainer_and_stranger_are_refused_and_logged(
    harness: Harness, services: Services, people: People
) -> None:
    await start(harness, people.stranger, "kk")  # a stranger: never given any role
    assert texts(await harness.send(people.teacher, "/admin")) == [REFUSED_RU]
    assert texts(await harness.send(people.trainer, "🛠 Управление")) == [REFUSED_RU]
    assert texts(await harness.send(people.stranger, "/admin")) == [REFUSED_KK]
    refusals = [e for e in await audit(services) if e.action == "admin.refused"]
    teacher = await person(services, people.teacher.id)
    trainer = await person(services, people.trainer.id)
    assert [(e.actor_id, e.entity_id, (e.after or {}).get("text")) for e in refusals] == [
        (teacher.id, "not-admin", "/admin"),
        (trainer.id, "not-admin", "🛠 Управление"),
        ((await person(services, people.stranger.id)).id, "not-admin", "/admin"),
    ]


async def test_forged_admin_buttons_change_nothing(
    harness: Harness, services: Services, people: People
) -> None:
    course = await make_course(services)
    before = await audit(services)
    for data in (
        "adm:roles",
        "adr:admin:1",
        "adc:new:0",
        f"adc:edit:{course.id}",
        "adh:new:0",
        "ada:approve:1",
    ):
        sent = await harness.press(people.teacher, data)
        assert texts(sent) == [REFUSED_RU], data
    teacher = await person(services, people.teacher.id)
    assert teacher.roles == {Role.TEACHER}
    after = await audit(services)
    assert [e.action for e in after[len(before) :]] == ["admin.refused"] * 6
    assert (after[-1].after or {})["data"] == "ada:approve:1"


async def test_group_chat_is_refused_even_for_an_admin(
    harness: Harness, services: Services, people: People
) -> None:
    group = Chat(id=-100500, type="supergroup", title="Әдіскерлер")
    sent = await harness.send(people.admin, "/admin", chat=group)
    assert texts(sent) == [GROUP_RU]
    sent = await harness.press(people.admin, "adm:courses", chat=group)
    assert texts(sent) == [GROUP_RU]
    refusals = [e for e in await audit(services) if e.action == "admin.refused"]
    assert [(e.entity_id, (e.after or {})["chat_type"]) for e in refusals] == [
        ("not-private", "supergroup"),
        ("not-private", "supergroup"),
    ]


async def test_admin_who_loses_the_role_mid_form_is_stopped(
    harness: Harness, services: Services, people: People
) -> None:
    trainer = await person(services, people.trainer.id)
    async with services.uow_factory() as uow:
        await uow.people.set_roles(trainer.id or 0, {Role.TEACHER, Role.TRAINER, Role.ADMIN})
        await uow.commit()
    sent = await harness.press(people.trainer, "adc:new:0")
    assert texts(sent) == ["Тема курса на казахском языке (как в сертификате):"]
    async with services.uow_factory() as uow:
        await uow.people.set_roles(trainer.id or 0, {Role.TEACHER, Role.TRAINER})
        await uow.commit()
    sent = await harness.send(people.trainer, "Математика")
    assert texts(sent) == [REFUSED_RU]
    sent = await harness.send(people.trainer, "Математика")  # the form was cleared
    assert texts(sent) != [REFUSED_RU]
    async with services.uow_factory() as uow:
        assert await uow.courses.list_all() == []


async def test_form_step_without_its_answers_is_closed(harness: Harness, people: People) -> None:
    from aiogram.fsm.storage.base import StorageKey

    key = StorageKey(bot_id=harness.bot.id, chat_id=people.admin.id, user_id=people.admin.id)
    await harness.dispatcher.storage.set_state(key, "FormStates:active")  # data lost
    sent = await harness.send(people.admin, "72")
    assert texts(sent) == [
        "Эта форма устарела: введённые ранее ответы не сохранились. Начните заново: /menu"
    ]
    assert await harness.dispatcher.storage.get_state(key) is None
