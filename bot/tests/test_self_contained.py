"""The bot needs nothing of ours but its own directory: the Rasa image copies only bot/
(ops/docker/rasa.Dockerfile). Every action and NLU component module imports from a copy of
bot/ alone, in a fresh interpreter."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

BOT = Path(__file__).resolve().parents[1]
IMPORT_ALL = """
import importlib, pkgutil
import bot.actions, bot.nlu_components
names = [m.name for pkg in (bot.actions, bot.nlu_components)
         for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]
for name in names:
    importlib.import_module(name)
print(len(names))
"""


def test_every_bot_module_imports_from_a_copy_of_bot_alone(tmp_path):
    shutil.copytree(BOT, tmp_path / "bot", ignore=shutil.ignore_patterns("models", "tests",
                                                                         "__pycache__"))
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", IMPORT_ALL], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) >= 20  # actions (hr/ included) and components
