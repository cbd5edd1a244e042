"""Every Bot API method the bot's code calls is one the emulator implements.

The calls are collected from the source (an AST scan of `bot/`, the sandbox itself left out):
`bot.<method>(...)` on anything named like a bot, the shortcuts of the events the bot handles
(`message.answer_photo`, `query.message.edit_media`, `query.answer`...) mapped to their method
through the return types aiogram declares, `bot(SendMessage(...))`-style method objects, and
what aiogram's polling calls itself. A method the emulator lacks is a 404 in the sandbox, and a
feature that silently never works there (the check-in board once never rotated its code).
"""

from __future__ import annotations

import ast
import inspect
from functools import cache
from pathlib import Path

import aiogram.methods
from aiogram import Bot
from aiogram.types import CallbackQuery, InaccessibleMessage, Message

import bot.dev.sandbox.bot_api  # noqa: F401  (registers every method)
from bot.dev.sandbox.methods import METHODS

ROOT = Path(__file__).resolve().parents[2]
HANDLED_EVENTS = (Message, CallbackQuery, InaccessibleMessage)
#: Bot helpers that are not API methods of the same name.
BOT_HELPERS = {"me": "getMe", "download": "getFile", "get_file": "getFile"}
#: What `Dispatcher.start_polling` calls on its own.
POLLING = {"getMe", "getUpdates"}


@cache
def api_methods() -> dict[str, str]:
    """aiogram's method classes by name → the Bot API method (`SendMessage` → `sendMessage`)."""
    return {
        name: obj.__api_method__
        for name, obj in vars(aiogram.methods).items()
        if inspect.isclass(obj) and hasattr(obj, "__api_method__")
    }


@cache
def bot_methods() -> dict[str, str]:
    """`Bot.send_message` → `sendMessage`, for every coroutine method that is one."""
    known = set(api_methods().values())
    found = dict(BOT_HELPERS)
    for name, function in vars(Bot).items():
        if name.startswith("_") or not inspect.iscoroutinefunction(function):
            continue
        head, *rest = name.split("_")
        camel = head + "".join(part.title() for part in rest)
        if camel in known:
            found[name] = camel
    return found


@cache
def shortcuts() -> dict[str, frozenset[str]]:
    """`Message.edit_media` → {`editMessageMedia`}; `answer` is both a message and a query's."""
    api = api_methods()
    found: dict[str, set[str]] = {}
    for event in HANDLED_EVENTS:
        for name, function in vars(event).items():
            if not inspect.isfunction(function):
                continue
            returned = inspect.signature(function).return_annotation
            returned = returned if isinstance(returned, str) else getattr(returned, "__name__", "")
            if returned in api:
                found.setdefault(name, set()).add(api[returned])
    return {name: frozenset(methods) for name, methods in found.items()}


def _receiver(node: ast.expr) -> str:
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        if isinstance(node, ast.Attribute):
            return node.attr
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def methods_in(tree: ast.AST) -> set[str]:
    used: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in api_methods():
            used.add(api_methods()[func.id])
        if not isinstance(func, ast.Attribute):
            continue
        if func.attr in api_methods():
            used.add(api_methods()[func.attr])
        if func.attr in bot_methods() and "bot" in _receiver(func.value).lower():
            used.add(bot_methods()[func.attr])
        used |= shortcuts().get(func.attr, frozenset())
    return used


def methods_the_bot_uses() -> dict[str, set[str]]:
    """Bot API method → the files calling it."""
    used: dict[str, set[str]] = {name: {"aiogram polling"} for name in POLLING}
    for path in sorted((ROOT / "bot").rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[:2] == ("bot", "dev"):
            continue
        for name in methods_in(ast.parse(path.read_text(encoding="utf-8"))):
            used.setdefault(name, set()).add(str(relative))
    return used


def test_every_method_the_bot_calls_is_implemented() -> None:
    used = methods_the_bot_uses()
    missing = {name: sorted(files) for name, files in used.items() if name.lower() not in METHODS}
    assert not missing, f"the sandbox lacks {missing}"
    # the scan sees what it must: sends, edits, the board's media edit, commands
    assert {"sendMessage", "sendDocument", "sendPhoto", "editMessageText", "editMessageMedia",
            "editMessageReplyMarkup", "answerCallbackQuery", "setMyCommands",
            "getFile"} <= set(used)  # fmt: skip


def test_the_scan_maps_calls_to_methods() -> None:
    source = """
async def handler(message, query, bot, repo):
    await message.answer("x")
    await query.message.edit_media(media)
    await bot.send_chat_action(1, "typing")
    await bot(SendPoll(chat_id=1, question="q", options=[]))
    await repo.send_message("not a bot")  # a repository's method of the same name
    await message.bot.ban_chat_member(1, 2)
"""
    used = methods_in(ast.parse(source))
    assert {"sendMessage", "answerCallbackQuery", "editMessageMedia", "sendChatAction",
            "sendPoll", "banChatMember"} <= used  # fmt: skip
    assert "banChatMember".lower() not in METHODS  # the check would catch it


def test_an_unknown_method_is_a_404_like_telegram() -> None:
    assert "sendpoll" not in METHODS and "editmessagemedia" in METHODS
