"""§30 internship (memoranda, App. 5 references), §29 security blanks, the order's department
in both languages, a course's grading scale

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-05 21:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'cohort_memoranda',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('cohort_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=64), nullable=False),
        sa.Column('signed_on', sa.Date(), nullable=False),
        sa.Column('enterprise_name', sa.String(length=500), nullable=False),
        sa.Column('recorded_by', sa.Integer(), nullable=True),
        sa.Column('recorded_at', storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_memoranda_cohort_id_cohorts'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recorded_by'], ['people.id'], name=op.f('fk_cohort_memoranda_recorded_by_people'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_memoranda')),
        sa.UniqueConstraint('cohort_id', name=op.f('uq_cohort_memoranda_cohort_id')),
    )
    op.create_table(
        'enterprise_references',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('enrollment_id', sa.Integer(), nullable=False),
        sa.Column('file_id', sa.String(length=255), nullable=False),
        sa.Column('file_kind', sa.String(length=32), nullable=False),
        sa.Column('uploaded_by', sa.Integer(), nullable=True),
        sa.Column('uploaded_at', storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('status', sa.String(length=32), nullable=False),
        sa.Column('decided_by', sa.Integer(), nullable=True),
        sa.Column('decided_at', storage.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['enrollment_id'], ['enrollments.id'], name=op.f('fk_enterprise_references_enrollment_id_enrollments'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['uploaded_by'], ['people.id'], name=op.f('fk_enterprise_references_uploaded_by_people'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['decided_by'], ['people.id'], name=op.f('fk_enterprise_references_decided_by_people'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_enterprise_references')),
    )
    with op.batch_alter_table('enterprise_references', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enterprise_references_enrollment_id'), ['enrollment_id'], unique=False)
    op.create_table(
        'certificate_blanks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('series', sa.String(length=16), nullable=False),
        sa.Column('number', sa.String(length=32), nullable=False),
        sa.Column('status', sa.String(length=32), nullable=False),
        sa.Column('certificate_id', sa.Integer(), nullable=True),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('recorded_by', sa.Integer(), nullable=True),
        sa.Column('recorded_at', storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['certificate_id'], ['certificates.id'], name=op.f('fk_certificate_blanks_certificate_id_certificates'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['recorded_by'], ['people.id'], name=op.f('fk_certificate_blanks_recorded_by_people'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate_blanks')),
        sa.UniqueConstraint('certificate_id', name=op.f('uq_certificate_blanks_certificate_id')),
        sa.UniqueConstraint('series', 'number', name=op.f('uq_certificate_blanks_series_number')),
    )
    with op.batch_alter_table('enrollment_orders', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('basis_department_kk', sa.String(length=500), nullable=False, server_default='')
        )
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('grading_scale', sa.String(length=32), nullable=False, server_default='pass_fail')
        )


def downgrade() -> None:
    with op.batch_alter_table('courses', schema=None) as batch_op:
        batch_op.drop_column('grading_scale')
    with op.batch_alter_table('enrollment_orders', schema=None) as batch_op:
        batch_op.drop_column('basis_department_kk')
    op.drop_table('certificate_blanks')
    with op.batch_alter_table('enterprise_references', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enterprise_references_enrollment_id'))
    op.drop_table('enterprise_references')
    op.drop_table('cohort_memoranda')
