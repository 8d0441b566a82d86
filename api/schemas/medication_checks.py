"""Request and response of ``POST /v1/medicines/check`` (the app's "check my medicines")."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
)

from api.schemas.search import SourceOut

MAX_MEDICINES = 20
MedicineName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1,
                                                max_length=100)]
FindingType = Literal["dur_combination", "same_ingredient", "dur_duplicate_class",
                      "dur_pregnancy", "dur_age", "dur_elderly", "dur_max_dose",
                      "dur_duration"]


class MedicationCheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "medicines": ["게보린", "펜잘큐"], "age_years": 34, "pregnant": True}})

    medicines: list[MedicineName] = Field(
        min_length=1, max_length=MAX_MEDICINES,
        description="medicine names as people write them (products or ingredients, "
                    "Korean or English); 1 to 20")
    # strict: JSON true must not pass as 1 (a year, a month or a day)
    age_years: StrictFloat | StrictInt | None = Field(default=None, ge=0, le=130)
    age_months: StrictFloat | StrictInt | None = Field(default=None, ge=0, le=1560,
                                     description="for babies; wins over age_years")
    pregnant: StrictBool = False
    breastfeeding: StrictBool = Field(default=False, description="accepted; MFDS DUR has no "
                                "breastfeeding table, so it adds no finding")
    elderly: StrictBool = Field(default=False, description="65 or older (also implied by age)")
    duration_days: StrictInt | None = Field(default=None, ge=1, le=3650, description=(
        "how long the medicines will be taken; enables dur_duration"))



class IngredientOut(BaseModel):
    key: str = Field(description="canonical ingredient key (salt and language folded)")
    name_en: str
    name_ko: str
    dur_codes: list[str] = Field(description="MFDS DUR ingredient codes, if DUR lists it")


class ResolvedOut(BaseModel):
    name: str = Field(description="the name as sent")
    matched: str = Field(description="the product, brand or ingredient it was read as")
    kind: Literal["product", "brand", "ingredient", "combination"]
    form: str | None = Field(description="tablet, capsule, liquid … when the name says")
    ambiguous: bool = Field(description="a brand family whose products differ; the "
                            "ingredients are all of theirs")
    ingredients: list[IngredientOut]


class FindingOut(BaseModel):
    type: FindingType
    medicines: list[str] = Field(description="the names (as sent) involved")
    ingredients: list[IngredientOut]
    mfds_text: str = Field(description="MFDS's wording, verbatim (Korean)")
    explanation: str = Field(description="one English sentence")
    notification_date: str | None = Field(description="MFDS notification date (ISO)")
    citation: str
    grade: str | None = Field(default=None, description="pregnancy grade (1등급, 2등급)")
    form: str | None = Field(default=None, description="the dosage forms a form-specific "
                             "rule concerns, when the medicine's form is unknown")
    detail: str | None = Field(default=None, description="age limit, maximum, duration "
                               "or therapeutic group")


class MedicationCheckOut(BaseModel):
    resolved: list[ResolvedOut]
    unresolved: list[str] = Field(description="names not recognised: never dropped")
    findings: list[FindingOut]


class MedicationAnswerIn(MedicationCheckIn):
    """The chat's medicine action asks for a worded answer (same fields, plus language)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "medicines": ["selegiline", "Sudafed"], "language": "en"}})

    language: Literal["en", "ko"] = "en"
    question: str = Field(default="", max_length=1000,
                          description="the user's message: a comparison question gets a "
                                      "side-by-side instead of the check alone")


class MedicationAnswerOut(BaseModel):
    applies: bool = Field(description="false when one medicine and nothing about the person "
                                      "was given: no check to report, answer as usual")
    text: str = Field(description="findings first, then leaflet passages, then the "
                                  "pharmacist line")
    sources: list[SourceOut] = Field(description="each finding (source \"MFDS DUR\") and "
                                                 "each leaflet quoted")
    findings: list[FindingOut]


class LeafletAnswerIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "question": "how much advil can my 8 year old take?", "medicine": "children's advil",
        "language": "en", "age_years": 8}})

    question: str = Field(min_length=1, max_length=1000, description="what is searched: the "
                          "user's words (with the medicine before them on a follow-up)")
    medicine: str | None = Field(default=None, max_length=100)
    language: Literal["en", "ko"] = "en"
    topic_hints: list[Annotated[str, Field(max_length=40)]] = Field(
        default=[], max_length=10, description="topics the NLU tagged; unknown ones are ignored")
    previous_topic: str | None = Field(default=None, max_length=40,
                                       description="the conversation's topic so far")
    previous_generic: str | None = Field(default=None, max_length=2000, description="what "
                                         "the conversation's medicine resolved to so far")
    follow_up: StrictBool = Field(default=False, description="\"what about zyrtec?\": the "
                                  "same question about another medicine keeps the topic")
    age_years: int | None = Field(default=None, ge=0, le=130)
    weight_kg: float | None = Field(default=None, gt=0, le=300)


class LeafletAnswerOut(BaseModel):
    status: Literal["answered", "not_covered", "not_sure", "no_medicine"] = Field(
        description="answered: a cited quote; not_covered: we hold no leaflet for the "
                    "medicine; not_sure: no passage answers confidently (offer the "
                    "pharmacist); no_medicine: none named or carried (ask which one)")
    text: str
    topic: str | None = Field(description="the topic answered: the conversation keeps it")
    medicine: str | None
    generic: str | None = Field(description="what the medicine resolved to")
    sources: list[SourceOut]
    confidence: float


class SuggestIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"example": {
        "text": "I'm constipated, what do you recommend?", "language": "en"}})

    text: str = Field(min_length=1, max_length=1000)
    language: Literal["en", "ko"] = "en"
    about_a_medicine: StrictBool = Field(
        default=False, description="the conversation is already about a medicine: only a "
        "named symptom makes this a request for products (\"what about for kids?\" is not)")


class SuggestOut(BaseModel):
    applies: bool = Field(description="false when the message does not ask for something to "
                                      "take, or names a medicine (answer about that one)")
    text: str = Field(description="the products, or (no ``products``) that nothing we hold "
                                  "fits: offer the pharmacist")
    sources: list[SourceOut] = Field(description="the uses passage of each product")
    products: list[str]
