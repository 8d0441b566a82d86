"""The staff console in a real browser: who may sign in, expiry and sign-out, the status line.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.e2e.staff_console import (
    AUTH_KEY,
    LOAD_TIMEOUT_MS,
    new_console,
    save_screenshot,
    sign_in,
    staff_page,
)

pytestmark = pytest.mark.e2e


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


def test_the_status_line_shows_the_dur_rules_in_force(consoles, browser, running_stack):
    page = staff_page(consoles, browser, running_stack)
    status = page.locator("#kb-status")
    expect(status).to_contain_text("DUR rules", timeout=LOAD_TIMEOUT_MS)
    expect(status).to_contain_text("newest 20")  # the newest MFDS notification date
