from __future__ import annotations

from pydantic import BaseModel, Field


class SourceOut(BaseModel):
    doc_id: str
    drug: str
    section: str
    title: str
    source: str | None = Field(default=None, description="e.g. \"MFDS DUR\" for a safety "
                               "rule; absent for our own leaflets")
    date: str | None = Field(default=None, description="the rule's notification date")
    note: str | None = Field(default=None, description="a short line for the source card, "
                             "e.g. a pill's appearance and whether it is Rx or OTC")
    more: bool = Field(default=False, description="in a chat reply: the reply quoted part of "
                       "this leaflet section; GET /v1/leaflets/{doc_id}/sections/{section} has "
                       "all of it (a \"more\" button)")


class HitOut(SourceOut):
    section_title: str
    text: str
    score: float
    label_date: str | None
    kind: str
    passage: int = Field(default=0, description="the passage's place in its section, from 0: "
                         "a section's opening states its main point")
    prescriber_only: bool = Field(default=False, description="a prescription label's "
                                  "dose-setting section: consumers are referred to the "
                                  "prescriber instead of being quoted it")
    quote: str = Field(description="the passage as the assistant quotes it: "
                       "whole sentences, shortened with \"…\" when long")


class MedicineOut(BaseModel):
    name: str
    generics: list[str]


class SearchResponse(BaseModel):
    query: str
    confidence: float
    answerable: bool = Field(description="confident enough to answer from (the deployment's "
                             "one threshold, settings.retrieval.min_confidence)")
    topics: list[str]
    medicines: list[MedicineOut]
    medicine_not_covered: bool
    hits: list[HitOut]


class MedicineResolution(BaseModel):
    name: str
    known: bool
    matched: str | None = None
    generics: list[str] = []
