"""Action-server tests (Rasa venv): a fake dispatcher/tracker, a REAL gateway over a small index.

The gateway runs in the other virtual environment, so it is started as a process, exactly
as the action server meets it in production.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

REPO = Path(__file__).resolve().parents[2]
GATEWAY_PY = REPO / ".venv" / "bin" / "python"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def gateway_url(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("gateway-var")
    env = {**os.environ, "PYTHONPATH": str(REPO), "HF_HUB_OFFLINE": "1",
           "PHARMA_PATHS__VAR_DIR": str(var_dir)}
    subprocess.run([str(GATEWAY_PY), "-m", "ops.small_index", str(var_dir)], env=env,
                   cwd=REPO, check=True, timeout=600, capture_output=True)
    port = _free_port()
    log = (var_dir / "gateway.log").open("wb")
    process = subprocess.Popen(
        [str(GATEWAY_PY), "-m", "uvicorn", "--factory", "api.main:create_app", "--port",
         str(port), "--host", "127.0.0.1"], env=env, cwd=REPO, stdout=log,
        stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/v1/search", params={"q": "advil"}, timeout=2).ok:
                break
        except requests.RequestException:
            pass
        assert process.poll() is None, (var_dir / "gateway.log").read_text()
        time.sleep(0.5)
    else:
        pytest.fail("gateway did not come up")
    os.environ["ACTIONS_GATEWAY_URL"] = url
    from bot.actions.config import get_config

    get_config.cache_clear()
    yield url
    process.terminate()
    process.wait(10)
