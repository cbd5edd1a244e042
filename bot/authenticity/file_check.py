"""The edge of file verification: what a sent PDF says (its text, for the number it claims)
and whether its signature is the organization's, for ``domain.services.file_verification``."""

from __future__ import annotations

import asyncio
import io
import logging

from bot.authenticity.signing import DocumentSigner, check_signature
from domain.services.file_verification import SignatureState

__all__ = ["inspect_pdf"]

MAX_PAGES_READ = 4


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        parts = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES_READ]]
        title = reader.metadata.get("/Title", "") if reader.metadata else ""
    except Exception:  # a broken or hostile file: nothing readable
        return ""
    return "\n".join([*parts, str(title)])


def _inspect(pdf: bytes, signer: DocumentSigner | None) -> tuple[str, SignatureState]:
    check = check_signature(pdf, signer)
    if check.genuine:
        state = SignatureState.OURS
    elif check.present:
        state = SignatureState.BROKEN
    else:
        state = SignatureState.ABSENT
    return _text(pdf), state


async def inspect_pdf(pdf: bytes, signer: DocumentSigner | None) -> tuple[str, SignatureState]:
    """The file's text and its signature's state, read in a worker thread."""
    return await asyncio.to_thread(_inspect, pdf, signer)
