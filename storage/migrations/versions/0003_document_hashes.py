"""verification of files and web page: document hashes indexed, verification checks,
reissue (replaces_number), the organization's self-signed signing key

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 21:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('document_files', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_files_sha256'), ['sha256'], unique=False)
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('replaces_number', sa.String(length=64), nullable=True))
        batch_op.create_index(
            batch_op.f('ix_certificates_replaces_number'), ['replaces_number'], unique=False
        )
    op.create_table(
        'verification_checks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('certificate_id', sa.Integer(), nullable=False),
        sa.Column('checked_at', storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column('channel', sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ['certificate_id'],
            ['certificates.id'],
            name=op.f('fk_verification_checks_certificate_id_certificates'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_verification_checks')),
    )
    with op.batch_alter_table('verification_checks', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_verification_checks_certificate_id'), ['certificate_id'], unique=False
        )
    op.create_table(
        'signing_keys',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('pkcs12', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', storage.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_signing_keys')),
    )


def downgrade() -> None:
    op.drop_table('signing_keys')
    with op.batch_alter_table('verification_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_verification_checks_certificate_id'))
    op.drop_table('verification_checks')
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificates_replaces_number'))
        batch_op.drop_column('replaces_number')
    with op.batch_alter_table('document_files', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_files_sha256'))
