"""`biliktilik backup` copies a consistent database while the bot keeps writing."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from bot.runtime.container import Services
from domain.model import Person
from storage.backup import BackupError, backup_database


async def add_people(services: Services, start: int, count: int) -> None:
    for telegram_id in range(start, start + count):
        async with services.uow_factory() as uow:
            await uow.people.add(Person(telegram_id=telegram_id, created_at=services.clock()))
            await uow.commit()


async def test_sqlite_backup_while_writing_is_consistent(
    services: Services, tmp_path: Path
) -> None:
    await add_people(services, 1, 50)
    target = tmp_path / "copy.db"
    writer = asyncio.create_task(add_people(services, 1000, 100))
    await backup_database(services.settings.database_url, target)
    await writer
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = copy.execute("SELECT count(*) FROM people").fetchone()[0]
        version = copy.execute("SELECT version_num FROM alembic_version").fetchone()
    assert 50 <= count <= 150
    assert version is not None


async def test_the_backup_keeps_the_organizations_signing_key(
    services: Services, tmp_path: Path
) -> None:
    """Issue 17.2: the self-signed key made at first start lives in the database, so a backup
    restored elsewhere signs (and recognises its documents) with the same key."""
    from bot.authenticity.signing import _SIGNERS, DocumentSigner, load_signer, signing_key_password

    _SIGNERS.clear()
    signer = await load_signer(services.uow_factory, services.settings)
    _SIGNERS.clear()
    target = await backup_database(services.settings.database_url, tmp_path / "copy.db")
    with sqlite3.connect(target) as copy:
        (pkcs12,) = copy.execute("SELECT pkcs12 FROM signing_keys").fetchone()
    restored = DocumentSigner(pkcs12, signing_key_password(services.settings.cert_secret_bytes))
    assert restored.certificate_sha256 == signer.certificate_sha256


async def test_backup_of_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="no database file"):
        await backup_database(f"sqlite+aiosqlite:///{tmp_path / 'none.db'}", tmp_path / "x.db")


@pytest.mark.postgres
async def test_postgres_backup_with_pg_dump(tmp_path: Path) -> None:
    import shutil

    url = os.environ.get(
        "BILIKTILIK_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
    )
    if shutil.which("pg_dump") is None or not _postgres_answers(url):
        if os.environ.get("BILIKTILIK_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL and pg_dump are required in CI")
        pytest.skip("PostgreSQL or pg_dump not available")
    target = await backup_database(url, tmp_path / "pg.dump")
    assert target.read_bytes()[:5] == b"PGDMP"


def _postgres_answers(url: str) -> bool:
    import socket

    parsed = make_url(url)
    try:
        socket.create_connection((parsed.host or "127.0.0.1", parsed.port or 5432), 1).close()
    except OSError:
        return False
    return True
