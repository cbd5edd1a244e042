"""Bot API methods: what the bot may ask the emulator, answered with Telegram's shapes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Any

from bot.dev.sandbox import validation
from bot.dev.sandbox.errors import bad_request
from bot.dev.sandbox.models import Chat, StoredFile, StoredMessage
from bot.dev.sandbox.params import Params, Upload
from bot.dev.sandbox.state import Emulator

Method = Callable[[Emulator, Params], Awaitable[Any]]
METHODS: dict[str, Method] = {}
CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
     "upload_document", "choose_sticker", "find_location", "record_video_note",
     "upload_video_note"}
)  # fmt: skip
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


def method(name: str) -> Callable[[Method], Method]:
    def register(function: Method) -> Method:
        METHODS[name.lower()] = function
        return function

    return register


def message_key(params: Params) -> str:
    """The same for a retry of the same call: files by content, not by their `attach://` name
    (aiogram draws a new random one for every attempt)."""

    def upload(value: Upload) -> str:
        return f"{value.filename}:{hashlib.sha256(value.data).hexdigest()}"

    attached = {
        value[len("attach://") :]
        for value in params.values.values()
        if isinstance(value, str) and value.startswith("attach://")
    }
    key: dict[str, Any] = {}
    for name, value in params.values.items():
        if isinstance(value, Upload):
            if name not in attached:
                key[name] = upload(value)
        elif isinstance(value, str) and value.startswith("attach://"):
            given = params.files.get(value[len("attach://") :])
            key[name] = upload(given) if given is not None else value
        else:
            key[name] = value
    return json.dumps(key, sort_keys=True, ensure_ascii=False, default=str)


def _markup(params: Params, chat: Chat) -> dict[str, Any] | None:
    return validation.reply_markup(params.json("reply_markup"), chat.type)


def _reply_to(emulator: Emulator, params: Params, chat: Chat) -> StoredMessage | None:
    message_id = params.int("reply_to_message_id")
    reply_parameters = params.json("reply_parameters")
    if isinstance(reply_parameters, dict):
        message_id = int(reply_parameters.get("message_id") or 0)
    if not message_id:
        return None
    message = emulator.find_message(chat, message_id)
    if message is None:
        raise bad_request("message to be replied not found")
    return message


def _send(
    emulator: Emulator,
    params: Params,
    chat: Chat,
    content: dict[str, Any],
    file: StoredFile | None = None,
) -> dict[str, Any]:
    markup = _markup(params, chat)
    reply_to = _reply_to(emulator, params, chat)
    emulator.flood.acquire(chat.id, is_group=chat.user is None, key=message_key(params))
    message = emulator.add_message(
        chat,
        emulator.bot,
        content,
        reply_markup=markup,
        parse_mode=params.str("parse_mode"),
        sent_text=params.str("text") if "text" in content else params.str("caption"),
        file=file,
        reply_to=reply_to,
    )
    return message.to_api()


@method("getMe")
async def get_me(emulator: Emulator, params: Params) -> dict[str, Any]:
    return {
        **emulator.bot.to_api(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@method("sendMessage")
async def send_message(emulator: Emulator, params: Params) -> dict[str, Any]:
    chat = emulator.writable_chat(params.raw("chat_id"))
    content = validation.message_text(
        params.str("text"), params.str("parse_mode"), params.json("entities")
    )
    return _send(emulator, params, chat, content)


def _editable(emulator: Emulator, params: Params) -> StoredMessage:
    if params.has("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat = emulator.target_chat(params.raw("chat_id"))
    message = emulator.find_message(chat, params.int("message_id", required=True))
    if message is None:
        raise bad_request("message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return message


def _commit_edit(
    emulator: Emulator,
    message: StoredMessage,
    content: dict[str, Any],
    markup: dict[str, Any] | None,
    params: Params,
    sent_text: str | None,
    part: str,
) -> dict[str, Any]:
    merged = dict(message.content)
    if "text" in content:
        merged.pop("entities", None)
    if part == "caption":
        merged.pop("caption", None)
        merged.pop("caption_entities", None)
    merged.update(content)
    if merged == message.content and markup == message.reply_markup:
        raise bad_request(NOT_MODIFIED)
    message.edits.append(message.snapshot())
    message.content = merged
    message.reply_markup = markup
    if sent_text is not None:
        message.sent_text = sent_text
        message.parse_mode = params.str("parse_mode")
    message.edit_date = emulator.now()
    emulator.touch(message)
    return message.to_api()


@method("editMessageText")
async def edit_message_text(emulator: Emulator, params: Params) -> dict[str, Any]:
    message = _editable(emulator, params)
    content = validation.message_text(
        params.str("text"), params.str("parse_mode"), params.json("entities")
    )
    if "text" not in message.content:
        raise bad_request("there is no text in the message to edit")
    markup = validation.inline_markup(params.json("reply_markup"))
    return _commit_edit(emulator, message, content, markup, params, params.str("text"), "text")


@method("editMessageCaption")
async def edit_message_caption(emulator: Emulator, params: Params) -> dict[str, Any]:
    message = _editable(emulator, params)
    if "text" in message.content:
        raise bad_request("there is no caption in the message to edit")
    content = validation.caption(
        params.str("caption"), params.str("parse_mode"), params.json("caption_entities")
    )
    markup = validation.inline_markup(params.json("reply_markup"))
    return _commit_edit(
        emulator, message, content, markup, params, params.str("caption"), "caption"
    )


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(emulator: Emulator, params: Params) -> dict[str, Any]:
    message = _editable(emulator, params)
    markup = validation.inline_markup(params.json("reply_markup"))
    return _commit_edit(emulator, message, {}, markup, params, None, "markup")


@method("deleteMessage")
async def delete_message(emulator: Emulator, params: Params) -> bool:
    chat = emulator.target_chat(params.raw("chat_id"))
    message = emulator.find_message(chat, params.int("message_id", required=True))
    if message is None:
        raise bad_request("message to delete not found")
    if not message.from_bot and chat.user is None:
        raise bad_request("message can't be deleted")
    message.deleted = True
    emulator.touch(message)
    return True


@method("answerCallbackQuery")
async def answer_callback_query(emulator: Emulator, params: Params) -> bool:
    query = emulator.callbacks.get(params.str("callback_query_id") or "")
    if query is None or query.answer is not None:
        raise bad_request("query is too old and response timeout expired or query ID is invalid")
    text = params.str("text")
    if text and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    query.answer = {
        "text": text,
        "show_alert": params.bool("show_alert"),
        "url": params.str("url"),
        "cache_time": params.int("cache_time") or 0,
    }
    query.answered_at = emulator.clock()
    emulator.changed()
    return True


@method("sendChatAction")
async def send_chat_action(emulator: Emulator, params: Params) -> bool:
    chat = emulator.writable_chat(params.raw("chat_id"))
    action = params.str("action") or ""
    if action not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    chat.last_action = (action, emulator.clock())
    return True


def _commands_key(params: Params) -> tuple[str, str]:
    scope = params.json("scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise bad_request("can't parse BotCommandScope")
    language = params.str("language_code") or ""
    if language and (len(language) != 2 or not language.isalpha()):
        raise bad_request("invalid language code specified")
    return json.dumps(scope, sort_keys=True), language


@method("setMyCommands")
async def set_my_commands(emulator: Emulator, params: Params) -> bool:
    commands = validation.commands(params.json("commands"))
    key = _commands_key(params)
    if commands:
        emulator.commands[key] = commands
    else:
        emulator.commands.pop(key, None)
    return True


@method("getMyCommands")
async def get_my_commands(emulator: Emulator, params: Params) -> list[dict[str, str]]:
    return emulator.commands.get(_commands_key(params), [])


@method("deleteMyCommands")
async def delete_my_commands(emulator: Emulator, params: Params) -> bool:
    emulator.commands.pop(_commands_key(params), None)
    return True


@method("setChatMenuButton")
async def set_chat_menu_button(emulator: Emulator, params: Params) -> bool:
    button = params.json("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in ("commands", "web_app", "default"):
        raise bad_request("can't parse menu button")
    if params.has("chat_id"):
        emulator.target_chat(params.raw("chat_id")).menu_button = button
    else:
        emulator.default_menu_button = button
    return True


@method("getChatMenuButton")
async def get_chat_menu_button(emulator: Emulator, params: Params) -> dict[str, Any]:
    if params.has("chat_id"):
        chat = emulator.target_chat(params.raw("chat_id"))
        if chat.menu_button and chat.menu_button.get("type") != "default":
            return chat.menu_button
    return emulator.default_menu_button


@method("getChat")
async def get_chat(emulator: Emulator, params: Params) -> dict[str, Any]:
    chat = emulator.target_chat(params.raw("chat_id"))
    return {**chat.to_api(), "accent_color_id": 0, "max_reaction_count": 11}
