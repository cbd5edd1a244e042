"""one-per rules as constraints: an active application per person and cohort, a document
of each kind per enrollment

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04 23:59:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here (the models' ACTIVE_APPLICATION_STATUSES may change in a later revision).
ACTIVE = sa.text("status IN ('submitted', 'approved', 'enrolled')")


def upgrade() -> None:
    # Before the index: of two active applications of one person to one cohort (possible
    # only through a race the application-level check did not catch), the later ones are
    # marked withdrawn; the earliest stays as it was.
    op.execute(
        "UPDATE applications SET status = 'withdrawn' "
        "WHERE status IN ('submitted', 'approved', 'enrolled') AND EXISTS ("
        "SELECT 1 FROM applications AS earlier "
        "WHERE earlier.person_id = applications.person_id "
        "AND earlier.cohort_id = applications.cohort_id "
        "AND earlier.status IN ('submitted', 'approved', 'enrolled') "
        "AND earlier.id < applications.id)"
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(
            'uq_applications_person_id_cohort_id',
            ['person_id', 'cohort_id'],
            unique=True,
            sqlite_where=ACTIVE,
            postgresql_where=ACTIVE,
        )
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f('uq_certificates_enrollment_id_kind'), ['enrollment_id', 'kind']
        )


def downgrade() -> None:
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_certificates_enrollment_id_kind'), type_='unique')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('uq_applications_person_id_cohort_id')
