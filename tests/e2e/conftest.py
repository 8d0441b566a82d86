"""End-to-end fixtures: the real stack (action server, Rasa server, gateway) on free ports.

The stack serves a copy of the published knowledge base and index (`make index`) and the
trained model (`make train`), so tests can edit documents without touching var/.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, sync_playwright

from ops.stack import Ports, Stack, copy_published_state, services
from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS

TEST_ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@dataclass
class RunningStack:
    stack: Stack
    ports: Ports
    var_dir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports.gateway}"

    def client(self, **kwargs) -> httpx.Client:
        kwargs.setdefault("timeout", 30)
        return httpx.Client(base_url=self.url, **kwargs)

    def token(self, username: str) -> dict[str, str]:
        response = httpx.post(f"{self.url}/v1/auth/token",
                              data={"username": username, "password": f"{username}-demo"})
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['access_token']}"}


@pytest.fixture(scope="session")
def running_stack(tmp_path_factory) -> RunningStack:
    var_dir = tmp_path_factory.mktemp("stack-var")
    copy_published_state(var_dir)
    ports = Ports.free()
    stack = Stack(services(ports, env={"PHARMA_PATHS__VAR_DIR": str(var_dir)}),
                  var_dir / "logs")
    try:
        stack.start(timeout_seconds=300, quiet=True)
    except Exception:
        stack.stop()
        for log in (var_dir / "logs").glob("*.log"):
            print(f"--- {log.name}\n{log.read_text()[-3000:]}")
        raise
    yield RunningStack(stack, ports, var_dir)
    stack.stop()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    TEST_ARTIFACTS.mkdir(exist_ok=True)
    return TEST_ARTIFACTS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for all browser tests."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()
