"""Programmatic Alembic: no alembic.ini; the scripts live next to this module.

Call ``await upgrade_database(url)`` at start-up or from ``biliktilik migrate``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from storage.db import create_engine
from storage.models import metadata

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _upgrade(connection: Connection, config: Config, revision: str) -> None:
    config.attributes["connection"] = connection
    command.upgrade(config, revision)


async def upgrade_database(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` to ``revision`` (SQLite file or PostgreSQL)."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_upgrade, alembic_config(url), revision)
            await connection.commit()
    finally:
        await engine.dispose()


def _diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "render_as_batch": True}
    )
    return list(compare_metadata(context, metadata))


async def migration_diff(url: str) -> list[Any]:
    """Differences between the migrated database at ``url`` and the ORM models."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(_diff)
    finally:
        await engine.dispose()


def check_models_match_migrations(url: str) -> None:
    """Raise ``AssertionError`` if autogenerate would find a difference (sync entry point).

    Use ``await migration_diff(url)`` when an event loop is already running.
    """
    diff = asyncio.run(migration_diff(url))
    if diff:
        raise AssertionError(f"models and migrations differ: {diff}")


async def autogenerate_revision(url: str, message: str, rev_id: str | None = None) -> None:
    """Developer helper: write a new revision from the models against a migrated database."""

    def _revision(connection: Connection) -> None:
        config = alembic_config(url)
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True, rev_id=rev_id)

    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_revision)
    finally:
        await engine.dispose()
