"""Benefits administration: welfare points and benefit requests

Three new tables, nothing else changes: ``welfare_point_accounts`` (one employee, one
calendar year), ``welfare_point_transactions`` (grants and uses of an account, amounts
positive; the balance is derived) and ``benefit_requests`` (adding a dependent to the
company health cover, an employment certificate, an income certificate; pending →
in_progress → completed / rejected, or cancelled by the employee).

Downgrade drops the three tables and their rows (release 0003 has nowhere to keep them).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-12 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


BENEFIT_CHECKS = {
    "benefit_dependent_iff_add_dependent":
        "(kind = 'add_dependent' AND dependent_relation IS NOT NULL"
        " AND dependent_name IS NOT NULL AND dependent_birth_date IS NOT NULL)"
        " OR (kind <> 'add_dependent' AND dependent_relation IS NULL"
        " AND dependent_name IS NULL AND dependent_birth_date IS NULL)",
    "benefit_certificate_fields":
        "(kind = 'add_dependent' AND language IS NULL AND copies IS NULL)"
        " OR (kind <> 'add_dependent' AND language IS NOT NULL AND copies >= 1)",
    "benefit_tax_year_iff_income_certificate":
        "(kind = 'income_certificate' AND tax_year IS NOT NULL)"
        " OR (kind <> 'income_certificate' AND tax_year IS NULL)",
}


def upgrade() -> None:
    op.create_table(
        "welfare_point_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.employee_id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("employee_id", "year"),
    )
    op.create_index("ix_welfare_point_accounts_employee_id", "welfare_point_accounts",
                    ["employee_id"])
    op.create_table(
        "welfare_point_transactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("kind", _enum("pointkind", "grant", "use"), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name="welfare_point_amount_positive"),
        sa.ForeignKeyConstraint(["account_id"], ["welfare_point_accounts.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_welfare_point_transactions_account_date",
                    "welfare_point_transactions", ["account_id", "occurred_on"])
    op.create_table(
        "benefit_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=16), nullable=False),
        sa.Column("kind", _enum("benefitkind", "add_dependent", "employment_certificate",
                                "income_certificate"), nullable=False),
        sa.Column("status", _enum("benefitstatus", "pending", "in_progress", "completed",
                                  "rejected", "cancelled"), nullable=False),
        sa.Column("dependent_relation", _enum("dependentrelation", "spouse", "child"),
                  nullable=True),
        sa.Column("dependent_name", sa.String(length=60), nullable=True),
        sa.Column("dependent_birth_date", sa.Date(), nullable=True),
        sa.Column("purpose", sa.String(length=200), nullable=True),
        sa.Column("language", _enum("certificatelanguage", "ko", "en"), nullable=True),
        sa.Column("copies", sa.Integer(), nullable=True),
        sa.Column("tax_year", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("handled_by", sa.String(length=16), nullable=True),
        sa.Column("handled_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        *(sa.CheckConstraint(condition, name=name)
          for name, condition in BENEFIT_CHECKS.items()),
        sa.ForeignKeyConstraint(["employee_id"], ["employees.employee_id"]),
        sa.ForeignKeyConstraint(["handled_by"], ["employees.employee_id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_benefit_requests_employee_id", "benefit_requests", ["employee_id"])
    op.create_index("ix_benefit_requests_status_created", "benefit_requests",
                    ["status", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_benefit_requests_status_created", table_name="benefit_requests")
    op.drop_index("ix_benefit_requests_employee_id", table_name="benefit_requests")
    op.drop_table("benefit_requests")
    op.drop_index("ix_welfare_point_transactions_account_date",
                  table_name="welfare_point_transactions")
    op.drop_table("welfare_point_transactions")
    op.drop_index("ix_welfare_point_accounts_employee_id", table_name="welfare_point_accounts")
    op.drop_table("welfare_point_accounts")
