"""The bot's medicine lookup table, written from the published index's names."""

from __future__ import annotations

import yaml

from ops.bot_lookup import MIN_LENGTH, main


def test_the_lookup_table_holds_the_indexs_medicine_names(small_index_settings, tmp_path):
    out = tmp_path / "lookup_medicines.yml"
    main(out, small_index_settings.paths.index_dir)
    [table] = yaml.safe_load(out.read_text(encoding="utf-8"))["nlu"]
    names = [line.removeprefix("- ") for line in table["examples"].splitlines()]
    assert table["lookup"] == "medicine"
    assert {"ibuprofen", "advil", "loratadine", "claritin"} <= set(names)
    assert names == sorted(names) and min(len(n) for n in names) >= MIN_LENGTH
    written = out.stat().st_mtime_ns
    main(out, small_index_settings.paths.index_dir)  # unchanged: not rewritten
    assert out.stat().st_mtime_ns == written
