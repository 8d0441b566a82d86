"""`make run` leaves nothing behind, and its servers listen on loopback only.

`make run` is ``python -m ops.run``. When that process is killed outright (SIGKILL: no
handler, no ``finally``), the kernel's parent-death signal (ops/stack.py) must take every
server with it, so that no orphan keeps its port. These tests start the servers the way
`make run` does (``ops.run``, on free ports), SIGKILL the parent, and look for survivors.

* ``test_killed_run_leaves_no_server_behind``: the real ``python -m ops.run`` (action server,
  Rasa server, gateway); needs the trained model (`make train`) and the index (`make index`).
* ``test_killed_runner_takes_its_servers_with_it``: the same ``run_until_stopped`` with the
  action server and the gateway over the small test index; needs neither, so it runs in
  `make test-fast`.
"""

from __future__ import annotations

import ipaddress
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable
from pathlib import Path

import httpx
import psutil
import pytest

from core.settings import REPO_ROOT
from ops.stack import GATEWAY_PY, Ports, copy_published_state

BASE_ENV = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONUNBUFFERED": "1",
            "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
            "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "TF_CPP_MIN_LOG_LEVEL": "2"}
# How long the servers may take to die after their parent: the kernel signals them at once.
DEATH_SECONDS = 10.0


def _descendants(pid: int) -> list[psutil.Process]:
    return psutil.Process(pid).children(recursive=True)


def _alive(process: psutil.Process) -> bool:
    """Running and not a zombie (a container's PID 1 may never reap orphans)."""
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _listening(processes: Iterable[psutil.Process]) -> dict[int, list[str]]:
    """Listening TCP sockets of ``processes``: port -> addresses."""
    found: dict[int, list[str]] = {}
    for process in processes:
        with_sockets = process.net_connections(kind="inet")
        for conn in with_sockets:
            if conn.status == psutil.CONN_LISTEN:
                found.setdefault(conn.laddr.port, []).append(conn.laddr.ip)
    return found


def _ports_in_use(ports: Iterable[int]) -> set[int]:
    wanted = set(ports)
    return {conn.laddr.port for conn in psutil.net_connections(kind="inet")
            if conn.status == psutil.CONN_LISTEN and conn.laddr.port in wanted}


def _wait_until_healthy(parent: subprocess.Popen, urls: list[str], log: Path,
                        timeout_seconds: float) -> None:
    pending = list(urls)
    deadline = time.monotonic() + timeout_seconds
    while pending:
        if parent.poll() is not None:
            pytest.fail(f"the runner exited ({parent.returncode}):\n{log.read_text()[-4000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"not healthy after {timeout_seconds}s: {pending}\n"
                        f"{log.read_text()[-4000:]}")
        for url in list(pending):
            try:
                if httpx.get(url, timeout=2.0).status_code == 200:
                    pending.remove(url)
            except httpx.HTTPError:
                pass
        time.sleep(0.5)


def _assert_loopback_only(servers: list[psutil.Process], ports: Iterable[int]) -> None:
    listening = _listening(servers)
    for port in ports:
        assert port in listening, f"nothing listens on {port}: {listening}"
    for port, addresses in listening.items():
        for address in addresses:
            assert ipaddress.ip_address(address).is_loopback, (
                f"a server listens on {address}:{port}, not on loopback only")


def _kill_parent_and_assert_nothing_survives(parent: subprocess.Popen,
                                             servers: list[psutil.Process],
                                             ports: Iterable[int]) -> None:
    ports = list(ports)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + DEATH_SECONDS
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in servers) and not _ports_in_use(ports):
            return
        time.sleep(0.2)
    survivors = [f"{p.pid} {p.cmdline()}" for p in servers if _alive(p)]
    for process in servers:  # do not leave them to the next test either
        if _alive(process):
            process.kill()
    pytest.fail(f"{DEATH_SECONDS}s after SIGKILL of the runner: survivors {survivors}, "
                f"ports still listening {sorted(_ports_in_use(ports))}")


def _start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("wb") as out:
        # its own session, as a terminal's `make run` would be: our signals never reach it
        return subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


@pytest.mark.slow
def test_killed_runner_takes_its_servers_with_it(tmp_path, small_index_settings):
    """`run_until_stopped` (what `make run` runs) with the action server and the gateway
    (over a copy of the small test index; Rasa needs a trained model, see the next test):
    both bound to 127.0.0.1 only, and both gone with their ports once the runner is
    SIGKILLed."""
    var_dir = tmp_path / "var"
    copy_published_state(var_dir, small_index_settings.paths.var_dir)
    ports = Ports.free()
    runner = textwrap.dedent(f"""
        from pathlib import Path
        from ops.run import run_until_stopped
        from ops.stack import Stack, actions_service, gateway_service
        gateway = "http://127.0.0.1:{ports.gateway}"
        stack = Stack({{"actions": actions_service({ports.actions}, gateway, {{}}),
                        "gateway": gateway_service({ports.gateway}, "http://127.0.0.1:9", {{}})}},
                      Path({str(var_dir / "logs")!r}))
        raise SystemExit(run_until_stopped(stack, "test", {{"gateway": gateway}},
                                           timeout_seconds=240))
    """)
    log = tmp_path / "runner.log"
    parent = _start([str(GATEWAY_PY), "-c", runner],
                    {**BASE_ENV, "PHARMA_PATHS__VAR_DIR": str(var_dir)}, log)
    both = [ports.actions, ports.gateway]
    try:
        _wait_until_healthy(parent, [f"http://127.0.0.1:{ports.actions}/health",
                                     f"http://127.0.0.1:{ports.gateway}/healthz"], log, 240)
        servers = _descendants(parent.pid)
        assert parent.poll() is None and len(servers) >= 2, log.read_text()
        _assert_loopback_only(servers, both)
        _kill_parent_and_assert_nothing_survives(parent, servers, both)
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)
            parent.wait()


def _trained_model() -> Path | None:
    sys.path.insert(0, str(REPO_ROOT / "bot" / "tools"))
    try:
        from train_model import model_path
    finally:
        sys.path.remove(str(REPO_ROOT / "bot" / "tools"))
    path = model_path()
    return path if path.exists() else None


@pytest.mark.e2e
@pytest.mark.slow
def test_killed_run_leaves_no_server_behind(tmp_path):
    """The real `make run` stack (`python -m ops.run`) on free ports: the action server, the
    Rasa server and the gateway listen on 127.0.0.1 only, and when the runner is SIGKILLed
    none of them survives and every port is free again."""
    if _trained_model() is None:
        pytest.skip("no trained model for the current bot sources in bot/models/: "
                    "run `make train`")
    if not (REPO_ROOT / "var" / "index").is_dir():
        pytest.skip("no published index in var/index: run `make index`")
    var_dir = tmp_path / "var"
    copy_published_state(var_dir, REPO_ROOT / "var")
    ports = Ports.free()
    log = tmp_path / "run.log"
    parent = _start([str(GATEWAY_PY), "-m", "ops.run", "--gateway-port", str(ports.gateway),
                     "--rasa-port", str(ports.rasa), "--actions-port", str(ports.actions)],
                    {**BASE_ENV, "PHARMA_PATHS__VAR_DIR": str(var_dir)}, log)
    all_ports = [ports.gateway, ports.rasa, ports.actions]
    try:
        _wait_until_healthy(parent, [
            f"http://127.0.0.1:{ports.actions}/health",
            f"http://127.0.0.1:{ports.rasa}/webhooks/gateway/",
            f"http://127.0.0.1:{ports.gateway}/healthz",
        ], log, 420)
        servers = _descendants(parent.pid)
        assert len(servers) >= 3, [p.cmdline() for p in servers]
        _assert_loopback_only(servers, all_ports)
        _kill_parent_and_assert_nothing_survives(parent, servers, all_ports)
    finally:
        if parent.poll() is None:
            os.killpg(parent.pid, signal.SIGKILL)
            parent.wait()
