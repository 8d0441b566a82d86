"""The consumer web chat page in a real browser (Debian Chromium, phone-sized) against the
real stack: Rasa server, action server and gateway started by ``running_stack``."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.e2e.browser import normalise
from tests.static_modules import reached_modules

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
REPLY_TIMEOUT_MS = 60_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module", autouse=True)
def warm_assistant(running_stack) -> None:
    """One throwaway medicine question first, so the page meets the full assistant.

    Right after start-up, Rasa and the action server are cold and the first reply misses
    the gateway's deadline, which then answers from leaflets alone (still correct, marked).
    """
    with running_stack.client() as client:
        client.post("/v1/chat", json={"session_id": "web-chat-warm-up",
                                      "message": "how often can I take Tylenol?"})


def open_chat(browser: Browser, locale: str) -> tuple[BrowserContext, Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale=locale)
    return context, context.new_page()


@pytest.fixture
def chat_page(browser: Browser, running_stack) -> Iterator[Page]:
    """A fresh phone-sized tab (so a fresh session) on the chat page, English browser.

    Afterwards: no script errors, and nothing was fetched from anywhere but the gateway.
    """
    context, page = open_chat(browser, "en-US")
    page_errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))
    page.on("request", lambda request: None if request.url.startswith(
        (f"{running_stack.url}/", "data:")) else foreign.append(request.url))
    page.goto(f"{running_stack.url}/")
    expect(page.get_by_test_id("chat-input")).to_be_visible()
    yield page
    context.close()
    assert not page_errors, f"JavaScript errors on the page: {page_errors}"
    assert not foreign, f"the page fetched external resources: {foreign}"


def stored_ratings(running_stack, message_id: str) -> list[int]:
    """The thumbs stored for one reply, read from the stack's own database."""
    database = running_stack.var_dir / "pharmacy.sqlite"
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT rating FROM feedback WHERE turn_id = ?",
                                  (message_id,)).fetchall()
    return [rating for (rating,) in rows]


def save_screenshot(page: Page, path: Path) -> None:
    """The whole conversation, with the sticky header and composer where they belong."""
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": PHONE["width"], "height": height})
    page.screenshot(path=path)
    page.set_viewport_size(PHONE)
    assert path.is_file() and path.stat().st_size > 0, path


def ask(page: Page, text: str) -> Locator:
    """Type ``text``, send it and return the assistant's turn that answers it."""
    turns = page.locator(".assistant-turn")
    before = turns.count()
    page.get_by_test_id("chat-input").fill(text)
    page.get_by_test_id("send-button").click()
    return wait_for_turn(page, before)


def wait_for_turn(page: Page, before: int) -> Locator:
    turn = page.locator(".assistant-turn").nth(before)
    errors = page.get_by_test_id("error-message")
    expect(turn.or_(errors.first)).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    if errors.count():
        pytest.fail(f"the page showed an error: {errors.last.inner_text()}")
    expect(page.get_by_test_id("typing-indicator")).to_have_count(0)
    return turn


def reply_text(turn: Locator) -> str:
    """What the assistant said in ``turn`` (without the screen-reader speaker label)."""
    return "\n".join(turn.locator("[data-testid=message][data-role=assistant] .text")
                     .all_inner_texts())


def test_a_medicine_answer_cites_the_leaflet_and_takes_feedback(
        chat_page, running_stack, artifacts):
    page = chat_page
    question = "how often can I take ibuprofen?"
    turn = ask(page, question)
    expect(page.locator("[data-testid=message][data-role=user]").last).to_have_text(
        re.compile(re.escape(question) + "$"))
    bubble = turn.locator("[data-testid=message][data-role=assistant]").first
    expect(bubble).to_be_visible()
    answer = reply_text(turn)
    assert "ibuprofen" in answer.lower(), answer

    # Answered from leaflets alone (Rasa missed its deadline) must say so, and only then.
    note = turn.get_by_test_id("retrieval-note")
    if turn.get_attribute("data-answered-by") == "retrieval_only":
        expect(note).to_be_visible()
    else:
        expect(note).to_have_count(0)

    # a source card citing an ibuprofen leaflet: title, section and drug on its face
    cards = turn.get_by_test_id("source-card").filter(
        has=page.get_by_test_id("source-drug").filter(has_text="ibuprofen"))
    expect(cards.first).to_be_visible()
    titles = cards.get_by_test_id("source-title").all_inner_texts()
    # the reply names the leaflet it quotes, and that leaflet has a card
    quoted = [i for i, title in enumerate(titles) if title in normalise(answer)]
    assert quoted, (titles, answer)
    card = cards.nth(quoted[0])
    assert "ibuprofen" in titles[quoted[0]].lower(), titles
    expect(card.get_by_test_id("source-section")).not_to_be_empty()

    passage = card.get_by_test_id("source-text")
    expect(passage).to_be_hidden()
    card.locator("summary").click()
    expect(card).to_have_attribute("open", "")
    expect(passage).to_be_visible(timeout=15_000)
    assert len(normalise(passage.inner_text())) > 40
    expect(card).to_contain_text(re.compile(r"Label dated \d{4}-\d{2}-\d{2}"))

    message_id = turn.get_attribute("data-message-id")
    assert message_id
    with page.expect_response(lambda r: r.url.endswith("/v1/feedback")
                              and r.request.method == "POST") as posted:
        turn.get_by_test_id("thumb-up").click()
    assert posted.value.status == 201
    assert posted.value.request.post_data_json == {"message_id": message_id, "rating": "up"}
    expect(turn.get_by_test_id("feedback-done")).to_be_visible()
    expect(turn.get_by_test_id("thumb-up")).to_have_attribute("aria-pressed", "true")
    expect(turn.get_by_test_id("thumb-down")).to_be_disabled()
    assert stored_ratings(running_stack, message_id) == [1]

    # a quick reply, if the answer offers one, is sent like a typed message
    quick = turn.get_by_test_id("quick-reply")
    if quick.count():
        before = page.locator(".assistant-turn").count()
        quick.first.click()
        assert reply_text(wait_for_turn(page, before)).strip()
    save_screenshot(page, artifacts / "web-chat.png")


def test_an_overdose_shows_the_emergency_banner_and_no_leaflet(chat_page, artifacts):
    page = chat_page
    turn = ask(page, "my son swallowed a whole bottle of pills")
    assert turn.get_attribute("data-answered-by") in {"assistant", "safety"}
    banner = turn.get_by_test_id("emergency-banner")
    expect(banner).to_be_visible()
    expect(banner).to_have_attribute("role", "alert")
    expect(banner).to_contain_text("119")
    expect(banner.locator(".emergency-title")).to_contain_text("Emergency — get help now")
    call = banner.get_by_test_id("call-button")
    expect(call).to_have_attribute("href", "tel:119")
    expect(call).to_have_text("Call 119")
    expect(turn.get_by_test_id("source-card")).to_have_count(0)
    save_screenshot(page, artifacts / "web-chat-emergency.png")


def test_an_unknown_medicine_offers_a_pharmacist_button_that_answers(chat_page):
    page = chat_page
    turn = ask(page, "how much xanax can I take")
    assert "xanax" in reply_text(turn).lower()
    button = turn.get_by_test_id("quick-reply").filter(has_text="Ask a pharmacist")
    expect(button).to_be_visible()
    before = page.locator(".assistant-turn").count()
    button.click()
    # the button's title is shown as the user's message, its payload is what was sent
    expect(page.locator("[data-testid=message][data-role=user]").last).to_have_text(
        re.compile(r"Ask a pharmacist$"))
    expect(page.get_by_text("/request_pharmacist")).to_have_count(0)
    answer_turn = wait_for_turn(page, before)
    assert reply_text(answer_turn).strip()
    expect(button).to_be_disabled()


def test_the_korean_page_gets_a_korean_answer(chat_page):
    page = chat_page
    page.get_by_test_id("lang-ko").click()
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_test_id("chat-input")).to_have_attribute("placeholder", HANGUL)
    expect(page.get_by_test_id("send-button")).to_have_text("보내기")
    turn = ask(page, "타이레놀 몇 시간마다 먹어요?")
    answer = reply_text(turn)
    assert HANGUL.search(answer), answer
    expect(turn.get_by_test_id("thumb-up")).to_have_attribute("aria-label", HANGUL)


def test_a_korean_browser_gets_the_korean_page(browser: Browser, running_stack):
    context, page = open_chat(browser, "ko-KR")
    try:
        page.goto(f"{running_stack.url}/")
        expect(page.locator("html")).to_have_attribute("lang", "ko")
        expect(page.get_by_test_id("lang-ko")).to_have_attribute("aria-pressed", "true")
        expect(page.get_by_test_id("chat-input")).to_have_attribute("placeholder", HANGUL)
    finally:
        context.close()


def test_only_the_page_and_its_assets_are_served(running_stack):
    with running_stack.client() as client:
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert "default-src 'self'" in page.headers["content-security-policy"]
        assert re.findall(r"<script\b[^>]*>", page.text) == [
            '<script type="module" src="/static/chat/js/main.js">']
        asset = client.get("/static/chat/chat.css")
        assert asset.status_code == 200 and asset.headers["content-type"].startswith("text/css")
        # the entry module and every module it imports, directly or not
        reached = reached_modules(client.get, "/static/chat")
        on_disk = Path(__file__).resolve().parents[2] / "api" / "static" / "chat" / "js"
        assert reached == {f"js/{path.name}" for path in on_disk.glob("*.js")}
        for path in ("/static/chat/index.html", "/static/chat/..%2F..%2Fmain.py",
                     "/static/chat/missing.js", "/static/chat/js/missing.js",
                     "/static/chat/chat.js", "/static/chat/js%2F..%2F..%2Fstatic_pages.py"):
            assert client.get(path).status_code == 404, path


def test_a_medication_check_finding_shows_as_a_warning_card(chat_page, artifacts):
    page = chat_page
    turn = ask(page, "can I take selegiline with Sudafed?")
    card = turn.get_by_test_id("safety-check-card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Medication safety check")
    expect(card).to_contain_text("must not be taken together")
    save_screenshot(page, artifacts / "web-chat-medication-check.png")


def test_pill_candidates_show_as_cards(chat_page, artifacts):
    page = chat_page
    turn = ask(page, "I found a white round pill marked IDG, what is it?")
    cards = turn.get_by_test_id("pill-card")
    expect(cards.first).to_be_visible()
    expect(cards.filter(has_text="가스디알")).to_have_count(1)
    save_screenshot(page, artifacts / "web-chat-pill.png")


def test_more_opens_the_rest_of_a_shortened_quote(chat_page, artifacts):
    """A dose question for a child quotes the row for that age; "more" shows the whole dose
    section of that leaflet, cited, in place of the button."""
    page = chat_page
    turn = ask(page, "how much children's motrin can I give my 5 year old?")
    answer = normalise(reply_text(turn))
    button = turn.get_by_test_id("more-button").first
    expect(button).to_be_visible()
    expect(button).to_contain_text("More from")
    doc_id, section = button.get_attribute("data-doc-id"), button.get_attribute("data-section-id")
    button.click()
    whole = turn.locator(f"[data-testid=more-text][data-doc-id='{doc_id}']"
                         f"[data-section-id='{section}']")
    expect(whole).to_be_visible(timeout=15_000)
    expect(whole).to_contain_text(re.compile(r"Source: .+ — \""))
    text = normalise(whole.locator("blockquote").inner_text())
    assert len(text) > 40 and text not in answer, (text, answer)  # more than was quoted
    expect(turn.locator(f"[data-testid=more-button][data-doc-id='{doc_id}']"
                        f"[data-section-id='{section}']")).to_have_count(0)
    save_screenshot(page, artifacts / "web-chat-more.png")
