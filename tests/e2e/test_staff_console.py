"""The staff console (``/staff``) in a real browser (Debian Chromium) against the real stack.

Every test leaves the knowledge base as it found it (rolling back or deleting what it
changed), because the other end-to-end tests share the same stack.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.e2e.browser import normalise

pytestmark = pytest.mark.e2e

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


# ---- fixtures and helpers -------------------------------------------------------------------

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


@pytest.fixture
def consoles(browser: Browser, running_stack) -> Iterator[list[Console]]:
    """Open consoles with ``consoles.append(Console(...))``; all are checked and closed."""
    opened: list[Console] = []
    yield opened
    for console in opened:
        console.close()


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


# ---- tests ----------------------------------------------------------------------------------

def test_an_edited_dosage_is_cited_by_the_chat_until_it_is_rolled_back(
        consoles, browser, running_stack, artifacts):
    original = current_document(running_stack, DOSAGE_DOC)
    original_text = section_text(original, DOSAGE)
    marker = f"Staff check {uuid.uuid4().hex[:6].upper()}"
    new_text = (f"{marker}: adults and children 12 years and over take 1 tablet every 4 to 6 "
                "hours while symptoms persist; do not take more than 6 tablets in 24 hours "
                "unless a doctor directs.")
    page = staff_page(consoles, browser, running_stack)
    try:
        # the list, filtered by medicine and kind
        page.get_by_test_id("filter-medicine").fill("ibuprofen")
        page.keyboard.press("Tab")  # closes the medicine suggestions
        page.get_by_test_id("filter-kind").select_option("leaflet")
        rows = page.get_by_test_id("doc-row")
        expect(rows.filter(has_text=DOSAGE_DOC)).to_have_count(1)
        for medicines in rows.locator("td:nth-child(4)").all_inner_texts():
            assert "ibuprofen" in medicines
        save_screenshot(page, artifacts / "staff-documents.png")
        page.get_by_test_id("filter-medicine").fill("")
        page.keyboard.press("Tab")
        page.get_by_test_id("filter-kind").select_option("")

        open_document(page, DOSAGE_DOC)
        expect(page.get_by_test_id("doc-title")).to_have_text("Motrin IB (ibuprofen)")
        expect(page.get_by_test_id("version-row").first).to_have_attribute(
            "data-version", str(original["version"]))
        dosage = section(page, DOSAGE)
        expect(dosage.get_by_test_id("section-text")).to_have_text(original_text)

        # validation as you type: empty text cannot be saved
        dosage.get_by_test_id("edit-section").click()
        editor = dosage.get_by_test_id("section-editor")
        expect(editor).to_have_value(original_text)
        editor.fill("   ")
        expect(dosage.get_by_test_id("section-error")).to_have_text(
            "The section text cannot be empty.")
        expect(dosage.get_by_test_id("save-section")).to_be_disabled()
        expect(editor).to_have_attribute("aria-invalid", "true")
        editor.fill(new_text)
        expect(dosage.get_by_test_id("section-error")).to_be_empty()
        expect(dosage.get_by_test_id("save-section")).to_be_enabled()
        save_screenshot(page, artifacts / "staff-edit-section.png")
        dosage.get_by_test_id("save-section").click()
        expect_notice(page, rf"Saved “Directions” as version {original['version'] + 1}\.")
        expect(dosage.get_by_test_id("section-text")).to_have_text(new_text,
                                                                   timeout=LOAD_TIMEOUT_MS)
        newest = page.get_by_test_id("version-row").first
        expect(newest).to_have_attribute("data-version", str(original["version"] + 1))
        expect(newest.get_by_test_id("version-note")).to_have_text(f"edited {DOSAGE}")
        expect(newest.get_by_test_id("version-by")).to_contain_text("pharmacist")

        # the preview box asks the live retriever and finds the saved text
        page.get_by_test_id("preview-question").fill(DOSAGE_QUESTION)
        expect(page.get_by_test_id("preview-medicine")).to_have_value("Motrin IB")
        page.get_by_test_id("preview-button").click()
        passage = page.get_by_test_id("preview-passage")
        expect(passage).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(passage).to_have_attribute("data-doc-id", DOSAGE_DOC)
        expect(passage.get_by_test_id("preview-text")).to_contain_text(marker)
        save_screenshot(page, artifacts / "staff-document.png")

        # the assistant quotes the new text and cites this leaflet's section
        body = chat(running_stack, DOSAGE_QUESTION)
        assert marker in reply_text(body), body
        assert any(source["doc_id"] == DOSAGE_DOC and source["section"] == DOSAGE
                   for source in body["sources"]), body["sources"]

        # roll back in the page: the old text is back, on the page and in the chat
        roll_back_in_ui(page, original["version"])
        expect(section(page, DOSAGE).get_by_test_id("section-text")).to_have_text(
            original_text, timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_test_id("version-row").first.get_by_test_id("version-note")) \
            .to_have_text(f"rollback to version {original['version']}")
        after = chat(running_stack, DOSAGE_QUESTION)
        assert marker not in reply_text(after), after
        assert any(source["doc_id"] == DOSAGE_DOC for source in after["sources"]), after
        assert normalise(section_text(current_document(running_stack, DOSAGE_DOC), DOSAGE)) \
            == normalise(original_text)
    finally:
        restore(running_stack, DOSAGE_DOC, original)


def test_a_second_save_of_the_same_section_shows_the_first_and_keeps_its_own_text(
        consoles, browser, running_stack, artifacts):
    original = current_document(running_stack, CONFLICT_DOC)
    first_text = f"Take it with food or milk (first editor {uuid.uuid4().hex[:6]})."
    second_text = f"Take it with a full glass of water (second editor {uuid.uuid4().hex[:6]})."
    first = staff_page(consoles, browser, running_stack, "admin")
    second = staff_page(consoles, browser, running_stack, "pharmacist")
    try:
        for page in (first, second):
            open_document(page, CONFLICT_DOC)
            section(page, CONFLICT_SECTION).get_by_test_id("edit-section").click()
        # both started from the same version; the first save wins
        mine = section(first, CONFLICT_SECTION)
        mine.get_by_test_id("section-editor").fill(first_text)
        mine.get_by_test_id("save-section").click()
        expect_notice(first, r"Saved .* as version")

        theirs = section(second, CONFLICT_SECTION)
        theirs.get_by_test_id("section-editor").fill(second_text)
        theirs.get_by_test_id("save-section").click()
        conflict = theirs.get_by_test_id("conflict")
        expect(conflict).to_be_visible(timeout=SAVE_TIMEOUT_MS)
        expect(conflict).to_contain_text(f"admin saved version {original['version'] + 1}")
        expect(conflict.get_by_test_id("conflict-theirs")).to_have_text(first_text)
        expect(theirs.get_by_test_id("section-editor")).to_have_value(second_text)
        expect(second.get_by_test_id("notice")).to_be_hidden()
        save_screenshot(second, artifacts / "staff-conflict.png")
        assert section_text(current_document(running_stack, CONFLICT_DOC),
                            CONFLICT_SECTION) == first_text

        # having seen theirs, the second editor saves deliberately
        conflict.get_by_test_id("conflict-save-mine").click()
        expect_notice(second, rf"as version {original['version'] + 2}\.")
        expect(section(second, CONFLICT_SECTION).get_by_test_id("section-text")).to_have_text(
            second_text, timeout=LOAD_TIMEOUT_MS)
        roll_back_in_ui(second, original["version"])
        expect(section(second, CONFLICT_SECTION).get_by_test_id("section-text")).to_have_text(
            section_text(original, CONFLICT_SECTION), timeout=LOAD_TIMEOUT_MS)
    finally:
        restore(running_stack, CONFLICT_DOC, original)


@pytest.mark.parametrize("username", ["customer", "employee"])
def test_consumer_and_employee_accounts_are_refused(
        consoles, browser, running_stack, artifacts, username):
    page = new_console(consoles, browser, running_stack)
    sign_in(page, username)
    error = page.get_by_test_id("signin-error")
    expect(error).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(error).to_contain_text("only for pharmacy staff")
    role = "consumer" if username == "customer" else "employee"
    expect(error).to_contain_text(f"“{username}” is a {role} account")
    expect(error).to_have_attribute("data-reason", "refused")
    expect(page.get_by_test_id("nav-documents")).to_be_hidden()
    expect(page.get_by_test_id("doc-row")).to_have_count(0)
    assert page.evaluate(f"sessionStorage.getItem('{AUTH_KEY}')") is None
    if username == "customer":
        save_screenshot(page, artifacts / "staff-refused.png")
    # and the API refuses them too, whatever a page does
    with running_stack.client(headers=running_stack.token(username)) as client:
        assert client.get("/v1/kb/documents").status_code == 403


def test_a_wrong_password_an_expired_session_and_sign_out(consoles, browser, running_stack):
    page = new_console(consoles, browser, running_stack)
    page.get_by_test_id("signin-username").fill("pharmacist")
    page.get_by_test_id("signin-password").fill("not-the-password")
    page.get_by_test_id("signin-submit").click()
    expect(page.get_by_test_id("signin-error")).to_have_text(
        re.compile("wrong username or password", re.IGNORECASE), timeout=LOAD_TIMEOUT_MS)

    sign_in(page, "pharmacist")
    expect(page.get_by_test_id("doc-row").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    stored = json.loads(page.evaluate(f"sessionStorage.getItem('{AUTH_KEY}')"))
    assert stored["username"] == "pharmacist" and stored["exp"] > 0
    # a reload keeps the session …
    page.reload()
    expect(page.get_by_test_id("doc-row").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    # … until the token's expiry has passed
    page.evaluate(f"""() => {{
        const auth = JSON.parse(sessionStorage.getItem('{AUTH_KEY}'));
        auth.exp = Math.floor(Date.now() / 1000) - 1;
        sessionStorage.setItem('{AUTH_KEY}', JSON.stringify(auth));
    }}""")
    page.goto(f"{running_stack.url}/staff#/gaps")
    page.reload()
    expect(page.get_by_test_id("signin-info")).to_have_text(re.compile("session expired"))
    expect(page.get_by_test_id("nav-documents")).to_be_hidden()
    # signing in again returns to where the user was going
    sign_in(page, "pharmacist")
    expect(page.locator("#view-gaps")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    # a token the server no longer accepts also ends the session
    page.evaluate(f"""() => {{
        const auth = JSON.parse(sessionStorage.getItem('{AUTH_KEY}'));
        auth.token = 'not-a-token';
        sessionStorage.setItem('{AUTH_KEY}', JSON.stringify(auth));
    }}""")
    page.reload()
    expect(page.get_by_test_id("signin-info")).to_have_text(re.compile("session has ended"),
                                                            timeout=LOAD_TIMEOUT_MS)
    sign_in(page, "pharmacist")
    page.get_by_test_id("sign-out").click()
    expect(page.get_by_test_id("signin-info")).to_have_text("You have signed out.")
    assert page.evaluate(f"sessionStorage.getItem('{AUTH_KEY}')") is None


def test_the_open_page_signs_out_when_the_token_expires(consoles, browser, running_stack):
    page = new_console(consoles, browser, running_stack, fake_clock=True)
    sign_in(page, "pharmacist")
    expect(page.get_by_test_id("doc-row").first).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("session-ends")).to_contain_text("Session ends")
    exp = json.loads(page.evaluate(f"sessionStorage.getItem('{AUTH_KEY}')"))["exp"]
    now = page.evaluate("Date.now() / 1000")
    page.clock.fast_forward(int((exp - now + 60) * 1000))  # a minute past the token's exp
    expect(page.get_by_test_id("signin-info")).to_have_text(re.compile("session expired"))
    expect(page.get_by_test_id("nav-documents")).to_be_hidden()
    assert page.evaluate(f"sessionStorage.getItem('{AUTH_KEY}')") is None


def test_a_gap_becomes_a_new_entry_which_can_be_deleted(
        consoles, browser, running_stack, artifacts):
    code = uuid.uuid4().hex[:6]
    question = "Can I bring my dog into the Gangnam branch?"
    answered = chat(running_stack, question)
    with running_stack.client() as client:  # a thumbs-down makes it a gap whatever the reply
        down = client.post("/v1/feedback", json={"message_id": answered["message_id"],
                                                 "rating": "down"})
    assert down.status_code == 201, down.text
    doc_id = f"faq-dogs-{code}"
    answer = (f"Guide dogs are always welcome. Other dogs may come in on a short lead or in a "
              f"carrier (note {code}).")
    page = staff_page(consoles, browser, running_stack)
    try:
        page.get_by_test_id("nav-gaps").click()
        gap = page.get_by_test_id("gap-row").filter(has_text=question)
        expect(gap).to_have_count(1, timeout=LOAD_TIMEOUT_MS)
        expect(gap).to_contain_text("Thumbs down")
        save_screenshot(page, artifacts / "staff-gaps.png")
        gap.get_by_test_id("gap-create-entry").click()

        expect(page.get_by_test_id("entry-from-gap")).to_contain_text(question)
        expect(page.get_by_test_id("entry-title")).to_have_value(question)
        markdown = page.get_by_test_id("entry-markdown")
        expect(markdown).to_have_value(f"## {question}\n")
        expect(page.get_by_test_id("entry-markdown-error")).to_contain_text("needs text")
        expect(page.get_by_test_id("entry-submit")).to_be_disabled()
        page.get_by_test_id("entry-id").fill("Dogs welcome?")
        expect(page.locator("#entry-id-error")).to_contain_text("lower-case")
        page.get_by_test_id("entry-id").fill(doc_id)
        markdown.fill(f"## {question}\n{answer}")
        expect(page.get_by_test_id("entry-sections")).to_have_text(f"Sections: {question}")
        expect(page.get_by_test_id("entry-submit")).to_be_enabled()
        page.get_by_test_id("entry-submit").click()
        expect_notice(page, rf"Created {doc_id} \(version 1\)")
        expect(page.get_by_test_id("doc-title")).to_have_text(question, timeout=LOAD_TIMEOUT_MS)
        with running_stack.client() as client:
            hits = client.get("/v1/search", params={"q": "can I bring my dog", "k": 3}).json()
        assert hits["hits"][0]["doc_id"] == doc_id, hits

        # delete asks first; cancelling changes nothing
        page.get_by_test_id("delete-document").click()
        expect(page.get_by_test_id("confirm-dialog")).to_contain_text(question)
        page.get_by_test_id("confirm-cancel").click()
        expect(page.get_by_test_id("confirm-dialog")).to_be_hidden()
        assert not current_document(running_stack, doc_id)["deleted"]
        page.get_by_test_id("delete-document").click()
        page.get_by_test_id("confirm-ok").click()
        expect_notice(page, rf"Deleted “{re.escape(question)}”")
        expect(page.locator("#view-list")).to_be_visible()
        assert current_document(running_stack, doc_id)["deleted"]
        with running_stack.client() as client:
            hits = client.get("/v1/search", params={"q": "can I bring my dog", "k": 10}).json()
        assert all(hit["doc_id"] != doc_id for hit in hits["hits"]), hits
    finally:
        with staff_client(running_stack) as client:
            if client.get(f"/v1/kb/documents/{doc_id}").json().get("deleted") is False:
                client.delete(f"/v1/kb/documents/{doc_id}")


def test_an_uploaded_openfda_label_becomes_a_leaflet(
        consoles, browser, running_stack, tmp_path):
    code = uuid.uuid4().hex[:6]
    set_id = f"haneul-ibuprofen-{code}"
    record = {
        "set_id": set_id, "effective_time": "20260101",
        "source_label": "Haneul ibuprofen 200 mg, chain label",
        "openfda": {"generic_name": ["IBUPROFEN"], "brand_name": [f"Haneul Ibuprofen {code}"]},
        "dosage_and_administration": [f"Directions adults: 1 tablet every 4 to 6 hours ({code})."],
        "warnings": ["Allergy alert: ibuprofen may cause a severe allergic reaction."],
    }
    upload = tmp_path / "label.json"
    upload.write_text(json.dumps({"meta": {"results": {"total": 1}}, "results": [record]}))
    doc_id = f"cat-{set_id}"
    page = staff_page(consoles, browser, running_stack)
    try:
        page.get_by_test_id("nav-new-leaflet").click()
        page.get_by_test_id("leaflet-mode-json").check()
        page.get_by_test_id("leaflet-json").fill('{"openfda": ')
        expect(page.get_by_test_id("leaflet-json-error")).to_contain_text("not valid JSON")
        expect(page.get_by_test_id("leaflet-submit")).to_be_disabled()
        page.get_by_test_id("leaflet-json").fill(json.dumps({**record, "openfda": {}}))
        expect(page.get_by_test_id("leaflet-json-error")).to_contain_text("generic name")
        page.get_by_test_id("leaflet-file").set_input_files(upload)
        expect(page.get_by_test_id("leaflet-summary")).to_have_text(
            f"Ready: create {doc_id} — Haneul Ibuprofen {code} (ibuprofen), 2 sections.")
        page.get_by_test_id("leaflet-submit").click()
        expect_notice(page, rf"Created {doc_id} \(version 1\)")
        expect(page.get_by_test_id("doc-title")).to_have_text(
            f"Haneul Ibuprofen {code} (ibuprofen)", timeout=LOAD_TIMEOUT_MS)
        expect(section(page, DOSAGE)).to_contain_text(code)
        # uploading the same label again is refused with a link to the existing one
        page.get_by_test_id("nav-new-leaflet").click()
        page.get_by_test_id("leaflet-mode-json").check()
        page.get_by_test_id("leaflet-json").fill(json.dumps(record))
        page.get_by_test_id("leaflet-submit").click()
        expect(page.locator("#leaflet-error")).to_contain_text(
            f"A document {doc_id} already exists", timeout=SAVE_TIMEOUT_MS)
        page.locator("#leaflet-error a").click()
        expect(page.get_by_test_id("document")).to_have_attribute("data-doc-id", doc_id,
                                                                  timeout=LOAD_TIMEOUT_MS)
        page.get_by_test_id("delete-document").click()
        page.get_by_test_id("confirm-ok").click()
        expect_notice(page, "Deleted")
        assert current_document(running_stack, doc_id)["deleted"]
    finally:
        with staff_client(running_stack) as client:
            if client.get(f"/v1/kb/documents/{doc_id}").json().get("deleted") is False:
                client.delete(f"/v1/kb/documents/{doc_id}")


def test_the_status_line_shows_the_dur_rules_in_force(consoles, browser, running_stack):
    page = staff_page(consoles, browser, running_stack)
    status = page.locator("#kb-status")
    expect(status).to_contain_text("DUR rules", timeout=LOAD_TIMEOUT_MS)
    expect(status).to_contain_text("newest 20")  # the newest MFDS notification date
