"""§30 internship (memorandum of cooperation per cohort, the enterprise's App. 5 reference)
and §29 (2025 wording) security blanks the certificates are printed on."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Code


class CohortMemorandumRow(Base):
    """§30: the memorandum of cooperation between the Organization and the enterprise."""

    __tablename__ = "cohort_memoranda"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), unique=True
    )
    number: Mapped[str] = mapped_column(String(64))
    signed_on: Mapped[date] = mapped_column(Date)
    enterprise_name: Mapped[str] = mapped_column(String(500))
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime]


class EnterpriseReferenceRow(Base):
    """§30, App. 5: the reference the enterprise filled in, as uploaded (a Telegram file)."""

    __tablename__ = "enterprise_references"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("enrollments.id", ondelete="CASCADE"), index=True
    )
    file_id: Mapped[str] = mapped_column(String(255))
    file_kind: Mapped[str] = mapped_column(Code())
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(Code())
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class CertificateBlankRow(Base):
    """§29 (2025): a security blank (series + number) — used once: printed with one
    certificate, or spoiled."""

    __tablename__ = "certificate_blanks"
    __table_args__ = (UniqueConstraint("series", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    series: Mapped[str] = mapped_column(String(16))
    number: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(Code())
    certificate_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificates.id", ondelete="SET NULL"), unique=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime]
