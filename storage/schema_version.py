"""Upgrade a database at start only if it is behind — and find that out without Alembic.

Importing Alembic pulls in every SQL dialect it supports and Mako: ~28 MB of resident memory
that would stay in the running bot for good. The Docker image runs `biliktilik migrate` before
`biliktilik run`, and a restarted bot finds its database already migrated, so at start the bot
compares the revision stored in ``alembic_version`` with the head of the migration scripts,
read with `ast`, and imports Alembic only when they differ (or when the scripts are anything
but a plain linear chain, which only Alembic should interpret).
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from sqlalchemy import text

from storage.db import create_engine

VERSIONS_DIR = Path(__file__).resolve().parent / "migrations" / "versions"
_REVISION_NAMES = ("revision", "down_revision", "branch_labels", "depends_on")


def _module_constants(path: Path) -> dict[str, Any] | None:
    """The literal values of the revision variables at a script's top level; None if not literal."""
    values: dict[str, Any] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, value = node.target.id, node.value
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name, value = node.targets[0].id, node.value
        else:
            continue
        if name in _REVISION_NAMES and value is not None:
            try:
                values[name] = ast.literal_eval(value)
            except ValueError:
                return None
    return values


def head_revision_of_scripts(versions_dir: Path = VERSIONS_DIR) -> str | None:
    """The head of a linear chain of revisions; None for branches, merges or dependencies."""
    parents: dict[str, str | None] = {}
    for path in sorted(versions_dir.glob("*.py")):
        if path.name == "__init__.py":
            continue
        values = _module_constants(path)
        if values is None or values.get("branch_labels") or values.get("depends_on"):
            return None
        revision, parent = values.get("revision"), values.get("down_revision")
        if not isinstance(revision, str) or not (parent is None or isinstance(parent, str)):
            return None
        parents[revision] = parent
    heads = set(parents) - set(parents.values())
    roots = [revision for revision, parent in parents.items() if parent is None]
    return heads.pop() if len(heads) == 1 and len(roots) == 1 else None


async def stored_revisions(url: str) -> list[str]:
    """What ``alembic_version`` holds; empty for a new database."""
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
            return [row[0] for row in rows]
    except Exception:  # no table yet (or unreadable): Alembic decides what to do
        return []
    finally:
        await engine.dispose()


async def upgrade_unless_at_head(url: str) -> bool:
    """Bring the database to the head revision; return whether Alembic had to run."""
    head = head_revision_of_scripts()
    if head is not None and await stored_revisions(url) == [head]:
        return False
    from storage.migrate import upgrade_database

    await upgrade_database(url)
    return True
