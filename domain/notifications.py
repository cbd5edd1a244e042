"""Messages to send later, as outbox rows: the only way the bot notifies someone.

A handler answers the person in front of it directly; everything else (status changes,
reminders, documents, notices to employers' contacts) becomes an `OutboxMessage` that the
delivery worker claims, renders in the recipient's language and sends exactly once
(`dedup_key` is unique: enqueuing the same notice twice is harmless).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from domain.model import Lang, OutboxMessage

TEXT = "text"
DOCUMENT = "document"
BLOCKED_BY_RECIPIENT = "403"  # how a failed row's ``last_error`` starts when they blocked the bot


def text_notice(
    chat_id: int,
    lang: Lang,
    key: str,
    dedup_key: str,
    not_before: datetime,
    **args: Any,
) -> OutboxMessage:
    """A translated text: `key` is a message id of `locales/`, `args` its placeholders."""
    return OutboxMessage(
        chat_id=chat_id,
        kind=TEXT,
        payload={"lang": lang, "key": key, "args": args},
        dedup_key=dedup_key,
        not_before=not_before,
    )


def document_notice(
    chat_id: int,
    lang: Lang,
    document_file_id: int,
    caption_key: str,
    dedup_key: str,
    not_before: datetime,
    **args: Any,
) -> OutboxMessage:
    """A frozen PDF from `document_files`, sent with a translated caption."""
    return OutboxMessage(
        chat_id=chat_id,
        kind=DOCUMENT,
        payload={
            "lang": lang,
            "document_file_id": document_file_id,
            "caption_key": caption_key,
            "args": args,
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
