"""Leave in parts of a day (half days, 2-hour blocks) and family event leave

``leave_requests`` gets ``part`` (full / am / pm / hours; existing rows are full days),
``block_start`` ("HH:MM" of a 2-hour block) and ``event`` (the family event of a
``family_event`` request); ``days`` becomes an exact decimal (0.25, 0.5, 1 …). Entitlements
stay whole days. The leave type column is a plain string (non-native enum without a CHECK),
so the new ``family_event`` type needs no DDL.

Downgrade: requests that cannot be whole-day rows any more (half days, blocks, family event
leave) are DELETED, then the columns go and ``days`` is an integer again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-10 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PARTS = ("full", "am", "pm", "hours")
EVENTS = ("own_wedding", "child_wedding", "bereavement_spouse", "bereavement_parent",
          "bereavement_child", "bereavement_spouse_parent", "bereavement_grandparent",
          "bereavement_sibling", "bereavement_spouse_grandparent", "bereavement_spouse_sibling")

CHECKS = {
    "leave_part_single_date": "part = 'full' OR start_date = end_date",
    "leave_part_days": "(part = 'full' AND days >= 1) OR (part IN ('am', 'pm') AND days = 0.5)"
                       " OR (part = 'hours' AND days = 0.25)",
    "leave_block_start_iff_hours": "(part = 'hours' AND block_start IS NOT NULL)"
                                   " OR (part <> 'hours' AND block_start IS NULL)",
    "leave_event_iff_family_event": "(leave_type = 'family_event' AND event IS NOT NULL)"
                                    " OR (leave_type <> 'family_event' AND event IS NULL)",
}


def upgrade() -> None:
    with op.batch_alter_table("leave_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "part", sa.Enum(*PARTS, name="leavepart", native_enum=False, length=16),
            server_default="full", nullable=False))
        batch_op.add_column(sa.Column("block_start", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column(
            "event", sa.Enum(*EVENTS, name="familyevent", native_enum=False, length=32),
            nullable=True))
        batch_op.alter_column("days", existing_type=sa.Integer(),
                              type_=sa.Numeric(precision=5, scale=2), existing_nullable=False)
    # a second batch: the CHECKs name the new columns, which must exist first
    with op.batch_alter_table("leave_requests", schema=None) as batch_op:
        for name, condition in CHECKS.items():
            batch_op.create_check_constraint(name, condition)


def downgrade() -> None:
    op.execute("DELETE FROM leave_requests WHERE part <> 'full' OR leave_type = 'family_event'")
    with op.batch_alter_table("leave_requests", schema=None) as batch_op:
        for name in CHECKS:
            batch_op.drop_constraint(name, type_="check")
    with op.batch_alter_table("leave_requests", schema=None) as batch_op:
        batch_op.alter_column("days", existing_type=sa.Numeric(precision=5, scale=2),
                              type_=sa.Integer(), existing_nullable=False)
        batch_op.drop_column("event")
        batch_op.drop_column("block_start")
        batch_op.drop_column("part")
