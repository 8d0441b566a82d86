"""One medicine question answered from its leaflet: the dialogue's medicine action asks here.

The action keeps the conversation (the medicine and topic of earlier turns, whether this
message is a follow-up); this module does the rest in one place: whether we hold the
medicine, which topic is asked (the NLU's hint when it is one we know, else the words, else
the earlier topic when the conversation keeps it), the search, the one confidence threshold,
and the words — a quote of the right passage (a child's dose row for an age or weight),
cited, or "we hold no leaflet for it", or "not sure".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from replies import choose_passages, compose_leaflet_answer, not_covered_message, not_sure_message
from retrieval.service import SearchService
from retrieval.topics import TOPIC_SECTIONS, detect_topics

Status = Literal["answered", "not_covered", "not_sure", "no_medicine"]


@dataclass
class LeafletAnswer:
    status: Status
    text: str  # empty for "no_medicine": the dialogue asks which one
    topic: str | None  # the topic answered (the conversation carries it)
    medicine: str | None  # as asked, or as found in the question when none was given
    generic: str | None  # what it resolved to (", "-joined generic names)
    sources: list[dict] = field(default_factory=list)  # the passages quoted
    confidence: float = 0.0


@dataclass(frozen=True)
class LeafletQuestion:
    question: str  # what is searched
    medicine: str | None = None  # named now, or carried from an earlier turn
    language: str = "en"
    topic_hints: tuple[str, ...] = ()
    previous_topic: str | None = None
    previous_generic: str | None = None
    follow_up: bool = False  # "what about zyrtec?": same question, another product
    age_years: int | None = None
    weight_kg: float | None = None


def asked_topic(question: str, hints: tuple[str, ...], carried: str | None) -> str | None:
    """The NLU's topic when it is one we know, else the question's own words, else the
    topic the conversation carries."""
    known = [t for t in hints if t in TOPIC_SECTIONS] or detect_topics(question)
    return known[0] if known else carried


def asks_for_a_dose(question: str) -> bool:
    """"How much / how often": the leaflet's dose row answers, not a safety check."""
    return bool({"dosage", "frequency"} & set(detect_topics(question)))


def answer_from_leaflet(search: SearchService, min_confidence: float,
                        asked: LeafletQuestion) -> LeafletAnswer:
    snapshot = search.snapshot
    medicine, generic = asked.medicine, None
    if medicine and snapshot is not None:
        resolved = snapshot.lexicon.resolve(medicine)
        if resolved is None:
            topic = asked_topic(asked.question, asked.topic_hints, None)
            return LeafletAnswer("not_covered", not_covered_message(medicine, asked.language),
                                 topic, medicine, None)
        generic = ", ".join(resolved.generics)
    # another medicine starts a new question unless this one is a follow-up; the topic is
    # read from the user's words, not from the carried medicine put before them
    keeps = generic == asked.previous_generic or asked.follow_up
    words = asked.question.removeprefix(f"{medicine}: ") if medicine else asked.question
    topic = asked_topic(words, asked.topic_hints, asked.previous_topic if keeps else None)
    result = search.search(asked.question, k=5, medicine=medicine, topic=topic)
    if result.medicines and not generic:
        generic = ", ".join(result.medicines[0].generics)
        medicine = medicine or result.medicines[0].name
    if not generic:
        return LeafletAnswer("no_medicine", "", topic, medicine, None)
    if result.medicine_not_covered:
        return LeafletAnswer("not_covered",
                             not_covered_message(medicine or generic, asked.language),
                             topic, medicine, generic)
    hits = [h.to_json() for h in result.hits]
    if not hits or result.confidence < min_confidence:
        return LeafletAnswer("not_sure", not_sure_message(asked.language, medicine), topic,
                             medicine, generic, confidence=result.confidence)
    text = compose_leaflet_answer(hits, asked.language, age_years=asked.age_years,
                                  weight_kg=asked.weight_kg)
    return LeafletAnswer("answered", text, topic, medicine, generic, choose_passages(hits),
                         result.confidence)
