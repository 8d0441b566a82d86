"""`make run-scaled`: the scale-out profile on one machine, without Docker.

The same topology as docker-compose.yml, from Debian's postgresql, redis-server and nginx
(default ports shown; the tests use free ones)::

    web chat, app, staff ──► nginx :8080 ──least_conn──► gateway-1 :8001, gateway-2 :8002
                                                           │ PostgreSQL :5433 db "pharmacy",
                                                           │ one shared index dir, one JWT secret
                                                           ▼
                             nginx :5004 ──round robin──► rasa-1 :5006, rasa-2 :5007
                                         (failover)        │ tracker store: PostgreSQL db "rasa"
                                                           │ lock store: Redis :6380
                                                           ▼
                             action server :5056 ──► nginx :8080 (search, HR API)

Every gateway talks to "Rasa" through the nginx Rasa upstream, so consecutive turns of one
conversation land on either replica (the shared tracker and lock stores make that safe) and
a dead replica is skipped (``proxy_next_upstream``: a refused connection is retried on the
other replica; a request already sent is never replayed, so no turn is processed twice).

Generated state lives under one var dir (``var/scaled`` by default, never committed): the
PostgreSQL cluster (``initdb`` on the first run), Redis' working dir, the nginx config, the
shared index (seeded from ``var/index`` so only changed documents are embedded again),
the secrets (database password, JWT secret shared by the gateways) and the logs.

    python -m ops.scaled [--var-dir DIR]   start everything, print the URLs, Ctrl-C stops
    python -m ops.scaled prepare           (internal) import + index + demo accounts, once
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from ops.stack import (
    GATEWAY_PY,
    REPO,
    Service,
    Stack,
    actions_service,
    as_user,
    current_model,
    gateway_service,
    rasa_service,
)

DB_USER = "pharmacy"  # owns both databases, as in docker-compose.yml
GATEWAY_DB = "pharmacy"
TRACKER_DB = "rasa"  # created by ops/docker/postgres-init.sql, as in docker-compose.yml
PG_OS_USER = "postgres"  # PostgreSQL refuses to run as root; used only when we are root
INFRA = ["postgres", "redis"]
DIALOGUE = ["actions", "rasa-1", "rasa-2"]
FRONT = ["gateway-1", "gateway-2", "nginx"]


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


def nginx_conf(var_dir: Path, ports: ScaledPorts) -> str:
    """The two load balancers of ops/docker/nginx.conf and ops/docker/nginx-rasa.conf, on
    loopback, with every path under ``var_dir/nginx`` and bodies kept in memory (the workers
    may run as `nobody`, who cannot write below a private var dir)."""
    temp = var_dir / "nginx"
    health = 'location = /nginx-health { access_log off; return 200 "ok\\n"; }'
    return f"""# Generated by ops/scaled.py for `make run-scaled`; edits are overwritten.
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
    client_max_body_size 1m;
    client_body_buffer_size 1m;
    proxy_max_temp_file_size 0;

    upstream gateway {{
        least_conn;
        server 127.0.0.1:{ports.gateway_1} max_fails=2 fail_timeout=5s;
        server 127.0.0.1:{ports.gateway_2} max_fails=2 fail_timeout=5s;
    }}

    upstream rasa {{
        server 127.0.0.1:{ports.rasa_1} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:{ports.rasa_2} max_fails=1 fail_timeout=10s;
    }}

    server {{  # the front door: web chat, API, staff console
        listen 127.0.0.1:{ports.front};
        {health}
        location / {{
            proxy_pass http://gateway;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
        }}
    }}

    server {{  # what the gateways call "Rasa"
        listen 127.0.0.1:{ports.rasa_lb};
        {health}
        location / {{
            proxy_pass http://rasa;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
        }}
    }}
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


# --- the whole stack --------------------------------------------------------------------------


def seed_index(target: Path) -> None:
    """Start the shared index dir from the published `make index` snapshot, if there is one
    (the prepare step then re-embeds only what differs); otherwise it is built from scratch."""
    from core.settings import get_settings
    from retrieval.snapshot import current_name, publish_snapshot

    source = get_settings().paths.index_dir
    name = current_name(source)
    if current_name(target) or not name or source.resolve() == target.resolve():
        return
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(source / name, target / name, dirs_exist_ok=True)
    publish_snapshot(target, name)


class ScaledStack(Stack):
    """PostgreSQL, Redis, the action server, two Rasa replicas, two gateways and nginx."""

    def __init__(self, var_dir: Path, ports: ScaledPorts | None = None, *,
                 pg_dir: Path | None = None, env: dict[str, str] | None = None,
                 model: Path | None = None) -> None:
        self.var_dir = var_dir
        self.ports = ports = ports or ScaledPorts()
        self.pg_dir = pg_dir or var_dir / "postgres"
        self.secrets = Secrets.load_or_create(var_dir / "secrets.json")
        env = env or {}
        model = model or current_model()
        front = f"http://127.0.0.1:{ports.front}"
        self.gateway_env = {
            "PHARMA_DATABASE_URL": (f"postgresql+psycopg://{DB_USER}:"
                                    f"{self.secrets.postgres_password}@127.0.0.1:"
                                    f"{ports.postgres}/{GATEWAY_DB}"),
            "PHARMA_PATHS__VAR_DIR": str(var_dir),
            "PHARMA_AUTH__JWT_SECRET": self.secrets.jwt_secret,
            # both replicas count chat rate limits in the same Redis (db 2; Rasa's locks use 1)
            "PHARMA_RATE_LIMIT__STORAGE_URI": f"redis://127.0.0.1:{ports.redis}/2",
            **env,
        }
        rasa_env = {  # the variables bot/endpoints.production.yml references
            "TRACKER_DB_HOST": "127.0.0.1", "TRACKER_DB_PORT": str(ports.postgres),
            "TRACKER_DB_NAME": TRACKER_DB, "TRACKER_DB_USER": DB_USER,
            "TRACKER_DB_PASSWORD": self.secrets.postgres_password,
            "LOCK_STORE_HOST": "127.0.0.1", "LOCK_STORE_PORT": str(ports.redis), **env,
        }
        rasa_lb = f"http://127.0.0.1:{ports.rasa_lb}"
        services = [
            postgres_service(self.pg_dir, ports.postgres),
            redis_service(var_dir, ports.redis),
            actions_service(ports.actions, front, env),
            rasa_service(ports.rasa_1, ports.actions, model, rasa_env, name="rasa-1",
                         endpoints="endpoints.production.yml"),
            rasa_service(ports.rasa_2, ports.actions, model, rasa_env, name="rasa-2",
                         endpoints="endpoints.production.yml"),
            gateway_service(ports.gateway_1, rasa_lb, self.gateway_env, name="gateway-1"),
            gateway_service(ports.gateway_2, rasa_lb, self.gateway_env, name="gateway-2"),
            nginx_service(var_dir, ports),
        ]
        super().__init__({service.name: service for service in services}, var_dir / "logs")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.ports.front}"

    def start(self, timeout_seconds: float = 600.0, quiet: bool = False,
              names: list[str] | None = None) -> None:
        if names:  # (re)start some services of an already prepared stack
            super().start(timeout_seconds, quiet, names)
            return
        started = time.monotonic()
        conf = self.var_dir / "nginx" / "nginx.conf"
        conf.parent.mkdir(parents=True, exist_ok=True)
        conf.write_text(nginx_conf(self.var_dir, self.ports))
        if init_cluster(self.pg_dir) and not quiet:
            print(f"  created the PostgreSQL cluster in {self.pg_dir}", file=sys.stderr)
        seed_index(self.var_dir / "index")
        super().start(timeout_seconds, quiet, INFRA)
        bootstrap_databases(self.pg_dir, self.ports.postgres, self.secrets.postgres_password)
        self.launch(DIALOGUE)  # Rasa loads for a minute or two: prepare the gateway meanwhile
        self.prepare(quiet)
        self.launch(FRONT)
        left = max(60.0, timeout_seconds - (time.monotonic() - started))
        self.wait_healthy(left, names=DIALOGUE + FRONT, quiet=quiet)
        for name in DIALOGUE + FRONT:
            self.services[name].warm()

    def prepare(self, quiet: bool = False) -> None:
        """Import the knowledge base into PostgreSQL, publish the shared index, create the
        demo accounts and HR roster: once, before the gateways (two replicas doing it at the
        same time would race on the empty tables)."""
        started = time.monotonic()
        log_path = self.log_dir / "prepare.log"
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with log_path.open("ab") as log:
            done = subprocess.run(
                [str(GATEWAY_PY), "-m", "ops.scaled", "prepare"], cwd=REPO, stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1",
                     "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
                     **self.gateway_env})
        if done.returncode != 0:
            raise RuntimeError(f"preparing the database and index failed; see {log_path}")
        if not quiet:
            print(f"  {'prepare':9s} done after {time.monotonic() - started:5.1f}s",
                  file=sys.stderr)


def prepare() -> None:
    """Runs in the gateway's venv with the gateways' environment (see ScaledStack.prepare)."""
    from api.services.accounts import ensure_demo_accounts
    from api.services.hr_dates import today_in_seoul
    from api.services.hr_seed import seed_hr
    from core.database import create_tables, make_engine, make_session_factory, transaction
    from core.settings import get_settings
    from knowledge_base.dur_import import main as import_dur_rules
    from knowledge_base.pill_import import main as import_pill_data
    from retrieval.__main__ import index

    index(force=False)  # import into the configured database, publish if anything changed
    import_dur_rules()  # the medication checks' rules and the pill data, as `make index` does
    if import_pill_data() != 0:
        raise SystemExit("the pill data could not be imported")
    settings = get_settings()
    engine = make_engine(settings.db_url)
    create_tables(engine)
    sessions = make_session_factory(engine)
    if settings.auth.create_demo_accounts:  # what each gateway's startup does, done once
        with transaction(sessions) as session:
            ensure_demo_accounts(session)
        with transaction(sessions) as session:
            seed_hr(session, today_in_seoul())
    engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ops.scaled", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="run", choices=["run", "prepare"])
    parser.add_argument("--var-dir", type=Path, default=REPO / "var" / "scaled")
    args = parser.parse_args(argv)
    if args.command == "prepare":
        prepare()
        return 0

    from ops.run import run_until_stopped

    try:
        stack = ScaledStack(args.var_dir.resolve())
    except MissingDependency as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    p = stack.ports
    urls = {
        "web chat": f"{stack.url}/",
        "staff console": f"{stack.url}/staff",
        "API docs": f"{stack.url}/docs",
        "gateway replicas": f"127.0.0.1:{p.gateway_1}, 127.0.0.1:{p.gateway_2} "
                            "(metrics: /metrics on each)",
        "Rasa (nginx)": f"127.0.0.1:{p.rasa_lb} -> 127.0.0.1:{p.rasa_1}, 127.0.0.1:{p.rasa_2}",
        "action server": f"127.0.0.1:{p.actions}",
        "PostgreSQL": f"127.0.0.1:{p.postgres} (user {DB_USER}, databases {GATEWAY_DB} and "
                      f"{TRACKER_DB}; password in {args.var_dir / 'secrets.json'})",
        "Redis": f"127.0.0.1:{p.redis}",
    }
    print("starting PostgreSQL, Redis, the action server, two Rasa replicas, two gateways "
          "and nginx (Rasa takes a minute or two)…", file=sys.stderr)
    return run_until_stopped(stack, "scale-out", urls, timeout_seconds=900)


if __name__ == "__main__":
    raise SystemExit(main())
