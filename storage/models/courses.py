"""Courses with their modules, cohorts with their trainers, and scheduled sessions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Code


class CourseRow(Base):
    __tablename__ = "courses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic_kk: Mapped[str] = mapped_column(String(1000))
    topic_ru: Mapped[str] = mapped_column(String(1000))
    kind: Mapped[str] = mapped_column(Code())
    format: Mapped[str] = mapped_column(Code())
    hours: Mapped[int] = mapped_column(Integer)
    max_score: Mapped[int] = mapped_column(Integer)
    languages: Mapped[str] = mapped_column(String(16), default="kk,ru")
    distance: Mapped[bool] = mapped_column(Boolean, default=False)
    duration_days: Mapped[int | None] = mapped_column(Integer)
    grading_scale: Mapped[str] = mapped_column(Code(), default="pass_fail")

    modules: Mapped[list[CourseModuleRow]] = relationship(
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="CourseModuleRow.position, CourseModuleRow.id",
        passive_deletes=True,
    )


class CourseModuleRow(Base):
    __tablename__ = "course_modules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id", ondelete="CASCADE"), index=True)
    name_kk: Mapped[str] = mapped_column(String(1000))
    name_ru: Mapped[str] = mapped_column(String(1000))
    hours: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class CohortRow(Base):
    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), index=True)
    language: Mapped[str] = mapped_column(String(2))
    starts_on: Mapped[date] = mapped_column(Date, index=True)
    ends_on: Mapped[date] = mapped_column(Date)
    seats: Mapped[int] = mapped_column(Integer)
    open_for_applications: Mapped[bool] = mapped_column(Boolean, default=True)

    trainers: Mapped[list[CohortTrainerRow]] = relationship(
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="CohortTrainerRow.position",
        passive_deletes=True,
    )


class CohortTrainerRow(Base):
    __tablename__ = "cohort_trainers"

    cohort_id: Mapped[int] = mapped_column(
        ForeignKey("cohorts.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class TrainingSessionRow(Base):
    __tablename__ = "training_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    academic_hours: Mapped[int] = mapped_column(Integer, default=2)
    place: Mapped[str] = mapped_column(String(500), default="")
    topic: Mapped[str] = mapped_column(String(1000), default="")
