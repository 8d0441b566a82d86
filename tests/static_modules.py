"""The ES modules a page loads: its entry module and every module it imports, followed over
HTTP the way the browser does (tests/api/test_staff_page.py, tests/e2e/test_web_chat.py)."""

from __future__ import annotations

import re
from collections.abc import Callable

import httpx

IMPORT = re.compile(r'^import\s[^;]*?\sfrom\s"\./([\w.-]+)";', re.M)


def reached_modules(get: Callable[[str], httpx.Response], base: str) -> set[str]:
    """Names (``js/x.js``) reached from ``{base}/js/main.js``; each must be served as
    JavaScript."""
    reached: set[str] = set()
    todo = ["js/main.js"]
    while todo:
        name = todo.pop()
        if name in reached:
            continue
        reached.add(name)
        module = get(f"{base}/{name}")
        assert module.status_code == 200, name
        assert module.headers["content-type"].startswith("text/javascript"), name
        todo += [f"js/{target}" for target in IMPORT.findall(module.text)]
    return reached
