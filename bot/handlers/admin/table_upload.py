"""The upload step every import shares (enrollment list, schedule, scores): the admin sends a
document, it is checked, downloaded and read into a ``bot.spreadsheets.reading.Table``; a file that
cannot be a table, or rows that fail validation, get one translated answer and nothing is
imported."""

from __future__ import annotations

import html
from collections.abc import Callable

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.spreadsheets.reading import (
    ACCEPTED_SUFFIXES,
    MAX_BYTES,
    SpreadsheetError,
    Table,
    read_table,
)
from domain.spreadsheet_rows import RowError

__all__ = ["MAX_ERRORS_SHOWN", "format_errors", "not_a_file", "receive_table"]

MAX_ERRORS_SHOWN = 20
MESSAGE_BUDGET = 3800  # a Telegram message holds 4,096 characters


async def receive_table(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> Table | None:
    """The sent document as a table, or ``None`` after answering why it is not one."""
    name = message.document.file_name if message.document else None
    try:
        return read_table(await _download(message, bot), name or "")
    except SpreadsheetError as error:
        params = {k: html.escape(v) if isinstance(v, str) else v for k, v in error.params.items()}
        await message.answer(i18n.get(error.key, **params), reply_markup=reply_markup)
        return None


async def _download(message: Message, bot: Bot) -> bytes:
    """The document's bytes; a wrong name or a declared size over the limit is refused
    before anything is downloaded."""
    document = message.document
    assert document is not None
    if not (document.file_name or "").lower().endswith(ACCEPTED_SUFFIXES):
        raise SpreadsheetError("sheet-error-type")
    if (document.file_size or 0) > MAX_BYTES:
        raise SpreadsheetError("sheet-error-too-big", max_mb=MAX_BYTES // (1024 * 1024))
    try:
        buffer = await bot.download(document.file_id)
    except Exception as error:  # Telegram refused or the connection broke: ask to resend
        raise SpreadsheetError("sheet-error-download") from error
    return buffer.read() if buffer is not None else b""


def shared_reason(reason: str) -> str:
    return "sheet-reason-" + reason


def shared_column(name: str) -> str | None:
    return "sheet-column-" + name.replace("_", "-")


def format_errors(
    i18n: I18nContext,
    errors: list[RowError],
    limit: int = MAX_ERRORS_SHOWN,
    *,
    reason_key: Callable[[str], str] = shared_reason,
    column_key: Callable[[str], str | None] = shared_column,
) -> str:
    """The answer to a refused import: a title with the count, the first ``limit`` errors
    (row, column, reason) and "and N more". ``reason_key`` names the message of a reason
    code; ``column_key`` the message naming a missing column's field (``None``: the name as
    it is). Every user-supplied value is clipped and HTML-escaped."""
    lines = [i18n.get("sheet-errors-title", count=len(errors))]
    shown = 0
    for error in errors[:limit]:
        column = error.column
        key = column_key(column) if error.reason == "missing-column" else None
        if key is not None:
            column = i18n.get(key)
        reason = i18n.get(
            reason_key(error.reason),
            value=html.escape(_clip(error.value)),
            other_row=error.other_row or 0,
        )
        line = i18n.get(
            "sheet-error-line", row=error.row, column=html.escape(_clip(column)), reason=reason
        )
        if sum(len(x) + 1 for x in lines) + len(line) > MESSAGE_BUDGET:
            break
        lines.append(line)
        shown += 1
    if len(errors) > shown:
        lines.append(i18n.get("sheet-errors-more", count=len(errors) - shown))
    return "\n".join(lines)


def _clip(text: str, size: int = 40) -> str:
    """Cell values and headers can be any length; the answer shows their beginning."""
    return text if len(text) <= size else text[: size - 1] + "…"


async def not_a_file(message: Message, i18n: I18nContext) -> None:
    """A text (not a document) while an admin import waits for the file."""
    await message.answer(i18n.get("admin-import-send-file"))
