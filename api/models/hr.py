"""The HR roster, leave entitlements and leave requests (portable: SQLite and PostgreSQL)."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.services.family_events import FamilyEvent
from core.database import Base
from knowledge_base.tables import utcnow


class LeaveType(enum.StrEnum):
    annual = "annual"
    sick = "sick"
    family = "family"  # family CARE leave (가족돌봄휴가): 10 days a year
    family_event = "family_event"  # 경조휴가: days per event, no yearly entitlement


# The types with a yearly entitlement and a balance (family_event has neither).
ENTITLED_TYPES = (LeaveType.annual, LeaveType.sick, LeaveType.family)


class LeavePart(enum.StrEnum):
    """How much of the day(s) a request takes (the handbook's "Half-day leave and hourly
    leave"): every day of the range, the first or second half of one day (반차, 0.5 day), or
    one 2-hour block of one day (반반차, 0.25 day, from ``block_start``)."""

    full = "full"
    am = "am"
    pm = "pm"
    hours = "hours"


class LeaveStatus(enum.StrEnum):
    pending = "pending"
    approved = "approved"
    declined = "declined"
    cancelled = "cancelled"


# Requests that hold days and dates: they count against the balance and block overlaps.
ACTIVE_STATUSES = (LeaveStatus.pending, LeaveStatus.approved)


def _enum(cls: type[enum.Enum], length: int = 16) -> Enum:
    return Enum(cls, native_enum=False, length=length, validate_strings=True)


# Days are exact decimals: 0.25 (a 2-hour block), 0.5 (a half day), 1, 2 …
DAYS = Numeric(5, 2)


class Employee(Base):
    __tablename__ = "employees"

    employee_id: Mapped[str] = mapped_column(String(16), primary_key=True)  # "E0001"
    name_en: Mapped[str] = mapped_column(String(120))  # family name first: "Kim Min-jun"
    name_ko: Mapped[str] = mapped_column(String(60))
    branch: Mapped[str] = mapped_column(String(60), index=True)  # "Gangnam", "Head Office"
    department: Mapped[str] = mapped_column(String(40), index=True)
    job_role: Mapped[str] = mapped_column(String(60), index=True)
    work_phone: Mapped[str] = mapped_column(String(32))
    work_email: Mapped[str] = mapped_column(String(120), unique=True)
    manager_id: Mapped[str | None] = mapped_column(
        ForeignKey("employees.employee_id"), index=True)
    hire_date: Mapped[date] = mapped_column(Date)

    manager: Mapped[Employee | None] = relationship(
        remote_side=[employee_id], back_populates="reports")
    reports: Mapped[list[Employee]] = relationship(back_populates="manager")


class LeaveEntitlement(Base):
    """Days of one leave type an employee may take in one calendar year."""

    __tablename__ = "leave_entitlements"
    __table_args__ = (
        UniqueConstraint("employee_id", "year", "leave_type"),
        CheckConstraint("days >= 0", name="entitlement_days_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.employee_id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    leave_type: Mapped[LeaveType] = mapped_column(_enum(LeaveType))
    days: Mapped[int] = mapped_column(Integer)


class LeaveRequest(Base):
    __tablename__ = "leave_requests"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="leave_end_not_before_start"),
        CheckConstraint("days > 0", name="leave_days_positive"),
        CheckConstraint("part = 'full' OR start_date = end_date",
                        name="leave_part_single_date"),
        CheckConstraint("(part = 'full' AND days >= 1) OR (part IN ('am', 'pm') AND days = 0.5)"
                        " OR (part = 'hours' AND days = 0.25)", name="leave_part_days"),
        CheckConstraint("(part = 'hours' AND block_start IS NOT NULL)"
                        " OR (part <> 'hours' AND block_start IS NULL)",
                        name="leave_block_start_iff_hours"),
        CheckConstraint("(leave_type = 'family_event' AND event IS NOT NULL)"
                        " OR (leave_type <> 'family_event' AND event IS NULL)",
                        name="leave_event_iff_family_event"),
        Index("ix_leave_requests_employee_dates", "employee_id", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    employee_id: Mapped[str] = mapped_column(ForeignKey("employees.employee_id"), index=True)
    leave_type: Mapped[LeaveType] = mapped_column(_enum(LeaveType))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    # Working days (weekends and the chain's public holidays are not counted); 0.5 for a
    # half day, 0.25 for a 2-hour block.
    days: Mapped[Decimal] = mapped_column(DAYS)
    part: Mapped[LeavePart] = mapped_column(_enum(LeavePart), default=LeavePart.full,
                                            server_default=LeavePart.full.value)
    block_start: Mapped[str | None] = mapped_column(String(5))  # "HH:MM", part == hours only
    event: Mapped[FamilyEvent | None] = mapped_column(_enum(FamilyEvent, length=32))
    status: Mapped[LeaveStatus] = mapped_column(_enum(LeaveStatus), index=True,
                                                default=LeaveStatus.pending)
    reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(ForeignKey("employees.employee_id"))
    decided_at: Mapped[datetime | None]

    employee: Mapped[Employee] = relationship(foreign_keys=[employee_id])
