"""The scale-out profile (`make run-scaled`) on free ports: PostgreSQL, Redis, the action
server, two Rasa replicas, two gateway replicas and nginx, started once per session.

Needs Debian's postgresql, redis-server and nginx (`make scaled-deps`, which `make test` runs).
The PostgreSQL cluster lives in its own temporary directory (its OS user must be able to
reach it, which pytest's private tmp dirs do not allow) and is removed at the end.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from ops.infra import MissingDependency, ScaledPorts
from ops.scaled import ScaledStack

# Generous deadlines: two Rasa replicas, two gateways, the action server and PostgreSQL share
# two CPU cores with other work, and a turn that missed the gateway's 1.5 s Rasa deadline
# would be answered by retrieval alone, which has no conversation to continue.
TEST_ENV = {"PHARMA_RASA__TIMEOUT_SECONDS": "15", "ACTIONS_GATEWAY_TIMEOUT": "10",
            "PHARMA_CONSULTATIONS__HOURS": "00:00-24:00"}


@dataclass
class RunningScaled:
    stack: ScaledStack

    @property
    def ports(self) -> ScaledPorts:
        return self.stack.ports

    def url(self, name: str = "front") -> str:
        """Base URL of nginx's front door ("front"), a gateway or a Rasa replica."""
        port = {"front": self.ports.front, "gateway-1": self.ports.gateway_1,
                "gateway-2": self.ports.gateway_2, "rasa-1": self.ports.rasa_1,
                "rasa-2": self.ports.rasa_2}[name]
        return f"http://127.0.0.1:{port}"

    def client(self, name: str = "front", **kwargs) -> httpx.Client:
        kwargs.setdefault("timeout", 60)
        return httpx.Client(base_url=self.url(name), **kwargs)

    def token(self, username: str, via: str = "front") -> dict[str, str]:
        response = httpx.post(f"{self.url(via)}/v1/auth/token", timeout=60,
                              data={"username": username, "password": f"{username}-demo"})
        response.raise_for_status()
        return {"Authorization": f"Bearer {response.json()['access_token']}"}

    def ensure_running(self, *names: str) -> None:
        """Restart any of ``names`` that a fault test killed, and wait until it is healthy."""
        dead = [name for name in names if not self.stack.services[name].running()]
        if dead:
            self.stack.start(600, quiet=True, names=dead)

    def log_tails(self, characters: int = 3000) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-characters:]}"
                         for log in sorted(self.stack.log_dir.glob("*.log")))


@pytest.fixture(scope="session")
def scaled(tmp_path_factory) -> Iterator[RunningScaled]:
    var_dir = tmp_path_factory.mktemp("scaled-var")
    pg_dir = Path(tempfile.mkdtemp(prefix="haneul-pg-"))
    try:
        stack = ScaledStack(var_dir, ScaledPorts.free(), pg_dir=pg_dir, env=TEST_ENV)
    except MissingDependency as exc:
        shutil.rmtree(pg_dir, ignore_errors=True)
        pytest.fail(f"{exc} (the scaled tests need Debian's postgresql, redis-server, nginx)")
    running = RunningScaled(stack)
    try:
        try:
            stack.start(timeout_seconds=900, quiet=True)
        except Exception:
            print(running.log_tails())
            raise
        yield running
    finally:
        stack.stop()
        shutil.rmtree(pg_dir, ignore_errors=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failed scaled test shows the end of every service's log."""
    outcome = yield
    report = outcome.get_result()
    running = getattr(item, "funcargs", {}).get("scaled")
    if report.when == "call" and report.failed and isinstance(running, RunningScaled):
        report.sections.append(("scaled stack logs", running.log_tails()))
