"""Benefits administration: welfare points (복지포인트) and requests HR staff handle.

Welfare points are kept per employee per calendar year as an account and its transactions
(grants and uses, amounts always positive); the balance is derived (granted - used), never
stored. A benefit request is one of :class:`BenefitKind`, with the details its kind needs in
columns of its own (CHECK constraints say which), and goes
``pending`` → ``in_progress`` → ``completed`` / ``rejected``; the employee may cancel it
while it is pending (``cancelled``). Rows are never deleted.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.models.hr import Employee
from core.database import Base
from knowledge_base.tables import utcnow


def _enum(cls: type[enum.Enum]) -> Enum:
    return Enum(cls, native_enum=False, length=32, validate_strings=True)


class PointKind(enum.StrEnum):
    grant = "grant"
    use = "use"


class BenefitKind(enum.StrEnum):
    add_dependent = "add_dependent"  # register a spouse or child on the company health cover
    employment_certificate = "employment_certificate"  # 재직증명서
    income_certificate = "income_certificate"  # 근로소득 원천징수영수증 for one tax year


CERTIFICATE_KINDS = (BenefitKind.employment_certificate, BenefitKind.income_certificate)


class DependentRelation(enum.StrEnum):
    spouse = "spouse"
    child = "child"  # a newborn included


class CertificateLanguage(enum.StrEnum):
    ko = "ko"
    en = "en"


class BenefitStatus(enum.StrEnum):
    pending = "pending"
    in_progress = "in_progress"
    completed = "completed"
    rejected = "rejected"
    cancelled = "cancelled"


OPEN_STATUSES = (BenefitStatus.pending, BenefitStatus.in_progress)


class WelfarePointAccount(Base):
    """One employee's welfare points for one calendar year."""

    __tablename__ = "welfare_point_accounts"
    __table_args__ = (UniqueConstraint("employee_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.employee_id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    transactions: Mapped[list[WelfarePointTransaction]] = relationship(
        back_populates="account", order_by="WelfarePointTransaction.id")


class WelfarePointTransaction(Base):
    __tablename__ = "welfare_point_transactions"
    __table_args__ = (
        CheckConstraint("amount > 0", name="welfare_point_amount_positive"),
        Index("ix_welfare_point_transactions_account_date", "account_id", "occurred_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("welfare_point_accounts.id"))
    kind: Mapped[PointKind] = mapped_column(_enum(PointKind))
    amount: Mapped[int] = mapped_column(Integer)  # points, always positive
    description: Mapped[str] = mapped_column(String(200))
    occurred_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    account: Mapped[WelfarePointAccount] = relationship(back_populates="transactions")


class BenefitRequest(Base):
    __tablename__ = "benefit_requests"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'add_dependent' AND dependent_relation IS NOT NULL"
            " AND dependent_name IS NOT NULL AND dependent_birth_date IS NOT NULL)"
            " OR (kind <> 'add_dependent' AND dependent_relation IS NULL"
            " AND dependent_name IS NULL AND dependent_birth_date IS NULL)",
            name="benefit_dependent_iff_add_dependent"),
        CheckConstraint(
            "(kind = 'add_dependent' AND language IS NULL AND copies IS NULL)"
            " OR (kind <> 'add_dependent' AND language IS NOT NULL AND copies >= 1)",
            name="benefit_certificate_fields"),
        CheckConstraint("(kind = 'income_certificate' AND tax_year IS NOT NULL)"
                        " OR (kind <> 'income_certificate' AND tax_year IS NULL)",
                        name="benefit_tax_year_iff_income_certificate"),
        Index("ix_benefit_requests_status_created", "status", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.employee_id"), index=True)
    kind: Mapped[BenefitKind] = mapped_column(_enum(BenefitKind))
    status: Mapped[BenefitStatus] = mapped_column(_enum(BenefitStatus),
                                                  default=BenefitStatus.pending)
    # add_dependent
    dependent_relation: Mapped[DependentRelation | None] = mapped_column(
        _enum(DependentRelation))
    dependent_name: Mapped[str | None] = mapped_column(String(60))
    dependent_birth_date: Mapped[date | None] = mapped_column(Date)
    # certificates (purpose is free text: "bank loan", "visa application")
    purpose: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[CertificateLanguage | None] = mapped_column(_enum(CertificateLanguage))
    copies: Mapped[int | None] = mapped_column(Integer)
    tax_year: Mapped[int | None] = mapped_column(Integer)  # income_certificate only
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # the HR staff member who last moved it on, when, and what they told the employee
    handled_by: Mapped[str | None] = mapped_column(ForeignKey("employees.employee_id"))
    handled_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(String(500))

    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
    handler: Mapped[Employee | None] = relationship(foreign_keys=[handled_by])
