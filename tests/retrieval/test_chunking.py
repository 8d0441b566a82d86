from retrieval.chunking import chunk_document, split_text
from tests.conftest import CATALOGUE


def test_long_text_is_split_within_the_limit_with_overlap(token_counter):
    sentence = "Take two tablets every six hours with water while symptoms last."
    text = " ".join([sentence] * 40)
    chunks = split_text(text, limit=60, overlap=16, count=token_counter)
    assert len(chunks) > 5
    assert all(token_counter(c) <= 60 for c in chunks)
    # consecutive chunks share their boundary sentence
    assert chunks[0].split(". ")[-1].rstrip(".") in chunks[1]


def test_a_sentence_longer_than_the_limit_is_cut_into_word_runs(token_counter):
    text = " ".join(f"word{i}" for i in range(300))
    chunks = split_text(text, limit=50, overlap=0, count=token_counter)
    assert all(token_counter(c) <= 50 for c in chunks)
    assert " ".join(chunks).split() == text.split()


def test_every_chunk_carries_its_citation(small_documents, token_counter):
    advil = next(d for d in small_documents if d.doc_id == "cat-advil-tablets")
    chunks = chunk_document(advil, max_tokens=160, overlap=32, count=token_counter)
    assert {c.section for c in chunks} == {s.key for s in advil.sections}
    for chunk in chunks:
        assert chunk.drug == "ibuprofen" and chunk.title == advil.title
        assert chunk.effective_date == advil.effective_date and chunk.audience == "consumer"
        assert chunk.search_text.startswith(advil.title) and chunk.text in chunk.search_text
        assert token_counter(chunk.search_text) <= 200
    assert CATALOGUE.is_dir()
