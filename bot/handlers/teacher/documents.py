"""A teacher's "my documents" (``/documents``): the frozen PDFs re-sent as they were issued —
the same number and the same bytes, whatever the organization's settings say today."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.ui.file_names import document_file_name
from bot.ui.formatting import long_date
from domain.model import DocumentKind, Person
from domain.ports import UnitOfWorkFactory
from domain.services.certificates import documents_of

#: The files whose verifications are shown: the ones a number or QR code verifies.
VERIFIED_KINDS = (DocumentKind.CERTIFICATE, DocumentKind.INTERNSHIP_CERTIFICATE)
CHECK_DATES_SHOWN = 5


def checks_line(checks: list[datetime], i18n: I18nContext, settings: Settings) -> str:
    """How many times and on which local days the certificate was verified (the latest
    ``CHECK_DATES_SHOWN`` days), never by whom."""
    if not checks:
        return i18n.get("verification-checks-none")
    days = sorted({moment.astimezone(settings.tz).date() for moment in checks})
    dates = ", ".join(long_date(day, i18n.locale) for day in days[-CHECK_DATES_SHOWN:])
    return i18n.get("verification-checks", count=len(checks), dates=dates)


async def my_documents(
    message: Message,
    i18n: I18nContext,
    person: Person,
    uow_factory: UnitOfWorkFactory,
    settings: Settings,
) -> None:
    assert person.id is not None
    issued = await documents_of(uow_factory, person.id)
    if not any(item.files for item in issued):
        await message.answer(i18n.get("certificates-documents-none"))
        return
    lang = i18n.locale
    for item in issued:
        certificate = item.certificate
        for stored in item.files:
            args: dict[str, Any] = {
                "kind": i18n.get("certificates-kind-" + stored.kind.replace("_", "-")),
                "number": certificate.number,
                "date": long_date(certificate.issued_on, lang),
            }
            if certificate.revoked_on is not None:
                caption = i18n.get(
                    "certificates-documents-revoked",
                    revoked=long_date(certificate.revoked_on, lang),
                    **args,
                )
            else:
                caption = i18n.get("certificates-documents-caption", **args)
            if stored.kind in VERIFIED_KINDS:
                caption += "\n" + checks_line(item.checks, i18n, settings)
            await message.answer_document(
                BufferedInputFile(stored.content, filename=document_file_name(i18n.get, stored)),
                caption=caption,
            )


def create_router() -> Router:
    router = Router(name="certificates-documents")
    router.message.register(my_documents, Command("documents"))
    return router


__all__ = ["create_router"]
