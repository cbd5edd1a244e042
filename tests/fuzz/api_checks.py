"""Every request the bot made must be one Telegram accepts: checked with the sandbox's own
validator (``bot/sandbox/validation.py`` and ``html_parse.py``), so the fuzz tests and the
emulator agree on what "valid for the Bot API" means."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.default import Default
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
    TelegramMethod,
)

from bot.dev.sandbox import validation
from bot.dev.sandbox.errors import ApiError

MAX_ALERT = 200  # answerCallbackQuery text, characters


def _resolve(bot: Bot, value: Any, name: str) -> Any:
    return bot.default[name] if isinstance(value, Default) else value


def _markup(markup: Any) -> Any:
    if markup is None:
        return None
    return markup.model_dump(mode="json", exclude_none=True)


def _chat_type(chat_id: Any) -> str:
    return "private" if isinstance(chat_id, int) and chat_id > 0 else "group"


def problem(bot: Bot, request: TelegramMethod[Any]) -> str | None:
    """Why Telegram would reject this request, or ``None`` when it would accept it."""
    try:
        if isinstance(request, SendMessage):
            mode = _resolve(bot, request.parse_mode, "parse_mode")
            validation.message_text(request.text, mode, None)
            validation.reply_markup(_markup(request.reply_markup), _chat_type(request.chat_id))
        elif isinstance(request, EditMessageText):
            mode = _resolve(bot, request.parse_mode, "parse_mode")
            validation.message_text(request.text, mode, None)
            validation.inline_markup(_markup(request.reply_markup))
        elif isinstance(request, SendDocument | SendPhoto | EditMessageCaption):
            mode = _resolve(bot, request.parse_mode, "parse_mode")
            validation.caption(request.caption, mode, None)
            if isinstance(request, EditMessageCaption):
                validation.inline_markup(_markup(request.reply_markup))
            else:
                validation.reply_markup(_markup(request.reply_markup), _chat_type(request.chat_id))
        elif isinstance(request, EditMessageReplyMarkup):
            validation.inline_markup(_markup(request.reply_markup))
        elif (
            isinstance(request, AnswerCallbackQuery)
            and request.text
            and len(request.text) > MAX_ALERT
        ):
            return f"callback answer longer than {MAX_ALERT}: {request.text[:80]!r}"
    except ApiError as error:
        text = getattr(request, "text", None) or getattr(request, "caption", None) or ""
        return f"{type(request).__name__}: {error} — {str(text)[:300]!r}"
    return None


def problems(bot: Bot, requests: list[TelegramMethod[Any]]) -> list[str]:
    """All invalid requests, plus a callback query answered more than once (Telegram refuses
    the second answer: "query is too old")."""
    found = [p for p in (problem(bot, r) for r in requests) if p]
    answered = [r.callback_query_id for r in requests if isinstance(r, AnswerCallbackQuery)]
    twice = {query for query in answered if answered.count(query) > 1}
    found.extend(f"callback query {query} answered twice" for query in sorted(twice))
    return found
