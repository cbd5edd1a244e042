"""Messages to send later, as outbox rows: the only way the bot notifies someone.

A handler answers the person in front of it directly; everything else (status changes,
reminders, documents, notices to employers' contacts) becomes an `OutboxMessage` that the
delivery worker claims, renders in the recipient's language and sends exactly once
(`dedup_key` is unique: enqueuing the same notice twice is harmless).

A notice's placeholders are stored raw (``encode_args``): text as typed — never HTML-escaped —,
numbers as numbers, a date as ``{"date": "2026-12-05"}``. Presentation is the sender's job: the
delivery worker formats dates and numbers in the recipient's language and escapes the text for
Telegram's HTML when it sends (``bot.ui.formatting.notice_args``).

Such rows carry ``"args_format": 2`` in their payload. A row without it was queued by an
older version: its arguments were formatted and, where needed, escaped when it was queued, so they
are handed to the translation as they are — escaped again they would show ``&amp;lt;``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from domain.model import Lang, OutboxMessage

TEXT = "text"
DOCUMENT = "document"
BLOCKED_BY_RECIPIENT = "403"  # how a failed row's ``last_error`` starts when they blocked the bot

#: The payload key telling how ``args`` are stored; absent on rows an older version queued.
ARGS_FORMAT = "args_format"
#: Raw arguments (``encode_args``), formatted and escaped when sent.
RAW_ARGS = 2
#: The tag of a stored calendar date: ``{"date": "2026-12-05"}``.
DATE = "date"


def encode_args(args: Mapping[str, object]) -> dict[str, Any]:
    """The stored, JSON-safe form of a notice's placeholders: text as typed, numbers as
    numbers, a date as ``{"date": "<ISO date>"}``. Anything else (a date-time among them: it
    would need a time zone to be shown) is a programming error."""
    stored: dict[str, Any] = {}
    for name, value in args.items():
        if isinstance(value, str):
            stored[name] = str(value)  # a StrEnum member is stored as its plain value
        elif isinstance(value, int | float):
            stored[name] = value
        elif isinstance(value, date) and not isinstance(value, datetime):
            stored[name] = {DATE: value.isoformat()}
        else:
            raise TypeError(f"notice argument {name!r}: no stored form for {type(value).__name__}")
    return stored


def decode_args(stored: Mapping[str, Any]) -> dict[str, str | int | float | date]:
    """The placeholders of ``encode_args``'s stored form, dates as ``date`` again."""
    args: dict[str, str | int | float | date] = {}
    for name, value in stored.items():
        if isinstance(value, dict):
            if set(value) != {DATE}:
                raise ValueError(f"notice argument {name!r}: unknown stored form {value!r}")
            args[name] = date.fromisoformat(value[DATE])
        elif isinstance(value, str | int | float):
            args[name] = value
        else:
            raise ValueError(f"notice argument {name!r}: unknown stored form {value!r}")
    return args


def text_notice(
    chat_id: int,
    lang: Lang,
    key: str,
    dedup_key: str,
    not_before: datetime,
    **args: Any,
) -> OutboxMessage:
    """A translated text: `key` is a message id of `locales/`, `args` its placeholders (raw:
    see ``encode_args``)."""
    return OutboxMessage(
        chat_id=chat_id,
        kind=TEXT,
        payload={"lang": lang, "key": key, "args": encode_args(args), ARGS_FORMAT: RAW_ARGS},
        dedup_key=dedup_key,
        not_before=not_before,
    )


#: The payload key of a text notice's inline buttons (``with_buttons``).
BUTTONS = "buttons"


def with_buttons(notice: OutboxMessage, rows: list[list[dict[str, str]]]) -> OutboxMessage:
    """The text notice with inline buttons under it: rows of ``{"data": callback data, "text":
    a label as is}`` or ``{"data": …, "key": a message id translated when sent}``. The callback
    data is the sender's (bot layer's) format; the notice only carries it."""
    for row in rows:
        for item in row:
            if "data" not in item or not ("text" in item or "key" in item):
                raise ValueError(f"a notice button needs data and a text or key: {item!r}")
    notice.payload[BUTTONS] = [[dict(item) for item in row] for row in rows]
    return notice


AGREEMENT_ACTION = "agreement"
"""A notice's button that opens the §24 agreement of an enrollment (the enrollment notice)."""


def with_action(notice: OutboxMessage, action: str, **ids: int) -> OutboxMessage:
    """The notice with one button under it, named by ``action`` (``AGREEMENT_ACTION``) and the
    ids it needs; the bot renders its label in the notice's language when it sends it."""
    notice.payload["action"] = {"kind": action, **ids}
    return notice


def document_notice(
    chat_id: int,
    lang: Lang,
    document_file_id: int,
    caption_key: str,
    dedup_key: str,
    not_before: datetime,
    **args: Any,
) -> OutboxMessage:
    """A frozen PDF from `document_files`, sent with a translated caption (its `args` raw, as
    ``text_notice``'s)."""
    return OutboxMessage(
        chat_id=chat_id,
        kind=DOCUMENT,
        payload={
            "lang": lang,
            "document_file_id": document_file_id,
            "caption_key": caption_key,
            "args": encode_args(args),
            ARGS_FORMAT: RAW_ARGS,
        },
        dedup_key=dedup_key,
        not_before=not_before,
    )


def worth_sending_again(message: OutboxMessage) -> bool:
    """After someone who had blocked the bot writes again: what failed only because of the
    block is still worth having — documents above all, decisions and answers — except
    reminders, whose session is over or will be reminded of anew."""
    if not message.last_error.startswith(BLOCKED_BY_RECIPIENT):
        return False
    if message.kind == DOCUMENT:
        return True
    return message.kind == TEXT and not str(message.payload.get("key", "")).startswith("reminder-")
