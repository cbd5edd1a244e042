"""A new person's /start → language choice → main menu, in Kazakh and Russian."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery, DeleteMyCommands, SendMessage, SetMyCommands
from aiogram.types import Chat, InlineKeyboardMarkup, ReplyKeyboardMarkup

from bot.dev.testing import Harness, make_user, texts
from bot.runtime.container import Services
from tests.conftest import ADMIN_ID


def keyboard_labels(request: SendMessage) -> list[str]:
    markup = request.reply_markup
    if isinstance(markup, ReplyKeyboardMarkup):
        return [button.text for row in markup.keyboard for button in row]
    if isinstance(markup, InlineKeyboardMarkup):
        return [button.text for row in markup.inline_keyboard for button in row]
    return []


async def stored_language(services: Services, telegram_id: int) -> str | None:
    async with services.uow_factory() as uow:
        person = await uow.people.get_by_telegram_id(telegram_id)
    return person.language if person else "<no person>"


async def test_telegram_kazakh_is_taken_at_start_and_the_switch_is_offered(
    harness: Harness, services: Services
) -> None:
    aigul = make_user(101, language_code="kk", first_name="Айгүл")
    sent = await harness.send(aigul, "/start")
    assert texts(sent) == [
        "Бот тілі — қазақ тілі, Telegram баптауыңыздағыдай. Орыс тіліне ауысу үшін төмендегі "
        "батырманы басыңыз (немесе /language).",
        "Басты мәзір. Сәлеметсіз бе, Айгүл! Қажетті бөлімді таңдаңыз.",
    ]
    messages = [r for r in sent if isinstance(r, SendMessage)]
    assert keyboard_labels(messages[0]) == ["🇷🇺 Русский"]
    assert "🎓 Менің курстарым" in keyboard_labels(messages[1])
    assert "🛠 Әкімшілік" not in keyboard_labels(messages[1])
    assert await stored_language(services, 101) == "kk"
    own = [r for r in sent if isinstance(r, SetMyCommands) and r.scope.type == "chat"]
    assert own and own[0].commands[2].description == "Ашық курстар"

    sent = await harness.press(aigul, "lang:ru")  # the offered switch
    assert "Язык сохранён: русский." in texts(sent)
    assert await stored_language(services, 101) == "ru"
    sent = await harness.send(aigul, "/start")
    assert texts(sent)[0].startswith("Главное меню.")


async def test_telegram_russian_is_taken_too(harness: Harness, services: Services) -> None:
    user = make_user(107, language_code="ru-RU", first_name="Иван")
    sent = await harness.send(user, "/start")
    assert texts(sent)[0].startswith("Язык бота — русский, как в вашем Telegram.")
    first = next(r for r in sent if isinstance(r, SendMessage))
    assert keyboard_labels(first) == ["🇰🇿 Қазақша"]
    assert await stored_language(services, 107) == "ru"


async def test_new_person_chooses_russian(harness: Harness, services: Services) -> None:
    ivan = make_user(102, language_code="en", first_name="Иван")
    await harness.send(ivan, "/start")
    sent = await harness.press(ivan, "lang:ru")
    assert "Язык сохранён: русский." in texts(sent)
    menu = [r for r in sent if isinstance(r, SendMessage)][-1]
    assert menu.text.startswith("Главное меню. Здравствуйте, Иван!")
    assert "🎓 Мои курсы" in keyboard_labels(menu)
    assert await stored_language(services, 102) == "ru"


async def test_language_command_switches_between_kazakh_and_russian(
    harness: Harness, services: Services
) -> None:
    user = make_user(103, language_code="ru")
    await harness.send(user, "/start")
    await harness.press(user, "lang:ru")
    sent = await harness.send(user, "/language")
    assert texts(sent) == ["Тілді таңдаңыз / Выберите язык"]
    sent = await harness.press(user, "lang:kk")
    assert "Тіл сақталды: қазақ тілі" in texts(sent)
    assert await stored_language(services, 103) == "kk"
    sent = await harness.send(user, "/help")
    assert texts(sent)[0].startswith("Бот № 95 бұйрықпен")
    sent = await harness.send(user, "🌐 Тіл / Язык")
    assert texts(sent) == ["Тілді таңдаңыз / Выберите язык"]
    await harness.press(user, "lang:ru")
    sent = await harness.send(user, "/help")
    assert texts(sent)[0].startswith("Бот ведёт курсы повышения квалификации")


async def test_forged_language_changes_nothing(harness: Harness, services: Services) -> None:
    user = make_user(104, language_code="kk")
    await harness.send(user, "/start")
    await harness.press(user, "lang:kk")
    sent = await harness.press(user, "lang:en")
    alerts = [r for r in sent if isinstance(r, AnswerCallbackQuery)]
    assert alerts and alerts[0].show_alert
    assert alerts[0].text == "Бұл батырма ескірген немесе қолжетімсіз. Мәзірді қайта ашыңыз: /menu"
    assert await stored_language(services, 104) == "kk"
    sent = await harness.press(user, "lang:kk:extra:" + "x" * 40)
    assert await stored_language(services, 104) == "kk"


async def test_admin_from_settings_sees_the_admin_menu(harness: Harness) -> None:
    admin = make_user(ADMIN_ID, language_code="ru", first_name="Админ")
    await harness.send(admin, "/start")
    sent = await harness.press(admin, "lang:ru")
    menu = [r for r in sent if isinstance(r, SendMessage)][-1]
    assert "🛠 Управление" in keyboard_labels(menu)


async def test_cancel_and_unknown_text_are_answered_in_the_persons_language(
    harness: Harness,
) -> None:
    user = make_user(105, language_code="kk")
    await harness.send(user, "/start")
    await harness.press(user, "lang:kk")
    assert texts(await harness.send(user, "/cancel")) == [
        "Тоқтататын ештеңе жоқ: сіз басты мәзірдесіз."
    ]
    assert texts(await harness.send(user, "сәлем")) == [
        "Хабарламаны түсінбедім. Мәзірден таңдаңыз немесе /help жіберіңіз."
    ]


async def test_group_chat_start_registers_nobody(harness: Harness, services: Services) -> None:
    user = make_user(106)
    group = Chat(id=-100123, type="supergroup", title="Мұғалімдер")
    sent = await harness.send(user, "/start", chat=group)
    assert [r for r in sent if isinstance(r, SendMessage)] == []
    assert await stored_language(services, 106) == "<no person>"


async def test_commands_are_registered_per_language_and_for_admins(
    harness: Harness, services: Services
) -> None:
    from bot.runtime.background import _register_commands

    admin = make_user(ADMIN_ID)
    await harness.send(admin, "/start")
    before = len(harness.session.requests)
    await _register_commands(harness.bot, services)
    calls = [r for r in harness.session.requests[before:] if isinstance(r, SetMyCommands)]
    default_kk = next(c for c in calls if c.language_code == "kk" and c.scope.type == "default")
    assert any(cmd.description == "Сертификатты тексеру" for cmd in default_kk.commands)
    admin_scoped = [c for c in calls if c.scope.type == "chat"]
    assert admin_scoped and all(
        any(cmd.command == "admin" for cmd in c.commands) for c in admin_scoped
    )
    assert not any(cmd.command == "admin" for cmd in default_kk.commands)
    # the per-language chat lists of earlier versions are removed (Telegram preferred them)
    removed = [r for r in harness.session.requests[before:] if isinstance(r, DeleteMyCommands)]
    assert sorted(r.language_code or "" for r in removed) == ["kk", "ru"]


async def test_a_name_with_html_characters_gets_the_menu_shown_as_typed(
    harness: Harness, services: Services
) -> None:
    # Telegram refused the greeting when the first name was put into HTML unescaped
    from bot.dev.sandbox.html_parse import parse_html

    for telegram_id, name, lang in [
        (111, "A <3 B", "ru"),
        (112, "<i>Злой", "kk"),
        (113, '<a href="https://evil.example">Әлия</a> & Co', "ru"),
    ]:
        user = make_user(telegram_id, language_code=lang, first_name=name)
        await harness.send(user, "/start")
        sent = await harness.press(user, f"lang:{lang}")
        menu = [r for r in sent if isinstance(r, SendMessage)][-1]
        plain, entities = parse_html(menu.text)
        assert name in plain
        assert not any(e["type"] in ("text_link", "italic") for e in entities)
        sent = await harness.send(user, "/menu")
        assert name in parse_html(texts(sent)[0])[0]
