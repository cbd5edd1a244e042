"""A third-party check of every outgoing Bot API call (issue 16, item 10).

The harness's ``RecordingSession`` answers every call as Telegram would on success; here each
call is also given to ``teremok`` (PyPI, a black-box tester for aiogram 3 bots) and its
validator of documented Bot API rules (HTML entities after parsing, 4,096 / 1,024 characters
in UTF-16 units, callback answers, inline buttons with exactly one action and 1–64 bytes of
callback data). The call still goes through unchanged; a violation is recorded and fails the
test when its harness is torn down, naming the method and Telegram's description.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot
from aiogram.methods import TelegramMethod
from teremok.validation import ApiRuleViolation, validate_method

from bot.dev.testing import Harness

#: Over the whole test session: calls validated, violations found (printed at the end).
COUNTED = {"calls": 0, "violations": 0}


@dataclass
class Violation:
    method: str
    description: str
    text: str

    def __str__(self) -> str:
        return f"{self.method}: {self.description} — {self.text[:200]!r}"


@dataclass
class TeremokCheck:
    """Wraps a harness's session: every call is validated before it is recorded."""

    violations: list[Violation] = field(default_factory=list)
    calls: int = 0

    def check(self, bot: Bot, method: TelegramMethod[Any]) -> None:
        self.calls += 1
        COUNTED["calls"] += 1
        try:
            validate_method(bot, method)
        except ApiRuleViolation as violation:
            COUNTED["violations"] += 1
            text = getattr(method, "text", None) or getattr(method, "caption", None) or ""
            self.violations.append(
                Violation(type(method).__name__, violation.description, str(text))
            )

    def install(self, harness: Harness) -> None:
        session = harness.session
        original = session.make_request

        async def make_request(
            bot: Bot,
            method: TelegramMethod[Any],
            timeout: int | None = None,  # noqa: ASYNC109 - aiogram's signature
        ) -> Any:
            self.check(bot, method)
            return await original(bot, method, timeout)

        session.make_request = make_request  # type: ignore[method-assign]

    def assert_clean(self) -> None:
        if self.violations:
            listed = "\n".join(f"  {v}" for v in self.violations[:20])
            raise AssertionError(
                f"teremok: {len(self.violations)} of {self.calls} outgoing Bot API calls "
                f"violate documented rules:\n{listed}"
            )
