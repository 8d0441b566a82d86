"""Start the whole assistant — action server, Rasa server, gateway — and stop it cleanly.

Used by ``make run`` (foreground, Ctrl-C stops everything) and by the end-to-end tests
(which start the same processes on free ports). Each process gets its own process group
and log file; the stack waits until every health check answers before it reports ready.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
GATEWAY_PY = REPO / ".venv" / "bin" / "python"
RASA_PY = REPO / ".venv-rasa" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def current_model() -> Path:
    """The model `make train` built for the current bot sources."""
    sys.path.insert(0, str(REPO / "bot" / "tools"))
    from train_model import model_path

    path = model_path()
    if path.exists():
        return path
    trained = sorted((REPO / "bot" / "models").glob("bot-*.tar.gz"),
                     key=lambda p: p.stat().st_mtime)
    if not trained:
        raise FileNotFoundError(f"{path} is missing: run `make train`")
    print(f"warning: the bot changed since {trained[-1].name} was trained; using it anyway "
          "(`make train` builds the current one)", file=sys.stderr)
    return trained[-1]


def copy_published_state(target: Path) -> None:
    """Copy the published index and a consistent snapshot of the SQLite store (WAL included),
    so tests and benchmarks can edit documents without touching ``var/``."""
    from core.settings import get_settings

    source = get_settings().paths
    shutil.copytree(source.index_dir, target / "index")
    with sqlite3.connect(source.var_dir / "pharmacy.sqlite") as src, \
            sqlite3.connect(target / "pharmacy.sqlite") as dst:
        src.backup(dst)


@dataclass
class Service:
    name: str
    command: list[str]
    health_url: str
    env: dict[str, str] = field(default_factory=dict)
    cwd: Path = REPO
    process: subprocess.Popen | None = None
    log_path: Path | None = None
    # Requests that load lazily built parts (TensorFlow graphs, the action server's first
    # gateway call) before the first real user arrives: (path, JSON body) on the same host.
    warm_up: list[tuple[str, dict]] = field(default_factory=list)

    def start(self, log_dir: Path) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{self.name}.log"
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1",
               "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
               "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
               "TF_CPP_MIN_LOG_LEVEL": "2", **self.env}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command, cwd=self.cwd, env=env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)

    def healthy(self) -> bool:
        try:
            return httpx.get(self.health_url, timeout=1.0).status_code == 200
        except httpx.HTTPError:
            return False

    def warm(self) -> None:
        base = self.health_url.split("/", 3)[:3]
        for path, body in self.warm_up:
            with contextlib.suppress(httpx.HTTPError):
                httpx.post("/".join(base) + path, json=body, timeout=30)

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace_seconds: float = 10.0) -> None:
        if not self.running():
            return
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(grace_seconds)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def kill(self) -> None:
        """Hard kill (fault tests)."""
        if self.running():
            assert self.process is not None
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@dataclass
class Ports:
    gateway: int = 8000
    rasa: int = 5005
    actions: int = 5055

    @classmethod
    def free(cls) -> Ports:
        return cls(free_port(), free_port(), free_port())


def services(ports: Ports, env: dict[str, str] | None = None,
             model: Path | None = None) -> dict[str, Service]:
    env = env or {}
    gateway_url = f"http://127.0.0.1:{ports.gateway}"
    model = model or current_model()
    return {
        "actions": Service(
            "actions",
            [str(RASA_PY), "-m", "rasa_sdk", "--actions", "bot.actions",
             "--port", str(ports.actions)],
            f"http://127.0.0.1:{ports.actions}/health",
            env={"ACTIONS_GATEWAY_URL": gateway_url, **env},
        ),
        "rasa": Service(
            "rasa",
            [str(RASA_PY), "-m", "rasa", "run", "--model", str(model), "--port", str(ports.rasa),
             "--credentials", "credentials.yml", "--endpoints", "endpoints.yml",
             "--interface", "127.0.0.1"],
            f"http://127.0.0.1:{ports.rasa}/webhooks/gateway/",
            env={"ACTION_ENDPOINT_URL": f"http://127.0.0.1:{ports.actions}/webhook", **env},
            cwd=REPO / "bot",
            warm_up=[("/webhooks/gateway/webhook", {
                "sender": "warm-up", "message": text,
                "metadata": {"channel": "consumer", "language": "en"}})
                for text in ("hi", "how often can I take ibuprofen?")],
        ),
        "gateway": Service(
            "gateway",
            [str(GATEWAY_PY), "-m", "uvicorn", "--factory", "api.main:create_app",
             "--host", "127.0.0.1", "--port", str(ports.gateway), "--no-access-log"],
            f"{gateway_url}/healthz",
            env={"PHARMA_RASA__URL": f"http://127.0.0.1:{ports.rasa}", **env},
        ),
    }


class Stack:
    def __init__(self, services: dict[str, Service], log_dir: Path) -> None:
        self.services = services
        self.log_dir = log_dir

    def start(self, timeout_seconds: float = 240.0, quiet: bool = False) -> None:
        for service in self.services.values():
            service.start(self.log_dir)
        self.wait_healthy(timeout_seconds, quiet=quiet)
        for service in self.services.values():
            service.warm()

    def wait_healthy(self, timeout_seconds: float = 240.0, names: list[str] | None = None,
                     quiet: bool = False) -> None:
        pending = list(names or self.services)
        started = time.monotonic()
        while pending:
            for name in list(pending):
                service = self.services[name]
                if not service.running():
                    raise RuntimeError(f"{name} exited; see {service.log_path}")
                if service.healthy():
                    pending.remove(name)
                    if not quiet:
                        print(f"  {name:8s} ready after {time.monotonic() - started:5.1f}s",
                              file=sys.stderr)
            if time.monotonic() - started > timeout_seconds:
                raise TimeoutError(f"not healthy after {timeout_seconds}s: {pending}")
            time.sleep(0.5)

    def stop(self) -> None:
        for service in reversed(list(self.services.values())):
            service.stop()
