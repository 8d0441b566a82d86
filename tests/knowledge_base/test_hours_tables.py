"""The hours tables of the store FAQ, read row by row."""

from __future__ import annotations

from core.settings import REPO_ROOT
from knowledge_base.markdown_docs import parse_markdown_document
from knowledge_base.store_hours import HOURS_DOC_ID, Opening, branch_hours

FAQ = REPO_ROOT / "knowledge_base" / "chain" / "store_faq" / "opening-hours.md"


def test_every_branch_row_is_read():
    document = parse_markdown_document(FAQ.read_text(encoding="utf-8"), source="test")
    assert document.doc_id == HOURS_DOC_ID
    rows = {row.branch: row for row in branch_hours(document)}
    assert len(rows) == 9
    jamsil = rows["Jamsil"].days
    assert (jamsil["weekday"].text, jamsil["sunday"].text) == ("09:00–22:00", "10:00–20:00")
    assert rows["Hongdae"].days["sunday"].always
    assert rows["Yeouido"].days["sunday"].closed
    assert rows["Jamsil"].section_title == "Seoul branch opening hours (per branch)"


def test_open_at():
    day = Opening.parse("09:00–22:00")
    assert day.open_at(9 * 60) and day.open_at(21 * 60 + 59) and not day.open_at(22 * 60)
    assert Opening.parse("24 hours").open_at(3 * 60)
    assert not Opening.parse("Closed").open_at(12 * 60)
