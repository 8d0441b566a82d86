"""The MFDS pill identification import: every row, normalised attributes, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from core.database import make_engine, make_session_factory
from core.schema import upgrade_schema
from core.settings import Settings
from knowledge_base.pill_import import (
    PillImportError,
    count_pills,
    import_pills,
    leaflet_file_for,
    size_mm,
)
from knowledge_base.pill_tables import PillRow
from knowledge_base.pill_vocabulary import (
    colors_from_mfds,
    fold_confusable,
    form_kind_of,
    is_prescription,
    mark_words,
    normalise_imprint,
    parse_colors,
    parse_shape,
    side_readings,
)

PILL_FILE = Settings().paths.pill_identification_file
needs_data = pytest.mark.skipif(
    not PILL_FILE.is_file() or not leaflet_file_for(PILL_FILE).is_file(),
    reason=f"MFDS pill data not present at {PILL_FILE} (../shared/data/mfds/)")


def sessions_for(path: Path):
    engine = make_engine(f"sqlite:///{path}")
    upgrade_schema(engine)
    return make_session_factory(engine)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    sessions = sessions_for(tmp_path_factory.mktemp("pills") / "pills.sqlite")
    result = import_pills(sessions, PILL_FILE)
    return sessions, result


@needs_data
def test_every_row_is_imported_once_and_a_second_run_is_a_no_op(imported):
    sessions, first = imported
    assert first.changed and first.rows == 25_040
    assert count_pills(sessions) == 25_040
    again = import_pills(sessions, PILL_FILE)
    assert not again.changed and again.source_hash == first.source_hash
    assert count_pills(sessions) == 25_040


@needs_data
def test_leaflet_links_match_the_e_yakeunyo_items(imported):
    sessions, _ = imported
    with sessions() as session:
        items = session.scalar(select(func.count(func.distinct(PillRow.item_seq)))
                               .where(PillRow.has_leaflet))
        tylenol = session.scalars(select(PillRow).where(PillRow.item_seq == "202106092")).one()
    assert items == 2_643  # the products that have both (data README)
    assert tylenol.has_leaflet and not tylenol.rx and tylenol.etc_otc == "일반의약품"
    assert (tylenol.print_front_norm, tylenol.print_back_norm) == ("TYLENOL", "500")
    assert tylenol.shape == "장방형" and tylenol.colors == ["하양"]


@needs_data
def test_a_row_carries_its_normalised_attributes(imported):
    sessions, _ = imported
    with sessions() as session:
        row = session.scalars(select(PillRow).where(PillRow.item_seq == "200808876")).one()
        split = session.scalars(select(PillRow).where(PillRow.print_back == "TE분할선125")
                                ).first()
        capsule = session.scalars(select(PillRow).where(PillRow.color_class1 == "노랑, 투명")
                                  ).first()
    assert row.name.startswith("가스디알정") and row.print_front_norm == "IDG"
    assert row.colors == ["연두"] and row.shape == "원형" and row.form_kind == "tablet"
    assert row.rx and not row.has_leaflet and row.length_long_mm == pytest.approx(7.6)
    assert split is not None and split.print_back_norm == "TE125"
    assert capsule is not None and capsule.colors[:2] == ["노랑", "투명"]
    assert capsule.form_kind == "capsule"


def test_a_changed_file_replaces_the_rows_and_a_missing_one_fails_naming_it(tmp_path):
    pills, leaflets = tmp_path / "pill_identification.jsonl", tmp_path / "e_yakeunyo.jsonl"
    row = ('{"ITEM_SEQ": "1", "ITEM_NAME": "테스트정", "PRINT_FRONT": "ab-1", '
           '"DRUG_SHAPE": "원형", "COLOR_CLASS1": "하양", "ETC_OTC_NAME": "일반의약품"}\n')
    pills.write_text(row, encoding="utf-8")
    leaflets.write_text('{"itemSeq": "1"}\n', encoding="utf-8")
    sessions = sessions_for(tmp_path / "db.sqlite")
    assert import_pills(sessions, pills).rows == 1
    pills.write_text(row + row.replace('"1"', '"2"'), encoding="utf-8")
    assert import_pills(sessions, pills).changed and count_pills(sessions) == 2
    with sessions() as session:
        first = session.scalars(select(PillRow).where(PillRow.item_seq == "1")).one()
    assert first.print_front_norm == "AB1" and first.has_leaflet
    missing = tmp_path / "nowhere" / "pill_identification.jsonl"
    with pytest.raises(PillImportError, match=r"nowhere/pill_identification\.jsonl"):
        import_pills(sessions, missing)
    pills.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(PillImportError, match=r"pill_identification\.jsonl:1"):
        import_pills(sessions, pills)
    assert count_pills(sessions) == 2  # a failed import leaves the previous rows


@pytest.mark.parametrize(("raw", "normalised"), [
    ("TE분할선125", "TE125"), ("te - 125", "TE125"), ("YH|LT", "YHLT"), ("COΛ", "COA"),
    ("D·5", "D5"), ("마크LP", "LP"), ("분할선", ""), ("ＫＤ／２", "KD2"), ("십자분할선", ""),
])
def test_imprints_are_folded(raw, normalised):
    assert normalise_imprint(raw) == normalised


def test_logos_are_kept_as_words_and_misreadings_fold_together():
    assert mark_words("dHP,d-P,d P,dP") == ("DHP", "DP")
    assert side_readings("마크LP", ("D",)) == ("LP", "DLP")
    assert side_readings("마크", ("DHP", "DP")) == ("DHP", "DP")
    assert fold_confusable("IDG") == fold_confusable("1D6") != fold_confusable("IDC")
    assert fold_confusable("SOB") == fold_confusable("508")


def test_colours_shapes_forms_and_prescription_status():
    assert colors_from_mfds("노랑, 투명", "") == ("노랑", "투명")
    assert colors_from_mfds("파랑, 옅은", "하양") == ("파랑", "하양")
    assert set(parse_colors("white and light green").codes) == {"하양", "연두"}
    assert parse_colors("흰색").codes == parse_colors("하얀").codes == ("하양",)
    assert parse_colors("주황색").codes == ("주황",)  # not 황색 (yellow) inside it
    assert parse_colors("sparkly blue").unknown == ("sparkly",)
    assert parse_shape("타원형").codes == ("타원형",) and parse_shape("oblong").codes == ("장방형",)
    assert form_kind_of("경질캡슐제, 산제") == "capsule" and form_kind_of("필름코팅정") == "tablet"
    assert is_prescription("전문,희귀") and not is_prescription("일반(안전상비)")
    assert size_mm("21.1±0.1mm") == pytest.approx(21.1) and size_mm("1호") is None
