"""Release 2026-11, before migrations (2 of 2): the gateway's tables — accounts, the HR roster
and leave, chat turns, feedback and session context. A database made by that release is
stamped here (core.schema).

Revision ID: 0001
Revises: 0000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = "0000"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_session_context",
        sa.Column("session_id", sa.String(length=128), nullable=False),
        sa.Column("person", sa.JSON(), nullable=False),
        sa.Column("taking", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_table(
        "chat_turns",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("session_id", sa.String(length=128), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=4), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("intent", sa.String(length=64), nullable=True),
        sa.Column("confidence", sa.Double(), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("emergency", sa.Boolean(), nullable=False),
        sa.Column("handoff", sa.Boolean(), nullable=False),
        sa.Column("gap_reason", sa.String(length=32), nullable=True),
        sa.Column("answered_by", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("chat_turns", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_chat_turns_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_turns_gap_reason"), ["gap_reason"], unique=False)
        batch_op.create_index(batch_op.f("ix_chat_turns_session_id"), ["session_id"], unique=False)
    op.create_table(
        "employees",
        sa.Column("employee_id", sa.String(length=16), nullable=False),
        sa.Column("name_en", sa.String(length=120), nullable=False),
        sa.Column("name_ko", sa.String(length=60), nullable=False),
        sa.Column("branch", sa.String(length=60), nullable=False),
        sa.Column("department", sa.String(length=40), nullable=False),
        sa.Column("job_role", sa.String(length=60), nullable=False),
        sa.Column("work_phone", sa.String(length=32), nullable=False),
        sa.Column("work_email", sa.String(length=120), nullable=False),
        sa.Column("manager_id", sa.String(length=16), nullable=True),
        sa.Column("hire_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["employees.employee_id"],
        ),
        sa.PrimaryKeyConstraint("employee_id"),
        sa.UniqueConstraint("work_email"),
    )
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employees_branch"), ["branch"], unique=False)
        batch_op.create_index(batch_op.f("ix_employees_department"), ["department"], unique=False)
        batch_op.create_index(batch_op.f("ix_employees_job_role"), ["job_role"], unique=False)
        batch_op.create_index(batch_op.f("ix_employees_manager_id"), ["manager_id"], unique=False)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("hashed_password", sa.String(length=255), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "consumer", "employee", "staff", "admin", name="role", native_enum=False, length=16
            ),
            nullable=False,
        ),
        sa.Column("employee_id", sa.String(length=16), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_employee_id"), ["employee_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_username"), ["username"], unique=True)
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("turn_id", sa.String(length=36), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("comment", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["turn_id"],
            ["chat_turns.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_feedback_turn_id"), ["turn_id"], unique=False)
    op.create_table(
        "leave_entitlements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "leave_type",
            sa.Enum("annual", "sick", "family", name="leavetype", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.CheckConstraint("days >= 0", name="entitlement_days_not_negative"),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.employee_id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("employee_id", "year", "leave_type"),
    )
    with op.batch_alter_table("leave_entitlements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_leave_entitlements_employee_id"), ["employee_id"], unique=False
        )
    op.create_table(
        "leave_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=16), nullable=False),
        sa.Column(
            "leave_type",
            sa.Enum("annual", "sick", "family", name="leavetype", native_enum=False, length=16),
            nullable=False,
        ),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("days", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "approved",
                "declined",
                "cancelled",
                name="leavestatus",
                native_enum=False,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("reason", sa.String(length=500), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=16), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("days > 0", name="leave_days_positive"),
        sa.CheckConstraint("end_date >= start_date", name="leave_end_not_before_start"),
        sa.ForeignKeyConstraint(
            ["decided_by"],
            ["employees.employee_id"],
        ),
        sa.ForeignKeyConstraint(
            ["employee_id"],
            ["employees.employee_id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("leave_requests", schema=None) as batch_op:
        batch_op.create_index(
            "ix_leave_requests_employee_dates",
            ["employee_id", "start_date", "end_date"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_leave_requests_employee_id"), ["employee_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_leave_requests_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("leave_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leave_requests_status"))
        batch_op.drop_index(batch_op.f("ix_leave_requests_employee_id"))
        batch_op.drop_index("ix_leave_requests_employee_dates")
    op.drop_table("leave_requests")
    with op.batch_alter_table("leave_entitlements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_leave_entitlements_employee_id"))
    op.drop_table("leave_entitlements")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_feedback_turn_id"))
    op.drop_table("feedback")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_username"))
        batch_op.drop_index(batch_op.f("ix_users_employee_id"))
    op.drop_table("users")
    with op.batch_alter_table("employees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employees_manager_id"))
        batch_op.drop_index(batch_op.f("ix_employees_job_role"))
        batch_op.drop_index(batch_op.f("ix_employees_department"))
        batch_op.drop_index(batch_op.f("ix_employees_branch"))
    op.drop_table("employees")
    with op.batch_alter_table("chat_turns", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_chat_turns_session_id"))
        batch_op.drop_index(batch_op.f("ix_chat_turns_gap_reason"))
        batch_op.drop_index(batch_op.f("ix_chat_turns_created_at"))
    op.drop_table("chat_turns")
    op.drop_table("chat_session_context")
