"""`make run`: the whole assistant on embedded defaults, until Ctrl-C.

    python -m ops.run [--gateway-port 8000] [--rasa-port 5005] [--actions-port 5055]

Every server listens on 127.0.0.1 only. Ctrl-C or SIGTERM stops them all; if this process
is killed outright (SIGKILL), the kernel kills its servers (see ops/stack.py), so none is
left behind on its port (tests/ops/test_run_cleanup.py).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from api.services.accounts import DEMO_ACCOUNTS
from core.settings import get_settings
from ops.stack import Ports, Stack, services


def run_until_stopped(stack: Stack, profile: str, urls: dict[str, str],
                      timeout_seconds: float = 240.0) -> int:
    """Start ``stack``, print ``urls`` and the demo accounts, and keep it running until
    Ctrl-C or SIGTERM (or until a service dies: exit status 1); always stop everything."""
    settings = get_settings()
    stopping = threading.Event()

    def terminate(*_) -> None:
        stopping.set()
        raise KeyboardInterrupt  # also interrupts a start that is still waiting

    signal.signal(signal.SIGTERM, terminate)
    try:
        stack.start(timeout_seconds)
        width = max(len(label) for label in urls) + 3
        print(f"\nHaneul assistant is running ({profile} profile)")
        for label, url in urls.items():
            print(f"  {label:{width}s}{url}")
        print(f"  {'logs':{width}s}{stack.log_dir}\n")
        if settings.auth.create_demo_accounts:
            print("demo accounts (username / password / role):")
            for account in DEMO_ACCOUNTS:
                print(f"  {account.username:12s} {account.password:16s} {account.role.value}")
        print("\nPress Ctrl-C to stop.", file=sys.stderr)
        while not stopping.wait(1.0):
            for name, service in stack.services.items():
                if not service.running():
                    print(f"{name} stopped unexpectedly; see {service.log_path}",
                          file=sys.stderr)
                    return 1
    except KeyboardInterrupt:
        pass
    finally:
        # a second Ctrl-C or SIGTERM must not cut the stop short (it ends within seconds)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("\nstopping…", file=sys.stderr)
        stack.stop()
    return 0


def main(argv: list[str] | None = None) -> int:
    defaults = Ports()
    parser = argparse.ArgumentParser(prog="python -m ops.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gateway-port", type=int, default=defaults.gateway)
    parser.add_argument("--rasa-port", type=int, default=defaults.rasa)
    parser.add_argument("--actions-port", type=int, default=defaults.actions)
    args = parser.parse_args(argv)
    ports = Ports(args.gateway_port, args.rasa_port, args.actions_port)
    stack = Stack(services(ports), get_settings().paths.var_dir / "logs")
    print("starting action server, Rasa server and gateway (Rasa takes about a minute)…",
          file=sys.stderr)
    base = f"http://127.0.0.1:{ports.gateway}"
    return run_until_stopped(stack, get_settings().profile, {
        "web chat": f"{base}/",
        "staff console": f"{base}/staff",
        "API docs": f"{base}/docs",
        "metrics": f"{base}/metrics",
    })


if __name__ == "__main__":
    raise SystemExit(main())
