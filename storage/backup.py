"""`biliktilik backup`: a consistent copy of the database while the bot keeps running.

SQLite: the online backup API copies a consistent snapshot page by page without stopping
writers (WAL mode). PostgreSQL: `pg_dump --format=custom`, restorable with `pg_restore`.

The organization's self-signed document-signing key is a row of the database (``signing_keys``,
encrypted with a password derived from ``CERT_SECRET``), so every backup carries it; a key
configured as a PKCS#12 file (``SIGNING_PKCS12_PATH``) is the operator's to keep.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    pass


def default_backup_path(url: str, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    suffix = "db" if make_url(url).get_backend_name() == "sqlite" else "dump"
    return Path("backups") / f"biliktilik-{stamp}.{suffix}"


def _sqlite_backup(source: Path, target: Path) -> None:
    if not source.exists():
        raise BackupError(f"no database file at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".partial")
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src,
        sqlite3.connect(partial) as dst,
    ):
        src.backup(dst, pages=1024)
        dst.execute("PRAGMA journal_mode = DELETE")
        check = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if check != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check: {check}")
    partial.replace(target)


async def _pg_dump(url: str, target: Path) -> None:
    if shutil.which("pg_dump") is None:
        raise BackupError("pg_dump is not installed (Debian package postgresql-client)")
    parsed = make_url(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = parsed.password
    args = [
        "pg_dump",
        "--format=custom",
        "--no-owner",
        f"--file={target}",
        f"--host={parsed.host or '127.0.0.1'}",
        f"--port={parsed.port or 5432}",
    ]
    if parsed.username:
        args.append(f"--username={parsed.username}")
    args.append(parsed.database or "postgres")
    process = await asyncio.create_subprocess_exec(
        *args, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await process.communicate()
    if process.returncode != 0:
        raise BackupError(f"pg_dump failed: {stderr.decode(errors='replace').strip()}")


async def backup_database(url: str, target: Path | None = None) -> Path:
    target = target or default_backup_path(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            raise BackupError("an in-memory database cannot be backed up")
        await asyncio.to_thread(_sqlite_backup, Path(parsed.database), target)
    else:
        await _pg_dump(url, target)
    return target
