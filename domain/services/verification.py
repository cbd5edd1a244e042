"""§33: checking a certificate's authenticity (by number or QR link) and revoking one.

Anyone may verify. The answer never tells more than "not found" about a number that is not a
certificate: a malformed number, a never-issued one, a listening reference's number and a
certificate dated in the future all give the same NOT_FOUND.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from domain.blanks import BlankRef
from domain.certificate_numbers import parse_certificate_number, verify_deep_link_payload
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
    "revoke_certificate",
    "verify_deep_link",
    "verify_number",
]

DEEP_LINK_PREFIX = "v_"
MAX_REVOKE_REASON = 500
#: Documents whose numbers verification answers for; a §31 listening reference is no
#: certificate and has no validity, so its number reads as "not found".
VERIFIABLE = (DocumentKind.CERTIFICATE, DocumentKind.INTERNSHIP_CERTIFICATE)


@dataclass(frozen=True)
class Verification:
    status: CertificateStatus
    certificate: Certificate | None = None  # None whenever status is NOT_FOUND
    link_genuine: bool = False  # reached through a correctly signed QR link: full name shown
    forged: bool = False  # a QR link whose signature is wrong: nothing else is said
    blank: BlankRef | None = None  # §29 (2025): the security blank it is printed on


_NOT_FOUND = Verification(CertificateStatus.NOT_FOUND)


async def _lookup(uows: UnitOfWorkFactory, number: str, today: date, genuine: bool) -> Verification:
    async with uows(read_only=True) as uow:
        certificate = await uow.certificates.get_by_number(number)
        on_blank = (
            await uow.blanks.for_certificate(certificate.id)
            if certificate is not None and certificate.id is not None
            else None
        )
    if certificate is None or certificate.kind not in VERIFIABLE:
        return _NOT_FOUND
    status = certificate_status(
        certificate.issued_on, certificate.valid_until, certificate.revoked_on, today
    )
    if status is CertificateStatus.NOT_FOUND:
        return _NOT_FOUND
    blank = on_blank.ref if on_blank is not None else None
    return Verification(status, certificate, link_genuine=genuine, blank=blank)


async def verify_number(uows: UnitOfWorkFactory, text: str, today: date) -> Verification:
    """§33 check of a number typed in any tolerant form (``parse_certificate_number``)."""
    number = parse_certificate_number(text)
    if number is None:
        return _NOT_FOUND
    return await _lookup(uows, number.format(), today, genuine=False)


async def verify_deep_link(
    uows: UnitOfWorkFactory, payload: str, secret: bytes, today: date
) -> Verification:
    """§33 QR check: ``v_<number>_<signature>``. A wrong or altered signature (or a payload
    that is not ours) is refused before any look-up, so it never reveals whether the number
    exists. A genuine link shows the holder's full name."""
    number = verify_deep_link_payload(payload, secret)
    if number is None:
        return Verification(CertificateStatus.NOT_FOUND, forged=True)
    return await _lookup(uows, number.format(), today, genuine=True)


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
