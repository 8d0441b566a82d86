from __future__ import annotations

from pydantic import BaseModel


class SourceOut(BaseModel):
    doc_id: str
    drug: str
    section: str
    title: str


class HitOut(SourceOut):
    section_title: str
    text: str
    score: float
    label_date: str | None
    kind: str


class MedicineOut(BaseModel):
    name: str
    generics: list[str]


class SearchResponse(BaseModel):
    query: str
    confidence: float
    topics: list[str]
    medicines: list[MedicineOut]
    medicine_not_covered: bool
    hits: list[HitOut]


class MedicineResolution(BaseModel):
    name: str
    known: bool
    matched: str | None = None
    generics: list[str] = []
