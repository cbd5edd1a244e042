"""A real aiogram Bot talks to the emulator over HTTP: results parse, errors map to exceptions."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)

from bot.dev.sandbox import FloodLimits
from tests.sandbox.conftest import TOKEN, Sandbox


@pytest.fixture
async def bot(sandbox: Sandbox) -> AsyncIterator[Bot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(sandbox.base))
    bot = Bot(token=TOKEN, session=session)
    yield bot
    await bot.session.close()


async def test_send_edit_document_download(sandbox: Sandbox, bot: Bot) -> None:
    chat = await sandbox.user()
    me = await bot.get_me()
    assert me.is_bot and me.id == 123456 and me.username == "biliktilik_sandbox_bot"
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Иә", callback_data="yes")]]
    )
    sent = await bot.send_message(chat, "<b>Сәлем</b>, мұғалім!", parse_mode="HTML",
                                  reply_markup=keyboard)  # fmt: skip
    assert sent.text == "Сәлем, мұғалім!" and sent.entities and sent.entities[0].type == "bold"
    assert sent.chat.id == chat and sent.from_user and sent.from_user.id == me.id
    assert sent.reply_markup and sent.reply_markup.inline_keyboard[0][0].callback_data == "yes"
    edited = await bot.edit_message_text("Жаңа мәтін", chat_id=chat, message_id=sent.message_id)
    assert not isinstance(edited, bool) and edited.text == "Жаңа мәтін" and edited.edit_date
    pdf = b"%PDF-1.4\n% certificate\n"
    document = await bot.send_document(
        chat, BufferedInputFile(pdf, filename="Сертификат.pdf"), caption="<i>дайын</i>",
        parse_mode="HTML",
    )  # fmt: skip
    assert document.document and document.document.file_name == "Сертификат.pdf"
    assert document.document.mime_type == "application/pdf"
    assert document.document.file_size == len(pdf) and document.caption == "дайын"
    again = await bot.send_document(chat, document.document.file_id)
    assert again.document and again.document.file_unique_id == document.document.file_unique_id
    downloaded = await bot.download(document.document.file_id)
    assert downloaded is not None and downloaded.read() == pdf
    assert await bot.delete_message(chat, again.message_id)
    messages = await sandbox.control("GET", f"/users/{chat}/messages")
    assert [m["deleted"] for m in messages] == [False, False, True]
    assert messages[0]["edits"][0]["text"] == "Сәлем, мұғалім!"


async def test_errors_become_aiogram_exceptions(sandbox: Sandbox, bot: Bot) -> None:
    chat = await sandbox.user()
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(chat, " ")
    with pytest.raises(TelegramBadRequest, match='Unsupported start tag "div"'):
        await bot.send_message(chat, "<div>x</div>", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(31337, "x")
    quiet = await sandbox.user(77, start=False)
    with pytest.raises(TelegramForbiddenError, match="can't initiate conversation"):
        await bot.send_message(quiet, "x")
    sandbox.emulator.add_fault("http_500", method="sendMessage")
    with pytest.raises(TelegramServerError):
        await bot.send_message(chat, "x")
    sandbox.emulator.set_flood_limits(FloodLimits(per_chat_burst=1, per_chat_rate=0.1))
    await bot.send_message(chat, "first")
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(chat, "second")
    assert retry.value.retry_after == 10


def pairs(commands: list[BotCommand]) -> list[tuple[str, str]]:
    return [(c.command, c.description) for c in commands]


async def test_commands_by_scope_and_language(sandbox: Sandbox, bot: Bot) -> None:
    chat = await sandbox.user()
    kk = [BotCommand(command="start", description="Бастау")]
    ru = [BotCommand(command="start", description="Начать")]
    assert await bot.set_my_commands(kk, language_code="kk")
    assert await bot.set_my_commands(
        ru, scope=BotCommandScopeChat(chat_id=chat), language_code="ru"
    )
    assert pairs(await bot.get_my_commands(language_code="kk")) == pairs(kk)
    chat_scope = BotCommandScopeChat(chat_id=chat)
    assert pairs(await bot.get_my_commands(scope=chat_scope, language_code="ru")) == pairs(ru)
    assert await bot.get_my_commands() == []
    assert await bot.delete_my_commands(language_code="kk")
    assert await bot.get_my_commands(language_code="kk") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Bad Command", description="x")])


async def test_polling_and_answering_a_callback(sandbox: Sandbox, bot: Bot) -> None:
    chat = await sandbox.user()
    updates = await bot.get_updates(timeout=0)
    assert updates[0].message and updates[0].message.text == "/start"
    assert updates[0].message.entities and updates[0].message.entities[0].type == "bot_command"
    markup = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="A", callback_data="a")]]
    )
    sent = await bot.send_message(chat, "?", reply_markup=markup)
    tap = await sandbox.control("POST", f"/users/{chat}/callbacks",
                                json={"message_id": sent.message_id, "data": "a"})  # fmt: skip
    updates = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=1)
    query = updates[0].callback_query
    assert query and query.id == tap["callback_query_id"] and query.data == "a"
    assert query.message and query.message.message_id == sent.message_id
    assert await bot.answer_callback_query(query.id, text="Қабылданды", show_alert=True)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query.id)
    answers = await sandbox.control("GET", "/callback_answers")
    assert answers[0]["answer"]["text"] == "Қабылданды" and answers[0]["answer"]["show_alert"]


async def test_urlencoded_and_get_requests(sandbox: Sandbox) -> None:
    chat = await sandbox.user()
    url = f"{sandbox.base}/bot{TOKEN}/sendMessage"
    markup = '{"inline_keyboard": [[{"text": "x", "callback_data": "x"}]]}'
    async with sandbox.http.post(url, data={"chat_id": str(chat), "text": "form",
                                            "reply_markup": markup}) as response:  # fmt: skip
        body = await response.json()
        assert body["ok"] and body["result"]["reply_markup"]["inline_keyboard"][0][0]["text"] == "x"
    async with sandbox.http.get(url, params={"chat_id": str(chat), "text": "query"}) as response:
        assert (await response.json())["result"]["text"] == "query"
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            url, data={"chat_id": str(chat), "text": "x", "reply_markup": "{oops"}
        ) as response,
    ):
        assert (await response.json())["description"] == (
            "Bad Request: can't parse reply keyboard markup JSON object"
        )


def _png(width: int, height: int) -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


async def test_edit_message_media_replaces_photo_and_caption(sandbox: Sandbox, bot: Bot) -> None:
    from aiogram.types import InputMediaPhoto

    chat = await sandbox.user()
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Тоқтату", callback_data="stop")]]
    )
    sent = await bot.send_photo(chat, BufferedInputFile(_png(30, 30), filename="qr.png"),
                                caption="Код: <b>123 456</b>", parse_mode="HTML",
                                reply_markup=keyboard)  # fmt: skip
    assert sent.photo and sent.caption == "Код: 123 456"
    edited = await bot.edit_message_media(
        media=InputMediaPhoto(media=BufferedInputFile(_png(40, 20), filename="qr.png"),
                              caption="Код: <b>654 321</b>", parse_mode="HTML"),
        chat_id=chat, message_id=sent.message_id, reply_markup=keyboard,
    )  # fmt: skip
    assert not isinstance(edited, bool) and edited.photo and edited.edit_date
    assert (edited.photo[-1].width, edited.photo[-1].height) == (40, 20)
    assert edited.photo[-1].file_id != sent.photo[-1].file_id
    assert edited.caption == "Код: 654 321" and edited.reply_markup
    assert edited.reply_markup.inline_keyboard[0][0].callback_data == "stop"
    with pytest.raises(TelegramBadRequest, match="not modified"):
        await bot.edit_message_media(
            media=InputMediaPhoto(media=edited.photo[-1].file_id, caption="Код: <b>654 321</b>",
                                  parse_mode="HTML"),
            chat_id=chat, message_id=sent.message_id, reply_markup=keyboard,
        )  # fmt: skip
    without = await bot.edit_message_media(
        media=InputMediaPhoto(media=sent.photo[-1].file_id), chat_id=chat,
        message_id=sent.message_id,
    )  # fmt: skip
    assert not isinstance(without, bool) and without.caption is None
    assert without.reply_markup is None  # no markup in the edit: the keyboard goes
    text = await bot.send_message(chat, "мәтін")
    with pytest.raises(TelegramBadRequest, match="no media in the message"):
        await bot.edit_message_media(
            media=InputMediaPhoto(media=sent.photo[-1].file_id), chat_id=chat,
            message_id=text.message_id,
        )  # fmt: skip
    messages = await sandbox.control("GET", f"/users/{chat}/messages")
    [view] = [m for m in messages if m["message_id"] == sent.message_id]
    assert view["photo"]["width"] == 30 and [e["caption"] for e in view["edits"]] == [
        "Код: 123 456", "Код: 654 321"]  # fmt: skip
