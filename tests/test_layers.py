"""The import contracts of pyproject.toml ([tool.importlinter]): layers only point down.

`make lint` runs the same check; this keeps it in `make test` and proves it can fail.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(config: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", str(config)], cwd=REPO,
                          capture_output=True, text=True, timeout=300)


def test_the_layers_contract_is_kept():
    result = _lint_imports(REPO / "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_an_upward_import_would_break_it(tmp_path):
    """The same contract with two layers swapped must fail: the check sees real imports."""
    config = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    swapped = config.replace('"retrieval", "knowledge_base",', '"knowledge_base", "retrieval",')
    assert swapped != config
    (tmp_path / "pyproject.toml").write_text(swapped, encoding="utf-8")
    result = _lint_imports(tmp_path / "pyproject.toml")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "retrieval" in result.stdout
