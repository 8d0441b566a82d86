"""Korean leaflets are quoted as Korean text with the MFDS attribution; a US label quoted to
a Korean user says it is standing in for a Korean leaflet."""

from replies.answers import MFDS_ATTRIBUTION, compose_leaflet_answer

KOREAN_HIT = {"doc_id": "mfds-201404511", "title": "개비스콘더블액션현탁액", "section":
              "dosage_and_administration", "section_title": "용법·용량", "label_date":
              "2021-12-29", "text": "성인은 1회 10~20 mL을 1일 4회 복용합니다.", "score": 0.1,
              "language": "ko"}
US_HIT = {"doc_id": "cat-advil-tablets", "title": "Advil (ibuprofen)", "section":
          "dosage_and_administration", "section_title": "Directions", "label_date": None,
          "text": "Take 1 tablet every 4 to 6 hours.", "score": 0.1}


def test_a_korean_question_gets_the_korean_leaflet_quoted_in_korean():
    text = compose_leaflet_answer([KOREAN_HIT], "ko")
    assert "1회 10~20 mL" in text and "원문(영문)" not in text
    assert "출처: 개비스콘더블액션현탁액 — '용법·용량'" in text and MFDS_ATTRIBUTION in text


def test_an_english_question_labels_the_korean_text_as_korean():
    text = compose_leaflet_answer([KOREAN_HIT], "en")
    assert "Korean" in text and "MFDS" in text and MFDS_ATTRIBUTION in text


def test_a_us_label_for_a_korean_user_says_so():
    text = compose_leaflet_answer([US_HIT], "ko")
    assert "미국 제품 설명서" in text and "원문(영문)" in text
    assert MFDS_ATTRIBUTION not in text
    assert "미국" not in compose_leaflet_answer([US_HIT], "en")


def test_a_tie_in_a_uses_section_quotes_its_opening_passage():
    from replies.answers import choose_passages

    def passage(n: int, score: float, section: str = "indications_and_usage") -> dict:
        return {"doc_id": "fda-1", "section": section, "score": score, "passage": n}

    later_first = [passage(2, 0.0474), passage(0, 0.0469), passage(1, 0.0400)]
    assert choose_passages(later_first)[0]["passage"] == 0  # the main use comes first
    clear_win = [passage(2, 0.0474), passage(0, 0.0440)]
    assert choose_passages(clear_win)[0]["passage"] == 2
    directions = [passage(1, 0.0474, "dosage_and_administration"),
                  passage(0, 0.0472, "dosage_and_administration")]
    assert choose_passages(directions)[0]["passage"] == 1  # the row asked about may be later


def test_a_passage_cut_mid_sentence_is_quoted_with_the_next_one():
    from replies.answers import compose_leaflet_answer, join_passages

    first = "Adults: stir and dissolve in 8 ounces of any beverage; use once a day;"
    second = "any beverage; use once a day; use for no more than 7 days. Children: ask a doctor."
    assert join_passages(first, second) == (
        "Adults: stir and dissolve in 8 ounces of any beverage; use once a day; "
        "use for no more than 7 days. Children: ask a doctor.")

    def hit(n: int, text: str, score: float) -> dict:
        return {"doc_id": "cat-x", "drug": "x", "section": "dosage_and_administration",
                "section_title": "Directions", "title": "X", "text": text, "score": score,
                "passage": n, "label_date": None}

    reply = compose_leaflet_answer([hit(0, first, 0.05), hit(1, second, 0.049)])
    assert "no more than 7 days." in reply
    whole = compose_leaflet_answer([hit(0, "Adults: take 1 tablet daily.", 0.05),
                                    hit(1, second, 0.049)])
    assert "7 days" not in whole  # a passage that ends its sentence is quoted alone


def test_a_family_name_quotes_each_sibling_whose_passage_tied():
    from replies.answers import choose_passages, compose_leaflet_answer

    def hit(doc: str, title: str, score: float, drug: str = "famotidine") -> dict:
        return {"doc_id": doc, "title": title, "drug": drug, "score": score, "passage": 0,
                "section": "dosage_and_administration", "section_title": "Directions",
                "text": f"{title}: take 1 tablet.", "label_date": None}

    maximum = hit("cat-pepcid-max", "Pepcid AC Maximum Strength", 0.0404)
    original = hit("cat-pepcid-orig", "Pepcid AC Original Strength", 0.0402)
    complete = hit("cat-pepcid-complete", "Pepcid Complete", 0.0403,
                   "famotidine, calcium carbonate, magnesium hydroxide")
    assert [h["doc_id"] for h in choose_passages([maximum, complete, original])] == [
        "cat-pepcid-max", "cat-pepcid-orig"]  # same medicine, same family
    reply = compose_leaflet_answer([maximum, original])
    assert "Maximum Strength: take 1" in reply and "Original Strength: take 1" in reply
    other = hit("cat-other", "Other Brand", 0.0403)
    assert [h["doc_id"] for h in choose_passages([maximum, other])] == ["cat-pepcid-max"]
    far = hit("cat-pepcid-orig", "Pepcid AC Original Strength", 0.030)
    assert [h["doc_id"] for h in choose_passages([maximum, far])] == ["cat-pepcid-max"]
