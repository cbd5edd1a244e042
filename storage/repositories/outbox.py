"""The outbox: deliveries as rows, claimed with a lease, marked sent or failed.

Two workers never get the same row: PostgreSQL claims with ``SELECT ... FOR UPDATE SKIP
LOCKED``; SQLite runs the same query in a write transaction (``BEGIN IMMEDIATE``), which
serializes claimers. The claiming ``UPDATE`` re-checks the row is still claimable, so even a
lost race can only return fewer rows, never a doubly-claimed one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import delete, func, or_, select, update

from domain.model import OutboxMessage, OutboxStatus
from storage.models import OutboxRow
from storage.repositories.base import Repository

PENDING = str(OutboxStatus.PENDING)


def to_message(row: OutboxRow) -> OutboxMessage:
    return OutboxMessage(
        id=row.id,
        chat_id=row.chat_id,
        kind=row.kind,
        payload=row.payload,
        dedup_key=row.dedup_key,
        not_before=row.not_before,
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        last_error=row.last_error,
        sent_at=row.sent_at,
    )


def _claimable(now: datetime):  # type: ignore[no-untyped-def]
    return (
        OutboxRow.status == PENDING,
        OutboxRow.not_before <= now,
        or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until <= now),
    )


class OutboxRepository(Repository):
    async def enqueue(self, message: OutboxMessage) -> bool:
        """Add ``message`` unless one with the same ``dedup_key`` exists (then nothing changes).

        Returns True if the message was added. ``message.id`` is set either way.
        """
        inserted = await self.insert_ignoring_conflict(
            OutboxRow.__table__,  # type: ignore[arg-type]
            {
                "chat_id": message.chat_id,
                "kind": message.kind,
                "payload": message.payload,
                "dedup_key": message.dedup_key,
                "not_before": message.not_before,
                "status": str(message.status),
                "attempts": message.attempts,
                "last_error": message.last_error,
                "sent_at": message.sent_at,
                "created_at": datetime.now(UTC),
            },
            ["dedup_key"],
        )
        message.id = await self.session.scalar(
            select(OutboxRow.id).where(OutboxRow.dedup_key == message.dedup_key)
        )
        return inserted

    async def existing_dedup_keys(self, keys: list[str]) -> set[str]:
        """Which of ``keys`` are already enqueued (in any status): lets a periodic job skip
        notices it made before without one INSERT per notice and run."""
        found: set[str] = set()
        for start in range(0, len(keys), 500):  # stay far below SQLite's parameter limit
            chunk = keys[start : start + 500]
            found.update(
                await self.session.scalars(
                    select(OutboxRow.dedup_key).where(OutboxRow.dedup_key.in_(chunk))
                )
            )
        return found

    async def get(self, message_id: int) -> OutboxMessage | None:
        row = await self.session.get(OutboxRow, message_id, populate_existing=True)
        return to_message(row) if row else None

    async def get_by_dedup_key(self, dedup_key: str) -> OutboxMessage | None:
        row = await self.session.scalar(
            select(OutboxRow)
            .where(OutboxRow.dedup_key == dedup_key)
            .execution_options(populate_existing=True)
        )
        return to_message(row) if row else None

    async def claim_due(
        self, now: datetime, limit: int, worker_id: str, lease: timedelta
    ) -> list[OutboxMessage]:
        """Claim up to ``limit`` pending messages due at ``now`` for ``lease``, oldest first.

        A claim whose lease has run out is claimable again (the worker died mid-send).
        """
        await self.begin_write()
        query = (
            select(OutboxRow.id)
            .where(*_claimable(now))
            .order_by(OutboxRow.not_before, OutboxRow.id)
            .limit(limit)
        )
        if self.dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ids = list(await self.session.scalars(query))
        if not ids:
            return []
        claimed = list(
            await self.session.scalars(
                update(OutboxRow)
                .where(OutboxRow.id.in_(ids), *_claimable(now))
                .values(claimed_by=worker_id, claimed_until=now + lease)
                .returning(OutboxRow)
                .execution_options(populate_existing=True)
            )
        )
        claimed.sort(key=lambda row: (row.not_before, row.id))
        return [to_message(row) for row in claimed]

    async def mark_sent(self, message_id: int, at: datetime) -> None:
        await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == message_id)
            .values(status=str(OutboxStatus.SENT), sent_at=at, claimed_by=None, claimed_until=None)
        )

    async def mark_failed(
        self,
        message_id: int,
        error: str,
        retry_at: datetime | None,
        *,
        count_attempt: bool = True,
    ) -> None:
        """Record a failed attempt: retry at ``retry_at``, or give up (``FAILED``) if None.

        ``count_attempt=False`` for a rate-limit wait, which is not the message's fault.
        """
        values: dict[str, object] = {
            "last_error": error[:2000],
            "claimed_by": None,
            "claimed_until": None,
        }
        if count_attempt:
            values["attempts"] = OutboxRow.attempts + 1
        if retry_at is None:
            values["status"] = str(OutboxStatus.FAILED)
        else:
            values["status"] = PENDING
            values["not_before"] = retry_at
        await self.session.execute(
            update(OutboxRow).where(OutboxRow.id == message_id).values(**values)
        )

    async def release_expired_claims(self, now: datetime) -> int:
        """Forget claims whose lease ran out; returns how many."""
        await self.begin_write()
        result = await self.session.execute(
            update(OutboxRow)
            .where(
                OutboxRow.status == PENDING,
                OutboxRow.claimed_until.is_not(None),
                OutboxRow.claimed_until <= now,
            )
            .values(claimed_by=None, claimed_until=None)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def undelivered(self, chat_ids: list[int]) -> list[OutboxMessage]:
        """Messages to these chats not (yet) sent — failed for good or still waiting — oldest
        first. Filtered by status first: the status index holds the few unsent rows of a table
        that is mostly sent ones."""
        if not chat_ids:
            return []
        unsent = [str(OutboxStatus.FAILED), PENDING]
        rows = await self.session.scalars(
            select(OutboxRow)
            .where(OutboxRow.status.in_(unsent), OutboxRow.chat_id.in_(chat_ids))
            .order_by(OutboxRow.id)
        )
        return [to_message(row) for row in rows]

    async def send_again(self, message_ids: list[int], now: datetime) -> None:
        """Failed rows due again now, as if new (their last error is kept for the log)."""
        if not message_ids:
            return
        await self.session.execute(
            update(OutboxRow)
            .where(OutboxRow.id.in_(message_ids), OutboxRow.status == str(OutboxStatus.FAILED))
            .values(status=PENDING, not_before=now, attempts=0, claimed_by=None, claimed_until=None)
        )

    async def drop_pending(self, chat_id: int) -> int:
        """Forget what is still waiting for (or failed to reach) a chat: its texts name the
        person. Sent rows stay as the delivery record. Returns how many rows went."""
        result = await self.session.execute(
            delete(OutboxRow).where(
                OutboxRow.chat_id == chat_id, OutboxRow.status != str(OutboxStatus.SENT)
            )
        )
        return int(cast(Any, result).rowcount or 0)

    async def count_by_status(self) -> dict[OutboxStatus, int]:
        result = await self.session.execute(
            select(OutboxRow.status, func.count(OutboxRow.id)).group_by(OutboxRow.status)
        )
        counts = {status: 0 for status in OutboxStatus}
        for status, count in result.all():
            counts[OutboxStatus(status)] = int(count)
        return counts
