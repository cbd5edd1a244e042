"""Checks Telegram makes before it sends: text, caption, parse_mode, keyboards, commands."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from bot.dev.sandbox.errors import bad_request
from bot.dev.sandbox.html_parse import parse_html

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_BUTTONS = 100
INLINE_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
    "copy_text", "callback_game", "pay",
)  # fmt: skip
REPLY_ACTIONS = ("request_contact", "request_location", "request_poll", "request_users",
                 "request_chat", "web_app")  # fmt: skip
INLINE_BUTTON = "can't parse inline keyboard button: "
REPLY_BUTTON = "can't parse keyboard button: "
COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def parse_text(
    text: str | None, parse_mode: str | None, entities: Any
) -> tuple[str, list[dict[str, Any]]]:
    """Formatted text → (plain text, entities) as Telegram stores it."""
    text = text or ""
    mode = (parse_mode or "").strip()
    if mode.lower() == "html":
        return parse_html(text)
    if mode and mode.lower() not in ("markdown", "markdownv2"):
        raise bad_request("unsupported parse_mode")
    given = entities if isinstance(entities, list) else []
    return text, given


def _strip(text: str, entities: list[dict[str, Any]]) -> str:
    """Telegram trims surrounding whitespace; entities shift with the leading part."""
    stripped = text.lstrip()
    shift = utf16_len(text) - utf16_len(stripped)
    if shift:
        for entity in entities:
            entity["offset"] = max(0, entity["offset"] - shift)
    return stripped.rstrip()


def message_text(text: str | None, parse_mode: str | None, entities: Any) -> dict[str, Any]:
    plain, found = parse_text(text, parse_mode, entities)
    plain = _strip(plain, found)
    if not plain:
        raise bad_request("message text is empty")
    if utf16_len(plain) > MAX_TEXT:
        raise bad_request("message is too long")
    content: dict[str, Any] = {"text": plain}
    if found:
        content["entities"] = found
    return content


def caption(text: str | None, parse_mode: str | None, entities: Any) -> dict[str, Any]:
    if not text:
        return {}
    plain, found = parse_text(text, parse_mode, entities)
    plain = _strip(plain, found)
    if utf16_len(plain) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    content: dict[str, Any] = {"caption": plain} if plain else {}
    if found and plain:
        content["caption_entities"] = found
    return content


def _valid_url(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("http", "https"):
        return bool(parsed.netloc)
    return parsed.scheme == "tg"


def _inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request(INLINE_BUTTON + "InlineKeyboardButton must be an Object")
    text = button.get("text")
    if not isinstance(text, str) or not text.strip():
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    actions = [name for name in INLINE_ACTIONS if name in button]
    if not actions:
        raise bad_request(INLINE_BUTTON + "Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise bad_request(
            INLINE_BUTTON + "exactly one of the optional fields must be used, "
            f"found {', '.join(actions)}"
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= 64:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button and not (isinstance(button["url"], str) and _valid_url(button["url"])):
        raise bad_request(
            f"inline keyboard button URL '{button['url']}' is invalid: Wrong HTTP URL"
        )


def _reply_button(button: Any, chat_type: str) -> None:
    if isinstance(button, str):
        if not button:
            raise bad_request(REPLY_BUTTON + "Text must be non-empty")
        return
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request('can\'t parse keyboard button: Field "text" must be of type String')
    actions = [name for name in REPLY_ACTIONS if button.get(name)]
    if len(actions) > 1:
        raise bad_request(
            "can't parse keyboard button: only one of the optional fields can be used"
        )
    if chat_type != "private" and actions and actions[0] in ("request_contact", "request_location"):
        raise bad_request("phone number can be requested in private chats only")


def _rows(markup: dict[str, Any], field: str, kind: str) -> list[list[Any]]:
    rows = markup.get(field)
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f'can\'t parse {kind}: Field "{field}" must be of type Array')
    if sum(len(row) for row in rows) > MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    return rows


def reply_markup(markup: Any, chat_type: str = "private") -> dict[str, Any] | None:
    """Checks an InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove or ForceReply."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        for row in _rows(markup, "inline_keyboard", "inline keyboard"):
            for button in row:
                _inline_button(button)
        return markup
    if "keyboard" in markup:
        for row in _rows(markup, "keyboard", "keyboard"):
            for button in row:
                _reply_button(button, chat_type)
        return markup
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return markup
    raise bad_request('can\'t find field "inline_keyboard"')


def inline_markup(markup: Any) -> dict[str, Any] | None:
    """Editing methods accept only inline keyboards."""
    checked = reply_markup(markup)
    if checked is not None and "inline_keyboard" not in checked:
        raise bad_request("can't parse inline keyboard markup JSON object")
    return checked


def commands(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise bad_request("can't parse commands JSON object")
    if len(value) > 100:
        raise bad_request("too many commands")
    checked: list[dict[str, str]] = []
    for item in value:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand")
        command = str(item.get("command", "")).lstrip("/")
        description = str(item.get("description", ""))
        if not COMMAND.match(command):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("command description must be non-empty")
        checked.append({"command": command, "description": description})
    return checked
