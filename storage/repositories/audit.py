"""Audit log: who changed what, with the state before and after."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from domain.model import AuditEntry
from storage.models import AuditLogRow
from storage.repositories.base import Repository


def to_entry(row: AuditLogRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        actor_id=row.actor_id,
        action=row.action,
        entity=row.entity,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
        at=row.at,
    )


class AuditRepository(Repository):
    async def record(self, entry: AuditEntry) -> AuditEntry:
        """Append ``entry`` (``at`` defaults to now); ``before``/``after`` must be JSON-able."""
        if entry.at is None:
            entry.at = datetime.now(UTC)
        row = AuditLogRow(
            actor_id=entry.actor_id,
            action=entry.action,
            entity=entry.entity,
            entity_id=str(entry.entity_id),
            before=entry.before,
            after=entry.after,
            at=entry.at,
        )
        self.session.add(row)
        await self.session.flush()
        entry.id = row.id
        return entry

    async def recent(self, limit: int = 50) -> list[AuditEntry]:
        """Newest first."""
        rows = await self.session.scalars(
            select(AuditLogRow).order_by(AuditLogRow.at.desc(), AuditLogRow.id.desc()).limit(limit)
        )
        return [to_entry(row) for row in rows]

    async def for_entity(self, entity: str, entity_id: str) -> list[AuditEntry]:
        """Oldest first."""
        rows = await self.session.scalars(
            select(AuditLogRow)
            .where(AuditLogRow.entity == entity, AuditLogRow.entity_id == str(entity_id))
            .order_by(AuditLogRow.at, AuditLogRow.id)
        )
        return [to_entry(row) for row in rows]
