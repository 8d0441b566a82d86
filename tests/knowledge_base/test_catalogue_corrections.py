"""Corrections to the embedded catalogue, checked against real US labels.

The catalogue is read with the project's own loader (``read_catalogue``). Where the shared
FDA file (``../shared/data/fda/labels.jsonl``) holds the label a correction came from, the
test also checks that the quoted stop-use signs really stand in that label (skipped, and
said so, when the file is absent). The shared file has no brand-name Voltaren or Bayer label:
the labels used are the generic equivalents named in each product's ``source_label``.

The NyQuil and Tums tests are guards, not corrections: both entries already matched their
labels, and the tests keep them that way.
"""

from __future__ import annotations

import re

import pytest

from core.settings import PathSettings
from knowledge_base.documents import Document
from knowledge_base.openfda import read_catalogue, read_openfda_file
from tests.conftest import CATALOGUE

VOLTAREN_LABEL = "fda-005299ac-b6de-511f-e063-6294a90a29e0"  # diclofenac gel 1%, 2024-07-29
LOW_DOSE_ASPIRIN_LABEL = "fda-003986de-ee58-4ecf-a850-73505967a976"  # aspirin 81 mg, 2025-01-28


@pytest.fixture(scope="module")
def catalogue_docs() -> dict[str, Document]:
    return {d.doc_id: d for d in read_catalogue(CATALOGUE) if isinstance(d, Document)}


@pytest.fixture(scope="module")
def shared_labels() -> dict[str, Document]:
    path = PathSettings().fda_labels_file
    if not path.exists():
        pytest.skip(f"{path} is absent: cannot cross-check the catalogue against the FDA labels")
    return {d.doc_id: d for d in read_openfda_file(path) if isinstance(d, Document)}


def section_text(doc: Document, key: str) -> str:
    section = doc.section(key)
    assert section is not None, f"{doc.doc_id} has no {key} section"
    return section.text.lower()


def all_text(doc: Document) -> str:
    return " ".join(s.text for s in doc.sections).lower()


def quoted_signs(text: str) -> list[str]:
    return [q.lower() for q in re.findall(r'"([^"]+)"', text)]


def test_miralax_directions_warn_about_thickeners_and_clumps(catalogue_docs):
    # DailyMed MiraLAX label, setid 1771d3bf-954d-49ea-b260-3d356e5dcfa5 (posted 2025-02-28)
    doc = catalogue_docs["cat-miralax"]
    directions = section_text(doc, "dosage_and_administration")
    assert "starch-based thickeners" in directions
    assert "fully dissolved" in directions
    assert "clumps" in directions
    assert doc.effective_date == "2025-02-28"


def test_voltaren_gel_stop_use_lists_fever_and_skin_irritation(catalogue_docs):
    doc = catalogue_docs["cat-voltaren-arthritis-pain-gel"]
    stop_use = section_text(doc, "stop_use")
    assert "fever occurs" in stop_use
    assert "skin irritation occurs" in stop_use
    assert "21 days" in stop_use and "stomach bleeding" in stop_use
    assert doc.effective_date == "2024-07-29"


def test_voltaren_gel_has_the_application_cautions(catalogue_docs):
    doc = catalogue_docs["cat-voltaren-arthritis-pain-gel"]
    when_using = section_text(doc, "when_using")
    assert "eyes" in when_using and "rinse" in when_using
    directions = section_text(doc, "dosage_and_administration")
    for caution in ("clean, dry skin", "open wounds", "heating pad", "bandage",
                    "wash your hands", "showering or bathing"):
        assert caution in directions, caution
    assert "under 18" in section_text(doc, "ask_doctor")


def test_bayer_low_dose_stop_use_lists_fever(catalogue_docs):
    doc = catalogue_docs["cat-bayer-low-dose-aspirin"]
    stop_use = section_text(doc, "stop_use")
    assert "fever gets worse or lasts more than 3 days" in stop_use
    assert "signs of a serious condition" in stop_use
    assert "ringing in the ears" in stop_use and "10 days" in stop_use
    assert doc.effective_date == "2025-01-28"


@pytest.mark.parametrize(("product", "label"), [
    ("cat-voltaren-arthritis-pain-gel", VOLTAREN_LABEL),
    ("cat-bayer-low-dose-aspirin", LOW_DOSE_ASPIRIN_LABEL),
])
def test_quoted_stop_use_signs_stand_in_the_real_label(catalogue_docs, shared_labels,
                                                       product, label):
    quotes = quoted_signs(section_text(catalogue_docs[product], "stop_use"))
    assert quotes, f"{product} quotes no stop-use sign"
    assert label in shared_labels, f"{label} is missing from the shared FDA labels"
    label_stop_use = section_text(shared_labels[label], "stop_use")
    for quote in quotes:
        assert quote in label_stop_use, quote


def test_plan_b_mechanism_claims_no_more_than_the_current_label(catalogue_docs):
    # labeling change approved by FDA on 2022-12-23: the fertilization/implantation wording went
    doc = catalogue_docs["cat-plan-b-one-step"]
    text = all_text(doc)
    for outdated in ("fertiliz", "implant", "attachment of a fertilized egg"):
        assert outdated not in text, outdated
    other = section_text(doc, "storage_and_handling")
    assert "before an egg is released" in other and "stops or delays" in other
    assert "will not affect an existing pregnancy" in other


def test_oral_phenylephrine_products_carry_the_dated_fda_proposal(catalogue_docs):
    with_pe = [d for d in catalogue_docs.values() if "phenylephrine" in d.generic_names]
    assert {d.doc_id for d in with_pe} >= {"cat-vicks-dayquil-cold-flu-liquicaps",
                                           "cat-sudafed-pe-congestion"}
    for doc in with_pe:
        text = all_text(doc)
        assert "november 2024" in text, doc.doc_id
        assert "proposed removing oral phenylephrine" in text, doc.doc_id
        assert "not a final order" in text, doc.doc_id
    without_pe = [d for d in catalogue_docs.values() if "phenylephrine" not in d.generic_names]
    assert not [d.doc_id for d in without_pe if "oral phenylephrine" in all_text(d)]


def test_nyquil_liquicaps_dextromethorphan_matches_the_label(catalogue_docs):
    # guard: Vicks NyQuil Cold & Flu LiquiCaps hold dextromethorphan HBr 15 mg per LiquiCap,
    # 2 LiquiCaps a dose (openFDA NDC 69423-995); 10 mg is the Ultra Concentrated / Severe
    # LiquiCaps, and this product has no phenylephrine
    doc = catalogue_docs["cat-vicks-nyquil-cold-flu-liquicaps"]
    active = section_text(doc, "active_ingredient")
    assert re.findall(r"dextromethorphan hbr (\d+(?:\.\d+)?) mg", active) == ["15"]
    assert "2 liquicaps" in section_text(doc, "dosage_and_administration")
    assert "phenylephrine" not in doc.generic_names


def test_tums_maximums_agree_between_directions_and_warnings(catalogue_docs):
    # guard: DailyMed TUMS 750 mg label, setid 3988e3f8-b276-43a0-bdd3-01ddd422c986
    doc = catalogue_docs["cat-tums-extra-strength-750"]
    when_using = section_text(doc, "when_using")
    directions = section_text(doc, "dosage_and_administration")
    assert "more than 10 tablets in 24 hours" in when_using
    assert "more than 10 tablets in 24 hours" in directions
    assert "pregnant, do not take more than 6 tablets" in when_using
    assert "6 tablets if pregnant" in directions
    limits = set(re.findall(r"(\d+) tablets in 24 hours", when_using + " " + directions))
    assert limits <= {"10", "6"}, limits  # no third, contradicting maximum
    dose = re.search(r"chew (\d+) to (\d+) tablets", directions)
    assert dose is not None
    low, high = map(int, dose.groups())
    assert low <= high <= 6  # one dose fits inside both daily maximums
    assert "calcium carbonate 750 mg" in section_text(doc, "active_ingredient")
    assert "300 mg of elemental calcium" in section_text(doc, "storage_and_handling")
