"""The command-line contract other tools rely on: JSON lines in, JSON lines out."""

import json
import subprocess
import sys

import pytest

from core.settings import REPO_ROOT

pytestmark = pytest.mark.slow


def test_search_jsonl_answers_each_line_and_reports_bad_ones():
    lines = [
        {"id": "q1", "query": "how often can I take Advil?"},
        "not json",
        {"id": "q2"},
        {"id": "q3", "query": "dental plan cap", "audience": "employee"},
        {"id": "q4", "query": "x", "audience": "martians"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    out = subprocess.run(
        [sys.executable, "-m", "retrieval", "search", "--k", "3", "--jsonl"],
        input=stdin, capture_output=True, text=True, cwd=REPO_ROOT, timeout=300, check=True,
    )
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) == 5
    first = rows[0]
    assert first["id"] == "q1" and len(first["hits"]) == 3
    assert set(first["hits"][0]) == {"doc_id", "drug", "section", "title", "text", "score"}
    assert first["hits"][0]["drug"] == "ibuprofen"
    assert first["hits"][0]["section"] == "dosage_and_administration"
    assert "error" in rows[1] and rows[1]["id"] is None
    assert rows[2] == {"id": "q2", "error": "'query' must be a non-empty string"}
    assert rows[3]["hits"][0]["doc_id"].startswith("hr-")
    assert "audience" in rows[4]["error"]
