"""Feeds a hypothesis ``Step`` through the real Dispatcher and checks what came out."""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator
from datetime import UTC, datetime
from typing import Any

from aiogram.types import Message, Update, User

from bot.dev.testing import Harness, make_user
from tests.fuzz.api_checks import problems
from tests.fuzz.strategies import Step
from tests.fuzz.world import GROUP, World

TRIED: dict[str, int] = {"updates": 0}


class ErrorLog(logging.Handler):
    """Catches what the error handler logs ("unhandled error" on ``biliktilik.errors``)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> ErrorLog:
        logging.getLogger("biliktilik.errors").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("biliktilik.errors").removeHandler(self)


class Runner:
    def __init__(self, harness: Harness, world: World, errors: ErrorLog) -> None:
        self.harness = harness
        self.world = world
        self.errors = errors
        self._ids = 10_000_000
        _serve_downloads(harness)

    def user(self, step: Step) -> User:
        if step.actor == "newcomer":
            return make_user(step.newcomer_id, None, step.newcomer_name)
        return self.world.users[step.actor]

    def _next(self) -> int:
        self._ids += 1
        return self._ids

    async def run(self, step: Step) -> list[Any]:
        """Put the actor in the step's form state, send the update, check the properties."""
        user = self.user(step)
        chat = GROUP if step.in_group else None
        chat_id = GROUP.id if step.in_group else user.id
        h = self.harness
        context = h.dispatcher.fsm.get_context(h.bot, chat_id, user.id)
        await context.set_state(step.state)
        await context.set_data({})
        before = len(self.errors.records)
        if step.kind in ("text", "command"):
            requests = await h.send(user, step.payload, chat=chat)
        elif step.kind == "content":
            requests = await h.send_message(user, chat=chat, **step.payload)
        elif step.kind == "callback":
            requests = await h.press(user, step.payload, chat=chat)
        else:
            edited = Message(
                message_id=self._next(),
                date=datetime.now(UTC),
                edit_date=1,
                chat=chat or h._message(user).chat,
                from_user=user,
                text=step.payload,
            )
            requests = await h.feed(Update(update_id=self._next(), edited_message=edited))
        TRIED["updates"] += 1
        errors = self.errors.records[before:]
        assert not errors, f"{step!r} reached the error handler: " + "\n".join(
            logging.Formatter().formatException(r.exc_info) if r.exc_info else r.getMessage()
            for r in errors
        )
        found = problems(h.bot, requests)
        assert not found, f"{step!r} made requests Telegram would refuse: {found}"
        return requests


def _serve_downloads(harness: Harness) -> None:
    """``getFile`` answers with a path and the download yields a few bytes that are no
    spreadsheet, so upload steps get as far as reading a file (once per harness)."""
    from aiogram.methods import GetFile
    from aiogram.types import File

    session = harness.session
    if getattr(session, "serves_downloads", False):
        return
    original = session.make_request

    async def make_request(bot: Any, method: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(method, GetFile):
            session.requests.append(method)
            return File(file_id=method.file_id, file_unique_id="u", file_path=method.file_id)
        return await original(bot, method, *args, **kwargs)

    async def stream_content(*args: Any, **kwargs: Any) -> AsyncGenerator[bytes, None]:
        yield b"PK\x03\x04 not really a spreadsheet"

    session.make_request = make_request  # type: ignore[method-assign]
    session.stream_content = stream_content  # type: ignore[method-assign]
    session.serves_downloads = True  # type: ignore[attr-defined]
