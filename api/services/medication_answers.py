"""A chat answer to "can I take X with Y?" / "I'm pregnant, is X ok?": the medication check
leads, the leaflets' own interaction or precaution passages follow, then the pharmacist.

The dialogue's medicine action calls this (``POST /v1/medicines/answer``) with the
medicines named or remembered and the person, so the checker, the leaflet search and the
wording all stay in the gateway.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from medication_checks import Person, RuleSet, check_medicines
from replies.answers import PHARMACIST_LINE, citation, quote
from replies.medication_checks import compose_check_answer, finding_source
from retrieval.service import SearchService
from retrieval.snapshot import SnapshotError

MAX_LEAFLETS = 2
QUOTE_CHARS = 400


@dataclass
class MedicationAnswer:
    applies: bool
    text: str = ""
    sources: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)


def check_applies(medicines: list[str], person: Person) -> bool:
    """Two medicines, or one and something about the person, make a check worth it."""
    return len(medicines) >= 2 or (len(medicines) == 1 and person != Person())


def _topic(person: Person) -> str:
    if person.pregnant or person.breastfeeding:
        return "pregnancy"
    if person.months is not None and person.months < 12 * 12:
        return "children"
    return "interactions"


def _leaflet_passages(search: SearchService, names: list[str], person: Person,
                      language: str) -> tuple[list[str], list[dict]]:
    blocks: list[str] = []
    sources: list[dict] = []
    if not search.ready:
        return blocks, sources
    topic = _topic(person)
    for name in names[:MAX_LEAFLETS]:
        try:
            result = search.search(f"{name} {topic}", k=3, medicine=name, topic=topic,
                                   kinds=("leaflet",))
        except SnapshotError:
            return blocks, sources
        if result.medicine_not_covered or not result.hits or not result.medicines:
            continue
        hit = result.hits[0].to_json()
        intro = (f"{hit['title']} 설명서 '{hit['section_title']}' 부분(원문):" if language == "ko"
                 else f"From the {hit['title']} leaflet, \"{hit['section_title']}\":")
        blocks.append(f"{intro}\n“{quote(hit['text'], QUOTE_CHARS)}”\n"
                      f"{citation(hit, language)}")
        sources.append({k: hit[k] for k in ("doc_id", "drug", "section", "title")})
    return blocks, sources


def answer_medication_question(rules: RuleSet, search: SearchService, medicines: list[str],
                               person: Person, language: str) -> MedicationAnswer:
    if not check_applies(medicines, person):
        return MedicationAnswer(applies=False)
    result = check_medicines(rules, medicines, person)
    findings = [asdict(f) for f in result.findings]
    resolved = [r.name for r in result.resolved]
    lead = compose_check_answer(resolved, findings, result.unresolved, language)
    blocks, leaflet_sources = _leaflet_passages(search, resolved, person, language)
    text = "\n\n".join([lead, *blocks, PHARMACIST_LINE[language]])
    return MedicationAnswer(applies=True, text=text, findings=findings,
                            sources=[*map(finding_source, findings), *leaflet_sources])
