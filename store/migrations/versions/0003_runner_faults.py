"""What riding out faults needs: when a room's runner was found dead, automatic restarts, and
a token per input so a post retried through a database outage is stored once.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rooms") as batch:
        batch.add_column(sa.Column("runner_lost_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("runner_restarts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("restarted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
    with op.batch_alter_table("inputs") as batch:
        batch.add_column(sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True))
    op.create_index("ux_inputs_token", "inputs", ["token"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_inputs_token", table_name="inputs")
    with op.batch_alter_table("inputs") as batch:
        batch.drop_column("token")
    with op.batch_alter_table("rooms") as batch:
        batch.drop_column("restarted_at")
        batch.drop_column("runner_restarts")
        batch.drop_column("runner_lost_at")
