"""Pill identification search over the real MFDS data (25,040 pills), built in memory."""

from __future__ import annotations

import pytest

from core.settings import Settings
from knowledge_base.pill_import import leaflet_file_for, pill_values, read_jsonl
from knowledge_base.pill_tables import PillRow
from knowledge_base.pill_vocabulary import normalise_imprint
from retrieval.pill_loader import record_from_row
from retrieval.pill_search import (
    PillIndex,
    PillQuery,
    PillQueryError,
    parse_pill_query,
    search_pills,
)

PILL_FILE = Settings().paths.pill_identification_file
pytestmark = pytest.mark.skipif(
    not PILL_FILE.is_file() or not leaflet_file_for(PILL_FILE).is_file(),
    reason=f"MFDS pill data not present at {PILL_FILE} (../shared/data/mfds/)")


@pytest.fixture(scope="module")
def index() -> PillIndex:
    leaflets = {r["itemSeq"] for r in read_jsonl(leaflet_file_for(PILL_FILE))}
    return PillIndex(record_from_row(PillRow(**pill_values(r, leaflets)))
                     for r in read_jsonl(PILL_FILE))


def names(result, groups: int = 5) -> list[str]:
    return [p.name for g in result.groups[:groups] for p in g.members]


def test_idg_light_green_round_is_gasdial(index):
    result = search_pills(index, imprint="IDG", color="연두", shape="원형")
    assert len(index) == 25_040
    assert result.groups[0].members[0].name.startswith("가스디알정")
    assert result.confidence_label == "high" and not result.ambiguous
    assert result.groups[0].members[0].leaflet_doc_id is None  # no e약은요 leaflet


def test_tylenol_white_oblong_finds_tylenol_with_its_leaflet(index):
    result = search_pills(index, imprint="TYLENOL", color="white", shape="oblong")
    top = result.groups[0].members[0]
    assert "타이레놀" in top.name and not top.rx
    assert top.leaflet_doc_id == f"mfds-{top.item_seq}"
    assert result.groups[0].one_side_only  # TYLENOL / 500: one side typed
    both = search_pills(index, imprint="500 tylenol", color="흰색")  # either order
    assert both.groups[0].members[0].item_seq == "202106092"
    assert not both.groups[0].one_side_only


@pytest.mark.parametrize("typed", ["1DG", "idg", " i d g ", "I-D-G"])
def test_misread_and_sloppy_imprints_still_find_it(index, typed):
    result = search_pills(index, imprint=typed, color="연두", shape="원형")
    assert result.groups[0].members[0].name.startswith("가스디알정")


@pytest.mark.parametrize("typed", ["TYLEN0L 5OO", "TYLENL 500", "TYLENOL 50", "tylen0l5oo"])
def test_one_character_misread_or_dropped_on_a_long_imprint(index, typed):
    result = search_pills(index, imprint=typed, color="white", shape="oblong")
    assert result.groups[0].members[0].item_seq == "202106092"


def test_a_dropped_character_on_a_short_imprint_stays_in_the_top_five(index):
    result = search_pills(index, imprint="ID", color="연두", shape="원형")
    assert any(n.startswith("가스디알정") for n in names(result))
    assert result.groups[0].score > result.groups[-1].score


def test_one_letter_may_be_a_two_letter_imprint_with_a_letter_worn_off(index):
    result = search_pills(index, imprint="r", color="주황", shape="원형")
    imprints = [normalise_imprint(g.members[0].print_front + g.members[0].print_back)
                for g in result.groups]
    assert imprints[0] == "R"  # the pill printed "R" itself comes first
    assert "TR" in imprints  # an orange round "Tr" with its T missed is a candidate
    assert not any(len(i) == 1 and i != "R" for i in imprints)  # another letter is not


def test_colour_synonyms_in_english_and_korean_mean_the_same(index):
    assert parse_pill_query(color="light green").colors == ("연두",)
    assert parse_pill_query(color="흰색").colors == parse_pill_query(color="white").colors
    green = search_pills(index, imprint="IDG", color="green", shape="round")  # 연두 is near
    assert green.groups[0].members[0].name.startswith("가스디알정")
    english = search_pills(index, imprint="TYLENOL 500", color="WHITE", shape="Oblong")
    assert english.groups[0].members[0].item_seq == "202106092"


def test_a_wrong_colour_lowers_a_candidate_but_does_not_hide_it(index):
    right = search_pills(index, imprint="TYLENOL 500", color="white", shape="oblong")
    wrong = search_pills(index, imprint="TYLENOL 500", color="blue", shape="oblong")
    assert wrong.groups[0].members[0].item_seq == "202106092"
    assert wrong.groups[0].score < right.groups[0].score


def test_one_side_only_with_many_look_alikes_is_ambiguous_and_asks_for_the_other(index):
    result = search_pills(index, imprint="YH", color="yellow", shape="round", limit=10)
    assert result.ambiguous and result.confidence < 0.5
    assert result.confidence_label == "low"
    assert "other_side" in result.ask_for
    assert len(result.groups) == 10 and all(
        "YH" in (p.print_front_norm, p.print_back_norm)
        for g in result.groups[:5] for p in g.members)


def test_look_alikes_are_grouped_and_counted_together(index):
    result = search_pills(index, imprint="YH", color="노랑", shape="원형", limit=3)
    top = result.groups[0]
    assert top.size == len({p.item_seq for p in top.members}) >= 2
    assert len({p.look_alike_key for p in top.members}) == 1
    assert [m.group for m in result.matches][:top.size] == [1] * top.size


def test_no_imprint_asks_for_it_and_form_filters(index):
    result = search_pills(index, color="white", shape="round")
    assert result.ambiguous and result.ask_for[0] == "imprint"
    capsules = search_pills(index, imprint="TYLENOL 500", color="white", form="캡슐")
    assert capsules.groups[0].score < search_pills(index, imprint="TYLENOL 500",
                                                   color="white", form="tablet").groups[0].score


def test_bad_or_missing_query_fields(index):
    with pytest.raises(PillQueryError) as error:
        parse_pill_query(color="sparkly")
    assert error.value.field == "color"
    with pytest.raises(PillQueryError):
        parse_pill_query(shape="round oval")
    assert not PillQuery(imprint=" - ").searchable
    empty = index.search(PillQuery(form_kind="tablet"))
    assert empty.groups == () and empty.confidence_label == "none"
    assert PillIndex([]).search(PillQuery(imprint="IDG")).groups == ()
