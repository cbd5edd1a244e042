"""The upload step every import shares (enrollment list, schedule, scores): the admin sends a
document, it is checked, downloaded and read into a ``bot.spreadsheets.reading.Table``; a file that
cannot be a table, or rows that fail validation, get one translated answer and nothing is
imported."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.spreadsheets.reading import (
    ACCEPTED_SUFFIXES,
    MAX_BYTES,
    SpreadsheetError,
    Table,
    read_table,
)
from bot.spreadsheets.worker import off_loop
from domain.model import Cohort
from domain.spreadsheet_rows import Row, RowError, Validated

__all__ = [
    "MAX_ERRORS_SHOWN",
    "ask_for_table",
    "format_errors",
    "not_a_file",
    "receive_table",
    "valid_rows",
]

RowT = TypeVar("RowT")

MAX_ERRORS_SHOWN = 20
MESSAGE_BUDGET = 3800  # a Telegram message holds 4,096 characters


async def ask_for_table(
    message: Message, i18n: I18nContext, state: FSMContext, step: State, cohort: Cohort, key: str
) -> None:
    """Wait in ``step`` for the file of ``cohort``'s import; ``key`` asks for it."""
    await state.set_state(step)
    await state.update_data(cohort_id=cohort.id)
    await message.answer(i18n.get(key, code=cohort.code))


async def valid_rows(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    validate: Callable[[Sequence[str], Sequence[Row]], Validated[RowT]],
) -> list[RowT] | None:
    """The sent table's rows, checked by ``validate``; ``None`` after answering what is wrong
    (not a table, or the rows and columns that fail)."""
    table = await receive_table(message, bot, i18n)
    if table is None:
        return None
    try:  # thousands of rows: validated off the event loop, like the reading
        checked = await off_loop(validate, table.headers, table.rows)
    except SpreadsheetError as error:
        await message.answer(i18n.get(error.key, **error.params))
        return None
    if checked.errors:
        await message.answer(format_errors(i18n, checked.errors))
        return None
    return list(checked.rows)


async def receive_table(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> Table | None:
    """The sent document as a table, or ``None`` after answering why it is not one.

    The file is read in a worker thread within a time budget (``bot.spreadsheets.worker``):
    the event loop keeps answering everyone else while a large list is parsed."""
    name = message.document.file_name if message.document else None
    try:
        return await off_loop(read_table, await _download(message, bot), name or "")
    except SpreadsheetError as error:
        await message.answer(i18n.get(error.key, **error.params), reply_markup=reply_markup)
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
            value=_clip(error.value),
            other_row=error.other_row or 0,
        )
        line = i18n.get("sheet-error-line", row=error.row, column=_clip(column), reason=reason)
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
