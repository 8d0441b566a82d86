"""A missing data file fails loudly and names its path, instead of silently dropping data."""

from __future__ import annotations

import runpy

import pytest

from core.settings import REPO_ROOT
from knowledge_base.ingest import SourceMissing, read_sources
from tests.conftest import CATALOGUE, CHAIN_DOCS


def test_make_oos_data_fails_naming_the_missing_clinc150_file(tmp_path, capsys):
    tool = runpy.run_path(str(REPO_ROOT / "bot" / "tools" / "make_oos_data.py"),
                          run_name="make_oos_data")
    main = tool["main"]
    absent = tmp_path / "intents" / "clinc150_data_full.json.gz"
    out = tmp_path / "generated_oos_clinc.yml"
    out.write_text("kept\n")
    main.__globals__.update(SOURCE=absent, OUT=out)
    assert main() != 0
    assert str(absent) in capsys.readouterr().err
    assert out.read_text() == "kept\n"  # nothing rewritten, nothing dropped


@pytest.mark.parametrize("which", ["catalogue", "chain"])
def test_a_missing_source_directory_fails_naming_its_path(tmp_path, which):
    absent = tmp_path / "absent"
    with pytest.raises(SourceMissing, match=str(absent)):
        read_sources(absent if which == "catalogue" else CATALOGUE,
                     absent if which == "chain" else CHAIN_DOCS, [])


def test_a_missing_label_file_is_announced_with_its_path(tmp_path, capsys):
    absent = tmp_path / "labels.jsonl"
    batches = read_sources(None, None, [absent])
    assert batches == []
    assert str(absent) in capsys.readouterr().err
