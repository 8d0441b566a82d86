"""Response of ``GET /v1/pills``: "what is this pill?" candidates, grouped into look-alikes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.schemas.search import SourceOut


class PillSizeOut(BaseModel):
    long_mm: float | None = Field(description="longest dimension (capsules: length)")
    short_mm: float | None
    thickness_mm: float | None


class PillCandidateOut(BaseModel):
    item_seq: str = Field(description="MFDS item number (품목기준코드)")
    name: str = Field(description="product name as licensed (Korean)")
    company: str
    chart: str = Field(description="MFDS's written description (성상), Korean")
    print_front: str = Field(description="imprint on the front as MFDS records it")
    print_back: str
    shape: str = Field(description="shape in the requested language")
    colors: list[str] = Field(description="colours in the requested language")
    form: str = Field(description="MFDS dosage form (FORM_CODE_NAME), Korean")
    form_kind: Literal["tablet", "capsule", "other"]
    size: PillSizeOut
    rx: bool = Field(description="prescription-only (전문의약품)")
    otc_label: str = Field(description="prescription / OTC label in the requested language")
    class_name: str = Field(description="therapeutic class (Korean)")
    leaflet_doc_id: str | None = Field(
        description="knowledge-base document of the product's MFDS leaflet, when one exists")
    score: float = Field(ge=0, le=1, description="how well it fits the query, 0..1")
    group: int = Field(ge=1, description="rank of its look-alike group (1 = best)")
    look_alikes: int = Field(ge=1, description="pills in the group that look the same")
    confidence: float = Field(ge=0, le=1, description="how sure it is this group, 0..1")


class PillQueryOut(BaseModel):
    imprint: str
    imprint_normalised: str
    colors: list[str]
    shape: str | None
    form: Literal["tablet", "capsule", "other"] | None


class PillSearchResponse(BaseModel):
    query: PillQueryOut
    language: Literal["en", "ko"]
    confidence: float = Field(ge=0, le=1, description="how sure the best group is the pill")
    confidence_label: Literal["high", "medium", "low", "none"]
    ambiguous: bool = Field(description="several look-alike groups fit about equally well")
    ask_for: list[Literal["imprint", "other_side", "color", "shape"]] = Field(
        description="what to ask next to narrow it down, most useful first")
    candidates: list[PillCandidateOut]


class PillIdentifyIn(BaseModel):
    """What the chat's pill action sends: the user's description, as typed."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "text": "흰색 원형 알약에 IDG라고 써 있어요", "language": "ko"}})

    text: str = Field(min_length=1, max_length=1000)
    language: Literal["en", "ko"] = "en"


class PillIdentifyOut(BaseModel):
    text: str = Field(description="the reply: candidates and how sure, or what to ask")
    imprint: str = Field(description="the imprint read from the text ('' when none)")
    ask_for: list[str] = Field(description="what would narrow it down, most useful first")
    candidates: list[PillCandidateOut]
    sources: list[SourceOut]
