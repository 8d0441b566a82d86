"""The scale-out profile's infrastructure from Debian packages: PostgreSQL (cluster, databases),
Redis, and nginx generated from docker-compose's own load balancers (``make run-scaled``)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from ops.stack import (
    REPO,
    Service,
    as_user,
)

DB_USER = "pharmacy"  # owns both databases, as in docker-compose.yml
GATEWAY_DB = "pharmacy"
TRACKER_DB = "rasa"  # created by ops/docker/postgres-init.sql, as in docker-compose.yml
PG_OS_USER = "postgres"  # PostgreSQL refuses to run as root; used only when we are root


class MissingDependency(RuntimeError):
    """A Debian package the scaled profile needs is not installed (`make scaled-deps`)."""


def _binary(name: str, *candidates: str) -> str:
    for candidate in (shutil.which(name), *candidates):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise MissingDependency(f"{name} is not installed: run `make scaled-deps`")


def postgres_bindir() -> Path:
    """The newest /usr/lib/postgresql/<version>/bin (Debian), else wherever initdb is."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                      key=lambda path: int(path.parent.parent.name)
                      if path.parent.parent.name.isdigit() else 0)
    if versions:
        return versions[-1].parent
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    raise MissingDependency("PostgreSQL is not installed: run `make scaled-deps`")


def free_ports(count: int) -> list[int]:
    """``count`` distinct free loopback ports (all held open until every one is chosen)."""
    with contextlib.ExitStack() as stack:
        sockets = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in sockets:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in sockets]


@dataclass
class ScaledPorts:
    front: int = 8080  # nginx in front of the gateways (compose: 8080 too)
    gateway_1: int = 8001
    gateway_2: int = 8002
    rasa_lb: int = 5004  # nginx in front of the Rasa replicas
    rasa_1: int = 5006
    rasa_2: int = 5007
    actions: int = 5056
    postgres: int = 5433
    redis: int = 6380

    @classmethod
    def free(cls) -> ScaledPorts:
        return cls(*free_ports(len(asdict(cls()))))


@dataclass
class Secrets:
    postgres_password: str
    jwt_secret: str  # one secret for both gateways: a token from one is valid on the other

    @classmethod
    def load_or_create(cls, path: Path) -> Secrets:
        if path.exists():
            return cls(**json.loads(path.read_text()))
        made = cls(secrets.token_hex(16), secrets.token_hex(32))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(json.dumps(asdict(made)))
        return made


# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_run(pg_dir: Path, command: list[str], stdin: str | None = None) -> str:
    """Run a PostgreSQL client program as the cluster's OS user; its output."""
    done = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=pg_dir,
                          env={**os.environ, "HOME": str(pg_dir), "LC_ALL": "C.UTF-8"},
                          **as_user(PG_OS_USER))
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}):\n"
                           f"{done.stdout}{done.stderr}")
    return done.stdout


def init_cluster(pg_dir: Path) -> bool:
    """``initdb`` into ``pg_dir/data`` unless a cluster is already there; True if created."""
    data = pg_dir / "data"
    if (data / "PG_VERSION").exists():
        return False
    for directory in (pg_dir, pg_dir / "run"):
        directory.mkdir(parents=True, exist_ok=True)
        directory.chmod(0o700)
        if os.geteuid() == 0:
            shutil.chown(directory, PG_OS_USER, PG_OS_USER)
    if os.geteuid() == 0 and subprocess.run(["test", "-w", str(pg_dir)],
                                            **as_user(PG_OS_USER)).returncode != 0:
        raise RuntimeError(f"the {PG_OS_USER!r} OS user cannot reach {pg_dir}: every parent "
                           "directory must be searchable by others (chmod o+x)")
    # Peer authentication on the private socket (bootstrap only), passwords over TCP.
    _pg_run(pg_dir, [str(postgres_bindir() / "initdb"), "-D", str(data), "--encoding=UTF8",
                     "--locale=C", "--auth-local=peer", "--auth-host=scram-sha-256",
                     "--no-instructions"])
    return True


def postgres_service(pg_dir: Path, port: int) -> Service:
    bindir = postgres_bindir()
    return Service(
        "postgres",
        [str(bindir / "postgres"), "-D", str(pg_dir / "data"), "-p", str(port),
         "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={pg_dir / 'run'}",
         "-c", "max_connections=200"],
        "",
        cwd=pg_dir,
        env={"HOME": str(pg_dir)},
        probe=lambda: subprocess.run(
            [str(bindir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(port), "-t", "2"],
        ).returncode == 0,
        user=PG_OS_USER,
        stop_signal=2,  # SIGINT: "fast" shutdown, does not wait for clients to disconnect
        death_signal=2,  # the same if we die: the postmaster then stops its backends too
    )


def bootstrap_databases(pg_dir: Path, port: int, password: str) -> None:
    """The `pharmacy` role and its two databases (idempotent; sets the role's password)."""
    psql = [str(postgres_bindir() / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
            "-h", str(pg_dir / "run"), "-p", str(port), "-d", "postgres"]
    _pg_run(pg_dir, psql, stdin=(
        f"SELECT 'CREATE ROLE {DB_USER} LOGIN' WHERE NOT EXISTS "
        f"(SELECT FROM pg_roles WHERE rolname = '{DB_USER}')\\gexec\n"
        f"ALTER ROLE {DB_USER} PASSWORD '{password}';\n"
        f"SELECT 'CREATE DATABASE {GATEWAY_DB} OWNER {DB_USER}' WHERE NOT EXISTS "
        f"(SELECT FROM pg_database WHERE datname = '{GATEWAY_DB}')\\gexec\n"))
    exists = _pg_run(pg_dir, [*psql, "-tA", "-c",
                              f"SELECT 1 FROM pg_database WHERE datname = '{TRACKER_DB}'"])
    if not exists.strip():  # the same script docker-compose runs on its first start
        _pg_run(pg_dir, psql, stdin=(REPO / "ops/docker/postgres-init.sql").read_text())


# --- Redis and nginx --------------------------------------------------------------------------


def _redis_pong(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def redis_service(var_dir: Path, port: int) -> Service:
    (var_dir / "redis").mkdir(parents=True, exist_ok=True)
    return Service(
        "redis",
        [_binary("redis-server", "/usr/bin/redis-server"), "--bind", "127.0.0.1",
         "--port", str(port), "--protected-mode", "yes", "--save", "", "--appendonly", "no",
         "--dir", str(var_dir / "redis")],
        "",
        probe=lambda: _redis_pong(port),
    )


COMPOSE_NGINX = (REPO / "ops" / "docker" / "nginx.conf",
                 REPO / "ops" / "docker" / "nginx-rasa.conf")
_HEALTH = 'location = /nginx-health { access_log off; return 200 "ok\\n"; }'


def loopback_balancer(compose_conf: str, upstream_ports: list[int], listen_port: int) -> str:
    """A load balancer of docker-compose (``ops/docker/nginx*.conf``) moved to loopback: its
    upstream servers become ``upstream_ports`` (in order), it listens on ``listen_port`` and
    gains the health location. Everything else — balancing, retries, timeouts — is the
    compose file's own, so the two cannot drift apart."""
    servers = iter(upstream_ports)

    def upstream(match: re.Match[str]) -> str:
        return f"{match.group(1)}server 127.0.0.1:{next(servers)}"

    text = re.sub(r"(?m)^(\s*)server\s+[\w.-]+:\d+", upstream, compose_conf)
    text, listens = re.subn(r"(?m)^(\s*)listen\s+\d+;",
                            lambda m: f"{m.group(1)}listen 127.0.0.1:{listen_port};\n"
                                      f"{m.group(1)}{_HEALTH}", text)
    if next(servers, None) is not None or listens != 1:
        raise ValueError("the compose nginx config no longer has the expected shape")
    return text


def nginx_conf(var_dir: Path, ports: ScaledPorts) -> str:
    """The two load balancers of docker-compose (front door, Rasa) on loopback, with every
    path under ``var_dir/nginx`` and bodies kept in memory (the workers may run as `nobody`,
    who cannot write below a private var dir)."""
    temp = var_dir / "nginx"
    front, rasa = (path.read_text(encoding="utf-8") for path in COMPOSE_NGINX)
    balancers = [loopback_balancer(front, [ports.gateway_1, ports.gateway_2], ports.front),
                 loopback_balancer(rasa, [ports.rasa_1, ports.rasa_2], ports.rasa_lb)]
    body = "\n".join("    " + line if line else line
                      for line in "\n\n".join(balancers).splitlines())
    return f"""# Generated by ops/scaled.py for `make run-scaled` from ops/docker/nginx*.conf.
worker_processes 1;
pid {temp / "nginx.pid"};
error_log stderr warn;
events {{ worker_connections 1024; }}

http {{
    access_log off;
    client_body_temp_path {temp / "client_body"};
    proxy_temp_path {temp / "proxy"};
    fastcgi_temp_path {temp / "fastcgi"};
    uwsgi_temp_path {temp / "uwsgi"};
    scgi_temp_path {temp / "scgi"};
    client_body_buffer_size 1m;
    proxy_max_temp_file_size 0;

{body}
}}
"""


def _nginx_ready(ports: ScaledPorts) -> bool:
    try:
        return all(httpx.get(f"http://127.0.0.1:{port}/nginx-health", timeout=1.0)
                   .status_code == 200 for port in (ports.front, ports.rasa_lb))
    except httpx.HTTPError:
        return False


def nginx_service(var_dir: Path, ports: ScaledPorts) -> Service:
    conf = var_dir / "nginx" / "nginx.conf"
    return Service(
        "nginx",
        [_binary("nginx", "/usr/sbin/nginx"), "-e", "stderr", "-p", str(conf.parent),
         "-c", str(conf), "-g", "daemon off;"],
        f"http://127.0.0.1:{ports.front}/nginx-health",
        probe=lambda: _nginx_ready(ports),
        death_signal=15,  # SIGTERM (fast shutdown) if we die: the master stops its workers
    )
