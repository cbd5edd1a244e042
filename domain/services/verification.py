"""§33: checking a certificate's authenticity (by number or QR link) and revoking one.

Anyone may verify. A malformed number, a never-issued one and a document dated in the future
all give the same NOT_FOUND. A §31 listening reference's number (its own series,
``…-C000007``) verifies as what it is: LISTENING_REFERENCE, with the reference's details and
no validity (a reference certifies attendance, not a qualification).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from domain.blanks import BlankRef
from domain.certificate_numbers import (
    parse_certificate_number,
    verify_deep_link_payload,
    verify_signature,
)
from domain.model import AuditEntry, Certificate, DocumentKind
from domain.notifications import text_notice
from domain.ports import UnitOfWorkFactory
from domain.validity import CertificateStatus, certificate_status

__all__ = [
    "DEEP_LINK_PREFIX",
    "MAX_REVOKE_REASON",
    "RevokeOutcome",
    "RevokeResult",
    "Verification",
    "certificate_by_id",
    "certificate_to_revoke",
    "lookup_certificate",
    "record_check",
    "revoke_certificate",
    "verify_deep_link",
    "verify_number",
    "verify_signed_number",
]

DEEP_LINK_PREFIX = "v_"
MAX_REVOKE_REASON = 500
#: Documents with a validity (§33) that verification answers for and an admin may revoke.
VERIFIABLE = (DocumentKind.CERTIFICATE, DocumentKind.INTERNSHIP_CERTIFICATE)


@dataclass(frozen=True)
class Verification:
    status: CertificateStatus
    certificate: Certificate | None = None  # None whenever status is NOT_FOUND
    link_genuine: bool = False  # reached through a correctly signed QR link: full name shown
    forged: bool = False  # a QR link whose signature is wrong: nothing else is said
    replaced_by: str | None = None  # §33 reissue: the number issued in place of a revoked one
    blank: BlankRef | None = None  # §29 (2025): the security blank it is printed on


_NOT_FOUND = Verification(CertificateStatus.NOT_FOUND)


async def record_check(
    uows: UnitOfWorkFactory, certificate: Certificate | None, now: datetime | None, channel: str
) -> None:
    """Remember that a certificate was verified (when and how, never by whom): the holder
    sees it in ``/documents``."""
    if certificate is None or certificate.id is None or now is None:
        return
    async with uows() as uow:
        await uow.certificates.record_check(certificate.id, now, channel)
        await uow.commit()


async def lookup_certificate(
    uows: UnitOfWorkFactory,
    number: str,
    today: date,
    genuine: bool = False,
    now: datetime | None = None,
    channel: str = "number",
) -> Verification:
    """§33: the registry's answer for a canonical number; a found certificate's check is
    recorded (with ``now``)."""
    async with uows(read_only=True) as uow:
        certificate = await uow.certificates.get_by_number(number)
        replacement = await uow.certificates.replacement_of(number) if certificate else None
        on_blank = (
            await uow.blanks.for_certificate(certificate.id)
            if certificate is not None and certificate.id is not None
            else None
        )
    if certificate is None:
        return _NOT_FOUND
    if certificate.kind is DocumentKind.LISTENING_REFERENCE:
        if certificate.issued_on > today:
            return _NOT_FOUND
        return Verification(CertificateStatus.LISTENING_REFERENCE, certificate, genuine)
    if certificate.kind not in VERIFIABLE:
        return _NOT_FOUND
    status = certificate_status(
        certificate.issued_on, certificate.valid_until, certificate.revoked_on, today
    )
    if status is CertificateStatus.NOT_FOUND:
        return _NOT_FOUND
    await record_check(uows, certificate, now, channel)
    replaced_by = replacement.number if replacement and replacement.issued_on <= today else None
    blank = on_blank.ref if on_blank is not None else None
    return Verification(
        status, certificate, link_genuine=genuine, replaced_by=replaced_by, blank=blank
    )


async def verify_number(
    uows: UnitOfWorkFactory,
    text: str,
    today: date,
    now: datetime | None = None,
    channel: str = "number",
) -> Verification:
    """§33 check of a number typed in any tolerant form (``parse_certificate_number``)."""
    number = parse_certificate_number(text)
    if number is None:
        return _NOT_FOUND
    return await lookup_certificate(uows, number.format(), today, False, now, channel)


async def verify_signed_number(
    uows: UnitOfWorkFactory,
    number_text: str,
    signature: str,
    secret: bytes,
    today: date,
    now: datetime | None = None,
    channel: str = "web",
) -> Verification:
    """§33 QR check of the web page's link ``/v/<number>?s=<signature>``: like the deep
    link, a wrong signature is refused before any look-up."""
    number = parse_certificate_number(number_text)
    if number is None or not verify_signature(number, signature, secret):
        return Verification(CertificateStatus.NOT_FOUND, forged=True)
    return await lookup_certificate(uows, number.format(), today, True, now, channel)


async def verify_deep_link(
    uows: UnitOfWorkFactory,
    payload: str,
    secret: bytes,
    today: date,
    now: datetime | None = None,
) -> Verification:
    """§33 QR check: ``v_<number>_<signature>``. A wrong or altered signature (or a payload
    that is not ours) is refused before any look-up, so it never reveals whether the number
    exists. A genuine link shows the holder's full name."""
    number = verify_deep_link_payload(payload, secret)
    if number is None:
        return Verification(CertificateStatus.NOT_FOUND, forged=True)
    return await lookup_certificate(uows, number.format(), today, True, now, "qr")


async def certificate_to_revoke(uows: UnitOfWorkFactory, number_text: str) -> Certificate | None:
    """§33: the certificate an admin names for revocation, shown before acting."""
    number = parse_certificate_number(number_text)
    if number is None:
        return None
    async with uows(read_only=True) as uow:
        certificate = await uow.certificates.get_by_number(number.format())
    return certificate if certificate and certificate.kind in VERIFIABLE else None


async def certificate_by_id(uows: UnitOfWorkFactory, certificate_id: int) -> Certificate | None:
    async with uows(read_only=True) as uow:
        return await uow.certificates.get(certificate_id)


class RevokeOutcome(enum.StrEnum):
    REVOKED = "revoked"
    ALREADY_REVOKED = "already-revoked"
    NOT_FOUND = "not-found"
    BAD_REASON = "bad-reason"  # empty or longer than MAX_REVOKE_REASON


@dataclass(frozen=True)
class RevokeResult:
    outcome: RevokeOutcome
    certificate: Certificate | None = None


async def revoke_certificate(
    uows: UnitOfWorkFactory,
    actor_id: int,
    number_text: str,
    reason: str,
    now: datetime,
    today: date,
) -> RevokeResult:
    """§33: an admin revokes an issued certificate with a reason; verification then says
    "revoked" with the date. Audit-logged; the holder is told through the outbox. The first
    revocation stands (a second one changes nothing). Only certificates are revoked: a
    reference's number is "not found" here as in verification."""
    reason = " ".join(reason.split())
    if not reason or len(reason) > MAX_REVOKE_REASON:
        return RevokeResult(RevokeOutcome.BAD_REASON)
    number = parse_certificate_number(number_text)
    if number is None:
        return RevokeResult(RevokeOutcome.NOT_FOUND)
    async with uows() as uow:
        certificate = await uow.certificates.get_by_number(number.format())
        if certificate is None or certificate.kind not in VERIFIABLE:
            return RevokeResult(RevokeOutcome.NOT_FOUND)
        if certificate.revoked_on is not None:
            return RevokeResult(RevokeOutcome.ALREADY_REVOKED, certificate)
        revoked = await uow.certificates.revoke(certificate.number, today, reason)
        assert revoked is not None and revoked.id is not None
        await uow.audit.record(
            AuditEntry(
                actor_id,
                "certificate.revoke",
                "certificate",
                revoked.number,
                {"revoked_on": None},
                {"revoked_on": today.isoformat(), "reason": reason},
                now,
            )
        )
        holder = await uow.people.get(revoked.person_id)
        if holder is not None and holder.telegram_id is not None:
            lang = holder.language or "ru"
            await uow.outbox.enqueue(
                text_notice(
                    holder.telegram_id,
                    lang,
                    "certificates-revoked-notice",
                    f"revoked:{revoked.id}",
                    now,
                    number=revoked.number,
                    date=today,
                    reason=reason,
                )
            )
        await uow.commit()
    return RevokeResult(RevokeOutcome.REVOKED, revoked)
