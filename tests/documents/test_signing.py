"""Issue 17.2: every issued PDF carries the organization's PAdES signature; an edited file
fails the check in the bot (pyHanko) and in a PDF reader (poppler's ``pdfsig``)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.authenticity.signing import (
    _SIGNERS,
    DocumentSigner,
    check_signature,
    load_signer,
    make_self_signed_pkcs12,
    signing_key_password,
)
from bot.documents import render_appendix, render_certificate
from bot.documents.samples import sample_appendix, sample_certificate
from tests.documents.pdfutil import flat, pypdf_text, tool, write

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def signer() -> DocumentSigner:
    password = b"test"
    return DocumentSigner(make_self_signed_pkcs12("«Өрлеу» орталығы", password, NOW), password)


def pdfsig(pdf_path: Path) -> str:
    result = subprocess.run(
        [tool("pdfsig", "poppler-utils"), str(pdf_path)], capture_output=True, text=True
    )
    return result.stdout


def test_an_issued_certificate_is_signed_and_pdfsig_says_valid(
    signer: DocumentSigner, tmp_path: Path
) -> None:
    pdf = signer.sign(render_certificate(sample_certificate("kk")))
    report = pdfsig(write(tmp_path, pdf))
    assert "Signature Type: ETSI.CAdES.detached" in report  # PAdES
    assert "Total document signed" in report
    assert "Signature Validation: Signature is Valid." in report
    assert "Common Name: «Өрлеу» орталығы" in report
    assert check_signature(pdf, signer).genuine
    # the text (and the number in it) is still readable after signing
    assert "BLK-" in flat(pypdf_text(pdf)) or sample_certificate("kk").number in flat(
        pypdf_text(pdf)
    )


def test_an_edited_byte_or_an_appended_update_fails_in_pdfsig_and_in_the_bot(
    signer: DocumentSigner, tmp_path: Path
) -> None:
    pdf = signer.sign(render_appendix(sample_appendix("ru")))
    edited = bytearray(pdf)
    edited[len(pdf) // 3] ^= 0x01  # inside the signed byte range
    report = pdfsig(write(tmp_path, bytes(edited), "edited.pdf"))
    assert "Signature is Valid." not in report
    assert "Digest Mismatch" in report
    check = check_signature(bytes(edited), signer)
    assert check.present and not check.intact and not check.genuine

    appended = pdf + b"\n1 0 obj\n(changed)\nendobj\n"  # something added after signing
    report = pdfsig(write(tmp_path, appended, "appended.pdf"))
    assert "Total document signed" not in report
    assert not check_signature(appended, signer).genuine


def test_a_signature_by_another_key_is_not_ours(signer: DocumentSigner) -> None:
    other = DocumentSigner(make_self_signed_pkcs12("«Өрлеу» орталығы", b"x", NOW), b"x")
    pdf = other.sign(render_certificate(sample_certificate("ru")))
    check = check_signature(pdf, signer)
    assert check.present and check.intact and check.whole_file and not check.ours


async def test_the_self_signed_key_is_made_once_and_kept_in_the_database(
    services: Any, tmp_path: Path
) -> None:
    _SIGNERS.clear()
    first = await load_signer(services.uow_factory, services.settings, NOW)
    assert first.self_signed and "CN=Центр повышения квалификации" in first.subject
    async with services.uow_factory(read_only=True) as uow:
        stored = await uow.documents.signing_key()
    assert stored is not None
    _SIGNERS.clear()  # a restart: the same key is read back, not made again
    again = await load_signer(services.uow_factory, services.settings, NOW)
    assert again.certificate_sha256 == first.certificate_sha256
    # the stored PKCS#12 opens only with the password derived from CERT_SECRET
    DocumentSigner(stored, signing_key_password(services.settings.cert_secret_bytes))
    with pytest.raises(ValueError):
        DocumentSigner(stored, b"wrong")

    # CERT_SECRET changed (against the advice): a new key is made rather than issuing failing
    services.settings.cert_secret = SecretStr("another-secret-" + "x" * 32)
    _SIGNERS.clear()
    renewed = await load_signer(services.uow_factory, services.settings, NOW)
    assert renewed.certificate_sha256 != first.certificate_sha256
    _SIGNERS.clear()
    assert (
        await load_signer(services.uow_factory, services.settings, NOW)
    ).certificate_sha256 == renewed.certificate_sha256

    # a configured PKCS#12 file (a real key) wins over the stored one
    path = tmp_path / "org.p12"
    path.write_bytes(make_self_signed_pkcs12("Real organization key", b"secret", NOW))
    services.settings.signing_pkcs12_path = str(path)
    services.settings.signing_pkcs12_password = SecretStr("secret")
    _SIGNERS.clear()
    real = await load_signer(services.uow_factory, services.settings, NOW)
    assert "Real organization key" in real.subject
    _SIGNERS.clear()


async def test_with_public_url_new_qr_codes_open_the_web_page(
    services: Any, tmp_path: Path
) -> None:
    """Issue 17.3: PUBLIC_URL set, the issued certificate's QR code opens the signed page."""
    from bot.documents.issuing import PdfRenderer, issuing_options
    from domain.certificate_numbers import parse_certificate_number, sign_certificate_number
    from domain.services.certificates import issue_cohort_documents
    from tests.bot.certificates.factories import add_teacher, make_cohort
    from tests.documents.pdfutil import decode_qr

    services.settings.public_url = "https://verify.example.kz"
    world = await make_cohort(services.uow_factory, language="ru")
    await add_teacher(services.uow_factory, world, "Әлия Нұрланова", telegram_id=None)
    now = services.clock()
    today = now.astimezone(services.settings.tz).date()
    summary = await issue_cohort_documents(
        services.uow_factory,
        world.cohort.id,
        today,
        now,
        issuing_options(services.settings, "orleu_bot"),
        PdfRenderer(services.i18n_core),
        None,
    )
    [number] = summary.certificates
    async with services.uow_factory(read_only=True) as uow:
        certificate = await uow.certificates.get_by_number(number)
        pdf = (await uow.documents.list_for_certificate(certificate.id))[0].content
    parsed = parse_certificate_number(number)
    assert parsed is not None
    signature = sign_certificate_number(parsed, services.settings.cert_secret_bytes)
    assert decode_qr(write(tmp_path, pdf), tmp_path) == [
        f"https://verify.example.kz/v/{number}?s={signature}"
    ]
