"""The start-up check that skips Alembic when the database is already at the head revision."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

import storage.migrate
from storage.db import create_engine
from storage.migrate import head_revision, upgrade_database
from storage.models import metadata
from storage.schema_version import (
    head_revision_of_scripts,
    stored_revisions,
    upgrade_unless_at_head,
)

ROOT = Path(__file__).resolve().parents[2]


def test_the_scripts_head_read_without_alembic_is_alembics_head() -> None:
    assert head_revision_of_scripts() == head_revision()


def write_revision(
    directory: Path, name: str, revision: str, parent: str | None, **extra: str
) -> None:
    lines = [f"revision: str = {revision!r}", f"down_revision: str | None = {parent!r}"]
    lines += [f"{key} = {value}" for key, value in extra.items()]
    (directory / f"{name}.py").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_linear_chain_has_one_head_and_anything_else_is_left_to_alembic(tmp_path: Path) -> None:
    write_revision(tmp_path, "a", "0001", None)
    write_revision(tmp_path, "b", "0002", "0001")
    write_revision(tmp_path, "c", "0003", "0002")
    assert head_revision_of_scripts(tmp_path) == "0003"
    write_revision(tmp_path, "d", "0004", "0002")  # a branch: two heads
    assert head_revision_of_scripts(tmp_path) is None
    (tmp_path / "d.py").unlink()
    write_revision(tmp_path, "c", "0003", "0002", depends_on="'0001'")
    assert head_revision_of_scripts(tmp_path) is None
    write_revision(tmp_path, "c", "0003", "0002", branch_labels="('x',)")
    assert head_revision_of_scripts(tmp_path) is None
    write_revision(tmp_path, "c", "0003", "0002")
    (tmp_path / "e.py").write_text("revision = make()\ndown_revision = '0003'\n", encoding="utf-8")
    assert head_revision_of_scripts(tmp_path) is None


async def test_a_new_database_is_migrated(database_url: str) -> None:
    assert await stored_revisions(database_url) == []
    assert await upgrade_unless_at_head(database_url) is True
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    finally:
        await engine.dispose()
    assert tables == set(metadata.tables) | {"alembic_version"}
    assert await stored_revisions(database_url) == [head_revision()]


async def test_a_database_at_head_is_left_alone_and_one_behind_is_upgraded(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    await upgrade_database(database_url)
    upgraded: list[str] = []

    async def record(url: str) -> None:
        upgraded.append(url)

    monkeypatch.setattr(storage.migrate, "upgrade_database", record)
    assert await upgrade_unless_at_head(database_url) is False
    assert upgraded == []
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    finally:
        await engine.dispose()
    assert await upgrade_unless_at_head(database_url) is True
    assert upgraded == [database_url]


CHECK_AT_HEAD = """
import asyncio, sys
from storage.schema_version import upgrade_unless_at_head
print(asyncio.run(upgrade_unless_at_head(sys.argv[1])), "alembic" in sys.modules)
"""


def test_starting_on_a_migrated_database_never_imports_alembic(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"
    asyncio.run(upgrade_database(url))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK_AT_HEAD, url],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert result.stdout.split() == ["False", "False"]
