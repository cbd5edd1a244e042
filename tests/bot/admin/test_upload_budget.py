"""Issue 16, item 5: a table is read and validated within a time budget; over it the admin gets
one translated answer (kk, ru), nothing is imported, and the bot goes on answering."""

from __future__ import annotations

import time
from typing import Any

import pytest

from bot.dev.testing import Harness, texts
from bot.handlers.admin import table_upload
from bot.runtime.container import Services
from bot.spreadsheets import worker
from bot.spreadsheets.reading import SpreadsheetError, read_table
from tests.bot.admin.conftest import People, Uploads
from tests.bot.admin.test_enrollment import enrollments, list_rows, open_import, xlsx


def slow_read(data: bytes, filename: str) -> Any:
    time.sleep(0.5)  # a worker thread: the loop is not held
    return read_table(data, filename)


async def test_a_read_over_the_budget_is_refused_and_nothing_imported(
    harness: Harness,
    services: Services,
    people: People,
    uploads: Uploads,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cohort = await open_import(harness, people, services)
    monkeypatch.setattr(worker, "BUDGET_SECONDS", 0.1)
    monkeypatch.setattr(table_upload, "read_table", slow_read)
    sent = await uploads.send(people.admin, xlsx(list_rows(3)), "тізім.xlsx")
    assert texts(sent) == [
        "Файл слишком большой для одной загрузки: его чтение и проверка заняли больше 1 "
        "секунды. Ничего не загружено. Разделите список на части и отправьте их по очереди."
    ]
    assert await enrollments(services, cohort) == []
    # the same step waits for a smaller file: within the budget it is imported
    monkeypatch.setattr(worker, "BUDGET_SECONDS", 30.0)
    monkeypatch.setattr(table_upload, "read_table", read_table)
    sent = await uploads.send(people.admin, xlsx(list_rows(3)), "тізім.xlsx")
    assert any("Список импортирован" in t for t in texts(sent))


async def test_off_loop_runs_in_a_worker_thread_and_keeps_errors() -> None:
    import threading

    assert await worker.off_loop(threading.current_thread) is not threading.current_thread()

    def refuse() -> None:
        raise SpreadsheetError("sheet-error-empty")

    with pytest.raises(SpreadsheetError) as refused:
        await worker.off_loop(refuse)
    assert refused.value.key == "sheet-error-empty"
    with pytest.raises(SpreadsheetError) as slow:
        await worker.off_loop(time.sleep, 0.3, budget=0.05)
    assert slow.value.key == "sheet-error-too-slow" and slow.value.params == {"seconds": 1}
