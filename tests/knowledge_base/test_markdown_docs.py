import pytest

from knowledge_base.documents import Document
from knowledge_base.markdown_docs import parse_markdown_document, read_markdown_dir, split_sections
from knowledge_base.openfda import RecordError
from tests.conftest import CHAIN_DOCS

TEXT = """---
id: faq-test
title: Test FAQ
audience: consumer
kind: store_faq
effective_date: 2026-09-01
---
Intro line.

## Gangnam branch opening hours
Open 24 hours.

## Returns
Unopened items within 14 days.
"""


def test_sections_follow_h2_headings():
    doc = parse_markdown_document(TEXT, source="test")
    assert doc.audience == "consumer" and doc.kind == "store_faq"
    assert [s.key for s in doc.sections] == ["overview", "gangnam_branch_opening_hours", "returns"]
    assert doc.section("returns").text == "Unopened items within 14 days."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no front matter", "front matter"),
        (TEXT.replace("audience: consumer\n", ""), "audience"),
        (TEXT.replace("audience: consumer", "audience: everyone"), "audience"),
    ],
)
def test_invalid_documents_are_reported(tmp_path, text, reason):
    (tmp_path / "bad.md").write_text(text)
    (tmp_path / "good.md").write_text(TEXT)
    items = list(read_markdown_dir(tmp_path))
    errors = [i for i in items if isinstance(i, RecordError)]
    assert len(errors) == 1 and reason in errors[0].reason and errors[0].file.endswith("bad.md")
    assert [i.doc_id for i in items if isinstance(i, Document)] == ["faq-test"]


def test_chain_documents_cover_both_audiences():
    docs = [d for d in read_markdown_dir(CHAIN_DOCS) if isinstance(d, Document)]
    assert {d.audience for d in docs} == {"consumer", "employee"}
    assert {d.kind for d in docs} == {"store_faq", "hr_handbook"}
    assert all(len(d.sections) >= 3 for d in docs)


def test_only_real_line_ends_split_a_section():
    text = TEXT.replace("Open 24 hours.", "Open 24 hours.\u2028## Not a heading\x85 still text")
    doc = parse_markdown_document(text.replace("\n", "\r\n"), source="test")
    assert [s.key for s in doc.sections] == ["overview", "gangnam_branch_opening_hours", "returns"]
    assert doc.section("gangnam_branch_opening_hours").text == (
        "Open 24 hours.\u2028## Not a heading\x85 still text")


def test_a_heading_inside_a_code_block_is_text():
    text = TEXT.replace("Open 24 hours.", "Open 24 hours.\n```\n## not a heading\n```")
    doc = parse_markdown_document(text, source="test")
    assert [s.key for s in doc.sections] == ["overview", "gangnam_branch_opening_hours", "returns"]
    assert "## not a heading" in doc.section("gangnam_branch_opening_hours").text


def test_title_lines_are_dropped_and_closing_hashes_are_not_part_of_a_title():
    body = "# Store FAQ\nIntro.\n## Returns ##\nWithin 14 days.\n# Aside\nMore.\n"
    sections = split_sections(body)
    assert [(s.key, s.title, s.text) for s in sections] == [
        ("overview", "Overview", "Intro."), ("returns", "Returns", "Within 14 days.\nMore.")]
