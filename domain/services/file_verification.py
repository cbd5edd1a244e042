"""§33 "a QR code to check authenticity", carried to the file itself: anyone sends an issued
PDF (certificate, appendix, listening reference, internship certificate) and learns whether
it is exactly the file the organization issued.

Decision: a file is genuine only when its SHA-256 equals that of a frozen PDF the registry
sent (every issued PDF is frozen and hashed at issue). Anything else, even a file whose text
looks right, "was not issued by us or has been changed": then the number the file claims (if
one can be read) is looked up and the registry's data for it shown, for comparison, with the
holder's name masked. The signature's state (``SignatureState``, checked at the edge with the
organization's key) is reported beside the verdict, never instead of it.
"""

from __future__ import annotations

import enum
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime

from domain.certificate_numbers import parse_certificate_number
from domain.model import Certificate, DocumentKind
from domain.ports import UnitOfWorkFactory
from domain.services.verification import VERIFIABLE, Verification, lookup_certificate, record_check
from domain.validity import CertificateStatus, certificate_status

__all__ = ["FileVerification", "SignatureState", "claimed_number", "verify_file"]

_PRINTED_NUMBER = re.compile(r"(?<![A-Za-z])([A-Z]{2,10}) ?- ?([0-9]{4}) ?- ?([0-9]{6})(?![0-9])")
#: The largest file looked at: issued documents are ~150 KB; a bigger one is not ours.
MAX_FILE_BYTES = 5 * 1024 * 1024


class SignatureState(enum.StrEnum):
    OURS = "ours"  # intact, whole file, the organization's certificate
    BROKEN = "broken"  # signed, but changed after signing (or signed by someone else)
    ABSENT = "absent"  # no signature at all


@dataclass(frozen=True)
class FileVerification:
    genuine: bool
    #: genuine: the document the file belongs to; not genuine: the one its number claims
    certificate: Certificate | None = None
    file_kind: DocumentKind | None = None  # genuine: certificate, appendix, reference…
    status: CertificateStatus | None = None  # certificates only (references have no validity)
    replaced_by: str | None = None
    claimed: str | None = None  # the number read from a file that is not ours
    signature: SignatureState = SignatureState.ABSENT


def claimed_number(text: str) -> str | None:
    """The first registration number written in a document's text, as our documents print
    it (``PREFIX-YYYY-NNNNNN``; spaces around the dashes tolerated, as text extraction may
    insert them); ``None`` if there is none."""
    for match in _PRINTED_NUMBER.finditer(text):
        number = parse_certificate_number("-".join(match.groups()))
        if number is not None:
            return number.format()
    return None


def _status(certificate: Certificate, today: date) -> CertificateStatus | None:
    if certificate.kind not in VERIFIABLE:
        return None
    return certificate_status(
        certificate.issued_on, certificate.valid_until, certificate.revoked_on, today
    )


async def verify_file(
    uows: UnitOfWorkFactory,
    content: bytes,
    text: str,
    signature: SignatureState,
    today: date,
    now: datetime,
) -> FileVerification:
    """The verdict on a sent file (``text``: what the edge could extract from it)."""
    digest = hashlib.sha256(content).hexdigest()
    async with uows(read_only=True) as uow:
        stored = await uow.documents.find_by_sha256(digest)
        certificate = (
            await uow.certificates.get(stored.certificate_id)
            if stored is not None and stored.certificate_id is not None
            else None
        )
        replacement = (
            await uow.certificates.replacement_of(certificate.number) if certificate else None
        )
    if stored is not None and certificate is not None and certificate.issued_on <= today:
        await record_check(uows, certificate, now, "file")
        return FileVerification(
            genuine=True,
            certificate=certificate,
            file_kind=DocumentKind(stored.kind),
            status=_status(certificate, today),
            replaced_by=replacement.number if replacement else None,
            signature=signature,
        )
    claimed = claimed_number(text)
    found: Verification | None = None
    if claimed is not None:
        found = await lookup_certificate(uows, claimed, today)
        if found.certificate is None:  # a reference's number: shown too, without validity
            async with uows(read_only=True) as uow:
                other = await uow.certificates.get_by_number(claimed)
            if other is not None and other.issued_on <= today:
                found = Verification(CertificateStatus.NOT_FOUND, other)
    return FileVerification(
        genuine=False,
        certificate=found.certificate if found else None,
        status=_status(found.certificate, today) if found and found.certificate else None,
        replaced_by=found.replaced_by if found else None,
        claimed=claimed,
        signature=signature,
    )
