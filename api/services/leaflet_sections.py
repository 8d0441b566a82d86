"""A leaflet section in full, for consumers, and which sources a chat reply quoted in part.

An answer quotes a few sentences of a section (a dose row, the opening of a long list of
warnings); the app offers "more" under it. A source whose section the reply does not hold
whole is marked ``more=True``, and ``GET /v1/leaflets/{doc_id}/sections/{section}`` returns
the whole section with its citation. Only live consumer leaflets are served, and never the
sections written for clinicians or a prescription label's dose-setting sections (they are
not quoted to consumers either).
"""

from __future__ import annotations

from dataclasses import dataclass

from api.schemas.chat import ChatResponse
from knowledge_base.names import PROFESSIONAL_ONLY_SECTIONS, for_prescriber
from knowledge_base.store import DocumentNotFound, KnowledgeBase
from replies.answers import citation, is_korean_leaflet
from replies.quotes import quotes_whole


class SectionNotFound(LookupError):
    """No such live consumer leaflet, or no such section a consumer may read."""


@dataclass(frozen=True)
class LeafletSection:
    doc_id: str
    title: str
    drug: str
    section: str
    section_title: str
    text: str
    label_date: str | None
    language: str
    citation: str


def consumer_section(kb: KnowledgeBase, doc_id: str, section: str,
                     language: str = "en") -> LeafletSection:
    """The whole ``section`` of a live consumer leaflet, cited in ``language``."""
    try:
        stored = kb.get(doc_id)
    except DocumentNotFound as exc:
        raise SectionNotFound(f"no leaflet {doc_id!r}") from exc
    doc = stored.document
    if stored.deleted or doc.kind != "leaflet" or doc.audience != "consumer":
        raise SectionNotFound(f"no leaflet {doc_id!r}")
    found = next((s for s in doc.sections if s.key == section), None)
    if (found is None or section in PROFESSIONAL_ONLY_SECTIONS
            or for_prescriber(section, doc.prescription)):
        raise SectionNotFound(f"leaflet {doc_id!r} has no section {section!r} for consumers")
    hit = {"doc_id": doc.doc_id, "title": doc.title, "section_title": found.title,
           "label_date": doc.effective_date}
    return LeafletSection(
        doc_id=doc.doc_id, title=doc.title, drug=doc.drug, section=found.key,
        section_title=found.title, text=found.text, label_date=doc.effective_date,
        language="ko" if is_korean_leaflet(hit) else "en", citation=citation(hit, language))


def mark_partial_quotes(kb: KnowledgeBase, response: ChatResponse) -> None:
    """``more=True`` on each leaflet source whose section the replies do not hold whole."""
    said = "\n".join(r.text for r in response.replies)
    for source in response.sources:
        try:
            whole = consumer_section(kb, source.doc_id, source.section)
        except SectionNotFound:
            continue  # a DUR rule, a pill, a store FAQ: nothing more to open
        source.more = not quotes_whole(whole.text, said)
