"""§29, §33 certificates: unique never-reused registration numbers, frozen PDF files."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from domain.model import Certificate, DocumentKind, Lang
from domain.ports import AlreadyIssued, DocumentFile, DuplicateNumber
from storage.models import (
    CertificateCounterRow,
    CertificateRow,
    DocumentFileRow,
    SigningKeyRow,
    VerificationCheckRow,
)
from storage.repositories.base import Repository, violated

_FIELDS = (
    "number", "person_id", "enrollment_id", "holder_full_name", "topic", "academic_hours",
    "issued_on", "valid_until", "organization_name", "revoked_on", "revoke_reason",
    "follows_number", "pdf_sha256", "replaces_number",
)  # fmt: skip


def format_number(prefix: str, year: int, serial: int, series: str = "") -> str:
    """``<PREFIX>-<YEAR>-<series><6 digits>`` (``domain.certificate_numbers``)."""
    return f"{prefix}-{year:04d}-{series}{serial:06d}"


def counter_key(prefix: str, series: str) -> str:
    """The counter row of a series: the prefix itself for certificates (rows kept from
    before), ``PREFIX-C`` for references (a hyphen never occurs in a configured prefix)."""
    return f"{prefix}-{series}" if series else prefix


def to_certificate(row: CertificateRow) -> Certificate:
    return Certificate(
        id=row.id, kind=DocumentKind(row.kind), **{name: getattr(row, name) for name in _FIELDS}
    )


class CertificatesRepository(Repository):
    async def next_number(self, prefix: str, year: int, series: str = "") -> str:
        """Allocate the next registration number for ``prefix``, ``year`` and ``series``
        (``""`` certificates, ``"C"`` §31 listening references: separate counters, so the
        certificate register has no gaps).

        Unique under concurrency: PostgreSQL locks the counter row (``FOR UPDATE``) until the
        transaction ends; SQLite takes the write lock (``BEGIN IMMEDIATE``). The increment is a
        single relative ``UPDATE``. A number whose transaction rolls back was never issued, so
        reusing it is harmless; a committed number is never handed out again.
        """
        await self.begin_write()
        counter = CertificateCounterRow.__table__
        await self.insert_ignoring_conflict(
            counter,  # type: ignore[arg-type]
            {"prefix": counter_key(prefix, series), "year": year, "last_serial": 0},
            ["prefix", "year"],
        )
        where = (
            CertificateCounterRow.prefix == counter_key(prefix, series),
            CertificateCounterRow.year == year,
        )
        await self.session.execute(
            select(CertificateCounterRow.last_serial).where(*where).with_for_update()
        )
        serial = await self.session.scalar(
            update(CertificateCounterRow)
            .where(*where)
            .values(last_serial=CertificateCounterRow.last_serial + 1)
            .returning(CertificateCounterRow.last_serial)
        )
        assert serial is not None
        return format_number(prefix, year, int(serial), series)

    async def get(self, certificate_id: int) -> Certificate | None:
        row = await self.session.get(CertificateRow, certificate_id)
        return to_certificate(row) if row else None

    async def get_by_number(self, number: str) -> Certificate | None:
        """Exact match on the stored number (normalizing user input is the caller's job)."""
        row = await self.session.scalar(
            select(CertificateRow).where(CertificateRow.number == number)
        )
        return to_certificate(row) if row else None

    async def add(self, certificate: Certificate) -> Certificate:
        """Raises ``DuplicateNumber`` if the number is already issued, ``AlreadyIssued`` if the
        enrollment already has a document of this kind."""
        row = CertificateRow(
            kind=str(certificate.kind), **{name: getattr(certificate, name) for name in _FIELDS}
        )
        try:
            async with self.savepoint():
                self.session.add(row)
        except IntegrityError as error:
            if violated(error, "certificates", "number"):
                raise DuplicateNumber(certificate.number) from error
            if violated(error, "certificates", "enrollment_id", "kind"):
                raise AlreadyIssued(certificate.enrollment_id, str(certificate.kind)) from error
            raise
        certificate.id = row.id
        return certificate

    async def update(self, certificate: Certificate) -> Certificate:
        row = await self.session.get(CertificateRow, certificate.id)
        if row is None:
            raise LookupError(certificate.id)
        for name in _FIELDS:
            setattr(row, name, getattr(certificate, name))
        row.kind = str(certificate.kind)
        await self.session.flush()
        return certificate

    async def revoke(self, number: str, on: date, reason: str = "") -> Certificate | None:
        """Mark the certificate revoked (keeps the first revocation date). None if unknown."""
        row = await self.session.scalar(
            select(CertificateRow).where(CertificateRow.number == number)
        )
        if row is None:
            return None
        if row.revoked_on is None:
            row.revoked_on = on
            row.revoke_reason = reason
            await self.session.flush()
        return to_certificate(row)

    async def for_person(self, person_id: int) -> list[Certificate]:
        rows = await self.session.scalars(
            select(CertificateRow)
            .where(CertificateRow.person_id == person_id)
            .order_by(CertificateRow.issued_on, CertificateRow.id)
        )
        return [to_certificate(row) for row in rows]

    async def for_enrollment(self, enrollment_id: int) -> list[Certificate]:
        rows = await self.session.scalars(
            select(CertificateRow)
            .where(CertificateRow.enrollment_id == enrollment_id)
            .order_by(CertificateRow.id)
        )
        return [to_certificate(row) for row in rows]

    async def replacement_of(self, number: str) -> Certificate | None:
        """§33 reissue: the certificate issued in place of ``number`` (the latest one)."""
        row = await self.session.scalar(
            select(CertificateRow)
            .where(CertificateRow.replaces_number == number)
            .order_by(CertificateRow.id.desc())
            .limit(1)
        )
        return to_certificate(row) if row else None

    async def record_check(self, certificate_id: int, at: datetime, channel: str) -> None:
        self.session.add(
            VerificationCheckRow(certificate_id=certificate_id, checked_at=at, channel=channel)
        )
        await self.session.flush()

    async def checks_for(self, certificate_ids: list[int]) -> dict[int, list[datetime]]:
        """When each certificate was verified, oldest first (never by whom)."""
        found: dict[int, list[datetime]] = {i: [] for i in certificate_ids}
        if not certificate_ids:
            return found
        rows = await self.session.execute(
            select(VerificationCheckRow.certificate_id, VerificationCheckRow.checked_at)
            .where(VerificationCheckRow.certificate_id.in_(certificate_ids))
            .order_by(VerificationCheckRow.checked_at, VerificationCheckRow.id)
        )
        for certificate_id, checked_at in rows:
            found[certificate_id].append(checked_at)
        return found


def to_document(row: DocumentFileRow) -> DocumentFile:
    return DocumentFile(
        id=row.id,
        certificate_id=row.certificate_id,
        owner_kind=row.owner_kind,
        owner_id=row.owner_id,
        kind=row.kind,
        lang=row.lang,  # type: ignore[arg-type]
        file_name=row.file_name,
        sha256=row.sha256,
        content=row.content,
        created_at=row.created_at,
    )


class DocumentsRepository(Repository):
    """Rendered PDFs, frozen at issue: one file per (owner, kind, language)."""

    async def save(
        self,
        *,
        owner_kind: str,
        owner_id: int,
        kind: DocumentKind | str,
        lang: Lang,
        content: bytes,
        created_at: datetime,
        file_name: str = "",
        certificate_id: int | None = None,
    ) -> DocumentFile:
        """Store the file once. If one is already stored for the same owner, kind and
        language, that one is returned unchanged (an issued document is never replaced)."""
        existing = await self.get_for_owner(owner_kind, owner_id, kind, lang)
        if existing is not None:
            return existing
        row = DocumentFileRow(
            owner_kind=owner_kind,
            owner_id=owner_id,
            kind=str(kind),
            lang=lang,
            file_name=file_name,
            certificate_id=certificate_id,
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
            created_at=created_at,
        )
        try:
            async with self.savepoint():
                self.session.add(row)
        except IntegrityError as error:
            if not violated(error, "document_files", "owner_kind", "owner_id", "kind", "lang"):
                raise
            stored = await self.get_for_owner(owner_kind, owner_id, kind, lang)
            assert stored is not None
            return stored
        return to_document(row)

    async def save_for_certificate(
        self,
        certificate: Certificate,
        *,
        kind: DocumentKind | str,
        lang: Lang,
        content: bytes,
        created_at: datetime,
        file_name: str = "",
    ) -> DocumentFile:
        assert certificate.id is not None
        return await self.save(
            owner_kind="certificate",
            owner_id=certificate.id,
            certificate_id=certificate.id,
            kind=kind,
            lang=lang,
            content=content,
            created_at=created_at,
            file_name=file_name,
        )

    async def get(self, document_id: int) -> DocumentFile | None:
        row = await self.session.get(DocumentFileRow, document_id)
        return to_document(row) if row else None

    async def get_for_owner(
        self, owner_kind: str, owner_id: int, kind: DocumentKind | str, lang: Lang
    ) -> DocumentFile | None:
        row = await self.session.scalar(
            select(DocumentFileRow).where(
                DocumentFileRow.owner_kind == owner_kind,
                DocumentFileRow.owner_id == owner_id,
                DocumentFileRow.kind == str(kind),
                DocumentFileRow.lang == lang,
            )
        )
        return to_document(row) if row else None

    async def get_for_certificate(
        self,
        certificate_id: int,
        kind: DocumentKind | str | None = None,
        lang: Lang | None = None,
    ) -> DocumentFile | None:
        """The stored file of a certificate (first by id if kind/lang are not given)."""
        files = await self.list_for_certificate(certificate_id)
        for file in files:
            if (kind is None or file.kind == str(kind)) and (lang is None or file.lang == lang):
                return file
        return None

    async def list_for_certificate(self, certificate_id: int) -> list[DocumentFile]:
        rows = await self.session.scalars(
            select(DocumentFileRow)
            .where(DocumentFileRow.certificate_id == certificate_id)
            .order_by(DocumentFileRow.id)
        )
        return [to_document(row) for row in rows]

    async def delete_for_owners(self, owner_kind: str, owner_ids: list[int]) -> int:
        """Remove the stored files of these owners (never a certificate's: those are frozen
        for §33 and belong to ``certificate_id``). Returns how many went."""
        if not owner_ids or owner_kind == "certificate":
            return 0
        result = await self.session.execute(
            delete(DocumentFileRow).where(
                DocumentFileRow.owner_kind == owner_kind,
                DocumentFileRow.owner_id.in_(owner_ids),
                DocumentFileRow.certificate_id.is_(None),
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def find_by_sha256(self, sha256: str) -> DocumentFile | None:
        """The issued document whose frozen PDF has exactly this SHA-256 (hex, lower case)."""
        row = await self.session.scalar(
            select(DocumentFileRow)
            .where(
                DocumentFileRow.sha256 == sha256.lower(),
                DocumentFileRow.certificate_id.is_not(None),
            )
            .order_by(DocumentFileRow.id)
            .limit(1)
        )
        return to_document(row) if row else None

    async def signing_key(self) -> bytes | None:
        """The organization's stored signing key (PKCS#12) in force: the latest one made."""
        row = await self.session.scalar(
            select(SigningKeyRow).order_by(SigningKeyRow.id.desc()).limit(1)
        )
        return bytes(row.pkcs12) if row else None

    async def store_signing_key(
        self, pkcs12: bytes, created_at: datetime, replacing: bytes | None = None
    ) -> bytes:
        """Keep ``pkcs12`` as the key in force, unless the key in force is no longer
        ``replacing`` (``None``: no key yet) — another instance was first: its key is
        returned."""
        await self.begin_write()
        existing = await self.signing_key()
        if existing is not None and existing != replacing:
            return existing
        self.session.add(SigningKeyRow(pkcs12=pkcs12, created_at=created_at))
        await self.session.flush()
        return pkcs12
