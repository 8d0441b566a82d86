"""Request and response bodies of the HR API (/v1/hr/...)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.models.hr import LeaveStatus, LeaveType
from api.schemas.json_types import JsonDate


class EmployeeRef(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    employee_id: str
    name_en: str
    name_ko: str


class MeOut(BaseModel):
    """The signed-in employee's own record (the only place hire date is shown)."""

    model_config = ConfigDict(from_attributes=True)

    employee_id: str
    name_en: str
    name_ko: str
    branch: str
    department: str
    job_role: str
    work_phone: str
    work_email: str
    hire_date: date
    manager: EmployeeRef | None
    direct_reports: int = Field(description="how many people report to you directly")


class BalanceOut(BaseModel):
    leave_type: LeaveType
    entitled: int
    used: int = Field(description="approved working days in the year")
    pending: int = Field(description="working days of requests awaiting a decision")
    remaining: int = Field(description="entitled - used - pending: what you can still request")


class BalancesOut(BaseModel):
    employee_id: str
    year: int
    balances: list[BalanceOut]


class LeaveRequestIn(BaseModel):
    leave_type: LeaveType
    start_date: JsonDate = Field(examples=["2026-12-24"])
    end_date: JsonDate = Field(examples=["2026-12-28"])
    reason: str | None = Field(default=None, max_length=500)


class LeaveRequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    employee_id: str
    leave_type: LeaveType
    start_date: date
    end_date: date
    days: int = Field(description="working days (weekends and public holidays excluded)")
    status: LeaveStatus
    reason: str | None
    created_at: datetime
    decided_by: str | None
    decided_at: datetime | None

    @field_validator("created_at", "decided_at")
    @classmethod
    def _in_utc(cls, value: datetime | None) -> datetime | None:
        """Stored in UTC; SQLite returns it without a zone, so say so."""
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class TeamLeaveRequestOut(LeaveRequestOut):
    employee: EmployeeRef


class ParseDatesIn(BaseModel):
    text: str = Field(min_length=1, max_length=200, examples=["Dec 24 to 26", "다음 주 금요일"])
    language: Literal["en", "ko"] | None = None


class ParseDatesOut(BaseModel):
    start_date: date
    end_date: date
    working_days: int


class DirectoryEntry(BaseModel):
    """Work contact details only: never hire date, leave or anything personal."""

    model_config = ConfigDict(from_attributes=True)

    name_en: str
    name_ko: str
    branch: str
    department: str
    job_role: str
    work_phone: str
    work_email: str


class DirectoryOut(BaseModel):
    count: int
    results: list[DirectoryEntry]
