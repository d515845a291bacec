"""An index for reading long rooms: reactions by parent.

The console's snapshot counts the replies under each trainee message; without it
that scans the room's reactions. (Its time window is found by seq, which the
primary key already orders, so no index on t_min: each index costs write speed.)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_reactions_room_parent", "reactions", ["room_id", "parent_seq"])


def downgrade() -> None:
    op.drop_index("ix_reactions_room_parent", table_name="reactions")
