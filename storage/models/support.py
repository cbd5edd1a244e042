"""§31 requests with their supporting documents, and §36–37 consultations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Code


class RequestRow(Base):
    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"), index=True)
    kind: Mapped[str] = mapped_column(Code())
    reason: Mapped[str] = mapped_column(Text, default="")
    target_cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohorts.id"))
    status: Mapped[str] = mapped_column(Code(), index=True)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    created_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]

    documents: Mapped[list[RequestDocumentRow]] = relationship(
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="RequestDocumentRow.position",
        passive_deletes=True,
    )


class RequestDocumentRow(Base):
    """A supporting document (Telegram file id of a photo or PDF) attached to a request."""

    __tablename__ = "request_documents"

    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    file_id: Mapped[str] = mapped_column(String(255))


class ConsultationRow(Base):
    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollments.id"), index=True)
    kind: Mapped[str] = mapped_column(Code())
    question: Mapped[str] = mapped_column(Text)
    trainer_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"), index=True)
    answer: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(Code(), index=True)
    created_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]
