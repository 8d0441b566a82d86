"""HR requests in a real browser: an employee asks through the API, HR staff find the request
in the console's queue, start it and complete it with a note, and the employee sees it done.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from api.services.work_calendar import today_in_seoul
from tests.e2e.staff_console import LOAD_TIMEOUT_MS, expect_notice, save_screenshot, staff_page

pytestmark = pytest.mark.e2e

NOTE = "Registered with NHIS as your dependant; the card arrives by post."


def test_hr_staff_complete_an_employees_request_in_the_queue(
        consoles, browser, running_stack, artifacts):
    child = f"Yoon {uuid.uuid4().hex[:6]}"
    born = today_in_seoul() - timedelta(days=3)
    with running_stack.client(headers=running_stack.token("employee")) as employee:
        created = employee.post("/v1/hr/benefits/requests", json={
            "kind": "add_dependent", "relation": "child", "name": child,
            "birth_date": born.isoformat()})
        assert created.status_code == 201, created.text
        request_id = created.json()["id"]

        page = staff_page(consoles, browser, running_stack, "hr")
        nav = page.get_by_test_id("nav-hr-requests")
        expect(nav).to_be_visible(timeout=LOAD_TIMEOUT_MS)
        expect(page.get_by_test_id("hr-requests-badge")).to_be_visible()
        nav.click()
        row = page.locator(f"[data-testid=hr-request-row][data-request-id='{request_id}']")
        expect(row).to_have_attribute("data-status", "pending", timeout=LOAD_TIMEOUT_MS)
        expect(row.get_by_test_id("hr-request-employee")).to_contain_text("Yoon Seo-ah")
        expect(row.get_by_test_id("hr-request-details")).to_contain_text(f"Child: {child}")
        # pending requests come first, the oldest at the top: this new one is the last of them
        statuses = page.get_by_test_id("hr-request-row").evaluate_all(
            "rows => rows.map(r => r.dataset.status)")
        assert statuses == sorted(statuses, key=lambda s: s != "pending"), statuses
        save_screenshot(page, artifacts / "staff-hr-requests-queue.png")

        row.get_by_test_id("hr-request-start").click()
        expect(row).to_have_attribute("data-status", "in_progress", timeout=LOAD_TIMEOUT_MS)
        expect(row.get_by_test_id("hr-request-status")).to_have_text("In progress")
        row.get_by_test_id("hr-request-reject").click()  # no note: refused on the page
        expect(row.get_by_test_id("hr-request-error")).to_contain_text("Write a note")
        assert employee.get("/v1/hr/benefits/requests").json()[0]["status"] == "in_progress"

        row.get_by_test_id("hr-request-note").fill(NOTE)
        row.get_by_test_id("hr-request-complete").click()
        expect_notice(page, f"Request #{request_id} is completed")
        expect(row).to_have_count(0)  # the open queue no longer lists it
        page.get_by_test_id("hr-requests-filter").select_option("completed")
        expect(row).to_have_attribute("data-status", "completed", timeout=LOAD_TIMEOUT_MS)
        expect(row.get_by_test_id("hr-request-saved-note")).to_have_text(NOTE)
        expect(row.get_by_test_id("hr-request-start")).to_have_count(0)
        save_screenshot(page, artifacts / "staff-hr-requests.png")

        mine = next(r for r in employee.get("/v1/hr/benefits/requests").json()
                    if r["id"] == request_id)
    assert (mine["status"], mine["note"]) == ("completed", NOTE)
    assert mine["handled_by"]["name_en"] == "Choi Yu-na"


def test_the_queue_stays_hidden_from_staff_who_are_not_hr(consoles, browser, running_stack):
    page = staff_page(consoles, browser, running_stack, "pharmacist")
    expect(page.get_by_test_id("nav-consultations")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("nav-hr-requests")).to_be_hidden()
    page.goto(f"{running_stack.url}/staff#/hr-requests")
    expect(page.get_by_test_id("hr-requests-error")).to_contain_text(
        "handled by the HR team", timeout=LOAD_TIMEOUT_MS)
    expect(page.get_by_test_id("hr-request-row")).to_have_count(0)
    expect(page.get_by_test_id("nav-hr-requests")).to_be_hidden()
