"""§29 (2025) a security blank is used once, §30 one memorandum per cohort: database rules on
both dialects (a second use raises, and the transaction stays usable)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from domain.blanks import BlankStatus, CertificateBlank
from domain.internship import Memorandum
from domain.model import Certificate, DocumentKind
from domain.ports import AlreadyIssued, DuplicateNumber
from storage.uow import SqlAlchemyUnitOfWork
from tests.storage.conftest import NOW, World

UowFactory = Callable[[], SqlAlchemyUnitOfWork]


async def _certificate(uow: SqlAlchemyUnitOfWork, world: World, number: str) -> Certificate:
    return await uow.certificates.add(
        Certificate(
            number=number,
            kind=DocumentKind.CERTIFICATE,
            person_id=world.trainer.id or 0,
            enrollment_id=None,
            holder_full_name="Иванова Анна",
            topic="Тема",
            academic_hours=72,
            issued_on=date(2026, 11, 23),
            valid_until=date(2029, 11, 23),
        )
    )


async def test_a_blank_is_used_once_and_a_certificate_takes_one(
    uow_factory: UowFactory, world: World
) -> None:
    async with uow_factory() as uow:
        first = await _certificate(uow, world, "ORL-2026-000001")
        second = await _certificate(uow, world, "ORL-2026-000002")
        await uow.blanks.add(
            CertificateBlank("АА", "0001234", BlankStatus.PRINTED, first.id, "", None, NOW)
        )
        with pytest.raises(DuplicateNumber):
            await uow.blanks.add(
                CertificateBlank("АА", "0001234", BlankStatus.SPOILED, None, "", None, NOW)
            )
        with pytest.raises(AlreadyIssued):
            await uow.blanks.add(
                CertificateBlank("АА", "0001235", BlankStatus.PRINTED, first.id, "", None, NOW)
            )
        # the same number in another series is another blank
        await uow.blanks.add(
            CertificateBlank("АБ", "0001234", BlankStatus.PRINTED, second.id, "", None, NOW)
        )
        await uow.commit()
    async with uow_factory() as uow:
        on_first = await uow.blanks.for_certificate(first.id or 0)
        recent = await uow.blanks.recent()
    assert on_first is not None and on_first.ref.label() == "АА № 0001234"
    assert [(b.series, b.certificate_number) for b in recent] == [
        ("АБ", "ORL-2026-000002"),
        ("АА", "ORL-2026-000001"),
    ]


async def test_one_memorandum_per_cohort_a_second_save_corrects_it(
    uow_factory: UowFactory, world: World
) -> None:
    cohort_id = world.cohort.id or 0
    async with uow_factory() as uow:
        await uow.internship.save_memorandum(
            Memorandum(cohort_id, "12", date(2026, 9, 1), "ТОО «А»", None, NOW)
        )
        await uow.commit()
    async with uow_factory() as uow:
        await uow.internship.save_memorandum(
            Memorandum(cohort_id, "12/1", date(2026, 9, 2), "ТОО «Б»", None, NOW)
        )
        await uow.commit()
    async with uow_factory() as uow:
        memo = await uow.internship.memorandum(cohort_id)
    assert memo is not None
    assert (memo.number, memo.signed_on, memo.enterprise_name) == (
        "12/1",
        date(2026, 9, 2),
        "ТОО «Б»",
    )
