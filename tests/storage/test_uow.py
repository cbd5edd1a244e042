"""The unit of work commits only when asked and rolls back otherwise."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from domain.model import Person
from storage.uow import SqlAlchemyUnitOfWork

UowFactory = Callable[[], SqlAlchemyUnitOfWork]
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


async def test_not_committed_is_rolled_back(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.people.add(Person(telegram_id=1, created_at=NOW))
    async with uow_factory() as uow:
        assert await uow.people.get_by_telegram_id(1) is None


async def test_exception_rolls_back(uow_factory: UowFactory) -> None:
    with pytest.raises(RuntimeError):
        async with uow_factory() as uow:
            await uow.people.add(Person(telegram_id=2, created_at=NOW))
            raise RuntimeError("boom")
    async with uow_factory() as uow:
        assert await uow.people.get_by_telegram_id(2) is None


async def test_commit_persists_and_later_changes_are_discarded(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        person = await uow.people.add(Person(telegram_id=3, full_name="A", created_at=NOW))
        await uow.commit()
        person.full_name = "B"
        await uow.people.update(person)
    async with uow_factory() as uow:
        stored = await uow.people.get_by_telegram_id(3)
        assert stored is not None and stored.full_name == "A"


async def test_explicit_rollback_then_commit(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.people.add(Person(telegram_id=4, created_at=NOW))
        await uow.rollback()
        await uow.people.add(Person(telegram_id=5, created_at=NOW))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.people.get_by_telegram_id(4) is None
        assert await uow.people.get_by_telegram_id(5) is not None


async def test_an_instance_can_be_entered_again(uow_factory: UowFactory) -> None:
    uow = uow_factory()
    async with uow:
        await uow.people.add(Person(telegram_id=6, created_at=NOW))
        await uow.commit()
    async with uow:
        assert await uow.people.get_by_telegram_id(6) is not None
