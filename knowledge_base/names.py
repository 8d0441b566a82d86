"""Medicine-name normalisation and the human titles of openFDA label sections."""

from __future__ import annotations

import re

# Salt, ester and dosage-form words that follow an ingredient's name on labels
# ("CETIRIZINE HYDROCHLORIDE", "NAPROXEN SODIUM", "DOCUSATE SODIUM 100MG").
_TRAILING_QUALIFIERS = {
    "hydrochloride", "hcl", "dihydrochloride", "hbr", "hydrobromide", "sodium", "potassium",
    "maleate", "besylate", "tartrate", "fumarate", "calcium", "magnesium", "propionate",
    "succinate", "citrate", "sulfate", "nitrate", "acetate", "mesylate", "polacrilex",
    "polistirex", "zinc", "usp", "tablets", "tablet", "capsules", "suppository", "nasal",
    "spray", "cream", "gel", "oral", "suspension", "solution", "extended-release",
    "delayed-release", "topical", "transdermal", "system", "lozenge", "gum", "anhydrous",
    "monohydrate", "dihydrate", "trihydrate",
}
# Names whose last word is part of the ingredient itself, never stripped.
_KEEP_WHOLE = {"calcium carbonate", "magnesium hydroxide", "bismuth subsalicylate",
               "sodium bicarbonate", "magnesium citrate", "aluminum hydroxide"}
_STRENGTH = re.compile(r"^\d+(\.\d+)?\s*(mg|mcg|g|ml|%)$")
_SPLIT = re.compile(r",|;|\band\b|\+|/", re.IGNORECASE)


def normalise_ingredient(name: str) -> str:
    """'CETIRIZINE HYDROCHLORIDE' -> 'cetirizine'; 'POLYETHYLENE GLYCOL 3350' kept whole."""
    words = re.sub(r"\s+", " ", name.strip().lower()).split(" ")
    while len(words) > 1 and " ".join(words) not in _KEEP_WHOLE and (
        words[-1] in _TRAILING_QUALIFIERS or _STRENGTH.match(words[-1])
    ):
        words.pop()
    return " ".join(words).strip(" .")


def normalise_generic_names(raw_names: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Split combination names and normalise each ingredient, keeping label order."""
    out: list[str] = []
    for raw in raw_names:
        for part in _SPLIT.split(raw):
            name = normalise_ingredient(part)
            if name and name not in out:
                out.append(name)
    return tuple(out)


# openFDA field -> heading a customer recognises on the Drug Facts panel.
SECTION_TITLES: dict[str, str] = {
    "active_ingredient": "Active ingredient",
    "purpose": "Purpose",
    "indications_and_usage": "Uses",
    "warnings": "Warnings",
    "boxed_warning": "Boxed warning",
    "do_not_use": "Do not use",
    "ask_doctor": "Ask a doctor before use",
    "ask_doctor_or_pharmacist": "Ask a doctor or pharmacist before use",
    "when_using": "When using this product",
    "stop_use": "Stop use and ask a doctor",
    "pregnancy_or_breast_feeding": "Pregnancy or breast-feeding",
    "keep_out_of_reach_of_children": "Keep out of reach of children",
    "dosage_and_administration": "Directions",
    "storage_and_handling": "Storage and other information",
    "inactive_ingredient": "Inactive ingredients",
    "questions": "Questions",
    "contraindications": "Contraindications",
    "warnings_and_cautions": "Warnings and precautions",
    "adverse_reactions": "Side effects (adverse reactions)",
    "drug_interactions": "Drug interactions",
    "use_in_specific_populations": "Use in specific populations",
    "pregnancy": "Pregnancy",
    "nursing_mothers": "Nursing mothers",
    "pediatric_use": "Use in children",
    "geriatric_use": "Use in older adults",
    "overdosage": "Overdose",
    "description": "Description",
    "clinical_pharmacology": "Clinical pharmacology",
    "mechanism_of_action": "How it works",
    "how_supplied": "How supplied",
    "information_for_patients": "Information for patients",
    "dosage_forms_and_strengths": "Dosage forms and strengths",
    "precautions": "Precautions",
    "general_precautions": "General precautions",
    "other_safety_information": "Other safety information",
    "spl_patient_package_insert": "Patient information",
    "spl_medguide": "Medication guide",
    "instructions_for_use": "Instructions for use",
}

# Words customers use for each section, added to the text the retrievers index so
# "how often" finds Directions and "pregnant" finds the pregnancy section.
SECTION_SEARCH_HINTS: dict[str, str] = {
    "dosage_and_administration": "dose dosage how much how many how often maximum per day "
    "adults children age",
    "pregnancy_or_breast_feeding": "pregnant pregnancy breastfeeding nursing",
    "pregnancy": "pregnant pregnancy",
    "nursing_mothers": "breastfeeding nursing",
    "storage_and_handling": "store storage temperature keep",
    "inactive_ingredient": "ingredients contains what is in it",
    "active_ingredient": "ingredient strength contains",
    "indications_and_usage": "used for treats what is it for",
    "purpose": "what is it for",
    "adverse_reactions": "side effects",
    "drug_interactions": "interactions other medicines",
    "ask_doctor_or_pharmacist": "interactions other medicines taking",
    "when_using": "side effects alcohol drowsiness",
    "stop_use": "when to stop see a doctor",
    "do_not_use": "who should not take",
    "overdosage": "overdose too much",
}


# Prescribing-information sections written for clinicians (trial results, pharmacokinetics,
# animal toxicology). They stay in the store but are not indexed for answers to customers.
PROFESSIONAL_ONLY_SECTIONS = frozenset({
    "clinical_studies", "clinical_pharmacology", "pharmacokinetics", "pharmacodynamics",
    "nonclinical_toxicology", "carcinogenesis_and_mutagenesis_and_impairment_of_fertility",
    "animal_pharmacology_and_or_toxicology", "pharmacogenomics", "laboratory_tests",
    "description", "microbiology", "mechanism_of_action",
})


# Sections of a *prescription* label that set or adjust the dose for a patient (dose tables,
# strengths, overdose management, use in children, older people, labour). A consumer's dose
# is the prescriber's decision: the assistant refers them there instead of quoting these.
PRESCRIBER_SECTIONS = frozenset({
    "dosage_and_administration", "dosage_forms_and_strengths", "overdosage", "pediatric_use",
    "geriatric_use", "use_in_specific_populations", "labor_and_delivery", "how_supplied",
})


def for_prescriber(section: str, prescription: bool) -> bool:
    """True for a prescription label's dose-setting section (see PRESCRIBER_SECTIONS)."""
    return prescription and section in PRESCRIBER_SECTIONS


def section_title(key: str) -> str:
    return SECTION_TITLES.get(key, key.replace("_", " ").capitalize())
