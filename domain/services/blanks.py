"""§29 (2025 wording) security blanks: which blank each printed certificate is on.

The admin records the blank (series + number) of a printed certificate one by one, or a range
for a cohort's batch; a spoiled blank is recorded as spoiled. A blank is used once (the
database's unique series + number): a second use is refused and names the certificate it went
to. Verification by number shows the blank (``blank_of``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime

from domain.blanks import BlankRef, BlankStatus, CertificateBlank, parse_blank, parse_blank_range
from domain.certificate_numbers import parse_certificate_number
from domain.model import AuditEntry, Certificate, DocumentKind
from domain.ports import AlreadyIssued, DuplicateNumber, UnitOfWork, UnitOfWorkFactory

__all__ = [
    "PRINTABLE",
    "BlankOutcome",
    "BlankResult",
    "blank_of",
    "record_batch",
    "record_blank",
    "spoil_blank",
]

#: Certificates printed on a blank: App. 3 and App. 6 (§31 references are free form).
PRINTABLE = (DocumentKind.CERTIFICATE, DocumentKind.INTERNSHIP_CERTIFICATE)
MAX_NOTE = 300


class BlankOutcome(enum.StrEnum):
    RECORDED = "recorded"
    BAD_BLANK = "bad-blank"  # not "СЕРИЯ НОМЕР" / not a range
    NOT_FOUND = "not-found"  # no such certificate (or cohort)
    REVOKED = "revoked"  # a revoked certificate is not printed
    BLANK_USED = "blank-used"  # the blank is recorded already (printed or spoiled)
    HAS_BLANK = "has-blank"  # the certificate is on another blank already
    RANGE_SHORT = "range-short"  # fewer blanks in the range than certificates to print
    NOTHING = "nothing"  # every certificate of the cohort has its blank


@dataclass
class BlankResult:
    outcome: BlankOutcome
    blank: BlankRef | None = None
    certificate_number: str | None = None  # the one it is on (recorded, or used before)
    assigned: list[tuple[str, BlankRef]] = field(default_factory=list)  # batch
    needed: int = 0
    left_over: int = 0


async def _used(uow: UnitOfWork, ref: BlankRef) -> BlankResult | None:
    existing = await uow.blanks.get(ref.series, ref.number)
    if existing is None:
        return None
    number = None
    if existing.certificate_id is not None:
        certificate = await uow.certificates.get(existing.certificate_id)
        number = certificate.number if certificate else None
    return BlankResult(BlankOutcome.BLANK_USED, ref, number)


def _audit(actor_id: int, blank: CertificateBlank, number: str | None, now: datetime) -> AuditEntry:
    return AuditEntry(
        actor_id,
        f"blank.{blank.status}",
        "certificate_blank",
        blank.ref.label(),
        None,
        {"certificate": number, "note": blank.note},
        now,
    )


async def record_blank(
    uows: UnitOfWorkFactory, actor_id: int, certificate_text: str, blank_text: str, now: datetime
) -> BlankResult:
    """§29 (2025): the certificate ``certificate_text`` is printed on blank ``blank_text``."""
    ref = parse_blank(blank_text)
    if ref is None:
        return BlankResult(BlankOutcome.BAD_BLANK)
    parsed = parse_certificate_number(certificate_text)
    async with uows() as uow:
        certificate = await uow.certificates.get_by_number(parsed.format()) if parsed else None
        if certificate is None or certificate.kind not in PRINTABLE or certificate.id is None:
            return BlankResult(BlankOutcome.NOT_FOUND, ref)
        if certificate.revoked_on is not None:
            return BlankResult(BlankOutcome.REVOKED, ref, certificate.number)
        used = await _used(uow, ref)
        if used is not None:
            return used
        on = await uow.blanks.for_certificate(certificate.id)
        if on is not None:
            return BlankResult(BlankOutcome.HAS_BLANK, on.ref, certificate.number)
        blank = CertificateBlank(
            ref.series, ref.number, BlankStatus.PRINTED, certificate.id, "", actor_id, now
        )
        try:
            await uow.blanks.add(blank)
        except DuplicateNumber:  # recorded meanwhile by another admin
            return BlankResult(BlankOutcome.BLANK_USED, ref)
        except AlreadyIssued:
            return BlankResult(BlankOutcome.HAS_BLANK, ref, certificate.number)
        await uow.audit.record(_audit(actor_id, blank, certificate.number, now))
        await uow.commit()
    return BlankResult(BlankOutcome.RECORDED, ref, certificate.number)


async def _cohort_certificates(uow: UnitOfWork, cohort_id: int) -> list[Certificate]:
    """The cohort's printable, unrevoked certificates without a blank, by number."""
    found: list[Certificate] = []
    for enrollment in await uow.enrollments.for_cohort(cohort_id):
        for certificate in await uow.certificates.for_enrollment(enrollment.id or 0):
            if (
                certificate.kind in PRINTABLE
                and certificate.revoked_on is None
                and certificate.id is not None
                and await uow.blanks.for_certificate(certificate.id) is None
            ):
                found.append(certificate)
    return sorted(found, key=lambda c: c.number)


async def record_batch(
    uows: UnitOfWorkFactory, actor_id: int, cohort_id: int, range_text: str, now: datetime
) -> BlankResult:
    """A cohort's batch: its certificates still without a blank, in number order, go onto the
    blanks of the range in order. All or nothing: refused when the range is shorter than the
    batch or holds a blank used before (named in the answer); extra blanks stay unused."""
    refs = parse_blank_range(range_text)
    if refs is None:
        return BlankResult(BlankOutcome.BAD_BLANK)
    async with uows() as uow:
        if await uow.cohorts.get(cohort_id) is None:
            return BlankResult(BlankOutcome.NOT_FOUND)
        certificates = await _cohort_certificates(uow, cohort_id)
        if not certificates:
            return BlankResult(BlankOutcome.NOTHING)
        if len(refs) < len(certificates):
            return BlankResult(BlankOutcome.RANGE_SHORT, needed=len(certificates))
        result = BlankResult(BlankOutcome.RECORDED, left_over=len(refs) - len(certificates))
        for certificate, ref in zip(certificates, refs, strict=False):
            used = await _used(uow, ref)
            if used is not None:
                return used  # rolled back: nothing of the batch is recorded
            blank = CertificateBlank(
                ref.series, ref.number, BlankStatus.PRINTED, certificate.id, "", actor_id, now
            )
            try:
                await uow.blanks.add(blank)
            except (DuplicateNumber, AlreadyIssued):
                return BlankResult(BlankOutcome.BLANK_USED, ref)
            await uow.audit.record(_audit(actor_id, blank, certificate.number, now))
            result.assigned.append((certificate.number, ref))
        await uow.commit()
    return result


async def spoil_blank(
    uows: UnitOfWorkFactory, actor_id: int, blank_text: str, note: str, now: datetime
) -> BlankResult:
    """A misprinted or damaged blank is recorded as spoiled: it can never be used again."""
    ref = parse_blank(blank_text)
    if ref is None:
        return BlankResult(BlankOutcome.BAD_BLANK)
    note = " ".join(note.split())[:MAX_NOTE]
    async with uows() as uow:
        used = await _used(uow, ref)
        if used is not None:
            return used
        blank = CertificateBlank(
            ref.series, ref.number, BlankStatus.SPOILED, None, note, actor_id, now
        )
        try:
            await uow.blanks.add(blank)
        except DuplicateNumber:
            return BlankResult(BlankOutcome.BLANK_USED, ref)
        await uow.audit.record(_audit(actor_id, blank, None, now))
        await uow.commit()
    return BlankResult(BlankOutcome.RECORDED, ref)


async def blank_of(uows: UnitOfWorkFactory, certificate_id: int) -> BlankRef | None:
    """The blank a certificate is printed on, if recorded."""
    async with uows(read_only=True) as uow:
        blank = await uow.blanks.for_certificate(certificate_id)
    return blank.ref if blank else None


async def recent_blanks(uows: UnitOfWorkFactory, limit: int = 15) -> list[CertificateBlank]:
    async with uows(read_only=True) as uow:
        return await uow.blanks.recent(limit)


async def cohort_by_code(uows: UnitOfWorkFactory, code: str) -> int | None:
    """A cohort's id by its code as the admin types it (case and spaces aside)."""
    wanted = "".join(code.split()).casefold()
    async with uows(read_only=True) as uow:
        for cohort in await uow.cohorts.list_all():
            if "".join(cohort.code.split()).casefold() == wanted:
                return cohort.id
    return None


@dataclass(frozen=True)
class OverlaySource:
    certificate: Certificate
    blank: BlankRef | None


async def overlay_source(uows: UnitOfWorkFactory, certificate_text: str) -> OverlaySource | None:
    """The certificate whose variable data the print overlay carries (App. 3 or App. 6)."""
    parsed = parse_certificate_number(certificate_text)
    if parsed is None:
        return None
    async with uows(read_only=True) as uow:
        certificate = await uow.certificates.get_by_number(parsed.format())
        if certificate is None or certificate.kind not in PRINTABLE or certificate.id is None:
            return None
        blank = await uow.blanks.for_certificate(certificate.id)
    return OverlaySource(certificate, blank.ref if blank else None)
