"""Request and response bodies of benefits administration (/v1/hr/benefits/...)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, field_validator

from api.models.benefits import (
    BenefitKind,
    BenefitStatus,
    CertificateLanguage,
    DependentRelation,
    PointKind,
)
from api.schemas.hr import EmployeeRef
from api.schemas.json_types import JsonDate
from api.services.benefit_rules import MAX_COPIES


def _utc(value: datetime | None) -> datetime | None:
    """Stored in UTC; SQLite returns it without a zone, so say so."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class PointTransactionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: PointKind = Field(description="grant (points added) or use (points spent)")
    amount: int = Field(description="points, always positive")
    description: str
    occurred_on: date


class PointsOut(BaseModel):
    """Your welfare points (복지포인트) for one calendar year."""

    employee_id: str
    year: int
    granted: int
    used: int
    balance: int = Field(description="granted - used")
    transactions: list[PointTransactionOut] = Field(description="the most recent first")


class BenefitRequestIn(BaseModel):
    """One request. Which fields a kind takes (any other is a 422 ``field_not_allowed``):

    * ``add_dependent``: ``relation``, ``name``, ``birth_date`` (all required);
    * ``employment_certificate``: ``purpose`` (required), ``language``, ``copies``;
    * ``income_certificate``: ``year`` (a settled tax year; default the latest one),
      ``purpose``, ``language``, ``copies``.
    """

    kind: BenefitKind
    relation: DependentRelation | None = Field(default=None, description=(
        "add_dependent: spouse or child (a newborn included)"))
    name: StrictStr | None = Field(default=None, max_length=60, description=(
        "add_dependent: the dependent's name, as on their resident registration"))
    birth_date: JsonDate | None = Field(default=None, examples=["2026-11-02"], description=(
        "add_dependent: not in the future"))
    purpose: StrictStr | None = Field(default=None, max_length=200, description=(
        "certificates: what it is for, e.g. \"bank loan\", \"visa application\""))
    language: CertificateLanguage | None = Field(default=None, description=(
        "certificates: ko (default) or en"))
    copies: StrictInt | None = Field(default=None, ge=1, le=MAX_COPIES, description=(
        "certificates: 1 (default) to 5"))
    year: StrictInt | None = Field(default=None, ge=2000, le=2100, description=(
        "income_certificate: the tax year (default the latest settled one); its receipt "
        "exists from 10 March of the next year"))


class DependentOut(BaseModel):
    relation: DependentRelation
    name: str
    birth_date: date


class CertificateOut(BaseModel):
    purpose: str | None
    language: CertificateLanguage
    copies: int
    year: int | None = Field(description="income_certificate: the tax year")


class BenefitRequestOut(BaseModel):
    id: int
    employee_id: str
    kind: BenefitKind
    status: BenefitStatus
    dependent: DependentOut | None = Field(description="add_dependent only")
    certificate: CertificateOut | None = Field(description="certificates only")
    created_at: datetime
    handled_by: EmployeeRef | None = Field(description=(
        "the HR staff member who last moved it on"))
    handled_at: datetime | None
    note: str | None = Field(description="HR's note to the employee")

    @field_validator("created_at", "handled_at")
    @classmethod
    def _in_utc(cls, value: datetime | None) -> datetime | None:
        return _utc(value)


class QueueEmployee(EmployeeRef):
    branch: str
    department: str


class QueueRequestOut(BenefitRequestOut):
    employee: QueueEmployee


class QueueOut(BaseModel):
    requests: list[QueueRequestOut]
    counts: dict[BenefitStatus, int] = Field(description="how many requests have each status")


QueueFilter = Literal["open", "all", "pending", "in_progress", "completed", "rejected",
                      "cancelled"]


class CompleteIn(BaseModel):
    note: StrictStr | None = Field(default=None, max_length=500, description=(
        "what the employee should know, e.g. where to collect the certificate"))


class RejectIn(BaseModel):
    note: StrictStr = Field(min_length=1, max_length=500, description=(
        "why: the employee reads it"))

    @field_validator("note")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a rejection needs a note telling the employee why")
        return value.strip()
