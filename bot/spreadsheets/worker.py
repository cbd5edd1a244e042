"""Reading and validating an uploaded table off the event loop, within a time budget.

A legal upload (5 MB, unpacking to up to 50 MB of XML, 10,000 rows) takes seconds of pure
Python in openpyxl and the validators; on the event loop those seconds were seconds in which
nobody else got an answer (issue 16: another user's /help took 9 s). :func:`off_loop` runs
such a function in a small pool of worker threads and waits for it at most
:data:`BUDGET_SECONDS`.

Why threads, not processes: the work needs the uploaded bytes in and a ``Table`` (or the
validated rows) out; a process pool would pickle both ways (tens of megabytes of row dicts)
and pay a process start or a resident worker per instance, while a thread shares them for
free. The thread holds the GIL while it parses, but CPython hands it over every 5 ms
(``sys.getswitchinterval``), so the loop still runs between slices: the test in
``tests/bot/admin/test_large_upload.py`` measures another user's /help during a large import.

What the budgets guarantee:

* **Time** — the admin gets an answer (``sheet-error-too-slow``) after at most
  ``BUDGET_SECONDS``; nothing is imported. A Python thread cannot be killed, so a read that
  overran keeps its worker until it finishes; it cannot run away, because what it reads is
  bounded (below), and since the pool has ``WORKERS`` threads, overrunning reads cannot pile
  up: further uploads wait for a free worker (their wait counts against their budget; a job
  that never started is cancelled with its budget).
* **Memory** — bounded by ``bot.spreadsheets.guard`` and ``bot.spreadsheets.reading`` before
  and while parsing, not here: the upload is at most ``MAX_BYTES`` (5 MB), its zip declares at
  most ``MAX_UNPACKED_BYTES`` (50 MB) of XML (checked from the zip directory before anything is
  inflated; ``zipfile`` never inflates past a declared size), openpyxl reads it in read-only
  (streaming) mode, and at most ``MAX_ROWS`` × ``MAX_COLUMNS`` (10,000 × 60) cells are kept.
  A table thus holds at most the text of the unpacked XML (≤ 50 MB, a few times that as
  Python objects), and at most ``WORKERS`` files are parsed at once.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from bot.spreadsheets.reading import SpreadsheetError

__all__ = ["BUDGET_SECONDS", "WORKERS", "off_loop"]

T = TypeVar("T")

#: A 10,000-row list reads and validates in a few seconds on one slow core; 30 s is ample for
#: any legal file and short enough for the admin to still be waiting for the answer.
BUDGET_SECONDS = 30.0
WORKERS = 2

_pool: ThreadPoolExecutor | None = None


def _executor() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="spreadsheet")
    return _pool


async def off_loop(function: Callable[..., T], *args: Any, budget: float | None = None) -> T:
    """``function(*args)`` in a worker thread; ``SpreadsheetError("sheet-error-too-slow")``
    if it has not finished within ``budget`` seconds (default :data:`BUDGET_SECONDS`)."""
    seconds = BUDGET_SECONDS if budget is None else budget
    loop = asyncio.get_running_loop()
    job = loop.run_in_executor(_executor(), functools.partial(function, *args))
    try:
        return await asyncio.wait_for(job, seconds)
    except TimeoutError as error:
        raise SpreadsheetError("sheet-error-too-slow", seconds=max(1, round(seconds))) from error
