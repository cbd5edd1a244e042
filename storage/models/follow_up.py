"""§38: follow-up survey answers of teachers and the recorded effectiveness reviews."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Code


class SurveyResponseRow(Base):
    """One teacher's answers to one wave (6 or 12 months) of one completed enrollment; gone
    with the enrollment when a person's data is erased."""

    __tablename__ = "survey_responses"
    __table_args__ = (UniqueConstraint("enrollment_id", "wave"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("enrollments.id", ondelete="CASCADE"), index=True
    )
    wave: Mapped[int] = mapped_column(Integer)
    helped: Mapped[int | None] = mapped_column(Integer)
    applied: Mapped[str | None] = mapped_column(Code())
    comment: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None] = mapped_column(index=True)


class EffectivenessReviewRow(Base):
    __tablename__ = "effectiveness_reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reviewed_on: Mapped[date] = mapped_column(Date, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime | None]
