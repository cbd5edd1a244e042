"""rules, round two: a §31.2 re-assessment with the next cohort is marked on the assessment
(it does not count towards the once-a-year limit of §31.1)

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-05 21:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('final_assessments', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'with_next_cohort', sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('final_assessments', schema=None) as batch_op:
        batch_op.drop_column('with_next_cohort')
