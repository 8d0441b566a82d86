import pytest

from knowledge_base.medicine_names import MedicineLexicon, asked_about


@pytest.fixture(scope="module")
def lexicon(small_documents):
    return MedicineLexicon.from_documents(small_documents)


@pytest.mark.parametrize(
    ("text", "generics"),
    [
        ("how often can I take Advil?", ("ibuprofen",)),
        ("ibuprofin dose", ("ibuprofen",)),  # typo
        ("is acetaminophin safe", ("acetaminophen",)),  # typo
        ("tylenol pm before bed", ("acetaminophen", "diphenhydramine")),  # longest name wins
        ("tylenol for a fever", ("acetaminophen",)),  # brand family: what its products share
        ("Claritin or Zyrtec?", ("loratadine", "cetirizine")),
    ],
)
def test_medicines_are_found_by_brand_generic_or_typo(lexicon, text, generics):
    found = tuple(g for m in lexicon.detect(text) for g in m.generics)
    assert found == generics


@pytest.mark.parametrize("text", ["can I take leave on friday", "what are your opening hours",
                                  "my dental plan", "allergy relief for my kid"])
def test_ordinary_words_are_not_medicines(lexicon, text):
    assert lexicon.detect(text) == []


def test_korean_names_come_from_the_alias_files(small_documents, tmp_path):
    aliases = tmp_path / "ko.yml"
    aliases.write_text("aliases:\n  타이레놀: acetaminophen\n  모르는약: notstocked\n")
    lexicon = MedicineLexicon.from_documents(small_documents, [aliases])
    assert lexicon.lookup("타이레놀은 몇 알까지") == ("acetaminophen",)  # particle attached
    assert lexicon.lookup("모르는약") is None  # aliases of medicines we do not hold are ignored


def test_lexicon_round_trips_through_json(lexicon):
    assert MedicineLexicon.from_json(lexicon.to_json()).names == lexicon.names


@pytest.mark.parametrize(("text", "asked"), [
    ("can I take advil if I'm allergic to tylenol?", ("ibuprofen",)),
    ("claritin allergy, is zyrtec ok?", ("cetirizine",)),
    ("tylenol 알레르기 있는데 advil 먹어도 돼요?", ("ibuprofen",)),
    ("I'm allergic to tylenol, what is in it?", ("acetaminophen",)),  # alone: it stays
    ("advil or tylenol?", ("ibuprofen", "acetaminophen")),
])
def test_a_medicine_named_as_an_allergy_is_not_what_is_asked_about(lexicon, text, asked):
    found = tuple(g for m in asked_about(text, lexicon.detect(text)) for g in m.generics)
    assert found == asked
