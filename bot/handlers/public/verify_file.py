"""§33 for a file: anyone sends (or forwards) an issued PDF and learns whether it is exactly
the file the organization issued (``domain.services.file_verification``). Registered by
``verify.create_router`` with the same rate limit as a number's check."""

from __future__ import annotations

import io

from aiogram import Bot
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.ui.formatting import local_today, long_date
from domain.model import DocumentKind
from domain.names import mask_full_name
from domain.ports import Clock, UnitOfWorkFactory
from domain.services.file_verification import MAX_FILE_BYTES, FileVerification, verify_file
from domain.validity import CertificateStatus, certificate_valid_until

__all__ = ["file_sent", "is_pdf", "render_file_verification"]


def is_pdf(message: Message) -> bool:
    document = message.document
    if document is None:
        return False
    name = (document.file_name or "").lower()
    return document.mime_type == "application/pdf" or name.endswith(".pdf")


def _status_line(result: FileVerification, i18n: I18nContext) -> str:
    certificate = result.certificate
    assert certificate is not None
    lang = i18n.locale
    if result.status is CertificateStatus.REVOKED and certificate.revoked_on is not None:
        line = i18n.get("certificates-verify-revoked", date=long_date(certificate.revoked_on, lang))
    elif result.status is CertificateStatus.EXPIRED:
        line = i18n.get("certificates-verify-expired")
    elif result.status is CertificateStatus.VALID:
        line = i18n.get("certificates-verify-valid")
    else:
        line = i18n.get("verification-file-status-issued")
    if result.replaced_by:
        line += "\n" + i18n.get("verification-replaced-by", number=result.replaced_by)
    return line


def _details(result: FileVerification, i18n: I18nContext) -> str:
    certificate = result.certificate
    assert certificate is not None
    lang = i18n.locale
    holder = (
        certificate.holder_full_name
        if result.genuine
        else mask_full_name(certificate.holder_full_name)
    )
    if certificate.kind is DocumentKind.LISTENING_REFERENCE:
        return i18n.get(
            "verification-file-reference-details",
            number=certificate.number,
            holder=holder,
            topic=certificate.topic,
            organization=certificate.organization_name or "—",
            issued=long_date(certificate.issued_on, lang),
        )
    until = certificate.valid_until or certificate_valid_until(certificate.issued_on)
    return i18n.get(
        "certificates-verify-details",
        number=certificate.number,
        holder=holder,
        topic=certificate.topic,
        hours=certificate.academic_hours,
        organization=certificate.organization_name or "—",
        issued=long_date(certificate.issued_on, lang),
        until=long_date(until, lang),
    )


def render_file_verification(result: FileVerification, i18n: I18nContext) -> str:
    """Genuine: what the file is, its status and the full details. Otherwise: the warning, the
    number the file claims and the registry's data for it (holder masked), the signature."""
    signature = i18n.get(f"verification-file-signature-{result.signature}")
    certificate = result.certificate
    if result.genuine and certificate is not None:
        head = i18n.get(
            "verification-file-genuine",
            kind=i18n.get(f"verification-kind-{result.file_kind or certificate.kind}"),
            organization=certificate.organization_name or "—",
            issued=long_date(certificate.issued_on, i18n.locale),
            number=certificate.number,
        )
        parts = [head, _status_line(result, i18n), _details(result, i18n), signature]
        return "\n\n".join(parts)
    parts = [i18n.get("verification-file-not-ours"), signature]
    if result.claimed is None:
        parts.append(i18n.get("verification-file-no-number"))
    elif certificate is None:
        parts.append(i18n.get("verification-file-claims-unknown", number=result.claimed))
    else:
        parts.append(i18n.get("verification-file-claims", number=result.claimed))
        parts.append(_status_line(result, i18n))
        parts.append(_details(result, i18n))
    return "\n\n".join(parts)


async def file_sent(
    message: Message,
    bot: Bot,
    i18n: I18nContext,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
    clock: Clock,
) -> None:
    document = message.document
    assert document is not None
    if document.file_size is not None and document.file_size > MAX_FILE_BYTES:
        await message.answer(i18n.get("verification-file-too-big"))
        return
    buffer = io.BytesIO()
    await bot.download(document, destination=buffer)
    content = buffer.getvalue()
    if len(content) > MAX_FILE_BYTES:
        await message.answer(i18n.get("verification-file-too-big"))
        return
    if not content.startswith(b"%PDF"):
        await message.answer(i18n.get("verification-file-not-pdf"))
        return
    # pyHanko and pypdf load with the first file checked, not with the bot
    from bot.authenticity.file_check import inspect_pdf
    from bot.authenticity.signing import load_signer

    signer = await load_signer(uow_factory, settings)
    text, signature = await inspect_pdf(content, signer)
    result = await verify_file(
        uow_factory, content, text, signature, local_today(clock, settings), clock()
    )
    await message.answer(render_file_verification(result, i18n))
