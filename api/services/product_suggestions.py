"""``POST /v1/medicines/suggest``: "what can I take for …?" answered with OTC products whose
leaflet's uses cover the symptom, in the user's catalogue first (Korean leaflets for Korean
questions), each with its most important caution; never a prescription-only product.

``applies`` is false when the message is not asking for a product (or names a medicine: that
is a question about that medicine, answered from its own leaflet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge_base.documents import Document
from knowledge_base.store import DocumentNotFound, KnowledgeBase
from replies.answers import not_sure_message
from replies.suggestions import Suggested, compose_suggestions, first_sentences
from retrieval.hybrid import Hit
from retrieval.service import SearchService
from retrieval.symptoms import (
    USES_SECTIONS,
    about_a_child,
    asks_for_products,
    rank_products,
    search_words,
    symptoms_in,
)

# Where a leaflet says what matters most before using it, in order of importance.
CAUTION_SECTIONS = ("do_not_use", "ask_doctor", "warnings", "ask_doctor_or_pharmacist",
                    "when_using", "stop_use", "precautions")
MAX_PRODUCTS = 3
CANDIDATES = 40
# Without a symptom word to check the passages against, only a confident search is trusted.
MIN_CONFIDENCE_WITHOUT_SYMPTOM = 0.35


@dataclass
class Suggestion:
    applies: bool
    text: str = ""
    sources: list[dict] = field(default_factory=list)
    products: list[str] = field(default_factory=list)


def caution_of(document: Document) -> tuple[str | None, str | None]:
    """(the first sentence of the most important caution section, its key)."""
    for key in CAUTION_SECTIONS:
        section = document.section(key)
        if section is not None and section.text.strip():
            return first_sentences(section.text, limit=220), key
    return None, None


def ingredient_names(hit: Hit, most: int = 3) -> str:
    """The active ingredients as the leaflet's reader knows them: the Korean names of an MFDS
    leaflet (its index also holds the English ones), at most ``most`` of them."""
    names = list(hit.chunk.generics)
    if hit.chunk.language == "ko":
        names = [n for n in names if re.search("[\uac00-\ud7a3]", n)] or names
    shown = ", ".join(names[:most])
    return f"{shown} …" if len(names) > most else shown


def _nothing_fits(language: str) -> Suggestion:
    """Asked for something to take, and nothing we hold fits: say so (offer the pharmacist)."""
    return Suggestion(applies=True, text=not_sure_message(language))


def suggest_products(search: SearchService, kb: KnowledgeBase, text: str, language: str,
                     *, about_a_medicine: bool = False) -> Suggestion:
    """``about_a_medicine``: the conversation is about one already, so only a named symptom
    turns this message into a request for products."""
    snapshot = search.snapshot
    if not asks_for_products(text) or snapshot is None or snapshot.lexicon.detect(text):
        return Suggestion(applies=False)
    symptoms = symptoms_in(text)
    if about_a_medicine and not symptoms:
        return Suggestion(applies=False)
    result = search.search(search_words(text, symptoms), k=CANDIDATES, sections=USES_SECTIONS,
                           distinct_texts=False)
    if not symptoms and result.confidence < MIN_CONFIDENCE_WITHOUT_SYMPTOM:
        return _nothing_fits(language)  # asked, but nothing we hold clearly fits
    ranked = rank_products(result.hits, symptoms, child=about_a_child(text))
    preferred = [h for h in ranked if h.chunk.language == language] or ranked
    chosen: list[tuple[Hit, Document]] = []
    for hit in preferred:
        try:
            document = kb.get(hit.chunk.doc_id).document
        except DocumentNotFound:
            continue
        if document.prescription:
            continue
        chosen.append((hit, document))
        if len(chosen) == MAX_PRODUCTS:
            break
    if not chosen:
        return _nothing_fits(language)
    products = []
    for hit, document in chosen:
        caution, caution_key = caution_of(document)
        products.append(Suggested(title=hit.chunk.title, ingredients=ingredient_names(hit),
                                  uses=hit.chunk.text, caution=caution,
                                  caution_section=caution_key,
                                  korean_leaflet=hit.chunk.language == "ko"))
    return Suggestion(applies=True, text=compose_suggestions(products, language),
                      sources=[hit.to_json() for hit, _ in chosen],
                      products=[hit.chunk.title for hit, _ in chosen])
