"""Outbox: idempotent enqueue, claims with a lease, marks, and concurrent claimers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from domain.model import OutboxMessage, OutboxStatus
from storage.uow import SqlAlchemyUnitOfWork

UowFactory = Callable[[], SqlAlchemyUnitOfWork]
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=2)


def message(key: str, chat_id: int = 42, not_before: datetime = NOW) -> OutboxMessage:
    return OutboxMessage(
        chat_id=chat_id,
        kind="text",
        payload={"lang": "kk", "key": "hello", "args": {"n": 1}},
        dedup_key=key,
        not_before=not_before,
    )


async def _claim(
    uow_factory: UowFactory,
    now: datetime,
    worker: str,
    limit: int = 10,
) -> list[OutboxMessage]:
    async with uow_factory() as uow:
        batch = await uow.outbox.claim_due(now, limit, worker, LEASE)
        await uow.commit()
    return batch


async def test_enqueue_is_idempotent_on_dedup_key(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        first = message("reminder:1")
        assert await uow.outbox.enqueue(first) is True
        duplicate = message("reminder:1", chat_id=99)
        assert await uow.outbox.enqueue(duplicate) is False
        assert duplicate.id == first.id
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.outbox.enqueue(message("reminder:1", chat_id=77)) is False
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.outbox.get_by_dedup_key("reminder:1")
        assert stored is not None
        assert stored.chat_id == 42 and stored.payload == first.payload
        assert stored.status is OutboxStatus.PENDING and stored.not_before == NOW
        counts = await uow.outbox.count_by_status()
        assert counts[OutboxStatus.PENDING] == 1


async def test_claim_due_respects_not_before_and_order(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.outbox.enqueue(message("later", not_before=NOW + timedelta(hours=1)))
        await uow.outbox.enqueue(message("b", not_before=NOW - timedelta(minutes=1)))
        await uow.outbox.enqueue(message("a", not_before=NOW - timedelta(minutes=5)))
        await uow.commit()
    batch = await _claim(uow_factory, NOW, "w1")
    assert [m.dedup_key for m in batch] == ["a", "b"]
    assert all(m.attempts == 0 and m.status is OutboxStatus.PENDING for m in batch)
    # claimed rows are not handed out again while the lease runs
    assert await _claim(uow_factory, NOW + timedelta(minutes=1), "w2") == []
    # an expired lease makes them claimable again (the first worker died)
    again = await _claim(uow_factory, NOW + timedelta(minutes=3), "w2")
    assert [m.dedup_key for m in again] == ["a", "b"]
    # the limit is honoured
    async with uow_factory() as uow:
        await uow.outbox.release_expired_claims(NOW + timedelta(hours=2))
        await uow.commit()
    limited = await _claim(uow_factory, NOW + timedelta(hours=2), "w3", limit=2)
    assert [m.dedup_key for m in limited] == ["a", "b"]


async def test_mark_sent_and_failed(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        for key in ("sent", "retry", "ratelimited", "dead"):
            await uow.outbox.enqueue(message(key))
        await uow.commit()
    batch = {m.dedup_key: m for m in await _claim(uow_factory, NOW, "w1")}
    retry_at = NOW + timedelta(minutes=10)
    async with uow_factory() as uow:
        await uow.outbox.mark_sent(batch["sent"].id or 0, NOW + timedelta(seconds=1))
        await uow.outbox.mark_failed(batch["retry"].id or 0, "timeout", retry_at)
        await uow.outbox.mark_failed(
            batch["ratelimited"].id or 0, "429", retry_at, count_attempt=False
        )
        await uow.outbox.mark_failed(batch["dead"].id or 0, "403 blocked", None)
        await uow.commit()
    async with uow_factory() as uow:
        sent = await uow.outbox.get_by_dedup_key("sent")
        retry = await uow.outbox.get_by_dedup_key("retry")
        limited = await uow.outbox.get_by_dedup_key("ratelimited")
        dead = await uow.outbox.get_by_dedup_key("dead")
    assert sent and sent.status is OutboxStatus.SENT and sent.sent_at == NOW + timedelta(seconds=1)
    assert retry and retry.status is OutboxStatus.PENDING and retry.attempts == 1
    assert retry.not_before == retry_at and retry.last_error == "timeout"
    assert limited and limited.attempts == 0 and limited.not_before == retry_at
    assert dead and dead.status is OutboxStatus.FAILED and dead.last_error == "403 blocked"
    # a retried message is not due before retry_at, then it is claimable without waiting for
    # the old lease (mark_failed released it); sent and failed ones never come back
    assert await _claim(uow_factory, NOW + timedelta(minutes=5), "w2") == []
    due = await _claim(uow_factory, retry_at, "w2")
    assert sorted(m.dedup_key for m in due) == ["ratelimited", "retry"]
    assert {m.attempts for m in due} == {0, 1}


async def test_release_expired_claims(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.outbox.enqueue(message("x"))
        await uow.outbox.enqueue(message("y"))
        await uow.commit()
    assert len(await _claim(uow_factory, NOW, "w1", limit=1)) == 1
    async with uow_factory() as uow:
        assert await uow.outbox.release_expired_claims(NOW + timedelta(minutes=1)) == 0
        assert await uow.outbox.release_expired_claims(NOW + LEASE) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.outbox.release_expired_claims(NOW + LEASE) == 0


async def test_concurrent_claimers_never_share_a_row(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        for i in range(60):
            await uow.outbox.enqueue(message(f"bulk:{i}", chat_id=i))
        await uow.commit()

    async def worker(name: str) -> list[int]:
        got: list[int] = []
        while True:
            batch = await _claim(uow_factory, NOW, name, limit=7)
            if not batch:
                return got
            got.extend(m.id or 0 for m in batch)
            await asyncio.sleep(0)

    results = await asyncio.gather(*(worker(f"w{i}") for i in range(4)))
    claimed = [i for ids in results for i in ids]
    assert len(claimed) == 60 and len(set(claimed)) == 60


async def test_skip_locked_two_open_transactions(uow_factory: UowFactory, dialect: str) -> None:
    """PostgreSQL: while one claimer's transaction is open, another skips its rows."""
    if dialect != "postgresql":
        return  # SQLite serializes claimers with the write lock instead
    async with uow_factory() as uow:
        for i in range(4):
            await uow.outbox.enqueue(message(f"m{i}"))
        await uow.commit()
    async with uow_factory() as first, uow_factory() as second:
        a = await first.outbox.claim_due(NOW, 2, "a", LEASE)
        b = await second.outbox.claim_due(NOW, 10, "b", LEASE)  # does not wait for `first`
        assert [m.dedup_key for m in a] == ["m0", "m1"]
        assert [m.dedup_key for m in b] == ["m2", "m3"]
        await first.commit()
        await second.commit()
    assert await _claim(uow_factory, NOW, "c") == []
