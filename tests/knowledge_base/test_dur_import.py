"""The DUR import: in-force rows only, keyed by ingredient code, idempotent, loud when a
file is missing; and the name folding it relies on."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from core.database import make_engine, make_session_factory
from knowledge_base.dur_import import DurSourceMissing, in_force, read_csv, rule_status
from knowledge_base.dur_tables import DurIngredientRow, DurProductRow, DurRuleRow
from knowledge_base.ingredients import (
    IngredientDictionary,
    dosage_forms,
    product_aliases,
    split_ingredients,
    strip_salt,
)
from tests.medication_checks.dur_data import PATHS, imported, require_data, run_import


@pytest.fixture(scope="module")
def sessions():
    url, _ = imported()
    engine = make_engine(url)
    yield make_session_factory(engine)
    engine.dispose()


def test_only_in_force_rows_are_imported(sessions):
    rows = read_csv(PATHS.dur_dir / "dur_usjnt_taboo.csv")
    expected = len(in_force(rows))
    assert expected < len(rows)  # the file does hold withdrawn rows
    with sessions() as session:
        counts, newest = rule_status(session)
        assert counts["combination"] == expected
        assert newest is not None and newest >= "2026-01-01"
        assert set(counts) == {"combination", "pregnancy", "age", "elderly", "max_dose",
                               "duration", "duplicate_class"}
        withdrawn = session.scalar(select(func.count()).select_from(DurRuleRow).where(
            DurRuleRow.content == "test"))  # ibuprofen's withdrawn test row
        assert withdrawn == 0


def test_ingredients_carry_both_names(sessions):
    with sessions() as session:
        ibuprofen = session.get(DurIngredientRow, "D000363")
        assert (ibuprofen.eng, ibuprofen.kor, ibuprofen.key) == ("Ibuprofen", "이부프로펜",
                                                                  "ibuprofen")


def test_products_link_to_dur_codes(sessions):
    with sessions() as session:
        geborin = session.scalars(select(DurProductRow).where(
            DurProductRow.item_seq == "197900277")).one()
        assert "게보린" in geborin.aliases and "acetaminophen" in geborin.ingredients
        assert "D000147" in geborin.codes  # acetaminophen's DUR code


def test_unchanged_sources_are_a_no_op_and_a_new_file_reimports(tmp_path):
    require_data()
    dur_dir = tmp_path / "dur"
    shutil.copytree(PATHS.dur_dir, dur_dir)
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    first = run_import(url, dur_dir)
    assert first.imported and first.counts["combination"] > 1000
    assert not run_import(url, dur_dir).imported
    path = dur_dir / "dur_odsn_atent.csv"
    lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # a newer file: one row fewer
    again = run_import(url, dur_dir)
    assert again.imported and again.counts["elderly"] == first.counts["elderly"] - 1


def test_a_missing_file_names_its_path(tmp_path):
    require_data()
    dur_dir = tmp_path / "dur"
    shutil.copytree(PATHS.dur_dir, dur_dir)
    (dur_dir / "dur_pwnm_taboo.csv").unlink()
    with pytest.raises(DurSourceMissing, match=r"dur_pwnm_taboo\.csv"):
        run_import(f"sqlite:///{tmp_path / 'db.sqlite'}", dur_dir)


@pytest.mark.parametrize(("name", "base"), [
    ("Ibuprofen Lysine", "ibuprofen"), ("Selegiline Hydrochloride", "selegiline"),
    ("셀레길린염산염", "셀레길린"), ("이부프로펜리신", "이부프로펜"),
    ("염산슈도에페드린", "슈도에페드린"),
    ("Calcium Carbonate", "calciumcarbonate"), ("탄산칼슘", "탄산칼슘"), ("카페인무수물", "카페인"),
])
def test_salts_are_folded_but_minerals_are_kept(name, base):
    assert strip_salt(name) == base


def test_dictionary_folds_both_languages_to_one_key():
    dictionary = IngredientDictionary()
    dictionary.add("Ibuprofen", ["이부프로펜"])
    dictionary.add("Ibuprofen Lysine", ["이부프로펜리신"])
    assert {dictionary.fold(n) for n in ("ibuprofen", "이부프로펜리신", "IBUPROFEN LYSINE",
                                         "이부프로펜")} == {"ibuprofen"}


def test_product_aliases():
    assert product_aliases("게보린정(수출명:돌로린정)") == ["게보린정", "게보린"]
    tylenol = product_aliases("타이레놀정500밀리그람(아세트아미노펜)")
    assert tylenol[-2:] == ["타이레놀정", "타이레놀"]
    assert split_ingredients("마그네슘,셀레늄가루 0.1%") == ["마그네슘", "셀레늄가루"]
    assert dosage_forms("정제/캡슐") == ["tablet", "capsule"]
