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
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from ops.infra import (
    DB_USER,
    GATEWAY_DB,
    TRACKER_DB,
    MissingDependency,
    ScaledPorts,
    Secrets,
    bootstrap_databases,
    init_cluster,
    nginx_conf,
    nginx_service,
    postgres_service,
    redis_service,
)
from ops.stack import (
    GATEWAY_PY,
    REPO,
    Stack,
    actions_service,
    current_model,
    gateway_service,
    rasa_service,
)

INFRA = ["postgres", "redis"]
DIALOGUE = ["actions", "rasa-1", "rasa-2"]
FRONT = ["gateway-1", "gateway-2", "nginx"]


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
    from api.services.benefits_seed import seed_benefits
    from api.services.hr_seed import seed_hr
    from api.services.work_calendar import today_in_seoul
    from core.database import make_engine, make_session_factory, transaction
    from core.schema import upgrade_schema
    from core.settings import get_settings
    from knowledge_base.dur_import import main as import_dur_rules
    from knowledge_base.pill_import import main as import_pill_data
    from knowledge_base.store import open_knowledge_base
    from retrieval.__main__ import index
    from retrieval.snapshot import current_name, revision_of

    settings = get_settings()
    seeded = current_name(settings.paths.index_dir)
    if seeded:  # a snapshot copied from `make index` (seed_index): ours must come after it
        open_knowledge_base(settings.db_url).advance_revision(revision_of(seeded))
    index(force=False)  # import into the configured database, publish if anything changed
    import_dur_rules()  # the medication checks' rules and the pill data, as `make index` does
    if import_pill_data() != 0:
        raise SystemExit("the pill data could not be imported")
    engine = make_engine(settings.db_url)
    upgrade_schema(engine)
    sessions = make_session_factory(engine)
    if settings.auth.create_demo_accounts:  # what each gateway's startup does, done once
        with transaction(sessions) as session:
            ensure_demo_accounts(session)
        with transaction(sessions) as session:
            seed_hr(session, today_in_seoul())
            seed_benefits(session, today_in_seoul())
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
