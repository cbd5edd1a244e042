"""Lists of buttons that grow with the organization (cohorts, courses, trainers, a roster's
absentees), shown a page at a time: Telegram allows 100 buttons per keyboard, and a phone
shows about a dozen rows. A page keeps its own buttons plus one "◀ 2/15 · 3/15 ▶" row."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton

T = TypeVar("T")

PAGE_SIZE = 20
"""Rows of items per page: with the pager and a few actions well under Telegram's 100 buttons."""


class ListPage(CallbackData, prefix="pg"):
    """Turn a page of a list. ``ref`` names what the list belongs to (a session, a cohort);
    every screen re-reads the list and checks access when the page is turned."""

    list: str
    page: int
    ref: int = 0


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int  # from 0
    count: int  # pages in all (at least 1)


def paginate(items: Sequence[T], page: int, size: int = PAGE_SIZE) -> Page[T]:
    """The ``page``-th slice of ``items`` (clamped to the pages there are)."""
    count = max(1, -(-len(items) // size))
    number = max(0, min(page, count - 1))
    return Page(items[number * size : (number + 1) * size], number, count)


def pager_row(page: Page[T], data_for: Callable[[int], str]) -> list[InlineKeyboardButton]:
    """``◀ 1/3`` and ``3/3 ▶`` buttons (the target page's number first, so it is never cut);
    an empty row when everything fits on one page."""
    row: list[InlineKeyboardButton] = []
    if page.number > 0:
        row.append(
            InlineKeyboardButton(
                text=f"◀ {page.number}/{page.count}", callback_data=data_for(page.number - 1)
            )
        )
    if page.number + 1 < page.count:
        row.append(
            InlineKeyboardButton(
                text=f"{page.number + 2}/{page.count} ▶", callback_data=data_for(page.number + 1)
            )
        )
    return row
