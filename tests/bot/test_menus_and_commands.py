"""Issue 13, item 5: a person's command menu follows their roles and language without a
restart; every feature is on the menu, in a listed command, or both; /help lists the
commands of the person's roles; the reply menu takes at most three rows."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.methods import SendMessage, SetMyCommands
from aiogram.types import MessageOriginUser, ReplyKeyboardMarkup

from bot.dev.testing import Harness, button_data, make_user, texts
from bot.ui.commands import ADMINS, EVERYONE, TRAINERS
from tests.conftest import ADMIN_ID

CONFIRM_ROLE = "Подтвердить"


def own_commands(sent: list, chat_id: int) -> list[str] | None:
    calls = [
        r
        for r in sent
        if isinstance(r, SetMyCommands)
        and r.scope.type == "chat"
        and getattr(r.scope, "chat_id", None) == chat_id
    ]
    return [c.command for c in calls[-1].commands] if calls else None


def menu_rows(sent: list) -> list[list[str]]:
    menus = [
        r.reply_markup
        for r in sent
        if isinstance(r, SendMessage) and isinstance(r.reply_markup, ReplyKeyboardMarkup)
    ]
    return [[b.text for b in row] for row in menus[-1].keyboard]


async def test_a_role_granted_and_revoked_changes_the_persons_commands_at_once(
    harness: Harness,
) -> None:
    admin = make_user(ADMIN_ID, "ru", "Админ")
    sent = await harness.send(admin, "/start")  # ADMIN_IDS: the admin's commands at once
    assert set(ADMINS) <= set(own_commands(sent, ADMIN_ID) or [])
    assert len(menu_rows(sent)) <= 3
    teacher = make_user(700_070, "kk", "Жанар")
    sent = await harness.send(teacher, "/start")
    assert own_commands(sent, teacher.id) == list(EVERYONE)
    assert menu_rows(sent) == [
        ["📚 Ашық курстар", "🎓 Менің курстарым"],
        ["👤 Менің профилім", "❓ Көмек"],
    ]

    await harness.press(admin, "adr:trainer:1")
    origin = MessageOriginUser(date=datetime.now(UTC), sender_user=teacher)
    summary = await harness.send_message(admin, text="сәлем", forward_origin=origin)
    assert own_commands(summary, teacher.id) is None  # nothing changes before Confirm
    sent = await harness.press(admin, button_data(summary, CONFIRM_ROLE))
    assert texts(sent)[-1].endswith("✅ Жанар теперь тренер курсов.")
    assert own_commands(sent, teacher.id) == list(EVERYONE + TRAINERS)
    kazakh = [r for r in sent if isinstance(r, SetMyCommands) and r.scope.type == "chat"][
        -1
    ].commands
    assert kazakh[-1].description == "Тыңдаушылардың сұрақтары (сүйемелдеу)"  # her language

    await harness.press(admin, "adr:trainer:0")
    summary = await harness.send_message(admin, text="сәлем", forward_origin=origin)
    sent = await harness.press(admin, button_data(summary, CONFIRM_ROLE))
    assert own_commands(sent, teacher.id) == list(EVERYONE)


async def test_the_language_change_resets_the_commands_in_the_new_language(
    harness: Harness,
) -> None:
    user = make_user(700_071, "ru", "Иван")
    await harness.send(user, "/start")
    sent = await harness.press(user, "lang:kk")
    [call] = [r for r in sent if isinstance(r, SetMyCommands)]
    assert call.scope.type == "chat" and call.language_code is None
    described = {c.command: c.description for c in call.commands}
    assert described["schedule"] == "Ағынның сабақ кестесі күнтізбеге (.ics)"
    assert described["requests"] == "Сұраулар: қайта бағалау, ауысу (Қағидалардың 31-тармағы)"


async def test_help_lists_the_commands_of_the_persons_roles(harness: Harness) -> None:
    teacher = make_user(700_072, "ru", "Иван")
    await harness.send(teacher, "/start")
    help_text = texts(await harness.send(teacher, "/help"))[0]
    assert "/schedule — Расписание потока в календарь (.ics)" in help_text
    assert "/requests — Заявки: повторное оценивание, перевод (п. 31 Правил)" in help_text
    assert "/verify — Проверить сертификат" in help_text
    assert "/admin" not in help_text and "/today" not in help_text
    admin = make_user(ADMIN_ID, "kk", "Әкімші")
    await harness.send(admin, "/start")
    help_text = texts(await harness.send(admin, "/help"))[0]
    assert (
        "/admin — " in help_text
        and "/schedule — Ағынның сабақ кестесі күнтізбеге (.ics)" in help_text
    )
    # the items that left the menu still answer from an old keyboard
    assert texts(await harness.send(teacher, "🌐 Тіл / Язык")) == ["Тілді таңдаңыз / Выберите язык"]
