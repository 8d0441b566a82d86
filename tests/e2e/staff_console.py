"""What the staff-console browser tests share: a checked browser context per console,
signing in, finding sections, and the staff API for setting up and restoring documents."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import httpx
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

DESKTOP = {"width": 1280, "height": 900}
# A save re-indexes before it answers; on a busy two-core machine that can take a while.
SAVE_TIMEOUT_MS = 180_000
LOAD_TIMEOUT_MS = 30_000
DOSAGE_DOC = "cat-motrin-ib-tablets"
DOSAGE = "dosage_and_administration"
DOSAGE_QUESTION = "how much motrin ib can I take?"
CONFLICT_DOC = "cat-advil-tablets"
CONFLICT_SECTION = "when_using"
AUTH_KEY = "haneul.staff.auth"



class Console:
    """One browser context on the console; records script errors and foreign requests."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.base_url = base_url
        self.context: BrowserContext = browser.new_context(viewport=DESKTOP, locale="en-US")
        self.page: Page = self.context.new_page()
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("request", lambda request: None if request.url.startswith(
            (f"{base_url}/", "data:")) else self.foreign.append(request.url))

    def open(self) -> Page:
        self.page.goto(f"{self.base_url}/staff")
        expect(self.page.get_by_test_id("signin-username")).to_be_visible()
        return self.page

    def close(self) -> None:
        self.context.close()
        assert not self.errors, f"JavaScript errors on the page: {self.errors}"
        assert not self.foreign, f"the page fetched external resources: {self.foreign}"


def new_console(consoles: list[Console], browser: Browser, running_stack, *,
                fake_clock: bool = False) -> Page:
    console = Console(browser, running_stack.url)
    consoles.append(console)
    if fake_clock:  # the page's timers and Date follow page.clock from here on
        console.page.clock.install()
    return console.open()


def sign_in(page: Page, username: str) -> None:
    page.get_by_test_id("signin-username").fill(username)
    page.get_by_test_id("signin-password").fill(f"{username}-demo")
    page.get_by_test_id("signin-submit").click()


def staff_page(consoles: list[Console], browser: Browser, running_stack,
               username: str = "pharmacist") -> Page:
    page = new_console(consoles, browser, running_stack)
    sign_in(page, username)
    expect(page.get_by_test_id("doc-row").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("account-name")).to_be_visible()
    return page


def open_document(page: Page, doc_id: str) -> None:
    page.get_by_test_id("nav-documents").click()
    page.get_by_test_id("filter-text").fill(doc_id)
    row = page.locator(f"[data-testid=doc-row][data-doc-id='{doc_id}']")
    expect(row).to_have_count(1, timeout=LOAD_TIMEOUT_MS)
    row.get_by_test_id("doc-link").click()
    expect(page.get_by_test_id("document")).to_have_attribute("data-doc-id", doc_id,
                                                              timeout=LOAD_TIMEOUT_MS)


def section(page: Page, key: str) -> Locator:
    return page.locator(f"[data-testid=section][data-key='{key}']")


def expect_notice(page: Page, pattern: str) -> None:
    expect(page.get_by_test_id("notice")).to_contain_text(re.compile(pattern),
                                                          timeout=SAVE_TIMEOUT_MS)


def roll_back_in_ui(page: Page, version: int) -> None:
    row = page.locator(f"[data-testid=version-row][data-version='{version}']")
    row.get_by_test_id("rollback").click()
    dialog = page.get_by_test_id("confirm-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(f"version {version}")
    page.get_by_test_id("confirm-ok").click()
    expect_notice(page, f"Rolled back: version \\d+ has the content of version {version}")
    expect(page.get_by_test_id("document")).to_be_visible(timeout=LOAD_TIMEOUT_MS)


def save_screenshot(page: Page, path: Path) -> None:
    """The whole page: the viewport grows to the page's height for the shot."""
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": DESKTOP["width"], "height": max(height, 400)})
    page.screenshot(path=path)
    page.set_viewport_size(DESKTOP)
    assert path.is_file() and path.stat().st_size > 0, path


def staff_client(running_stack) -> httpx.Client:
    return running_stack.client(headers=running_stack.token("pharmacist"))


def current_document(running_stack, doc_id: str) -> dict:
    with staff_client(running_stack) as client:
        response = client.get(f"/v1/kb/documents/{doc_id}")
    assert response.status_code == 200, response.text
    return response.json()


def restore(running_stack, doc_id: str, original: dict) -> None:
    """Safety net: if a test failed half-way, put ``original``'s content back."""
    now = current_document(running_stack, doc_id)
    if now["sections"] != original["sections"] or now["deleted"] != original["deleted"]:
        with staff_client(running_stack) as client:
            back = client.post(f"/v1/kb/documents/{doc_id}/rollback",
                               json={"version": original["version"]})
        assert back.status_code == 200, back.text


def chat(running_stack, message: str) -> dict:
    with running_stack.client() as client:
        response = client.post("/v1/chat", json={"session_id": uuid.uuid4().hex,
                                                 "message": message})
    assert response.status_code == 200, response.text
    return response.json()


def reply_text(body: dict) -> str:
    return "\n".join(reply["text"] for reply in body["replies"])


def section_text(document: dict, key: str) -> str:
    return next(s["text"] for s in document["sections"] if s["key"] == key)
