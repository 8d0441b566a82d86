"""Start the whole assistant — action server, Rasa server, gateway — and stop it cleanly.

Used by ``make run`` (foreground, Ctrl-C stops everything) and by the end-to-end tests
(which start the same processes on free ports). Each process gets its own process group
and log file; the stack waits until every health check answers before it reports ready.
ops/scaled.py builds the scale-out profile (`make run-scaled`) from the same pieces.

Every server listens on loopback only (127.0.0.1) unless told otherwise. The stack owns its
children: a clean stop signals each one's process group, and on Linux each child also gets a
parent-death signal (``PR_SET_PDEATHSIG``), so when the starting process is killed outright
(SIGKILL, a crash) no server survives it as an orphan on its port.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import pwd
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
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


def copy_published_state(target: Path, source_var: Path | None = None) -> None:
    """Copy the published index and a consistent snapshot of the SQLite store (WAL included)
    from ``source_var`` (default: the configured ``var/``) into ``target``, so tests and
    benchmarks can edit or break documents without touching the original."""
    if source_var is None:
        from core.settings import get_settings

        source_var = get_settings().paths.var_dir
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source_var / "index", target / "index")
    source = sqlite3.connect(source_var / "pharmacy.sqlite")
    copy = sqlite3.connect(target / "pharmacy.sqlite")
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()


LOOPBACK = "127.0.0.1"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _prctl():
    """libc's ``prctl`` (Linux), else None."""
    if not sys.platform.startswith("linux"):
        return None
    with contextlib.suppress(OSError, AttributeError):
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    return None


_PRCTL = _prctl()


def die_with_parent(death_signal: int) -> Callable[[], None] | None:
    """A ``preexec_fn`` that makes the child receive ``death_signal`` when the process
    starting it dies, however it dies (SIGKILL included). None where that is unavailable
    (not Linux) or unsafe: the kernel sends the signal when the *thread* that forked the
    child exits, so only children started from the main thread get it."""
    if _PRCTL is None or threading.current_thread() is not threading.main_thread():
        return None
    parent = os.getpid()

    def preexec() -> None:
        _PRCTL(_PR_SET_PDEATHSIG, death_signal, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl: nobody will signal us
            os.kill(os.getpid(), death_signal)

    return preexec


def as_user(user: str | None) -> dict:
    """``subprocess`` arguments that drop root to ``user`` (nothing when not root)."""
    if user is None or os.geteuid() != 0:
        return {}
    return {"user": user, "group": pwd.getpwnam(user).pw_gid, "extra_groups": []}


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
    # A readiness check for services without an HTTP health URL (PostgreSQL, Redis).
    probe: Callable[[], bool] | None = None
    # Run as this OS user when we are root (PostgreSQL refuses to run as root).
    user: str | None = None
    # The signal for a clean stop (PostgreSQL: SIGINT, its "fast" shutdown).
    stop_signal: int = signal.SIGTERM
    # Sent by the kernel when the starting process dies without stopping us (Linux). SIGKILL
    # suits single-process servers; one that has children of its own (PostgreSQL, nginx)
    # should get its clean stop signal, so that it takes its children down with it.
    death_signal: int = signal.SIGKILL

    def start(self, log_dir: Path) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{self.name}.log"
        env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1",
               "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
               "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
               "TF_CPP_MIN_LOG_LEVEL": "2", **self.env}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(self.command, cwd=self.cwd, env=env, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True,
                                            preexec_fn=die_with_parent(self.death_signal),
                                            **as_user(self.user))

    def healthy(self) -> bool:
        if self.probe is not None:
            return self.probe()
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
        os.killpg(self.process.pid, self.stop_signal)
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


def actions_service(port: int, gateway_url: str, env: dict[str, str],
                    name: str = "actions", host: str = LOOPBACK) -> Service:
    """The Rasa action server; it calls the gateway (search, HR) at ``gateway_url``.

    rasa-sdk 3.6 has no host option: ``rasa_sdk.endpoint.run`` binds ``$SANIC_HOST``, and
    0.0.0.0 when that is unset (docker-compose relies on it inside its container). Here it
    is set to ``host``, loopback by default."""
    return Service(
        name,
        [str(RASA_PY), "-m", "rasa_sdk", "--actions", "bot.actions", "--port", str(port)],
        f"http://127.0.0.1:{port}/health",
        env={"ACTIONS_GATEWAY_URL": gateway_url, "SANIC_HOST": host, **env},
    )


def rasa_service(port: int, actions_port: int, model: Path, env: dict[str, str],
                 name: str = "rasa", endpoints: str = "endpoints.yml",
                 host: str = LOOPBACK) -> Service:
    """A Rasa server on ``host`` (loopback by default), with ``endpoints`` (relative to
    bot/)."""
    return Service(
        name,
        [str(RASA_PY), "-m", "rasa", "run", "--model", str(model), "--port", str(port),
         "--credentials", "credentials.yml", "--endpoints", endpoints,
         "--interface", host],
        f"http://127.0.0.1:{port}/webhooks/gateway/",
        env={"ACTION_ENDPOINT_URL": f"http://127.0.0.1:{actions_port}/webhook", **env},
        cwd=REPO / "bot",
        warm_up=[("/webhooks/gateway/webhook", {
            "sender": f"warm-up-{name}", "message": text,
            "metadata": {"channel": "consumer", "language": "en"}})
            for text in ("hi", "how often can I take ibuprofen?")],
    )


def gateway_service(port: int, rasa_url: str, env: dict[str, str],
                    name: str = "gateway", host: str = LOOPBACK) -> Service:
    """The FastAPI gateway (uvicorn, one process) on ``host`` (loopback by default),
    talking to Rasa at ``rasa_url``."""
    return Service(
        name,
        [str(GATEWAY_PY), "-m", "uvicorn", "--factory", "api.main:create_app",
         "--host", host, "--port", str(port), "--no-access-log"],
        f"http://127.0.0.1:{port}/healthz",
        env={"PHARMA_RASA__URL": rasa_url, **env},
    )


def services(ports: Ports, env: dict[str, str] | None = None,
             model: Path | None = None) -> dict[str, Service]:
    """The embedded stack: action server, one Rasa server, one gateway (SQLite)."""
    env = env or {}
    model = model or current_model()
    return {
        "actions": actions_service(ports.actions, f"http://127.0.0.1:{ports.gateway}", env),
        "rasa": rasa_service(ports.rasa, ports.actions, model, env),
        "gateway": gateway_service(ports.gateway, f"http://127.0.0.1:{ports.rasa}", env),
    }


class Stack:
    def __init__(self, services: dict[str, Service], log_dir: Path) -> None:
        self.services = services
        self.log_dir = log_dir

    def launch(self, names: list[str] | None = None) -> None:
        """Start the processes (all, or ``names``) without waiting for them."""
        for name in names or self.services:
            self.services[name].start(self.log_dir)

    def start(self, timeout_seconds: float = 240.0, quiet: bool = False,
              names: list[str] | None = None) -> None:
        """Start the services (all, or ``names``), wait until they are healthy, warm them."""
        names = list(names or self.services)
        self.launch(names)
        self.wait_healthy(timeout_seconds, names=names, quiet=quiet)
        for name in names:
            self.services[name].warm()

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
                        print(f"  {name:9s} ready after {time.monotonic() - started:5.1f}s",
                              file=sys.stderr)
            if time.monotonic() - started > timeout_seconds:
                raise TimeoutError(f"not healthy after {timeout_seconds}s: {pending}")
            time.sleep(0.5)

    def stop(self) -> None:
        for service in reversed(list(self.services.values())):
            service.stop()
