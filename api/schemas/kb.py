from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictInt, field_validator

from knowledge_base.documents import DOC_ID_PATTERN, SECTION_KEY_PATTERN


def _in_utc(value: datetime) -> datetime:
    """Stored in UTC; SQLite returns it without a zone, so say so (RFC 3339 needs one)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


UtcDateTime = Annotated[datetime, AfterValidator(_in_utc)]


class OpenFdaNames(BaseModel):
    model_config = ConfigDict(extra="allow")

    generic_name: list[str] = Field(min_length=1)
    brand_name: list[str] = Field(default_factory=list)
    product_type: list[str] = Field(default_factory=list)


class LeafletIn(BaseModel):
    """An openFDA drug-label record; every other top-level field is a label section."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"example": {
        "set_id": "my-ibuprofen-200", "effective_time": "20250101",
        "source_label": "Store ibuprofen 200 mg, US Drug Facts label",
        "openfda": {"generic_name": ["IBUPROFEN"], "brand_name": ["Haneul Ibuprofen"]},
        "dosage_and_administration": ["Directions adults: 1 tablet every 4 to 6 hours"],
    }})

    set_id: str | None = Field(default=None, max_length=100)
    id: str | None = Field(default=None, max_length=100)
    effective_time: str | None = Field(default=None, pattern=r"^\d{8}$")
    source_label: str | None = Field(default=None, max_length=300)
    openfda: OpenFdaNames
    dosage_and_administration: list[str] = Field(min_length=1)

    @field_validator("dosage_and_administration")
    @classmethod
    def _text(cls, value: list[str]) -> list[str]:
        if not any(v.strip() for v in value):
            raise ValueError("must contain text")
        return value

    def sections_are_text(self) -> list[tuple[str, str]]:
        """(field, reason) for extra fields that are not a string or a list of strings."""
        problems = []
        for key, value in (self.model_extra or {}).items():
            values = value if isinstance(value, list) else [value]
            if not all(isinstance(v, str) for v in values):
                problems.append((key, "a label section must be a string or a list of strings"))
        return problems

    def record(self) -> dict[str, Any]:
        return self.model_dump(exclude_none=True)


class EntryIn(BaseModel):
    """A store FAQ or HR handbook entry written in Markdown (``## `` headings = sections)."""

    doc_id: str = Field(pattern=DOC_ID_PATTERN, examples=["faq-parking"])
    title: str = Field(min_length=1, max_length=300)
    audience: Literal["consumer", "employee"]
    kind: Literal["store_faq", "hr_handbook"]
    effective_date: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    markdown: str = Field(min_length=1, max_length=100_000,
                          examples=["## Parking at the Gangnam branch\nTwo hours free."])


class SectionEdit(BaseModel):
    text: str = Field(min_length=1, max_length=50_000)
    expected_version: StrictInt = Field(ge=1, description="the version this edit was based on")


class RollbackIn(BaseModel):
    version: StrictInt = Field(ge=1, le=2**63 - 1)  # a database integer


class SectionOut(BaseModel):
    key: str = Field(pattern=SECTION_KEY_PATTERN)
    title: str
    text: str


class TranslationFields(BaseModel):
    """A chain document and its pair in the other language (id ``X`` / ``X-ko``): see
    api/services/kb_admin.py. Leaflets have none of these."""

    language: str | None = Field(default=None, description=(
        '"en" or "ko"; for a leaflet, the language its text is in (the list leaves it null)'))
    translation_of: str | None = Field(
        default=None, description="the English document this Korean translation translates")
    translations: list[str] = Field(
        default_factory=list, description="ids of its live translations (its pair)")
    stale_translation: bool = Field(default=False, description=(
        "its last change (updated_at) is older than its pair's (by more than a minute): "
        "the pair changed since, and this one may need the same change"))


class DocumentOut(TranslationFields):
    doc_id: str
    kind: str
    audience: str
    title: str
    generic_names: list[str]
    brand_names: list[str]
    source: str
    effective_date: str | None
    version: int
    deleted: bool
    author: str
    saved_at: UtcDateTime
    sections: list[SectionOut]


class DocumentSummaryOut(TranslationFields):
    doc_id: str
    kind: str
    audience: str
    title: str
    version: int
    deleted: bool
    updated_at: UtcDateTime
    generic_names: list[str]
    brand_names: list[str]


class VersionOut(BaseModel):
    version: int
    author: str
    note: str
    created_at: UtcDateTime
    deleted: bool


class AuditOut(BaseModel):
    at: UtcDateTime
    actor: str
    action: str
    doc_id: str
    version: int | None
    detail: str


class ChangeOut(BaseModel):
    doc_id: str
    version: int
    index: str = Field(description="the index snapshot now serving this change")


class GapOut(BaseModel):
    question: str
    count: int
    reasons: list[str]
    last_asked: UtcDateTime


class DurRulesStatus(BaseModel):
    """The MFDS DUR rule tables the medicine check uses (``make index`` imports them)."""

    counts: dict[str, int] = Field(description="in-force rules per kind")
    newest_notification_date: str | None


class KbStatus(BaseModel):
    revision: int
    index: str | None
    index_revision: int | None
    documents: int
    dur_rules: DurRulesStatus | None = None
