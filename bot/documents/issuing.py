"""The renderer adapter of issuing: ``domain.documents`` objects → frozen PDF bytes.

``domain.services.certificates`` takes a ``DocumentRenderer``; this one renders with
``bot.documents`` in a worker thread (a cohort's PDFs must not stall the bot's event loop), one
document at a time (reportlab's font subsetting state is shared, so renders never overlap).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from aiogram_i18n.cores import FluentRuntimeCore

from bot.authenticity.signing import DocumentSigner
from bot.config import Settings
from bot.documents import (
    render_appendix,
    render_certificate,
    render_internship_certificate,
    render_listening_reference,
)
from bot.documents.texts import T
from domain.documents import (
    AppendixDoc,
    CertificateDoc,
    InternshipCertificateDoc,
    ListeningReferenceDoc,
    OrganizationInfo,
)
from domain.model import LANGUAGES, Lang
from domain.services.certificates import IssuingOptions

__all__ = ["PdfRenderer", "issuing_options", "organization_info"]

_RENDER_LOCK = threading.Lock()
Doc = TypeVar("Doc")


def organization_info(settings: Settings, lang: Lang) -> OrganizationInfo:
    """The organization as the settings name it today (frozen into each PDF at issue); the
    signer's title is the acting head's while ``HEAD_IS_ACTING`` is set (§33)."""
    acting = settings.head_is_acting
    return OrganizationInfo(
        name_kk=settings.organization_name_kk,
        name_ru=settings.organization_name_ru,
        head_name=settings.head_name,
        head_title_kk=T["kk"]["acting_head_title"] if acting else None,
        head_title_ru=T["ru"]["acting_head_title"] if acting else None,
        city=settings.organization_city_kk if lang == "kk" else settings.organization_city_ru,
        logo_path=settings.logo_path,
    )


def issuing_options(settings: Settings, bot_username: str) -> IssuingOptions:
    return IssuingOptions(
        prefix=settings.certificate_prefix,
        secret=settings.cert_secret_bytes,
        bot_username=bot_username,
        public_url=settings.public_url or "",
        organizations={lang: organization_info(settings, lang) for lang in LANGUAGES},
    )


def _locked(render: Callable[[Doc], bytes], doc: Doc) -> bytes:
    with _RENDER_LOCK:
        return render(doc)


class PdfRenderer:
    """``DocumentRenderer`` with reportlab; words for the forms come from the locales."""

    def __init__(self, i18n_core: FluentRuntimeCore, signer: DocumentSigner | None = None) -> None:
        self.i18n_core = i18n_core
        self.signer = signer

    async def _render(self, render: Callable[[Doc], bytes], doc: Doc) -> bytes:
        """Render, then sign with the organization's key (PAdES) in the same worker thread."""
        pdf = await asyncio.to_thread(_locked, render, doc)
        if self.signer is None:
            return pdf
        return await asyncio.to_thread(self.signer.sign, pdf)

    async def certificate(self, doc: CertificateDoc) -> bytes:
        return await self._render(render_certificate, doc)

    async def appendix(self, doc: AppendixDoc) -> bytes:
        return await self._render(render_appendix, doc)

    async def listening_reference(self, doc: ListeningReferenceDoc) -> bytes:
        return await self._render(render_listening_reference, doc)

    async def internship_certificate(self, doc: InternshipCertificateDoc) -> bytes:
        """§30 App. 6, rendered and signed like the others (``domain.services.internship``)."""
        return await self._render(render_internship_certificate, doc)

    def reason_not_passed(self, shortfalls: Sequence[str], lang: Lang) -> str:
        """§31 reference: every reason the listener has no certificate, in the doc language."""
        reasons = [self.i18n_core.get(f"certificates-reason-{s}", lang) for s in shortfalls]
        return "; ".join(reasons) or self.i18n_core.get("certificates-reason-score", lang)

    def passed_grade(self, lang: Lang) -> str:
        return self.i18n_core.get("certificates-grade-passed", lang)
