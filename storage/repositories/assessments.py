"""§28 final assessments and §31 re-assessments, with per-module grades for the appendix."""

from __future__ import annotations

from sqlalchemy import select

from domain.model import FinalAssessment, ModuleGrade
from storage.models import FinalAssessmentRow, ModuleGradeRow
from storage.repositories.base import Repository


def to_assessment(row: FinalAssessmentRow) -> FinalAssessment:
    return FinalAssessment(
        id=row.id,
        enrollment_id=row.enrollment_id,
        score=row.score,
        max_score=row.max_score,
        assessed_on=row.assessed_on,
        is_reassessment=row.is_reassessment,
        with_next_cohort=row.with_next_cohort,
        module_grades=[
            ModuleGrade(module_id=g.module_id, grade=g.grade) for g in row.module_grades
        ],
    )


class AssessmentsRepository(Repository):
    async def get(self, assessment_id: int) -> FinalAssessment | None:
        row = await self.session.get(FinalAssessmentRow, assessment_id)
        return to_assessment(row) if row else None

    async def add(self, assessment: FinalAssessment) -> FinalAssessment:
        row = FinalAssessmentRow(
            enrollment_id=assessment.enrollment_id,
            score=assessment.score,
            max_score=assessment.max_score,
            assessed_on=assessment.assessed_on,
            is_reassessment=assessment.is_reassessment,
            with_next_cohort=assessment.with_next_cohort,
            module_grades=[
                ModuleGradeRow(module_id=g.module_id, grade=g.grade)
                for g in assessment.module_grades
            ],
        )
        self.session.add(row)
        await self.session.flush()
        assessment.id = row.id
        return assessment

    async def for_enrollment(self, enrollment_id: int) -> list[FinalAssessment]:
        """All attempts, oldest first."""
        rows = await self.session.scalars(
            select(FinalAssessmentRow)
            .where(FinalAssessmentRow.enrollment_id == enrollment_id)
            .order_by(FinalAssessmentRow.assessed_on, FinalAssessmentRow.id)
        )
        return [to_assessment(row) for row in rows]

    async def latest(self, enrollment_id: int) -> FinalAssessment | None:
        row = await self.session.scalar(
            select(FinalAssessmentRow)
            .where(FinalAssessmentRow.enrollment_id == enrollment_id)
            .order_by(FinalAssessmentRow.assessed_on.desc(), FinalAssessmentRow.id.desc())
            .limit(1)
        )
        return to_assessment(row) if row else None
