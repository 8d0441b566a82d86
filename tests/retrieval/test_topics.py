import pytest

from retrieval.topics import TOPIC_SECTIONS, detect_topics, preferred_sections


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how often can i take it", "frequency"),
        ("max dose per day", "dosage"),
        ("and for my 8 year old?", "children"),
        ("ok while breastfeeding?", "pregnancy"),
        ("can i drink wine with it", "alcohol"),
        ("where should i keep it", "storage"),
        ("what's in it", "ingredients"),
        ("임신 중에 먹어도 돼요?", "pregnancy"),
        ("하루에 몇 번 먹어요", "frequency"),
    ],
)
def test_topic_is_detected(text, topic):
    assert detect_topics(text)[0] == topic


def test_no_topic_in_a_bare_name():
    assert detect_topics("advil") == []


def test_preferred_sections_are_openfda_fields_without_repeats():
    sections = preferred_sections(["children", "dosage"])
    assert sections[0] == "dosage_and_administration"
    assert len(sections) == len(set(sections))
    assert all(s.islower() for topic in TOPIC_SECTIONS.values() for s in topic)
