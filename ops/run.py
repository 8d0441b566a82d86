"""`make run`: the whole assistant on embedded defaults, until Ctrl-C."""

from __future__ import annotations

import signal
import sys
import threading

from api.services.accounts import DEMO_ACCOUNTS
from core.settings import REPO_ROOT, get_settings
from ops.stack import Ports, Stack, services


def main() -> int:
    settings = get_settings()
    ports = Ports()
    stack = Stack(services(ports), REPO_ROOT / "var" / "logs")
    print("starting action server, Rasa server and gateway (Rasa takes about a minute)…",
          file=sys.stderr)
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        stack.start()
        base = f"http://127.0.0.1:{ports.gateway}"
        print(f"\nHaneul assistant is running ({settings.profile} profile)\n"
              f"  web chat        {base}/\n"
              f"  staff console   {base}/staff\n"
              f"  API docs        {base}/docs\n"
              f"  metrics         {base}/metrics\n"
              f"  logs            {stack.log_dir}\n")
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
        print("\nstopping…", file=sys.stderr)
        stack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
