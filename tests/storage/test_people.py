"""People and schools round-trip as domain objects; uniqueness surfaces as domain errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest

from domain.model import Person, Role, School
from domain.ports import DuplicatePerson
from storage.uow import SqlAlchemyUnitOfWork

UowFactory = Callable[[], SqlAlchemyUnitOfWork]
ALMATY = timezone(timedelta(hours=5))
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=ALMATY)


def teacher(**overrides: object) -> Person:
    values: dict[str, object] = dict(
        telegram_id=555,
        language="kk",
        first_name="Әлия",
        username="aliya",
        full_name="Қасымова Әлия Серікқызы",
        iin="900101400123",
        phone="+77015550001",
        position="мұғалім",
        school_name="№12 мектеп",
        employer_contact="+77172000000",
        roles={Role.TEACHER},
        consent_version="2026-1",
        consent_at=NOW,
        created_at=NOW,
    )
    values.update(overrides)
    return Person(**values)  # type: ignore[arg-type]


async def test_person_round_trip_with_aware_datetimes(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        school = await uow.schools.add(School(name="№12 мектеп", head_name="Директор"))
        added = await uow.people.add(teacher(school_id=school.id))
        assert added.id is not None
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.people.get(added.id)
    assert stored == teacher(school_id=school.id, id=added.id)
    assert stored.consent_at is not None and stored.consent_at.tzinfo is not None
    assert stored.consent_at.utcoffset() == timedelta(0)
    assert stored.consent_at == NOW  # same instant, given back in UTC
    assert stored.created_at == NOW.astimezone(UTC)


async def test_lookups(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        first = await uow.people.add(teacher())
        second = await uow.people.add(
            teacher(telegram_id=None, iin="850202300456", full_name="Imported")
        )
        await uow.commit()
    async with uow_factory() as uow:
        assert (await uow.people.get_by_telegram_id(555)) == first
        assert (await uow.people.get_by_iin("850202300456")) == second
        # phones are not unique: the earliest person wins
        assert (await uow.people.get_by_phone("+77015550001")) == first
        assert await uow.people.get_by_telegram_id(1) is None
        assert await uow.people.get(10_000) is None
        assert [p.id for p in await uow.people.get_many([second.id or 0, first.id or 0])] == [
            first.id,
            second.id,
        ]


async def test_people_without_telegram_id_or_iin_do_not_collide(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.people.add(Person(telegram_id=None, full_name="A", created_at=NOW))
        await uow.people.add(Person(telegram_id=None, full_name="B", created_at=NOW))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.people.get_by_telegram_id(0) is None


async def test_duplicate_telegram_id_and_iin_are_domain_errors(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.people.add(teacher())
        with pytest.raises(DuplicatePerson) as by_telegram:
            await uow.people.add(teacher(iin=None))
        assert by_telegram.value.field == "telegram_id"
        with pytest.raises(DuplicatePerson) as by_iin:
            await uow.people.add(teacher(telegram_id=777))
        assert by_iin.value.field == "iin"
        # the transaction survived the violations
        other = await uow.people.add(teacher(telegram_id=778, iin="111111111111"))
        await uow.commit()
    async with uow_factory() as uow:
        assert (await uow.people.get(other.id or 0)) == other
        assert len(await uow.people.list_by_role(Role.TEACHER)) == 2


async def test_update_to_a_taken_iin_is_a_domain_error(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.people.add(teacher())
        other = await uow.people.add(teacher(telegram_id=9, iin=None))
        other.iin = "900101400123"
        with pytest.raises(DuplicatePerson):
            await uow.people.update(other)
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.people.get(other.id or 0)
        assert stored is not None and stored.iin is None


async def test_update_and_roles(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        person = await uow.people.add(teacher())
        await uow.commit()
    async with uow_factory() as uow:
        person.full_name = "Жаңа Аты"
        person.roles = {Role.TEACHER, Role.TRAINER}
        await uow.people.update(person)
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.people.get(person.id or 0)
        assert stored is not None
        assert stored.full_name == "Жаңа Аты" and stored.roles == {Role.TEACHER, Role.TRAINER}
        await uow.people.set_roles(person.id or 0, {Role.ADMIN})
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.people.get(person.id or 0)
        assert stored is not None and stored.roles == {Role.ADMIN}
        assert [p.id for p in await uow.people.list_by_role(Role.ADMIN)] == [person.id]
        assert await uow.people.list_by_role(Role.TEACHER) == []


async def test_mark_unreachable_keeps_the_first_time(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        await uow.people.add(teacher())
        assert await uow.people.mark_unreachable(555, NOW) is True
        assert await uow.people.mark_unreachable(555, NOW + timedelta(days=1)) is True
        assert await uow.people.mark_unreachable(404, NOW) is False
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.people.get_by_telegram_id(555)
        assert stored is not None and stored.unreachable_since == NOW


async def test_naive_datetimes_are_refused(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        with pytest.raises(Exception, match="naive"):
            await uow.people.add(teacher(created_at=datetime(2026, 1, 1)))


async def test_schools(uow_factory: UowFactory) -> None:
    async with uow_factory() as uow:
        a = await uow.schools.add(School(name="Б мектеп", region="Астана"))
        b = await uow.schools.add(School(name="А мектеп"))
        a.employer_contact = "hr@school.kz"
        await uow.schools.update(a)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.schools.get(a.id or 0) == a
        assert await uow.schools.find_by_name("А мектеп") == b
        assert [s.name for s in await uow.schools.list_all()] == ["А мектеп", "Б мектеп"]


async def test_unreachable_people_newest_first_with_their_unsent_messages(
    uow_factory: UowFactory,
) -> None:
    """The admins' /unreachable view: who blocked the bot (paged) and what was not sent."""
    from domain.model import OutboxStatus
    from domain.notifications import text_notice

    async with uow_factory() as uow:
        for n in range(4):
            await uow.people.add(teacher(telegram_id=600 + n, iin=None, username=None))
        await uow.people.mark_unreachable(600, NOW - timedelta(hours=2))
        await uow.people.mark_unreachable(601, NOW)
        await uow.people.mark_unreachable(602, NOW - timedelta(hours=1))
        for key, chat in (("a", 600), ("b", 600), ("c", 601), ("d", 603)):
            await uow.outbox.enqueue(text_notice(chat, "kk", "cancel-done", key, NOW))
        sent = await uow.outbox.get_by_dedup_key("b")
        assert sent is not None and sent.id is not None
        await uow.outbox.mark_sent(sent.id, NOW)
        failed = await uow.outbox.get_by_dedup_key("c")
        assert failed is not None and failed.id is not None
        await uow.outbox.mark_failed(failed.id, "403", None)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.people.count_unreachable() == 3
        first = await uow.people.unreachable(0, 2)
        rest = await uow.people.unreachable(2, 2)
        unsent = await uow.outbox.undelivered([600, 601])
        assert await uow.outbox.undelivered([]) == []
    assert [p.telegram_id for p in first] == [601, 602]
    assert [p.telegram_id for p in rest] == [600]
    assert [(m.dedup_key, m.status) for m in unsent] == [
        ("a", OutboxStatus.PENDING),
        ("c", OutboxStatus.FAILED),
    ]
    async with uow_factory() as uow:
        # sending again touches only failed rows: the sent one stays sent, none is claimed
        await uow.outbox.send_again([failed.id, sent.id], NOW + timedelta(days=1))
        await uow.commit()
    async with uow_factory() as uow:
        again = await uow.outbox.get_by_dedup_key("c")
        still_sent = await uow.outbox.get_by_dedup_key("b")
        due = await uow.outbox.claim_due(NOW + timedelta(days=1), 10, "w", timedelta(minutes=1))
        await uow.commit()
    assert again is not None and again.status == OutboxStatus.PENDING and again.attempts == 0
    assert still_sent is not None and still_sent.status == OutboxStatus.SENT
    assert sorted(m.dedup_key for m in due) == ["a", "c", "d"]
