"""One person's chat with the bot over the sandbox's HTTP control API, step by step.

Each step sends something and waits for the bot's message that ends the step (matched by a
text fragment), so the next input is sent only after the bot finished the previous one — as a
person would, and without racing aiogram's concurrent update handling.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.dev.sandbox.client import SandboxClient, buttons

Message = dict[str, Any]
Expect = str | Callable[[Message], bool]


def body(message: Message) -> str:
    return str(message.get("text") or message.get("caption") or "")


def file_name(message: Message) -> str | None:
    document = message.get("document") or {}
    return document.get("file_name")


def data_of(message: Message, prefix: str) -> str:
    """The callback data of the one button whose data starts with `prefix`."""
    found = [
        str(b["callback_data"])
        for b in buttons(message)
        if str(b.get("callback_data", "")).startswith(prefix)
    ]
    assert len(found) == 1, (prefix, [b.get("callback_data") for b in buttons(message)])
    return found[0]


def data_for(message: Message, label: str) -> str:
    """The callback data of the one button whose label contains ``label`` (what a person taps)."""
    found = [str(b["callback_data"]) for b in buttons(message) if label in str(b.get("text", ""))]
    assert len(found) == 1, (label, [b.get("text") for b in buttons(message)])
    return found[0]


class Chat:
    def __init__(self, client: SandboxClient, user_id: int, timeout: float = 20.0) -> None:
        self.client = client
        self.user_id = user_id
        self.last = 0
        self.timeout = timeout

    async def expect(self, expected: Expect, timeout: float | None = None) -> Message:  # noqa: ASYNC109
        """The first new bot message matching `expected`; later steps look after it."""
        if isinstance(expected, str):
            fragment = expected

            def predicate(m: Message) -> bool:
                return fragment in body(m)
        else:
            predicate = expected
        message = await self.client.wait_for(
            self.user_id, predicate, after=self.last, timeout=timeout or self.timeout
        )
        self.last = int(message["message_id"])
        return message

    def _sent(self, answer: dict[str, Any]) -> None:
        self.last = max(self.last, int(answer.get("message_id") or 0))

    async def say(self, text: str, expected: Expect) -> Message:
        self._sent(await self.client.send(self.user_id, text))
        return await self.expect(expected)

    async def tap(self, message: Message, data: str, expected: Expect) -> Message:
        await self.client.press(self.user_id, int(message["message_id"]), data)
        return await self.expect(expected)

    async def confirm(self, summary: Message, label: str, outcome: str) -> Message:
        """Taps a form's Confirm and waits for the summary to be edited to ``outcome``."""
        await self.client.press(self.user_id, int(summary["message_id"]), data_for(summary, label))

        def edited(m: Message) -> bool:
            return m.get("message_id") == summary["message_id"] and outcome in body(m)

        return await self.client.wait_for(self.user_id, edited, timeout=self.timeout)

    async def contact(self, phone: str, expected: Expect) -> Message:
        self._sent(await self.client.send_contact(self.user_id, phone))
        return await self.expect(expected)

    async def upload(self, name: str, content: bytes, expected: Expect) -> Message:
        self._sent(await self.client.send_document(self.user_id, name, content))
        return await self.expect(expected)

    async def everything(self) -> list[Message]:
        return await self.client.messages(self.user_id)


MENU_TEXT = {"kk": "Басты мәзір", "ru": "Главное меню"}


async def start_in(chat: Chat, lang: str, telegram_lang: str) -> None:
    """/start by someone whose Telegram speaks ``telegram_lang`` (kk or ru: taken at once,
    the switch to the other offered), ending in the menu in ``lang``."""
    await chat.say("/start", MENU_TEXT[telegram_lang])
    if lang == telegram_lang:
        return
    offer = next(
        m
        for m in reversed(await chat.everything())
        if any(str(b.get("callback_data")) == f"lang:{lang}" for b in buttons(m))
    )
    await chat.tap(offer, f"lang:{lang}", MENU_TEXT[lang])
