"""Applications, enrollment orders, enrollments, attendance and final assessments."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Code

#: The statuses in which an application blocks a second one to the same cohort (the
#: domain's ``ACTIVE_STATUSES``): after a rejection or a withdrawal the teacher may apply again.
ACTIVE_APPLICATION_STATUSES = ("submitted", "approved", "enrolled")
_ACTIVE_APPLICATION = text(
    "status IN (" + ", ".join(f"'{status}'" for status in ACTIVE_APPLICATION_STATUSES) + ")"
)


class ApplicationRow(Base):
    __tablename__ = "applications"
    __table_args__ = (
        # One active application per person and cohort: a partial unique index (SQLite and
        # PostgreSQL); named like a unique constraint so ``violated()`` recognizes it.
        Index(
            "uq_applications_person_id_cohort_id",
            "person_id",
            "cohort_id",
            unique=True,
            sqlite_where=_ACTIVE_APPLICATION,
            postgresql_where=_ACTIVE_APPLICATION,
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    kind: Mapped[str] = mapped_column(Code())
    addressed_to: Mapped[str] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(2))
    abroad_duration: Mapped[str | None] = mapped_column(String(4))
    abroad_country: Mapped[str] = mapped_column(String(200), default="")
    abroad_language: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(Code(), index=True)
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]


class EnrollmentOrderRow(Base):
    __tablename__ = "enrollment_orders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    issued_on: Mapped[date] = mapped_column(Date)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    basis_letter_number: Mapped[str] = mapped_column(String(64))
    basis_letter_date: Mapped[date] = mapped_column(Date)
    basis_department: Mapped[str] = mapped_column(String(500), default="")
    basis_department_kk: Mapped[str] = mapped_column(String(500), default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class EnrollmentRow(Base):
    __tablename__ = "enrollments"
    __table_args__ = (UniqueConstraint("person_id", "cohort_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"), index=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("enrollment_orders.id"))
    status: Mapped[str] = mapped_column(Code(), index=True)
    agreement_version: Mapped[str | None] = mapped_column(String(32))
    agreement_lang: Mapped[str | None] = mapped_column(String(2))
    agreement_accepted_at: Mapped[datetime | None]
    expelled_reason: Mapped[str] = mapped_column(Text, default="")
    expulsion_order: Mapped[str] = mapped_column(String(64), default="")
    completed_on: Mapped[date | None] = mapped_column(Date)
    transferred_from_id: Mapped[int | None] = mapped_column(ForeignKey("enrollments.id"))


class AttendanceRow(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("enrollment_id", "session_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("enrollments.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_sessions.id", ondelete="CASCADE"), index=True
    )
    checked_in_at: Mapped[datetime]
    method: Mapped[str] = mapped_column(Code())
    marked_by: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    reason: Mapped[str] = mapped_column(Text, default="")


class FinalAssessmentRow(Base):
    __tablename__ = "final_assessments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(
        ForeignKey("enrollments.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[int] = mapped_column(Integer)
    max_score: Mapped[int] = mapped_column(Integer)
    assessed_on: Mapped[date] = mapped_column(Date)
    is_reassessment: Mapped[bool] = mapped_column(Boolean, default=False)
    #: §31.2 re-assessment with the next cohort (not counted by the §31.1 yearly limit)
    with_next_cohort: Mapped[bool] = mapped_column(Boolean, default=False)

    module_grades: Mapped[list[ModuleGradeRow]] = relationship(
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="ModuleGradeRow.module_id",
        passive_deletes=True,
    )


class ModuleGradeRow(Base):
    __tablename__ = "module_grades"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("final_assessments.id", ondelete="CASCADE"), primary_key=True
    )
    module_id: Mapped[int] = mapped_column(ForeignKey("course_modules.id"), primary_key=True)
    grade: Mapped[str] = mapped_column(String(32))
