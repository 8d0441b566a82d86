"""Train the Rasa model once per change of its inputs (make train).

The model is named after a hash of everything that shapes it (config, domain, training
data, the custom NLU component and the libraries it reads), so an unchanged bot is never
retrained and CI reuses the model its cache holds. Run with the Rasa venv from bot/.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

BOT = Path(__file__).resolve().parent.parent
REPO = BOT.parent
MODELS = BOT / "models"
# The custom NLU components import nothing of ours outside bot/ (an import contract).
INPUTS = ["config.yml", "domain", "data", "nlu_components"]


def inputs_hash() -> str:
    digest = hashlib.sha256()
    for entry in INPUTS:
        path = (BOT / entry).resolve()
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(REPO)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def model_path() -> Path:
    return MODELS / f"bot-{inputs_hash()}.tar.gz"


def main() -> int:
    target = model_path()
    if target.exists():
        print(f"model {target.relative_to(REPO)} is up to date", file=sys.stderr)
        return 0
    MODELS.mkdir(exist_ok=True)
    started = time.monotonic()
    command = [sys.executable, "-m", "rasa", "train", "--domain", "domain", "--data", "data",
               "--config", "config.yml", "--out", str(MODELS),
               "--fixed-model-name", target.name.removesuffix(".tar.gz")]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(command, cwd=BOT, env=env)
    if result.returncode != 0:
        return result.returncode
    for old in MODELS.glob("bot-*.tar.gz"):
        if old != target:
            old.unlink()
    print(f"trained {target.relative_to(REPO)} in {time.monotonic() - started:.0f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
