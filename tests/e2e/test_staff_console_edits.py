"""The staff console in a real browser (Debian Chromium) against the real stack: edits the
chat cites, conflicting saves, new entries from gaps, uploaded labels.

Every test leaves the knowledge base as it found it (rolling back or deleting what it
changed), because the other end-to-end tests share the same stack.
"""

from __future__ import annotations

import json
import re
import uuid

import pytest
from playwright.sync_api import expect

from tests.e2e.browser import normalise
from tests.e2e.staff_console import (
    CONFLICT_DOC,
    CONFLICT_SECTION,
    DOSAGE,
    DOSAGE_DOC,
    DOSAGE_QUESTION,
    LOAD_TIMEOUT_MS,
    SAVE_TIMEOUT_MS,
    chat,
    current_document,
    expect_notice,
    open_document,
    reply_text,
    restore,
    roll_back_in_ui,
    save_screenshot,
    section,
    section_text,
    staff_client,
    staff_page,
)

pytestmark = pytest.mark.e2e


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
