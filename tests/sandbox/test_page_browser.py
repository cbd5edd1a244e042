"""The web chat page in headless Chromium, with a tiny aiogram bot polling the emulator."""

from __future__ import annotations

import asyncio
import contextlib
import os
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import (
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)

from bot.dev.sandbox import Emulator
from tests.sandbox.conftest import TOKEN, serve

pytestmark = pytest.mark.browser
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
LONG_LABEL = "📄 Педагогтердің біліктілігін арттыру курсының сертификаты (ЦСЖИ-2026-01)"

if not CHROMIUM.exists():
    if os.environ.get("BILIKTILIK_REQUIRE_BROWSER") == "1":
        pytest.fail("BILIKTILIK_REQUIRE_BROWSER=1 but /usr/bin/chromium is absent", pytrace=False)
    pytest.skip("/usr/bin/chromium is absent (apt-get install chromium)", allow_module_level=True)


async def fake_bot(base: str) -> None:
    """Answers /start with formatted text and two keyboards; a tap edits the message."""
    bot = Bot(token=TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(base)))
    offset = 0
    try:
        while True:
            for update in await bot.get_updates(offset=offset, timeout=1):
                offset = update.update_id + 1
                if update.message and update.message.text == "/start":
                    chat = update.message.chat.id
                    languages = [KeyboardButton(text="Қазақша"), KeyboardButton(text="Русский")]
                    contact = [KeyboardButton(text="📞 Контакт", request_contact=True)]
                    keyboard = ReplyKeyboardMarkup(
                        keyboard=[languages, contact], resize_keyboard=True
                    )
                    await bot.send_message(chat, "Тілді таңдаңыз", reply_markup=keyboard)
                    await bot.send_message(
                        chat,
                        "<b>Сәлем, Айгүл!</b>\nКурсқа <i>өтінім</i> беру: <code>&lt;ORL&gt;</code> "
                        '<a href="https://example.kz">ереже</a>\n<script>alert(1)</script>',
                        parse_mode=None,
                    )
                    await bot.send_message(
                        chat,
                        "<b>Сәлем, Айгүл!</b>\nКурсқа <i>өтінім</i> беру: <code>&lt;ORL&gt;</code> "
                        '<a href="https://example.kz">ереже</a>',
                        parse_mode="HTML",
                        reply_markup=InlineKeyboardMarkup(inline_keyboard=[
                            [InlineKeyboardButton(text="✅ Өтінім беру", callback_data="apply")],
                            [InlineKeyboardButton(text="Ереже", url="https://example.kz")],
                            [InlineKeyboardButton(text=LONG_LABEL, callback_data="long"),
                             InlineKeyboardButton(text="Қысқа", callback_data="short")],
                        ]),
                    )  # fmt: skip
                if update.callback_query and update.callback_query.message:
                    query = update.callback_query
                    await bot.answer_callback_query(query.id, text="Қабылданды")
                    await bot.edit_message_text(
                        "✅ <b>Өтінім қабылданды</b>", parse_mode="HTML",
                        chat_id=query.message.chat.id, message_id=query.message.message_id,
                    )  # fmt: skip
                    await bot.send_document(
                        query.message.chat.id,
                        BufferedInputFile(b"%PDF-1.4\n", filename="Өтінім-App1.pdf"),
                        caption="Өтінім (1-қосымша)",
                        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[
                            InlineKeyboardButton(text="◀ Артқа", callback_data="back"),
                            InlineKeyboardButton(text="Мәзір", callback_data="menu"),
                        ]]),
                    )  # fmt: skip
    finally:
        await bot.session.close()


async def test_page_start_tap_and_screenshot() -> None:
    from playwright.async_api import async_playwright

    emulator = Emulator()
    server = await serve(emulator, personas=[
        {"id": 700201, "first_name": "Айгүл", "language_code": "kk", "role": "teacher"},
        {"id": 700102, "first_name": "Ольга", "language_code": "ru", "role": "trainer"},
    ])  # fmt: skip
    base = str(server.make_url("")).rstrip("/")
    bot_task = asyncio.create_task(fake_bot(base))
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            page = await browser.new_page(viewport={"width": 360, "height": 740})
            dialogs: list[str] = []
            page.on(
                "dialog", lambda d: (dialogs.append(d.message), asyncio.ensure_future(d.dismiss()))
            )
            await page.goto(base + "/")
            await page.wait_for_selector("#persona option", state="attached")
            await page.fill("#text", "/start")
            await page.click("#send")
            await page.wait_for_selector("text=✅ Өтінім беру", timeout=10_000)
            bold = page.locator(".msg.bot .bubble b", has_text="Сәлем, Айгүл!")
            assert await bold.count() == 1
            assert await page.locator(".msg.bot script").count() == 0  # shown as text, not run
            assert await page.locator(".reply-keyboard button", has_text="Русский").count() == 1
            # a long label stays on one line, cut with "…", as Telegram shows it
            long = page.locator(f".inline-kb button[title='{LONG_LABEL}']")
            label = await long.evaluate(
                "b => ({style: getComputedStyle(b).whiteSpace + ' ' + getComputedStyle(b)"
                ".textOverflow, height: b.clientHeight, cut: b.scrollWidth > b.clientWidth})"
            )
            short_height = await page.locator(".inline-kb button", has_text="Қысқа").evaluate(
                "b => b.clientHeight"
            )
            assert label == {"style": "nowrap ellipsis", "height": short_height, "cut": True}
            await page.click("text=✅ Өтінім беру")
            await page.wait_for_selector("text=Өтінім қабылданды", timeout=10_000)
            await page.wait_for_selector("#toast:has-text('Қабылданды')", timeout=5_000)
            await page.wait_for_selector("a.doc:has-text('Өтінім-App1.pdf')", timeout=5_000)
            href = await page.get_attribute("a.doc", "href")
            assert href and href.startswith("/sandbox/api/files/")
            pdf = await page.request.get(base + href)
            assert pdf.ok and (await pdf.body()).startswith(b"%PDF")
            await page.click(".reply-keyboard button:has-text('Русский')")
            await page.wait_for_selector(".msg.user:has-text('Русский')", timeout=5_000)
            await page.click("#lang")
            assert await page.get_attribute("#text", "placeholder") == "Сообщение…"
            ARTIFACTS.mkdir(exist_ok=True)
            await page.screenshot(path=str(ARTIFACTS / "sandbox-page.png"))
            await browser.close()
            assert dialogs == []
    finally:
        bot_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await bot_task
        await server.close()
    texts = [m.content.get("text") for m in emulator.chats[700201].messages.values()]
    assert texts[0] == "/start" and "✅ Өтінім қабылданды" in texts and "Русский" in texts
