"""End-to-end fixtures: screenshots and one headless Chromium. The real stack
(``running_stack``) lives in tests/conftest.py, shared with the fault tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS
from tests.e2e.staff_console import Console

TEST_ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    TEST_ARTIFACTS.mkdir(exist_ok=True)
    return TEST_ARTIFACTS


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for all browser tests."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def consoles(browser: Browser, running_stack) -> Iterator[list[Console]]:
    """Open consoles with ``consoles.append(Console(...))``; all are checked and closed."""
    opened: list[Console] = []
    yield opened
    for console in opened:
        console.close()
