"""``biliktilik render KIND --number N``: the frozen PDF of an issued document, as stored.

Never re-rendered: what the teacher received is what the admin gets (same bytes).
"""

from __future__ import annotations

from bot.config import Settings
from domain.certificate_numbers import parse_certificate_number
from domain.model import LANGUAGES, DocumentKind
from domain.ports import UnitOfWork

__all__ = ["CLI_KINDS", "find_issued_pdf", "load_issued_pdf"]

#: ``biliktilik render`` kind → (kind of the registered document, kind of the stored file)
CLI_KINDS: dict[str, tuple[DocumentKind, DocumentKind]] = {
    "certificate": (DocumentKind.CERTIFICATE, DocumentKind.CERTIFICATE),
    "appendix": (DocumentKind.CERTIFICATE, DocumentKind.APPENDIX),
    "reference": (DocumentKind.LISTENING_REFERENCE, DocumentKind.LISTENING_REFERENCE),
    "internship": (DocumentKind.INTERNSHIP_CERTIFICATE, DocumentKind.INTERNSHIP_CERTIFICATE),
}


async def find_issued_pdf(uow: UnitOfWork, number: str, kind: str) -> bytes | None:
    """The stored PDF of ``kind`` for registration ``number`` (any tolerant form); an
    enrollment order by its order number; ``None`` when there is none."""
    async with uow:
        if kind == "order":
            order = await uow.orders.get_by_number(number.strip())
            if order is None or order.id is None:
                return None
            for lang in LANGUAGES:
                stored = await uow.documents.get_for_owner(
                    "enrollment_order", order.id, DocumentKind.ENROLLMENT_ORDER, lang
                )
                if stored is not None:
                    return stored.content
            return None
        kinds = CLI_KINDS.get(kind)
        parsed = parse_certificate_number(number)
        if kinds is None or parsed is None:
            return None  # an application has no registration number
        certificate = await uow.certificates.get_by_number(parsed.format())
        if certificate is None or certificate.id is None or certificate.kind != kinds[0]:
            return None
        stored = await uow.documents.get_for_certificate(certificate.id, kinds[1])
        return stored.content if stored is not None else None


async def load_issued_pdf(settings: Settings, number: str, kind: str) -> bytes | None:
    """Open the configured database (no migration: reading only) and find the PDF."""
    from storage.db import create_engine, create_session_factory
    from storage.uow import SqlAlchemyUnitOfWork

    engine = create_engine(settings.database_url)
    try:
        return await find_issued_pdf(
            SqlAlchemyUnitOfWork(create_session_factory(engine)), number, kind
        )
    finally:
        await engine.dispose()
