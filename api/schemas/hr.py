"""Request and response bodies of the HR API (/v1/hr/...)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictStr,
    WithJsonSchema,
    field_validator,
)

from api.models.hr import LeavePart, LeaveStatus, LeaveType
from api.schemas.json_types import JsonDate
from api.services.family_events import FamilyEvent


def _days_from_store(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _days_to_json(value: float) -> int | float:
    return int(value) if value.is_integer() else value


# A number of days: 0.25 (a 2-hour block), 0.5 (a half day), 1, 2.5 … Whole numbers are
# written as integers (3, not 3.0), exactly as before days could be fractional.
Days = Annotated[float, BeforeValidator(_days_from_store),
                 PlainSerializer(_days_to_json, when_used="json"),
                 WithJsonSchema({"type": "number"})]
# "HH:MM" on a 24-hour clock; which starts are valid is the service's rule
# (api.services.leave_rules.BLOCK_STARTS: on the hour from 09:00 to 16:00).
BlockStart = Annotated[StrictStr, Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$",
                                        examples=["14:00"])]


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
    leave_type: LeaveType = Field(description="annual, sick or family (care) leave: the types "
                                  "with a yearly entitlement")
    entitled: int
    used: Days = Field(description="approved working days in the year (0.5 per half day)")
    pending: Days = Field(description="working days of requests awaiting a decision")
    remaining: Days = Field(
        description="entitled - used - pending: what you can still request")


class BalancesOut(BaseModel):
    employee_id: str
    year: int
    balances: list[BalanceOut]


class LeaveRequestIn(BaseModel):
    leave_type: LeaveType
    start_date: JsonDate = Field(examples=["2026-12-24"])
    end_date: JsonDate = Field(examples=["2026-12-28"])
    reason: str | None = Field(default=None, max_length=500)
    part: LeavePart = Field(default=LeavePart.full, description=(
        "full: every working day of the range (the default); am / pm: the first or second "
        "half of one day, 0.5 day; hours: one 2-hour block of one day, 0.25 day, from "
        "block_start. am, pm and hours are for annual leave only, with start_date == "
        "end_date"))
    block_start: BlockStart | None = Field(default=None, description=(
        "part 'hours' only (and then required): when the 2-hour block starts, on the hour "
        "from 09:00 to 16:00; before 13:00 it lies in the am half, else the pm half"))
    event: FamilyEvent | None = Field(default=None, description=(
        "leave_type 'family_event' only (and then required): the family event; its paid "
        "days are listed by GET /v1/hr/leave/family-events"))


class LeaveRequestOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    employee_id: str
    leave_type: LeaveType
    start_date: date
    end_date: date
    days: Days = Field(description="working days (weekends and public holidays excluded); "
                       "0.5 for a half day, 0.25 for a 2-hour block")
    part: LeavePart
    block_start: str | None = Field(description="\"HH:MM\" of a 2-hour block, else null")
    event: FamilyEvent | None = Field(description="the family event of family event leave")
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


class FamilyEventOut(BaseModel):
    """One family event of the HR handbook's table and its paid leave."""

    model_config = ConfigDict(from_attributes=True)

    event: FamilyEvent
    days: int = Field(description="paid working days for one occurrence, at most per request")
    within_days: int = Field(description="to be taken within this many days of the event")
    label_en: str
    label_ko: str


class FamilyEventsOut(BaseModel):
    events: list[FamilyEventOut]


class LeaveTextIn(BaseModel):
    """A message about leave (parse-dates, read)."""

    text: str = Field(min_length=1, max_length=200, examples=["Dec 24 to 26", "다음 주 금요일"])
    language: Literal["en", "ko"] | None = None
    near: JsonDate | None = Field(default=None, description=(
        "read only: the date of the request being corrected; a weekday named on its own "
        "(\"make it Thursday\") is read in that date's week"))
    asked: Literal["event"] | None = Field(default=None, description=(
        "read only: the question the message answers; 'event' (which family event?) reads "
        "a relation alone (\"my grandmother\") as that relative's death"))


class ParseDatesOut(BaseModel):
    start_date: date
    end_date: date
    working_days: int


class LeaveReadingOut(BaseModel):
    """What a message says about the leave wanted (``POST /v1/hr/leave/read``); null
    wherever it says nothing."""

    model_config = ConfigDict(from_attributes=True)

    leave_type: LeaveType | None
    leave_type_implied: bool = Field(description=(
        "true when the message names no type but a part of a day: half days and 2-hour "
        "blocks are annual leave"))
    part: Literal["full", "am", "pm", "hours", "half"] | None = Field(description=(
        "as LeaveRequestIn.part, or 'half': a half day whose half is not said yet"))
    block_start: str | None
    event: FamilyEvent | None
    start_date: date | None = Field(validation_alias="start")
    end_date: date | None = Field(validation_alias="end")
    working_days: int | None = Field(description="working days between the dates")
    date_error: str | None = Field(description=(
        "dates were given but cannot be requested (past, no working day, unreadable "
        "range): why"))
    found_anything: bool = Field(description="the message says something about the leave")


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
    filters: dict[str, str] = Field(default_factory=dict, description=(
        "the branch / department / role filters the search used, given or read from "
        "the question"))
