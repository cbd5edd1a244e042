"""Issued certificates, their frozen PDF files, and registration-number counters."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Code


class CertificateRow(Base):
    __tablename__ = "certificates"
    # One document of each kind per enrollment (a reference, then after a §31 re-assessment a
    # certificate that follows it); imported certificates without an enrollment are not limited.
    __table_args__ = (UniqueConstraint("enrollment_id", "kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(Code())
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    enrollment_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"), index=True)
    holder_full_name: Mapped[str] = mapped_column(String(300))
    topic: Mapped[str] = mapped_column(String(1000))
    academic_hours: Mapped[int] = mapped_column(Integer)
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    organization_name: Mapped[str] = mapped_column(String(500), default="")
    revoked_on: Mapped[date | None] = mapped_column(Date)
    revoke_reason: Mapped[str] = mapped_column(Text, default="")
    follows_number: Mapped[str | None] = mapped_column(String(64))
    pdf_sha256: Mapped[str] = mapped_column(String(64), default="")
    #: §33 reissue: the revoked certificate this one replaces (that one reads "replaced by")
    replaces_number: Mapped[str | None] = mapped_column(String(64), index=True)


class DocumentFileRow(Base):
    """A rendered PDF, stored once and re-sent byte for byte."""

    __tablename__ = "document_files"
    __table_args__ = (UniqueConstraint("owner_kind", "owner_id", "kind", "lang"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    owner_kind: Mapped[str] = mapped_column(Code())
    owner_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(Code())
    lang: Mapped[str] = mapped_column(String(2))
    file_name: Mapped[str] = mapped_column(String(255), default="")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class CertificateCounterRow(Base):
    """Last registration serial per prefix and year: numbers are never reused."""

    __tablename__ = "certificate_counters"

    prefix: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_serial: Mapped[int] = mapped_column(Integer, default=0)


class VerificationCheckRow(Base):
    """One verification of a certificate (by number, QR link, file or web page): only when,
    never who, so the holder can see that an employer looked."""

    __tablename__ = "verification_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificates.id", ondelete="CASCADE"), index=True
    )
    checked_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(Code())


class SigningKeyRow(Base):
    """The organization's self-signed document-signing key (PKCS#12, encrypted with a
    password derived from ``CERT_SECRET``), made at first start when no key file is set."""

    __tablename__ = "signing_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pkcs12: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]
