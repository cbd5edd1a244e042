"""Logs are JSON lines with the update id, and never carry an IIN or a phone number."""

from __future__ import annotations

import json
import logging

from aiogram import Dispatcher
from aiogram.types import Message

from bot.dev.testing import Harness, make_user
from bot.runtime.app import create_dispatcher
from bot.runtime.container import Services
from bot.runtime.logs import JsonFormatter, mask_personal_data
from bot.runtime.middlewares.tracing import UpdateIdMiddleware


def test_iins_and_phones_are_masked_but_dates_and_ids_are_not() -> None:
    text = (
        "IIN 850310400123, phones +7 701 555 12 34 and 8(701)555-12-34 and 77015551234; "
        "at 2026-11-23 20:13:50, update 123456789"
    )
    assert mask_personal_data(text) == (
        "IIN <iin>, phones <phone> and <phone> and <phone>; "
        "at 2026-11-23 20:13:50, update 123456789"
    )


def test_a_record_is_one_json_line_with_the_extra_fields() -> None:
    record = logging.makeLogRecord(
        {
            "name": "biliktilik",
            "levelname": "ERROR",
            "msg": "failed for 850310400123",
            "update_id": 77,
            "iin": "850310400123",
        }
    )
    line = JsonFormatter().format(record)
    entry = json.loads(line)
    assert entry["message"] == "failed for <iin>"
    assert entry["update_id"] == 77
    assert entry["iin"] == "<iin>"
    assert "\n" not in line


class FormattedLines(logging.Handler):
    """Formats each record when it is logged, in the logging task's context (as the
    stream handler of `setup_logging` does)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFormatter(JsonFormatter())
        self.lines: list[dict[str, object]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(json.loads(self.format(record)))


async def test_every_line_logged_while_an_update_is_handled_carries_its_id(
    services: Services,
) -> None:
    dispatcher = create_dispatcher(services)
    assert any(isinstance(m, UpdateIdMiddleware) for m in dispatcher.update.outer_middleware)
    traced = Dispatcher()
    traced.update.outer_middleware.register(UpdateIdMiddleware())
    logger = logging.getLogger("biliktilik.test")

    @traced.message()
    async def noisy(message: Message) -> None:
        logger.warning("checked %s", message.text)

    lines = FormattedLines()
    logger.addHandler(lines)
    try:
        harness = Harness.create(traced)
        update = harness.text_update(make_user(9, "kk"), "850310400123")
        await traced.feed_update(harness.bot, update)
        logger.warning("between updates")
    finally:
        logger.removeHandler(lines)
    during, after = lines.lines
    assert during["update_id"] == update.update_id and during["message"] == "checked <iin>"
    assert "update_id" not in after
