"""``/v1/medicines/check``, ``…/answer``: MFDS DUR checks on a list of medicines;
``…/suggest``: products for a symptom. For anyone."""

from __future__ import annotations

from dataclasses import asdict

from fastapi import APIRouter, Request

from api.deps import SettingsDep
from api.schemas.medication_checks import (
    LeafletAnswerIn,
    LeafletAnswerOut,
    MedicationAnswerIn,
    MedicationAnswerOut,
    MedicationCheckIn,
    MedicationCheckOut,
    SuggestIn,
    SuggestOut,
)
from api.services.leaflet_answers import LeafletQuestion, answer_from_leaflet
from api.services.medication_answers import answer_medication_question
from api.services.product_suggestions import suggest_products
from medication_checks import Person, RuleSet, check_medicines

router = APIRouter(prefix="/v1/medicines", tags=["medication checks"])


def rule_set(request: Request) -> RuleSet:
    """The rule set loaded at start-up; an empty one if none was (nothing found, no 5xx)."""
    return getattr(request.app.state, "dur_rules", None) or RuleSet()


@router.post("/check", response_model=MedicationCheckOut)
def check(body: MedicationCheckIn, request: Request) -> MedicationCheckOut:
    """Which of these medicines must not be combined, double up an ingredient or a
    therapeutic group, or are on MFDS's pregnancy, age or older-adult lists.

    Findings quote MFDS's wording and cite "식품의약품안전처 DUR". Names that are not
    recognised are listed in ``unresolved``: treat them as unchecked, not as safe.
    """
    result = check_medicines(rule_set(request), body.medicines, person_of(body))
    return MedicationCheckOut.model_validate(asdict(result))


@router.post("/answer", response_model=MedicationAnswerOut)
def answer(body: MedicationAnswerIn, request: Request) -> MedicationAnswerOut:
    """The check as a chat reply (used by the dialogue's medicine action): findings in plain
    words with MFDS's wording quoted, the leaflets' interaction or precaution passages, the
    pharmacist line. ``applies`` is false for one medicine with nothing about the person.
    With ``question`` asking how they differ ("difference between X and Y"), the reply is a
    side-by-side of their leaflets (ingredient, uses, directions) instead."""
    found = answer_medication_question(rule_set(request), request.app.state.search,
                                       body.medicines, person_of(body), body.language,
                                       body.question)
    return MedicationAnswerOut.model_validate(asdict(found))


@router.post("/leaflet-answer", response_model=LeafletAnswerOut)
def leaflet_answer(body: LeafletAnswerIn, request: Request,
                   settings: SettingsDep) -> LeafletAnswerOut:
    """One medicine question answered from its leaflet (used by the dialogue's medicine
    action): the passage for the topic asked — a child's dose row for ``age_years`` /
    ``weight_kg`` —, quoted and cited; or that we hold no leaflet for the medicine; or that
    no passage answers confidently. 503 while no index is loaded."""
    asked = LeafletQuestion(**{**body.model_dump(), "topic_hints": tuple(body.topic_hints)})
    found = answer_from_leaflet(request.app.state.search, settings.retrieval.min_confidence,
                                asked)
    return LeafletAnswerOut.model_validate(asdict(found))


@router.post("/suggest", response_model=SuggestOut)
def suggest(body: SuggestIn, request: Request) -> SuggestOut:
    """"What can I take for …?": up to three OTC products whose leaflet's uses cover the
    symptom (Korean leaflets first for Korean), each with its uses line and most important
    caution, quoted and cited; used by the dialogue when no medicine is named."""
    found = suggest_products(request.app.state.search, request.app.state.kb, body.text,
                             body.language, about_a_medicine=body.about_a_medicine)
    return SuggestOut.model_validate(asdict(found))


def person_of(body: MedicationCheckIn) -> Person:
    return Person(age_years=body.age_years, age_months=body.age_months,
                  pregnant=body.pregnant, breastfeeding=body.breastfeeding,
                  elderly=body.elderly, duration_days=body.duration_days)
