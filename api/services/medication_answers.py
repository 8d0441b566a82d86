"""A chat answer to "can I take X with Y?" / "I'm pregnant, is X ok?": the medication check
leads, the leaflets' own interaction or precaution passages follow, then the pharmacist.

The dialogue's medicine action calls this (``POST /v1/medicines/answer``) with the
medicines named or remembered and the person, so the checker, the leaflet search and the
wording all stay in the gateway.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from api.services.leaflet_answers import asks_for_a_dose
from medication_checks import CheckResult, Person, RuleSet, check_medicines
from medication_checks.mentions import asks_to_compare
from replies.answers import PHARMACIST_LINE, citation, prescriber_note
from replies.comparisons import ComparisonRow, comparison_sources, compose_comparison
from replies.medication_checks import compose_check_answer, finding_source
from replies.quotes import quote
from retrieval.service import SearchService
from retrieval.snapshot import SnapshotError

MAX_LEAFLETS = 2
MAX_COMPARED = 3
USES_SECTIONS = ("indications_and_usage", "purpose")
DIRECTIONS_SECTIONS = ("dosage_and_administration",)
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


def _a_childs_dose(medicines: list[str], person: Person, question: str) -> bool:
    """"How much for my 8 year old?" about one medicine: the leaflet's row for that age
    answers, not a safety check."""
    only_an_age = person.months is not None and not (
        person.pregnant or person.breastfeeding or person.elderly)
    return len(medicines) == 1 and only_an_age and asks_for_a_dose(question)


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
        note = prescriber_note(hit, language)
        said = note if note is not None else f"{intro}\n“{quote(hit['text'], QUOTE_CHARS)}”"
        blocks.append(f"{said}\n{citation(hit, language)}")
        sources.append({k: hit[k] for k in ("doc_id", "drug", "section", "title")})
    return blocks, sources


def _section_opening(search: SearchService, name: str, topic: str,
                     sections: tuple[str, ...]) -> dict | None:
    """The first passage of the named product's section (its main point: the uses line,
    the adult directions) among the passages the search returns for it; of ``sections``,
    the first one the leaflet has ("Uses" before the one-word "Purpose")."""
    try:
        result = search.search(f"{name} {topic}", k=10, medicine=name, topic=topic,
                               kinds=("leaflet",))
    except SnapshotError:
        return None
    if result.medicine_not_covered or not result.hits or not result.medicines:
        return None
    top_doc = result.hits[0].chunk.doc_id
    fitting = [h.chunk for h in result.hits
               if h.chunk.doc_id == top_doc and h.chunk.section in sections]
    if not fitting:
        return None
    opening = min(fitting, key=lambda c: (sections.index(c.section), c.passage))
    return next(h.to_json() for h in result.hits if h.chunk is opening)


def _comparison_rows(search: SearchService, result: CheckResult,
                     language: str) -> list[ComparisonRow]:
    key = "name_ko" if language == "ko" else "name_en"
    rows = []
    for medicine in result.resolved[:MAX_COMPARED]:
        uses = directions = None
        if search.ready:
            uses = _section_opening(search, medicine.name, "indications", USES_SECTIONS)
            directions = _section_opening(search, medicine.name, "dosage",
                                          DIRECTIONS_SECTIONS)
        title = next((h["title"] for h in (uses, directions) if h), medicine.name)
        ingredients = ", ".join(getattr(i, key) or i.name_en for i in medicine.ingredients)
        rows.append(ComparisonRow(title, ingredients, uses, directions))
    return rows


def answer_medication_question(rules: RuleSet, search: SearchService, medicines: list[str],
                               person: Person, language: str,
                               question: str = "") -> MedicationAnswer:
    """``question``: the user's words; "what's the difference between X and Y?" gets a
    side-by-side of the leaflets, with any safety finding after it."""
    if not check_applies(medicines, person) or _a_childs_dose(medicines, person, question):
        return MedicationAnswer(applies=False)
    result = check_medicines(rules, medicines, person)
    findings = [asdict(f) for f in result.findings]
    resolved = [r.name for r in result.resolved]
    if len(resolved) >= 2 and asks_to_compare(question):
        rows = _comparison_rows(search, result, language)
        parts = [compose_comparison(rows, language)]
        if findings:
            parts.append(compose_check_answer(resolved, findings, result.unresolved, language))
        return MedicationAnswer(
            applies=True, text="\n\n".join([*parts, PHARMACIST_LINE[language]]),
            findings=findings,
            sources=[*map(finding_source, findings), *comparison_sources(rows)])
    lead = compose_check_answer(resolved, findings, result.unresolved, language)
    blocks, leaflet_sources = _leaflet_passages(search, resolved, person, language)
    text = "\n\n".join([lead, *blocks, PHARMACIST_LINE[language]])
    return MedicationAnswer(applies=True, text=text, findings=findings,
                            sources=[*map(finding_source, findings), *leaflet_sources])
