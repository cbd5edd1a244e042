"""Granting and revoking the trainer and admin roles by forward, contact or @username."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.types import Contact, MessageOriginHiddenUser, MessageOriginUser

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.runtime.container import Services
from domain.model import Role
from tests.bot.admin.conftest import People, audit, person, start


async def test_grant_trainer_by_forwarded_message(
    harness: Harness, services: Services, people: People
) -> None:
    sent = await harness.press(people.admin, "adm:roles")
    assert "Ерлан" in texts(sent)[0]  # the current trainers are listed
    sent = await harness.press(people.admin, "adr:trainer:1")
    assert texts(sent)[0].startswith("Укажите человека: перешлите его сообщение")
    origin = MessageOriginUser(date=datetime.now(UTC), sender_user=people.teacher)
    sent = await harness.send_message(people.admin, text="привет", forward_origin=origin)
    assert texts(sent) == [
        "👤 Айгүл: изменение роли\n\n"
        "<b>Действие:</b> ➕ Назначить тренером\n\n"
        "Проверьте. Если всё верно, подтвердите; пока ничего не сохранено."
    ]
    assert (await person(services, people.teacher.id)).roles == {Role.TEACHER}
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить"))
    assert texts(sent)[-1].endswith("✅ Айгүл теперь тренер курсов.")
    teacher = await person(services, people.teacher.id)
    assert teacher.roles == {Role.TEACHER, Role.TRAINER}
    entry = (await audit(services))[-1]
    admin = await person(services, people.admin.id)
    assert (entry.actor_id, entry.action, entry.entity_id) == (
        admin.id,
        "role.grant",
        str(teacher.id),
    )
    assert entry.before == {"roles": ["teacher"]}
    assert entry.after == {"roles": ["teacher", "trainer"]}


async def test_revoke_trainer_by_contact_in_kazakh(
    harness: Harness, services: Services, people: People
) -> None:
    await harness.press(people.admin, "lang:kk")
    await harness.press(people.admin, "adr:trainer:0")
    contact = Contact(phone_number="+77010000000", first_name="Ерлан", user_id=people.trainer.id)
    sent = await harness.send_message(people.admin, contact=contact)
    sent = await harness.press(people.admin, button_data(sent, "Растау"))
    assert texts(sent)[-1].endswith("✅ Ерлан енді курс тренері емес.")
    assert (await person(services, people.trainer.id)).roles == {Role.TEACHER}


async def test_grant_admin_by_username_and_refusals(
    harness: Harness, services: Services, people: People
) -> None:
    nurlan = make_user(700_010, "ru", "Нұрлан").model_copy(update={"username": "nurlan_k"})
    await start(harness, nurlan, "ru")
    await harness.press(people.admin, "adr:admin:1")
    sent = await harness.send(people.admin, "@Nurlan_K")
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить"))
    assert texts(sent)[-1].endswith("✅ Нұрлан (@nurlan_k) теперь администратор.")
    assert Role.ADMIN in (await person(services, nurlan.id)).roles

    await harness.press(people.admin, "adr:admin:1")
    sent = await harness.send(people.admin, "@nobody_here")
    assert texts(sent) == [
        "Такой человек ещё не запускал бота. Попросите его открыть бота "
        "и нажать «Начать», затем повторите."
    ]
    hidden = MessageOriginHiddenUser(date=datetime.now(UTC), sender_user_name="Аноним")
    sent = await harness.send_message(people.admin, text="x", forward_origin=hidden)
    assert texts(sent)[0].startswith("Этот человек скрыл свой аккаунт")
    sent = await harness.send(people.admin, "просто текст")
    assert texts(sent)[0].startswith("Укажите человека")


async def test_last_admin_cannot_revoke_own_admin_role(
    harness: Harness, services: Services, people: People
) -> None:
    await harness.press(people.admin, "adr:admin:0")
    origin = MessageOriginUser(date=datetime.now(UTC), sender_user=people.admin)
    sent = await harness.send_message(people.admin, text="я", forward_origin=origin)
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить"))
    assert texts(sent)[-1].endswith(
        "Нельзя снять роль администратора: Админ — последний администратор. "
        "Сначала назначьте другого."
    )
    assert Role.ADMIN in (await person(services, people.admin.id)).roles
    assert [e for e in await audit(services) if e.action.startswith("role.")] == []


async def test_second_admin_can_be_revoked_and_then_is_refused(
    harness: Harness, services: Services, people: People
) -> None:
    await harness.press(people.admin, "adr:admin:1")
    origin = MessageOriginUser(date=datetime.now(UTC), sender_user=people.trainer)
    sent = await harness.send_message(people.admin, text="x", forward_origin=origin)
    await harness.press(people.admin, button_data(sent, "Подтвердить"))
    assert Role.ADMIN in (await person(services, people.trainer.id)).roles
    sent = await harness.send(people.trainer, "/admin")
    assert texts(sent) == ["🛠 Панель администратора. Выберите раздел:"]
    await harness.press(people.admin, "adr:admin:0")
    sent = await harness.send_message(people.admin, text="x", forward_origin=origin)
    sent = await harness.press(people.admin, button_data(sent, "Подтвердить"))
    assert texts(sent)[-1].endswith("✅ Ерлан больше не администратор.")
    sent = await harness.send(people.trainer, "/admin")
    assert texts(sent) == ["Это доступно только администраторам. Попытка записана в журнал."]


async def test_role_form_walks_back_and_cancels_in_kazakh(
    harness: Harness, services: Services, people: People
) -> None:
    await harness.press(people.admin, "lang:kk")
    await harness.press(people.admin, "adr:trainer:1")
    origin = MessageOriginUser(date=datetime.now(UTC), sender_user=people.teacher)
    sent = await harness.send_message(people.admin, text="сәлем", forward_origin=origin)
    assert texts(sent) == [
        "👤 Айгүл: рөлді өзгерту\n\n"
        "<b>Әрекет:</b> ➕ Тренер етіп тағайындау\n\n"
        "Тексеріңіз. Бәрі дұрыс болса, растаңыз; әзірге ештеңе сақталған жоқ."
    ]
    sent = await harness.press(people.admin, button_data(sent, "Артқа"))
    assert texts(sent)[0].startswith("Адам: Айгүл. Не істеу керек?")
    sent = await harness.press(people.admin, button_data(sent, "Бас тарту"))
    assert texts(sent)[-1].endswith("✖️ Бас тартылды, ештеңе сақталған жоқ.")
    assert (await person(services, people.teacher.id)).roles == {Role.TEACHER}
    assert [e for e in await audit(services) if e.action.startswith("role.")] == []


async def test_the_person_prompt_can_be_cancelled(
    harness: Harness, services: Services, people: People
) -> None:
    sent = await harness.press(people.admin, "adr:trainer:1")
    sent = await harness.press(people.admin, button_data(sent, "Отмена"))
    assert texts(sent) == ["Действие отменено, ничего не изменено."]
    origin = MessageOriginUser(date=datetime.now(UTC), sender_user=people.teacher)
    sent = await harness.send_message(people.admin, text="привет", forward_origin=origin)
    assert "изменение роли" not in " ".join(texts(sent))
    assert (await person(services, people.teacher.id)).roles == {Role.TEACHER}
