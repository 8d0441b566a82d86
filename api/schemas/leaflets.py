from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class LeafletSectionOut(BaseModel):
    """A whole leaflet section: what a chat reply's "more" button opens."""

    doc_id: str
    title: str
    drug: str
    section: str
    section_title: str
    text: str = Field(description="the section as the leaflet words it, whole")
    label_date: str | None
    language: Literal["en", "ko"] = Field(description="the language of ``text``")
    citation: str = Field(description="product, section and label date, in the asked language")
