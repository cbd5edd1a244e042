"""Run as a script: parse rich real-world updates and build every method the bot sends.

Prints one JSON object: how aiogram was imported (`bot.platform.lazy_telegram_schemas.mode`),
the repr of every parsed update (class names of every nested object included), the form fields each
method puts on the wire and the repr of what each method's answer parses to. The test runs it
once with deferred schemas and once with `BILIKTILIK_EAGER_TELEGRAM_SCHEMAS=1` and compares.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import AsyncIterator
from typing import Any

import bot.platform.deferred_aiogram  # noqa: F401  (first, as in `biliktilik`)
import bot.platform.lazy_telegram_schemas as lazy_schemas

# isort: split

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteMessage,
    DeleteWebhook,
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    GetFile,
    GetMe,
    GetUpdates,
    SendDocument,
    SendMessage,
    SendPhoto,
    SetMyCommands,
    SetWebhook,
    TelegramMethod,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BufferedInputFile,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
    Update,
)
from aiogram.utils.chat_member import ChatMemberAdapter

TEACHER = {
    "id": 1000001,
    "is_bot": False,
    "first_name": "Әсел",
    "last_name": "Қайратқызы",
    "username": "asel_k",
    "language_code": "kk",
}
BOT_USER = {"id": 42, "is_bot": True, "first_name": "Biliktilik", "username": "biliktilik_bot"}
PRIVATE = {"id": 1000001, "type": "private", "first_name": "Әсел", "username": "asel_k"}
GROUP = {"id": -100123, "type": "supergroup", "title": "Курс 2026"}
KEYBOARD = {
    "inline_keyboard": [
        [{"text": "✅ Келісемін", "callback_data": "agr:1"}],
        [{"text": "Сайт", "url": "https://example.kz/курс"}],
    ]
}
PHOTO = [
    {"file_id": "AgAD1", "file_unique_id": "u1", "width": 90, "height": 60, "file_size": 1200},
    {"file_id": "AgAD2", "file_unique_id": "u2", "width": 1280, "height": 853},
]
MESSAGE = {
    "message_id": 501,
    "date": 1764576000,
    "chat": PRIVATE,
    "from": TEACHER,
    "text": "/start v_KK-2026-000123_abc @biliktilik_bot https://example.kz",
    "entities": [
        {"type": "bot_command", "offset": 0, "length": 6},
        {"type": "mention", "offset": 28, "length": 15},
        {"type": "url", "offset": 44, "length": 18},
        {"type": "text_mention", "offset": 7, "length": 3, "user": TEACHER},
    ],
    "link_preview_options": {"is_disabled": True},
}
UPDATES: list[dict[str, Any]] = [
    {"update_id": 1, "message": MESSAGE},
    {
        "update_id": 2,
        "message": {
            "message_id": 502,
            "date": 1764576060,
            "chat": PRIVATE,
            "from": TEACHER,
            "photo": PHOTO,
            "caption": "Анықтама",
            "caption_entities": [{"type": "bold", "offset": 0, "length": 8}],
            "reply_to_message": {**MESSAGE, "from": BOT_USER, "reply_markup": KEYBOARD},
        },
    },
    {
        "update_id": 3,
        "message": {
            "message_id": 503,
            "date": 1764576120,
            "chat": PRIVATE,
            "from": TEACHER,
            "document": {
                "file_id": "BQAD3",
                "file_unique_id": "u3",
                "file_name": "тізім.xlsx",
                "mime_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "file_size": 48213,
                "thumbnail": PHOTO[0],
            },
        },
    },
    {
        "update_id": 4,
        "message": {
            "message_id": 504,
            "date": 1764576180,
            "chat": PRIVATE,
            "from": TEACHER,
            "contact": {
                "phone_number": "+77011234567",
                "first_name": "Әсел",
                "user_id": 1000001,
                "vcard": "BEGIN:VCARD\nEND:VCARD",
            },
        },
    },
    {
        "update_id": 5,
        "message": {
            "message_id": 505,
            "date": 1764576240,
            "chat": PRIVATE,
            "from": TEACHER,
            "location": {"latitude": 43.238949, "longitude": 76.889709, "horizontal_accuracy": 12},
            "forward_origin": {"type": "user", "date": 1764570000, "sender_user": TEACHER},
        },
    },
    {
        "update_id": 6,
        "callback_query": {
            "id": "4382bfdwdsb323b2d9",
            "from": TEACHER,
            "chat_instance": "-8291",
            "data": "ci:17",
            "message": {
                "message_id": 506,
                "date": 1764576300,
                "chat": PRIVATE,
                "from": BOT_USER,
                "text": "Келісім мәтіні",
                "reply_markup": KEYBOARD,
                "edit_date": 1764576310,
            },
        },
    },
    {
        "update_id": 7,
        "callback_query": {
            "id": "q7",
            "from": TEACHER,
            "chat_instance": "-8291",
            "data": "old",
            "message": {"message_id": 1, "date": 0, "chat": PRIVATE},
        },
    },
    {
        "update_id": 8,
        "edited_message": {**MESSAGE, "edit_date": 1764576400, "text": "түзетілді"},
    },
    {
        "update_id": 9,
        "my_chat_member": {
            "chat": PRIVATE,
            "from": TEACHER,
            "date": 1764576500,
            "old_chat_member": {"status": "member", "user": BOT_USER},
            "new_chat_member": {"status": "kicked", "user": BOT_USER, "until_date": 0},
        },
    },
    {
        "update_id": 10,
        "chat_member": {
            "chat": GROUP,
            "from": TEACHER,
            "date": 1764576600,
            "old_chat_member": {"status": "left", "user": TEACHER},
            "new_chat_member": {
                "status": "administrator",
                "user": TEACHER,
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": False,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                "can_send_welcome_messages": False,
                "custom_title": "тренер",
            },
        },
    },
]


class Notice(Message):
    """A model defined on top of an aiogram type after the import, as a plugin might."""

    urgency: int = 0


def sent_methods() -> list[TelegramMethod[Any]]:
    """Every method the bot sends, with the options it uses (keyboards, files, parse modes)."""
    inline = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text="Қатысу", callback_data="ci:17")],
            [InlineKeyboardButton(text="Тексеру", url="https://t.me/biliktilik_bot?start=v_1")],
        ]
    )
    reply = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text="📞 Нөмірді жіберу", request_contact=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    pdf = BufferedInputFile(b"%PDF-1.4 test", filename="certificate.pdf")
    return [
        SendMessage(chat_id=1000001, text="<b>Сәлем</b>, Әсел!", reply_markup=inline),
        SendMessage(chat_id=1000001, text="Телефон", reply_markup=reply),
        SendMessage(chat_id=1000001, text="Жабық", reply_markup=ReplyKeyboardRemove()),
        SendMessage(
            chat_id=1000001,
            text="Жауап",
            reply_markup=ForceReply(input_field_placeholder="ЖСН"),
            reply_parameters=ReplyParameters(message_id=501),
            link_preview_options=LinkPreviewOptions(is_disabled=True),
            entities=[MessageEntity(type="bold", offset=0, length=5)],
            parse_mode=None,
        ),
        EditMessageText(chat_id=1000001, message_id=506, text="Өзгерді", reply_markup=inline),
        EditMessageReplyMarkup(chat_id=1000001, message_id=506, reply_markup=inline),
        EditMessageReplyMarkup(chat_id=1000001, message_id=506),
        EditMessageCaption(chat_id=1000001, message_id=502, caption="QR"),
        SendDocument(chat_id=1000001, document=pdf, caption="Сертификат", reply_markup=inline),
        SendDocument(chat_id=1000001, document="BQAD3"),
        SendPhoto(chat_id=1000001, photo=BufferedInputFile(b"\x89PNG", filename="qr.png")),
        AnswerCallbackQuery(callback_query_id="q7", text="Уақыты өтті", show_alert=True),
        AnswerCallbackQuery(callback_query_id="q6"),
        DeleteMessage(chat_id=1000001, message_id=506),
        SetMyCommands(
            commands=[BotCommand(command="start", description="Бастау")],
            scope=BotCommandScopeChat(chat_id=1000001),
            language_code="kk",
        ),
        GetFile(file_id="BQAD3"),
        GetMe(),
        GetUpdates(offset=11, timeout=2, allowed_updates=["message", "callback_query"]),
        SetWebhook(url="https://bot.example.kz/webhook", secret_token="s3cret"),
        DeleteWebhook(drop_pending_updates=False),
    ]


#: A plausible Bot API answer for each method's `__api_method__`.
RESULTS: dict[str, Any] = {
    "sendMessage": {**MESSAGE, "from": BOT_USER, "reply_markup": KEYBOARD},
    "editMessageText": {**MESSAGE, "from": BOT_USER, "edit_date": 1764576700},
    "editMessageReplyMarkup": True,
    "editMessageCaption": {"message_id": 502, "date": 1764576060, "chat": PRIVATE, "photo": PHOTO},
    "sendDocument": {
        "message_id": 600,
        "date": 1764576800,
        "chat": PRIVATE,
        "from": BOT_USER,
        "document": {"file_id": "BQAD9", "file_unique_id": "u9", "file_name": "certificate.pdf"},
    },
    "sendPhoto": {"message_id": 601, "date": 1764576801, "chat": PRIVATE, "photo": PHOTO},
    "answerCallbackQuery": True,
    "deleteMessage": True,
    "setMyCommands": True,
    "getFile": {"file_id": "BQAD3", "file_unique_id": "u3", "file_path": "documents/f.xlsx"},
    "getMe": {**BOT_USER, "can_join_groups": False, "supports_inline_queries": False},
    "getUpdates": UPDATES,
    "setWebhook": True,
    "deleteWebhook": True,
}


async def read_all(chunks: AsyncIterator[bytes]) -> str:
    return b"".join([chunk async for chunk in chunks]).decode("latin-1")


def wire_fields(session: AiohttpSession, bot: Bot, method: TelegramMethod[Any]) -> list[Any]:
    """The multipart form as sent; `attach://<random>` names are numbered to compare runs."""
    form = session.build_form_data(bot=bot, method=method)
    attachments: dict[str, str] = {}
    fields = []
    for options, _headers, value in form._fields:
        name = options["name"]
        if isinstance(value, str) and value.startswith("attach://"):
            attachments[value.removeprefix("attach://")] = f"file{len(attachments)}"
            value = f"attach://{attachments[value.removeprefix('attach://')]}"
        elif not isinstance(value, str):
            value = asyncio.run(read_all(value))
        fields.append([attachments.get(name, name), options.get("filename"), value])
    return fields


def main() -> None:
    bot = Bot("42:TEST", default=DefaultBotProperties(parse_mode="HTML"))
    session = AiohttpSession()
    updates = [repr(Update.model_validate(raw, context={"bot": bot})) for raw in UPDATES]
    dumps = [
        json.dumps(
            Update.model_validate(raw).model_dump(by_alias=True, exclude_none=True),
            default=repr,
            ensure_ascii=False,
        )
        for raw in UPDATES
    ]
    members = [
        repr(ChatMemberAdapter.validate_python(raw["chat_member"]["new_chat_member"]))
        for raw in UPDATES
        if "chat_member" in raw
    ] + [repr(ChatMemberAdapter.validate_python({"status": "left", "user": TEACHER}))]
    notices = [repr(Notice.model_validate({**MESSAGE, "urgency": 2}))]
    methods = []
    for method in sent_methods():
        answer = json.dumps({"ok": True, "result": RESULTS[method.__api_method__]})
        response = session.check_response(bot, method, 200, answer)
        methods.append(
            {
                "method": method.__api_method__,
                "wire": wire_fields(session, bot, method),
                "result": repr(response.result),
            }
        )
    json.dump(
        {
            "mode": lazy_schemas.mode,
            "updates": updates,
            "dumps": dumps,
            "members": members,
            "notices": notices,
            "methods": methods,
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main()
