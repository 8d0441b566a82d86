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
