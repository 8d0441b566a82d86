"""The side-by-side reply: each product's uses and directions quoted, cited, in order."""

from __future__ import annotations

from replies.comparisons import ComparisonRow, comparison_sources, compose_comparison


def hit(doc_id: str, section: str, title: str, text: str, language: str = "en") -> dict:
    return {"doc_id": doc_id, "drug": "x", "section": section, "title": title, "text": text,
            "section_title": {"indications_and_usage": "Uses"}.get(section, "Directions"),
            "label_date": "2024-01-01", "language": language}


def test_each_product_gets_its_quotes_and_sources():
    rows = [
        ComparisonRow("A Tabs", "ibuprofen",
                      hit("a", "indications_and_usage", "A Tabs", "temporarily relieves pain."),
                      hit("a", "dosage_and_administration", "A Tabs", "take 1 tablet.")),
        ComparisonRow("B Tabs", "naproxen", None,
                      hit("b", "dosage_and_administration", "B Tabs", "take 2 tablets.")),
    ]
    text = compose_comparison(rows)
    assert text.splitlines()[0] == "A Tabs and B Tabs, side by side from their leaflets:"
    a, b = text.split("\n\n")[1:]
    assert a.startswith("• A Tabs — ibuprofen") and "“temporarily relieves pain.”" in a
    assert 'Source: A Tabs — "Uses"' in a and "“take 1 tablet.”" in a
    assert "What it is for: (not in the leaflets I hold)" in b  # never made up
    assert [s["doc_id"] for s in comparison_sources(rows)] == ["a", "a", "b"]


def test_a_korean_leaflet_carries_the_mfds_attribution_once():
    korean = [hit("mfds-1", s, "타이레놀정", "이 약은 …", "ko")
              for s in ("indications_and_usage", "dosage_and_administration")]
    text = compose_comparison([ComparisonRow("타이레놀정", "아세트아미노펜", *korean),
                               ComparisonRow("부루펜정", "이부프로펜", None, None)], "ko")
    assert text.startswith("타이레놀정, 부루펜정을(를) 설명서 기준으로")
    assert text.count("출처: 식품의약품안전처 의약품개요정보(e약은요)") == 1
    assert "효능·효과: (보유한 설명서에 없음)" in text
