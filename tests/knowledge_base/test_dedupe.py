from knowledge_base.dedupe import collapse_near_duplicates
from knowledge_base.documents import Document, Section

DIRECTIONS = ("adults and children 12 years and over take 1 tablet every 4 to 6 hours while "
              "symptoms persist do not take more than 6 tablets in 24 hours unless directed by "
              "a doctor children under 12 years ask a doctor")


def leaflet(doc_id: str, brand: str, date: str, extra: str = "", generic=("ibuprofen",)):
    return Document(
        doc_id=doc_id, kind="leaflet", title=brand, audience="consumer", generic_names=generic,
        brand_names=(brand,), source="test", effective_date=date,
        sections=(Section(key="dosage_and_administration", title="Directions",
                          text=DIRECTIONS + extra),),
    )


def test_store_brand_copies_collapse_into_the_newest_label():
    docs = [leaflet("doc-a", "Store A", "2023-01-01"), leaflet("doc-b", "Store B", "2025-01-01"),
            leaflet("doc-c", "Other", "2024-01-01", generic=("naproxen",))]
    kept, merged = collapse_near_duplicates(docs)
    assert [d.doc_id for d in kept] == ["doc-b", "doc-c"]
    assert merged == {"doc-a": "doc-b"}
    assert set(kept[0].brand_names) == {"Store A", "Store B"}


def test_different_text_is_kept():
    extra = " " + " ".join(f"word{i}" for i in range(80))
    docs = [leaflet("doc-a", "A", "2023-01-01"), leaflet("doc-b", "B", "2024-01-01", extra=extra)]
    kept, merged = collapse_near_duplicates(docs)
    assert len(kept) == 2 and merged == {}
