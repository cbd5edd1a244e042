"""§38: survey responses and effectiveness reviews."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from domain.follow_up import EffectivenessReview, SurveyResponse
from storage.models import EffectivenessReviewRow, SurveyResponseRow
from storage.repositories.base import Repository


def to_response(row: SurveyResponseRow) -> SurveyResponse:
    return SurveyResponse(
        id=row.id,
        enrollment_id=row.enrollment_id,
        wave=row.wave,
        helped=row.helped,
        applied=row.applied,
        comment=row.comment,
        started_at=row.started_at,
        completed_at=row.completed_at,
    )


def to_review(row: EffectivenessReviewRow) -> EffectivenessReview:
    return EffectivenessReview(
        id=row.id,
        reviewed_on=row.reviewed_on,
        note=row.note,
        recorded_by=row.recorded_by,
        recorded_at=row.recorded_at,
    )


class FollowUpRepository(Repository):
    async def response(self, enrollment_id: int, wave: int) -> SurveyResponse | None:
        row = await self.session.scalar(
            select(SurveyResponseRow).where(
                SurveyResponseRow.enrollment_id == enrollment_id, SurveyResponseRow.wave == wave
            )
        )
        return to_response(row) if row else None

    async def save_response(self, response: SurveyResponse) -> SurveyResponse:
        """Insert or update (one row per enrollment and wave)."""
        row = await self.session.scalar(
            select(SurveyResponseRow).where(
                SurveyResponseRow.enrollment_id == response.enrollment_id,
                SurveyResponseRow.wave == response.wave,
            )
        )
        if row is None:
            row = SurveyResponseRow(enrollment_id=response.enrollment_id, wave=response.wave)
            self.session.add(row)
        row.helped = response.helped
        row.applied = response.applied
        row.comment = response.comment
        row.started_at = response.started_at
        row.completed_at = response.completed_at
        await self.session.flush()
        response.id = row.id
        return response

    async def completed_since(self, since: datetime) -> list[SurveyResponse]:
        rows = await self.session.scalars(
            select(SurveyResponseRow)
            .where(SurveyResponseRow.completed_at >= since)
            .order_by(SurveyResponseRow.completed_at, SurveyResponseRow.id)
        )
        return [to_response(row) for row in rows]

    async def add_review(self, review: EffectivenessReview) -> EffectivenessReview:
        row = EffectivenessReviewRow(
            reviewed_on=review.reviewed_on,
            note=review.note,
            recorded_by=review.recorded_by,
            recorded_at=review.recorded_at,
        )
        self.session.add(row)
        await self.session.flush()
        review.id = row.id
        return review

    async def latest_review(self) -> EffectivenessReview | None:
        row = await self.session.scalar(
            select(EffectivenessReviewRow)
            .order_by(EffectivenessReviewRow.reviewed_on.desc(), EffectivenessReviewRow.id.desc())
            .limit(1)
        )
        return to_review(row) if row else None
