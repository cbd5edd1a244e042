"""Migrations build the schema the models describe, on both dialects; SQLite pragmas."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine
from storage.migrate import (
    MIGRATIONS_DIR,
    check_models_match_migrations,
    head_revision,
    migration_diff,
    upgrade_database,
)
from storage.models import metadata


def test_migration_scripts_are_found_next_to_the_package() -> None:
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert (MIGRATIONS_DIR / "script.py.mako").is_file()
    assert head_revision() == "0005"


async def test_upgrade_builds_every_table_and_matches_the_models(database_url: str) -> None:
    await upgrade_database(database_url)
    await upgrade_database(database_url)  # a second run is a no-op
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
            version = await connection.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        await engine.dispose()
    assert tables == set(metadata.tables) | {"alembic_version"}
    assert version == head_revision()
    assert await migration_diff(database_url) == []


async def test_check_models_match_migrations_sync_entry_point(database_url: str) -> None:
    await upgrade_database(database_url)
    await asyncio.to_thread(check_models_match_migrations, database_url)


async def test_check_models_match_migrations_reports_a_missing_table(database_url: str) -> None:
    await upgrade_database(database_url)
    engine = create_engine(database_url)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP TABLE audit_log"))
    finally:
        await engine.dispose()
    diff = await migration_diff(database_url)
    assert diff[0][0] == "add_table" and diff[0][1].name == "audit_log"
    assert {d[0] for d in diff[1:]} <= {"add_index"}
    with pytest.raises(AssertionError, match="audit_log"):
        await asyncio.to_thread(check_models_match_migrations, database_url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'dir' / 'bot.db'}"


async def test_sqlite_file_directory_is_created_and_pragmas_set(
    sqlite_url: str, tmp_path: Path
) -> None:
    await upgrade_database(sqlite_url)
    assert (tmp_path / "nested" / "dir" / "bot.db").is_file()
    engine: AsyncEngine = create_engine(sqlite_url)
    try:
        async with engine.connect() as connection:
            assert await connection.scalar(text("PRAGMA journal_mode")) == "wal"
            assert await connection.scalar(text("PRAGMA foreign_keys")) == 1
            assert await connection.scalar(text("PRAGMA busy_timeout")) == 5000
    finally:
        await engine.dispose()


async def test_sqlite_enforces_foreign_keys(sqlite_url: str) -> None:
    await upgrade_database(sqlite_url)
    engine = create_engine(sqlite_url)
    try:
        async with engine.connect() as connection:
            with pytest.raises(IntegrityError):
                await connection.execute(
                    text("INSERT INTO person_roles (person_id, role) VALUES (999, 'admin')")
                )
            await connection.rollback()
            count = await connection.scalar(text("SELECT count(*) FROM person_roles"))
            assert count == 0
    finally:
        await engine.dispose()
