"""Registration numbers, certificates, revocation, frozen PDF files."""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from domain.model import Certificate, DocumentKind
from domain.ports import DuplicateNumber
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


async def _allocate(uow_factory: UowFactory, prefix: str = "ORL", year: int = 2026) -> str:
    async with uow_factory() as uow:
        number = await uow.certificates.next_number(prefix, year)
        await uow.commit()
    return number


async def test_numbers_are_sequential_per_prefix_and_year(uow_factory: UowFactory) -> None:
    assert [await _allocate(uow_factory) for _ in range(3)] == [
        "ORL-2026-000001",
        "ORL-2026-000002",
        "ORL-2026-000003",
    ]
    assert await _allocate(uow_factory, year=2027) == "ORL-2027-000001"
    assert await _allocate(uow_factory, prefix="KZ") == "KZ-2026-000001"
    assert await _allocate(uow_factory) == "ORL-2026-000004"


async def test_a_rolled_back_allocation_is_never_committed(uow_factory: UowFactory) -> None:
    assert await _allocate(uow_factory) == "ORL-2026-000001"
    async with uow_factory() as uow:
        assert await uow.certificates.next_number("ORL", 2026) == "ORL-2026-000002"
    # not committed: no certificate carries it, so the next commit may hand it out
    assert await _allocate(uow_factory) == "ORL-2026-000002"


async def test_concurrent_allocations_are_unique(uow_factory: UowFactory, dialect: str) -> None:
    """20 transactions at once on PostgreSQL (row lock); 10 on SQLite (write lock)."""
    count = 20 if dialect == "postgresql" else 10
    numbers = await asyncio.gather(*(_allocate(uow_factory) for _ in range(count)))
    assert len(set(numbers)) == count
    assert sorted(numbers) == [f"ORL-2026-{i:06d}" for i in range(1, count + 1)]
    assert all(re.fullmatch(r"ORL-2026-\d{6}", n) for n in numbers)


def _certificate(world: World, number: str) -> Certificate:
    return Certificate(
        number=number,
        kind=DocumentKind.CERTIFICATE,
        person_id=world.teacher.id or 0,
        enrollment_id=world.enrollment.id,
        holder_full_name=world.teacher.full_name,
        topic=world.course.topic_kk,
        academic_hours=72,
        issued_on=date(2026, 12, 10),
        valid_until=date(2029, 12, 10),
        organization_name="Өрлеу",
    )


async def test_certificate_round_trip_revoke_and_duplicates(
    uow_factory: UowFactory, world: World
) -> None:
    async with uow_factory() as uow:
        number = await uow.certificates.next_number("ORL", 2026)
        certificate = await uow.certificates.add(_certificate(world, number))
        with pytest.raises(DuplicateNumber):  # (another enrollment's: one per kind each)
            await uow.certificates.add(replace(_certificate(world, number), enrollment_id=None))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.certificates.get_by_number(number) == certificate
        assert await uow.certificates.get(certificate.id or 0) == certificate
        assert await uow.certificates.for_person(world.teacher.id or 0) == [certificate]
        assert await uow.certificates.for_enrollment(world.enrollment.id or 0) == [certificate]
        assert await uow.certificates.get_by_number("ORL-2026-999999") is None
        revoked = await uow.certificates.revoke(number, date(2027, 1, 5), "ошибка в ФИО")
        assert revoked is not None and revoked.revoked_on == date(2027, 1, 5)
        again = await uow.certificates.revoke(number, date(2027, 2, 1), "снова")
        assert again is not None and again.revoked_on == date(2027, 1, 5)
        assert await uow.certificates.revoke("nope", date(2027, 1, 5)) is None
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.certificates.get_by_number(number)
        assert stored is not None
        assert (stored.revoked_on, stored.revoke_reason) == (date(2027, 1, 5), "ошибка в ФИО")


async def test_document_files_are_frozen(uow_factory: UowFactory, world: World) -> None:
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 40
    async with uow_factory() as uow:
        certificate = await uow.certificates.add(_certificate(world, "ORL-2026-000001"))
        saved = await uow.documents.save_for_certificate(
            certificate,
            kind=DocumentKind.CERTIFICATE,
            lang="kk",
            content=pdf,
            created_at=NOW,
            file_name="certificate.pdf",
        )
        appendix = await uow.documents.save_for_certificate(
            certificate,
            kind=DocumentKind.APPENDIX,
            lang="kk",
            content=b"%PDF appendix",
            created_at=NOW,
        )
        # a second render is ignored: the stored bytes stay
        again = await uow.documents.save_for_certificate(
            certificate,
            kind=DocumentKind.CERTIFICATE,
            lang="kk",
            content=b"%PDF other",
            created_at=NOW,
        )
        assert again == saved
        order = await uow.documents.save(
            owner_kind="enrollment_order",
            owner_id=7,
            kind=DocumentKind.ENROLLMENT_ORDER,
            lang="ru",
            content=b"%PDF order",
            created_at=NOW,
        )
        await uow.commit()
    async with uow_factory() as uow:
        stored = await uow.documents.get(saved.id or 0)
        assert stored is not None
        assert stored.content == pdf
        assert stored.sha256 == hashlib.sha256(pdf).hexdigest()
        assert stored.file_name == "certificate.pdf"
        assert stored.created_at == NOW and stored.created_at.tzinfo is not None
        cid = certificate.id or 0
        assert await uow.documents.get_for_certificate(cid) == stored
        assert await uow.documents.get_for_certificate(cid, DocumentKind.APPENDIX) == appendix
        assert await uow.documents.get_for_certificate(cid, lang="ru") is None
        assert await uow.documents.list_for_certificate(cid) == [stored, appendix]
        assert (
            await uow.documents.get_for_owner(
                "enrollment_order", 7, DocumentKind.ENROLLMENT_ORDER, "ru"
            )
            == order
        )


async def test_hashes_replacements_checks_and_the_signing_key(
    uow_factory: UowFactory, world: World
) -> None:
    """Issue 17 / 14.10: a frozen PDF is found by its SHA-256; a reissue names the revoked
    number; verifications are counted per certificate; the signing key is kept once."""
    pdf = b"%PDF-1.4 frozen"
    async with uow_factory() as uow:
        old = await uow.certificates.add(_certificate(world, "ORL-2026-000001"))
        new = await uow.certificates.add(
            replace(
                _certificate(world, "ORL-2026-000002"),
                enrollment_id=None,
                replaces_number=old.number,
            )
        )
        await uow.documents.save_for_certificate(
            old, kind=DocumentKind.CERTIFICATE, lang="kk", content=pdf, created_at=NOW
        )
        await uow.certificates.record_check(old.id or 0, NOW, "qr")
        await uow.certificates.record_check(old.id or 0, NOW.replace(hour=23), "file")
        assert await uow.documents.store_signing_key(b"first", NOW) == b"first"
        await uow.commit()
    async with uow_factory() as uow:
        found = await uow.documents.find_by_sha256(hashlib.sha256(pdf).hexdigest().upper())
        assert found is not None and found.certificate_id == old.id
        assert await uow.documents.find_by_sha256(hashlib.sha256(b"other").hexdigest()) is None
        replacement = await uow.certificates.replacement_of(old.number)
        assert replacement is not None and replacement.number == new.number
        assert replacement.replaces_number == old.number
        assert await uow.certificates.replacement_of(new.number) is None
        checks = await uow.certificates.checks_for([old.id or 0, new.id or 0])
        assert checks == {old.id: [NOW, NOW.replace(hour=23)], new.id: []}
        # a second instance's key does not replace the first one
        assert await uow.documents.store_signing_key(b"second", NOW) == b"first"
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.documents.signing_key() == b"first"


async def test_references_have_their_own_series(uow_factory: UowFactory) -> None:
    """§31: listening references are numbered apart, so certificates have no gaps."""
    async with uow_factory() as uow:
        numbers = [
            await uow.certificates.next_number("ORL", 2026),
            await uow.certificates.next_number("ORL", 2026, "C"),
            await uow.certificates.next_number("ORL", 2026, "C"),
            await uow.certificates.next_number("ORL", 2026),
        ]
        await uow.commit()
    assert numbers == ["ORL-2026-000001", "ORL-2026-C000001", "ORL-2026-C000002", "ORL-2026-000002"]
