"""§38 follow-up survey responses and effectiveness reviews

Revision ID: 0007
Revises: 0002
Create Date: 2026-12-05 21:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = '0007'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enrollment_id', sa.Integer(), nullable=False),
    sa.Column('wave', sa.Integer(), nullable=False),
    sa.Column('helped', sa.Integer(), nullable=True),
    sa.Column('applied', sa.String(length=32), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('started_at', storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('completed_at', storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['enrollment_id'], ['enrollments.id'], name=op.f('fk_survey_responses_enrollment_id_enrollments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses')),
    sa.UniqueConstraint('enrollment_id', 'wave', name=op.f('uq_survey_responses_enrollment_id_wave'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_responses_completed_at'), ['completed_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_responses_enrollment_id'), ['enrollment_id'], unique=False)

    op.create_table('effectiveness_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('recorded_at', storage.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['recorded_by'], ['people.id'], name=op.f('fk_effectiveness_reviews_recorded_by_people'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_effectiveness_reviews'))
    )
    with op.batch_alter_table('effectiveness_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_effectiveness_reviews_reviewed_on'), ['reviewed_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('effectiveness_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_effectiveness_reviews_reviewed_on'))
    op.drop_table('effectiveness_reviews')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_responses_enrollment_id'))
        batch_op.drop_index(batch_op.f('ix_survey_responses_completed_at'))
    op.drop_table('survey_responses')
