"""Over HTTP, as Telegram would: /start → language keyboard → press → the menu."""

from __future__ import annotations

import pytest

from bot.dev.sandbox.client import SandboxClient, button_data, buttons

pytestmark = pytest.mark.e2e


async def test_a_new_teacher_starts_the_bot_in_kazakh(client: SandboxClient) -> None:
    await client.create_user(5101, "Айгүл", "kk")
    await client.send(5101, "/start")  # Telegram says Kazakh: taken, the switch offered
    offer = await client.wait_for(5101, lambda m: "Бот тілі — қазақ тілі" in (m.get("text") or ""))
    assert [b["text"] for b in buttons(offer)] == ["🇷🇺 Русский"]
    menu = await client.wait_for(5101, lambda m: (m.get("text") or "").startswith("Басты мәзір"))
    labels = [b["text"] for b in buttons(menu)]
    assert "🎓 Менің курстарым" in labels and "❓ Көмек" in labels


async def test_someone_whose_telegram_speaks_english_is_asked(client: SandboxClient) -> None:
    await client.create_user(5103, "John", "en")
    await client.send(5103, "/start")
    choice = await client.wait_for(5103, lambda m: "Тілді таңдаңыз" in (m.get("text") or ""))
    assert [b["text"] for b in buttons(choice)] == ["🇰🇿 Қазақша", "🇷🇺 Русский"]
    await client.press(5103, choice["message_id"], button_data(choice, "Русский"))
    menu = await client.wait_for(5103, lambda m: (m.get("text") or "").startswith("Главное меню"))
    assert "🎓 Мои курсы" in [b["text"] for b in buttons(menu)]


async def test_the_demo_admin_sees_the_admin_menu(client: SandboxClient) -> None:
    from bot.dev.demo import ADMIN

    await client.send(ADMIN.telegram_id, "/menu")
    menu = await client.wait_for(ADMIN.telegram_id, lambda m: bool(buttons(m)))
    assert "🛠 Әкімшілік" in [b["text"] for b in buttons(menu)]
