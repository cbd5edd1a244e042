"""Over HTTP, as Telegram would: /start → language keyboard → press → the menu."""

from __future__ import annotations

import pytest

from bot.dev.sandbox.client import SandboxClient, button_data, buttons

pytestmark = pytest.mark.e2e


async def test_a_new_teacher_starts_the_bot_in_kazakh(client: SandboxClient) -> None:
    await client.create_user(5101, "Айгүл", "kk")
    await client.send(5101, "/start")
    choice = await client.wait_for(5101, lambda m: "Тілді таңдаңыз" in (m.get("text") or ""))
    assert [b["text"] for b in buttons(choice)] == ["🇰🇿 Қазақша", "🇷🇺 Русский"]
    await client.press(5101, choice["message_id"], button_data(choice, "Қазақша"))
    menu = await client.wait_for(
        5101,
        lambda m: (m.get("text") or "").startswith("Басты мәзір"),
        after=choice["message_id"],
    )
    labels = [b["text"] for b in buttons(menu)]
    assert "🎓 Менің курстарым" in labels and "🔎 Сертификатты тексеру" in labels


async def test_a_russian_speaker_gets_the_russian_menu(client: SandboxClient) -> None:
    await client.create_user(5102, "Ольга", "ru")
    await client.send(5102, "/start")
    choice = await client.wait_for(5102, lambda m: bool(buttons(m)))
    await client.press(5102, choice["message_id"], button_data(choice, "Русский"))
    menu = await client.wait_for(5102, lambda m: (m.get("text") or "").startswith("Главное меню"))
    assert "🎓 Мои курсы" in [b["text"] for b in buttons(menu)]


async def test_the_demo_admin_sees_the_admin_menu(client: SandboxClient) -> None:
    from bot.dev.demo import ADMIN

    await client.send(ADMIN.telegram_id, "/menu")
    menu = await client.wait_for(ADMIN.telegram_id, lambda m: bool(buttons(m)))
    assert "🛠 Әкімшілік" in [b["text"] for b in buttons(menu)]
