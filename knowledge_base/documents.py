"""The document model shared by ingestion, storage, indexing and answers.

A document is one product leaflet (openFDA shape) or one chain document (store FAQ, HR
handbook). Its sections carry the key a citation names: the openFDA field name for leaflets
(``dosage_and_administration``) and a heading slug for Markdown documents.

A chain document whose id is ``X-ko`` is the Korean translation of the chain document ``X``
(``translation_of``, ``language``): the link comes from the id, like the language, so nothing
is stored for it and content hashes stay as they were. A translation's sections carry its
original's keys, in order (``knowledge_base.markdown_docs.align_translation``).
"""

from __future__ import annotations

import hashlib
import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Audience = Literal["consumer", "employee"]
DocumentKind = Literal["leaflet", "store_faq", "hr_handbook"]

DOC_ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,127}$"
SECTION_KEY_PATTERN = r"^[a-z0-9_]{1,80}$"
# A chain document with this id suffix is the Korean translation of the one without it.
TRANSLATION_SUFFIX = "-ko"


def translation_id(doc_id: str) -> str:
    """The id of the Korean translation of the chain document ``doc_id``."""
    return f"{doc_id}{TRANSLATION_SUFFIX}"


def original_id(doc_id: str) -> str | None:
    """``X`` for a chain-document id ``X-ko`` (a Korean translation), else None."""
    if doc_id.endswith(TRANSLATION_SUFFIX) and len(doc_id) > len(TRANSLATION_SUFFIX):
        return doc_id.removesuffix(TRANSLATION_SUFFIX)
    return None


class Section(BaseModel):
    model_config = ConfigDict(frozen=True)

    key: str = Field(pattern=SECTION_KEY_PATTERN)
    title: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=50_000)

    @field_validator("text", "title")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    doc_id: str = Field(pattern=DOC_ID_PATTERN)
    kind: DocumentKind
    title: str = Field(min_length=1, max_length=300)
    audience: Audience
    generic_names: tuple[str, ...] = ()
    brand_names: tuple[str, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)
    source: str = Field(min_length=1, max_length=500)
    effective_date: str | None = None  # ISO date, e.g. 2025-04-14
    product_type: str | None = None

    @field_validator("sections")
    @classmethod
    def _unique_section_keys(cls, sections: tuple[Section, ...]) -> tuple[Section, ...]:
        keys = [s.key for s in sections]
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        if duplicates:
            raise ValueError(f"duplicate section keys: {', '.join(duplicates)}")
        return sections

    @property
    def drug(self) -> str:
        """Lowercase generic name(s), comma-separated; empty for non-leaflets."""
        return ", ".join(self.generic_names)

    @property
    def prescription(self) -> bool:
        """A prescription-only product (openFDA "HUMAN PRESCRIPTION DRUG", MFDS 전문의약품)."""
        kind = self.product_type or ""
        return "PRESCRIPTION" in kind.upper() or "전문" in kind

    @property
    def translation_of(self) -> str | None:
        """The chain document this one is the Korean translation of: ``X`` for a store-FAQ or
        HR-handbook document whose id is ``X-ko``; None for originals and leaflets."""
        return None if self.kind == "leaflet" else original_id(self.doc_id)

    @property
    def language(self) -> str:
        """"ko" for a leaflet written in Korean (MFDS e약은요, or a staff-added Korean
        leaflet) and for a chain document's Korean translation (id ``X-ko``), else "en".
        Derived (from a leaflet's text, a chain document's id) rather than stored, so existing
        documents keep their content hashes; retrieval indexes Korean text with Korean tools."""
        if self.kind != "leaflet":
            return "ko" if self.translation_of is not None else "en"
        text = self.title + " ".join(s.text for s in self.sections[:2])[:400]
        hangul = sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")
        latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
        return "ko" if hangul > latin else "en"

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def content_hash(self) -> str:
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode()).hexdigest()
