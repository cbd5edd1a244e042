"""Issue 8: the bot process is killed (SIGKILL) in the middle of importing a 5,000-row list.

The kill lands inside the import's transaction: after the "0 / 5000" line, as soon as the bot
holds the database's write lock (probed from here without waiting). The emulator holds the
progress edits unanswered meanwhile, and the import must not wait for them (they are a
courtesy; waiting held the write lock for as long as Telegram took). After the restart the
cohort holds none of the list (no teacher, no place); the admin, still in the import step,
sends the same file again and gets all 5,000; a third import of the same file adds nothing.
"""

from __future__ import annotations

import io
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from bot.dev.demo import ADMIN, demo_iin
from bot.dev.sandbox.client import SandboxClient
from bot.dev.sandbox.runner import Sandbox
from domain.courses import CourseFormat, CourseKind
from domain.iin import Sex
from domain.model import Cohort, Course, CourseModule
from storage.models import EnrollmentRow, PersonRow
from tests.e2e.chat import Chat, body
from tests.e2e.processes import STARTUP_SECONDS, BotProcess, emulator_only, until

pytestmark = pytest.mark.e2e

ROWS = 5_000
CODE = "ИМП-5000"


def enrollment_list() -> tuple[bytes, list[str]]:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["ФИО", "ИИН", "Школа", "Должность", "Телефон", "Язык"])
    iins: list[str] = []
    first_birthday = date(1970, 1, 1)
    for n in range(ROWS):
        iin = demo_iin(first_birthday + timedelta(days=n % 9000), Sex.FEMALE, 1000 + n // 9000)
        iins.append(iin)
        sheet.append(
            [
                f"Тыңдаушы Әсел {n}",
                iin,
                f"№ {n % 90 + 1} мектеп",
                "мұғалім",
                f"8 701 555 {n // 100 % 100:02d} {n % 100:02d}",
                "kk",
            ]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    assert len(set(iins)) == ROWS
    return buffer.getvalue(), iins


@pytest.fixture
async def emulator() -> AsyncIterator[Sandbox]:
    async with emulator_only() as sandbox:
        yield sandbox


async def prepared_database(database_url: str) -> int:
    from storage.db import create_engine, create_session_factory
    from storage.migrate import upgrade_database
    from storage.uow import SqlAlchemyUnitOfWork

    await upgrade_database(database_url)
    engine = create_engine(database_url)
    async with SqlAlchemyUnitOfWork(create_session_factory(engine)) as uow:
        course = await uow.courses.add(
            Course(
                topic_kk="Жобалық оқыту әдістемесі",
                topic_ru="Методика проектного обучения",
                kind=CourseKind.SHORT,
                format=CourseFormat.WITHOUT_LEAVE,
                hours=72,
                max_score=100,
                modules=[CourseModule("Жоба әдісі", "Метод проектов", 72, 0)],
            )
        )
        starts = date.today() + timedelta(days=30)
        cohort = await uow.cohorts.add(
            Cohort(
                course_id=course.id,
                code=CODE,
                language="kk",
                starts_on=starts,
                ends_on=starts + timedelta(days=5),
                seats=ROWS,
            )
        )
        await uow.commit()
    await engine.dispose()
    return int(cohort.id)


async def list_in_database(database_url: str, cohort_id: int, iins: list[str]) -> tuple[int, ...]:
    """(places in the cohort, teachers holding them, stored teachers of the list)."""
    from storage.db import create_engine

    engine = create_engine(database_url)
    async with engine.connect() as connection:
        in_cohort = EnrollmentRow.cohort_id == cohort_id
        places = await connection.scalar(select(func.count()).where(in_cohort))
        holders = await connection.scalar(
            select(func.count(func.distinct(EnrollmentRow.person_id))).where(in_cohort)
        )
        people = await connection.scalar(select(func.count()).where(PersonRow.iin.in_(iins)))
    await engine.dispose()
    return int(places or 0), int(holders or 0), int(people or 0)


def write_lock_held(database: Path) -> bool:
    """Does a writer hold the SQLite database now? Asked without waiting for it."""
    probe = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return True
    else:
        probe.execute("ROLLBACK")
        return False
    finally:
        probe.close()


class HeldWriteLock:
    """True once a writer has held the database for ``seconds`` on end (and ``also`` holds)."""

    def __init__(self, database: Path, seconds: float, also: Callable[[], bool]) -> None:
        self.database, self.seconds, self.also = database, seconds, also
        self.since: float | None = None

    def __call__(self) -> bool:
        if not (self.also() and write_lock_held(self.database)):
            self.since = None
            return False
        now = time.monotonic()
        self.since = now if self.since is None else self.since
        return now - self.since >= self.seconds


def number(text: str, label: str) -> int:
    found = re.search(rf"{label}:\s*([\d\s\u00a0\u202f]+)", text)
    assert found, (label, text)
    return int(re.sub(r"\D", "", found.group(1)))


async def test_a_list_killed_mid_import_is_stored_whole_or_not_at_all(
    emulator: Sandbox, tmp_path: Path
) -> None:
    database_file = tmp_path / "bot.db"
    database_url = f"sqlite+aiosqlite:///{database_file}"
    cohort_id = await prepared_database(database_url)
    content, iins = enrollment_list()
    bot = BotProcess(emulator, database_url, tmp_path).start()
    try:
        async with SandboxClient(emulator.url) as client:
            await client.create_user(ADMIN.telegram_id, "Сәуле", "kk")
            admin = Chat(client, ADMIN.telegram_id, timeout=STARTUP_SECONDS)
            panel = await admin.say("/admin", "Әкімші панелі")
            cohorts = await admin.tap(panel, "adm:cohorts", "Ағындар саны")
            card = await admin.tap(cohorts, f"adh:show:{cohort_id}", f"{CODE} ағыны")
            await admin.tap(card, f"adh:import-list:{cohort_id}", "тыңдаушылар тізімін .xlsx")

            # progress edits hang (8 s, then 504): the import does not wait for them
            await client.faults(
                kind="timeout", method="editMessageText", chat_id=ADMIN.telegram_id, delay=8
            )
            await admin.upload("тізім.xlsx", content, "Өңделуде: 0 /")
            # the upload confirmed (a restarted bot must not get it again) and the import's
            # transaction open — the lock held for 50 ms on end, which the outbox's claims and
            # a form's state (a few ms) never are: kill now
            await until(
                HeldWriteLock(database_file, 0.05, lambda: not emulator.emulator.updates.pending),
                40,
                "the import's transaction",
                every=0.002,  # the moment lasts well under a second
            )
            await bot.kill()
            assert await list_in_database(database_url, cohort_id, iins) == (0, 0, 0)

            bot.start()  # the admin is still in the import step: the same file again
            done = await admin.upload(
                "тізім.xlsx", content, lambda m: "Тізім импортталды" in body(m)
            )
            assert number(body(done), "Бекітілген орын") == ROWS, body(done)
            assert number(body(done), "Жаңа тыңдаушылар") == ROWS, body(done)
            assert await list_in_database(database_url, cohort_id, iins) == (ROWS, ROWS, ROWS)

            await admin.tap(card, f"adh:import-list:{cohort_id}", "тыңдаушылар тізімін .xlsx")
            again = await admin.upload(
                "тізім.xlsx", content, lambda m: "Тізім импортталды" in body(m)
            )
            assert number(body(again), "Бекітілген орын") == 0, body(again)
            assert number(body(again), "Ағында бұрыннан бар") == ROWS, body(again)
            assert await list_in_database(database_url, cohort_id, iins) == (ROWS, ROWS, ROWS)
        assert bot.alive(), bot.output()
    finally:
        bot.stop()
