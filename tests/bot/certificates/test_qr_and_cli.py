"""The QR of an issued certificate, read by a phone camera (pdftoppm + zbarimg), opens the bot
with a link it accepts; ``biliktilik render KIND --number N`` writes the frozen PDF."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot import cli
from bot.dev.testing import Harness, make_user, texts
from bot.documents.issued import find_issued_pdf, load_issued_pdf
from bot.runtime.container import Services
from domain.certificate_numbers import deep_link_payload, parse_certificate_number
from domain.model import DocumentKind
from tests.bot.certificates.factories import TEACHER_TG, add_teacher, issue_now, make_cohort
from tests.documents.pdfutil import decode_qr


async def stored(services: Services, number: str, kind: DocumentKind) -> bytes:
    async with services.uow_factory() as uow:
        certificate = await uow.certificates.get_by_number(number)
        assert certificate is not None
        document = await uow.documents.get_for_certificate(certificate.id, kind)
    assert document is not None
    return document.content


async def test_the_printed_qr_opens_the_bot_and_verifies_with_the_full_name(
    harness: Harness, services: Services, tmp_path: Path
) -> None:
    world = await make_cohort(services.uow_factory, language="ru")
    await add_teacher(
        services.uow_factory, world, "Әлия Серікқызы Нұрланова", telegram_id=TEACHER_TG
    )
    await issue_now(services, world.cohort.id)
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(await stored(services, "ORL-2026-000001", DocumentKind.CERTIFICATE))
    parsed = parse_certificate_number("ORL-2026-000001")
    assert parsed is not None
    payload = deep_link_payload(parsed, b"test-secret")
    assert decode_qr(pdf, tmp_path) == [f"https://t.me/biliktilik_bot?start={payload}"]
    answer = texts(await harness.send(make_user(555_001, "ru"), f"/start {payload}"))
    assert len(answer) == 1 and answer[0].startswith("✅ Сертификат действителен.")
    assert "Владелец: Әлия Серікқызы Нұрланова\n" in answer[0]


async def test_render_by_number_writes_the_frozen_pdf(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = await make_cohort(services.uow_factory, language="kk")
    await add_teacher(services.uow_factory, world, "Әлия Нұрланова", telegram_id=TEACHER_TG)
    await add_teacher(services.uow_factory, world, "Өмір Ұланов", telegram_id=None, score=3)
    await issue_now(services, world.cohort.id)
    certificate = await stored(services, "ORL-2026-000001", DocumentKind.CERTIFICATE)
    appendix = await stored(services, "ORL-2026-000001", DocumentKind.APPENDIX)
    reference = await stored(services, "ORL-2026-C000001", DocumentKind.LISTENING_REFERENCE)
    settings = services.settings
    assert await load_issued_pdf(settings, "orl 2026 1", "certificate") == certificate
    assert await load_issued_pdf(settings, "ORL-2026-000001", "appendix") == appendix
    assert await load_issued_pdf(settings, "ORL-2026-C000001", "reference") == reference
    uow = services.uow_factory
    assert await find_issued_pdf(uow(), "ORL-2026-000001", "reference") is None  # wrong kind
    assert await find_issued_pdf(uow(), "ORL-2026-C000001", "certificate") is None
    assert await find_issued_pdf(uow(), "ORL-2026-000999", "certificate") is None
    assert await find_issued_pdf(uow(), "not a number", "certificate") is None
    assert await find_issued_pdf(uow(), "ORL-2026-000001", "application") is None
    assert await find_issued_pdf(uow(), "42/2026", "order") is None

    monkeypatch.setattr(cli, "_settings", lambda: settings)
    out = tmp_path / "out" / "appendix.pdf"
    code = await asyncio.to_thread(
        cli.main, ["render", "appendix", "--number", "ORL-2026-000001", "--out", str(out)]
    )
    assert code == 0 and out.read_bytes() == appendix
    missing = await asyncio.to_thread(
        cli.main, ["render", "certificate", "--number", "ORL-2026-000999", "--out", str(out)]
    )
    assert missing == 1 and out.read_bytes() == appendix
