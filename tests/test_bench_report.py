"""The README's figure tables agree with bench/results/ (`make bench-report` renders them), and
the check would notice if they did not. Nothing tracked is written: edits go to tmp copies."""

from __future__ import annotations

import copy
import json
import re
import shutil
from pathlib import Path

import pytest

from bench import report
from bench.report_tables import REPO_ROOT, TABLES


def test_readme_tables_agree_with_bench_results(capsys):
    changes = report.check()
    assert not changes, "README.md's figure tables differ from bench/results/ (run `make " \
                        f"bench-report`):\n{changes}"
    assert report.main(["--check"]) == 0
    assert "agree" in capsys.readouterr().out


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_changed_figure_changes_its_table(name):
    data = report.load_results(TABLES[name].source)
    changed = copy.deepcopy(data)
    _bump_first_figure(changed, name)
    assert report.render_table(name, changed) != report.render_table(name, data)


def _bump_first_figure(data: dict, name: str) -> None:
    """Change one figure the table shows (a different one per results layout)."""
    paths = {
        "retrieval": ("results", "shared dev (en)", "hybrid", "recall@1"),
        "retrieval-ablation": ("results", "mfds frozen (ko, never tuned on)", "rrf", "recall@1"),
        "nlu": ("ko", "in_channel", "hr_intent_macro_f1"),
        "emergency": ("two_levels", "frozen", "ko", "false_escalation_rate"),
        "dur": ("latency_5_medicines", "p95_ms"),
        "pills": ("kinds", "dropped", "top5"),
        "answers": ("sets", "frozen", "rate"),
        "answers-by-category": ("sets", "dev", "by_category", "symptom", "passed"),
        "hr": ("results", "frozen", "ko", "wrong_bookings"),
        "hr-by-task": ("results", "dev", "by_task", "half_day", "passed"),
        "handoff": ("delays", "reply_visible", "p95_ms"),
        "chat": ("edits", "searchable_from_send", "p50_ms"),
        "load": ("paced", "p95_ms"),
        "test-speed": ("runs", 0, "seconds"),
    }
    *parents, leaf = paths[name]
    node = data
    for key in parents:
        node = node[key]
    node[leaf] = node[leaf] / 2 + 0.123 if isinstance(node[leaf], float) else node[leaf] - 1


def test_the_rendered_figure_is_the_one_in_the_file():
    data = copy.deepcopy(report.load_results(TABLES["retrieval"].source))
    data["results"]["shared dev (en)"]["hybrid"]["recall@1"] = 0.4321
    assert "| shared dev (en) | **hybrid** | 40 | **0.432** |" in report.render_table(
        "retrieval", data)


def test_a_hand_edited_number_inside_a_marker_block_is_detected(tmp_path, capsys):
    readme = tmp_path / "README.md"
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- bench:handoff .*?<!-- /bench:handoff -->", text, re.DOTALL)
    assert block is not None
    row = re.search(r"^\| customer asks .*$", block[0], re.MULTILINE)
    assert row is not None
    edited = row[0].replace(" | 20 | ", " | 21 | ", 1)
    assert edited != row[0]
    readme.write_text(text.replace(row[0], edited), encoding="utf-8")

    assert report.check(readme) != ""
    assert report.main(["--check", "--readme", str(readme)]) == 1
    out = capsys.readouterr().out
    assert f"-{edited}\n" in out and f"+{row[0]}\n" in out

    # writing restores the rendered table and nothing else
    assert report.main(["--readme", str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == report.render_readme(text)
    assert report.main(["--check", "--readme", str(readme)]) == 0


def test_text_outside_the_markers_is_left_alone(tmp_path):
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    prose = "figures nobody renders: 12.5 ms\n"
    edited = text.replace("## Measured figures\n", f"## Measured figures\n{prose}", 1)
    assert report.render_readme(edited) == report.render_readme(text).replace(
        "## Measured figures\n", f"## Measured figures\n{prose}", 1)


def test_results_read_from_another_root(tmp_path):
    """`root` points the renderers at a copy of bench/results/ (the tracked one is untouched)."""
    shutil.copytree(REPO_ROOT / "bench" / "results", tmp_path / "bench" / "results")
    handoff = tmp_path / TABLES["handoff"].source
    data = json.loads(handoff.read_text(encoding="utf-8"))
    data["max_seconds"]["user_visible"] = 9.87
    handoff.write_text(json.dumps(data), encoding="utf-8")
    readme = tmp_path / "README.md"
    shutil.copy(REPO_ROOT / "README.md", readme)
    changes = report.check(readme, root=tmp_path)
    assert "+| customer writes → in the pharmacist's transcript | 20 |" in changes
    assert "| 9.87 |" in changes


@pytest.mark.parametrize("breakage, message", [
    (lambda t: t.replace("<!-- /bench:dur -->\n", "", 1), "no matching"),
    (lambda t: t.replace("bench:dur source=", "bench:durr source=", 1), "no matching"),
    (lambda t: t.replace("bench:pills source=bench/results/pill_eval.json",
                         "bench:pills source=bench/results/dur_eval.json", 1), "its renderer"),
    (lambda t: re.sub(r"<!-- bench:load .*?<!-- /bench:load -->\n", "", t, flags=re.DOTALL),
     "no marker for: load"),
])
def test_broken_markers_are_refused(breakage, message):
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    broken = breakage(text)
    assert broken != text
    with pytest.raises(report.ReportError, match=message):
        report.render_readme(broken)


def test_a_missing_results_file_is_reported(tmp_path: Path):
    readme = tmp_path / "README.md"
    shutil.copy(REPO_ROOT / "README.md", readme)
    with pytest.raises(report.ReportError, match="no such results file"):
        report.check(readme, root=tmp_path)


def test_an_inline_figure_is_read_scaled_and_formatted_from_its_file():
    data = {"edits": {"p50_ms": 1586.0, "runs": [{"n": 12345}]}, "rate": 0.0144}
    assert report.render_figure(data, "edits.p50_ms", "0.001", ".1f") == "1.6"
    assert report.render_figure(data, "edits.runs.0.n") == "12,345"
    assert report.render_figure(data, "rate", "100", ".1f") == "1.4"
    with pytest.raises(report.ReportError, match="missing 'p99_ms'"):
        report.render_figure(data, "edits.p99_ms")


def test_a_hand_edited_inline_figure_is_detected_and_rewritten(tmp_path):
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    marker = re.search(r"(<!-- fig:bench/results/emergency\.json#latency_ms\.full_check\.p50_ms"
                       r" -->)([^<]*)(<!-- /fig -->)", text)
    assert marker is not None, "the README marks the emergency check's p50 latency"
    edited = text.replace(marker[0], f"{marker[1]}99.9{marker[3]}", 1)
    readme = tmp_path / "README.md"
    readme.write_text(edited, encoding="utf-8")
    changes = report.check(readme)
    assert "99.9<!-- /fig -->" in changes and f"{marker[2]}<!-- /fig -->" in changes
    assert report.main(["--readme", str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == text
