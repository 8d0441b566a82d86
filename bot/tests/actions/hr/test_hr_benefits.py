"""Welfare points and certificate requests in the HR chat, through the real gateway."""

from __future__ import annotations

import pytest

from bot.actions.hr.benefits import ActionHrPoints, ActionHrRequestCertificate
from bot.actions.hr.certificate_request import read_certificate
from bot.actions.hr.conversation import ActionHrFollowup
from bot.tests.actions.helpers import run, slots_set
from bot.tests.actions.hr.support import as_user


def _withdraw_pending(api) -> None:
    for request in api("employee", "GET", "/v1/hr/benefits/requests").json():
        if request["status"] == "pending":
            api("employee", "DELETE", f"/v1/hr/benefits/requests/{request['id']}")


@pytest.fixture(autouse=True)
def _no_open_certificate_requests(api):
    _withdraw_pending(api)
    yield
    _withdraw_pending(api)


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("I need an employment certificate in English, 2 copies, for a visa application", "en",
     {"kind": "employment_certificate", "language": "en", "copies": 2,
      "purpose": "visa application"}),
    ("can you request a certificate of employment for my bank loan", "en",
     {"kind": "employment_certificate", "purpose": "bank loan"}),
    ("how do i get a certificate of employment?", "en",
     {"kind": "employment_certificate", "purpose": "submission"}),
    ("은행 대출용으로 재직증명서 두 부 필요해요", "ko",
     {"kind": "employment_certificate", "copies": 2, "purpose": "은행 대출"}),
    ("재직증명서 3장 부탁드려요", "ko",
     {"kind": "employment_certificate", "copies": 3, "purpose": "제출용"}),
    ("2025년 원천징수영수증 떼 주세요", "ko", {"kind": "income_certificate", "year": 2025}),
    ("can I get my income tax receipt please", "en", {"kind": "income_certificate"}),
])
def test_a_certificate_request_is_read_from_one_message(text, language, expected):
    assert read_certificate(text, language) == expected


def test_my_points_show_balance_and_recent_use(api, tokens):
    body = api("employee", "GET", "/v1/hr/benefits/points").json()
    _, texts, _ = run(ActionHrPoints(), as_user(tokens, "employee", "how many welfare points "
                                                "do i have left?", intent="hr_benefit_points"))
    lines = texts[0]["text"].splitlines()
    assert lines[0] == (f"Your welfare points (복지포인트) for {body['year']}: "
                        f"{body['balance']:,} left of {body['granted']:,} ({body['used']:,} used).")
    shown = 1 + min(3, len(body["transactions"])) if body["transactions"] else 0
    assert len(lines) == 1 + shown + 1  # the balance, recent use, and where to ask
    assert "02-6200-7570" in lines[-1] and "handbook does not set" in lines[-1]
    _, texts, _ = run(ActionHrPoints(), as_user(tokens, "employee", "복지포인트 얼마 남았어요?",
                                                intent="hr_benefit_points"))
    assert texts[0]["text"].startswith(f"{body['year']}년 복지포인트: {body['granted']:,}점 중")


def test_a_certificate_is_filed_only_after_yes_and_reaches_the_hr_queue(api, tokens):
    events, texts, _ = run(ActionHrRequestCertificate(), as_user(
        tokens, "employee", "I need an employment certificate in English for a bank loan",
        intent="hr_request_certificate"))
    pending = slots_set(events)["hr_pending_choice"]
    assert pending.startswith("confirm_certificate:")
    handbook, offer = texts  # what the handbook says first: the app has it any time
    assert "Pay > Certificates" in handbook["text"]
    assert offer["text"].splitlines()[1] == ("• employment certificate (재직증명서), in "
                                             "English, 1 copy/copies, purpose: bank loan")
    assert [b["payload"] for b in offer["buttons"]] == ["/affirm", "/deny"]
    assert not [r for r in api("employee", "GET", "/v1/hr/benefits/requests").json()
                if r["status"] == "pending"]  # nothing filed before the yes

    events, texts, _ = run(ActionHrFollowup(), as_user(
        tokens, "employee", "yes please", intent="affirm",
        slots={"hr_pending_choice": pending}))
    assert slots_set(events)["hr_pending_choice"] is None
    filed = [r for r in api("employee", "GET", "/v1/hr/benefits/requests").json()
             if r["status"] == "pending"]
    assert len(filed) == 1 and filed[0]["certificate"] == {
        "purpose": "bank loan", "language": "en", "copies": 1, "year": None}
    assert texts[0]["text"].startswith(f"Done: request #{filed[0]['id']} is in HR's queue")
    queue = api("hr", "GET", "/v1/hr/benefits/queue", params={"status": "pending"}).json()
    assert filed[0]["id"] in [r["id"] for r in queue["requests"]]


@pytest.mark.parametrize(("text", "intent"), [("cancel", "stop"), ("취소", "hr_cancel_leave"),
                                              ("never mind", "stop")])
def test_cancel_to_the_certificate_question_files_nothing(api, tokens, text, intent):
    events, _, _ = run(ActionHrRequestCertificate(), as_user(
        tokens, "employee", "I need an employment certificate", intent="hr_request_certificate"))
    pending = slots_set(events)["hr_pending_choice"]
    _, texts, _ = run(ActionHrFollowup(), as_user(
        tokens, "employee", text, intent=intent, slots={"hr_pending_choice": pending}))
    assert texts[0]["text"] in ("OK, I haven't requested anything.",
                                "알겠습니다. 아무것도 요청하지 않았어요.")
    assert not [r for r in api("employee", "GET", "/v1/hr/benefits/requests").json()
                if r["status"] == "pending"]


def test_no_files_nothing_and_the_same_request_twice_is_refused(api, tokens):
    events, _, _ = run(ActionHrRequestCertificate(), as_user(
        tokens, "employee", "재직증명서 발급해 주세요", intent="hr_request_certificate"))
    pending = slots_set(events)["hr_pending_choice"]
    _, texts, _ = run(ActionHrFollowup(), as_user(
        tokens, "employee", "아니요", intent="deny", slots={"hr_pending_choice": pending}))
    assert texts[0]["text"] == "알겠습니다. 아무것도 요청하지 않았어요."
    assert not [r for r in api("employee", "GET", "/v1/hr/benefits/requests").json()
                if r["status"] == "pending"]
    for _ in range(2):
        _, texts, _ = run(ActionHrFollowup(), as_user(
            tokens, "employee", "네", intent="affirm", slots={"hr_pending_choice": pending}))
    assert texts[0]["text"] == "처리하지 못했습니다. 같은 요청이 이미 진행 중입니다."


def test_a_question_in_between_closes_the_certificate_question(api, tokens):
    """"Shall I ask HR?", then the points balance, then "yes": the yes files nothing."""
    events, _, _ = run(ActionHrRequestCertificate(), as_user(
        tokens, "employee", "I need an employment certificate", intent="hr_request_certificate"))
    pending = slots_set(events)["hr_pending_choice"]
    events, texts, _ = run(ActionHrPoints(), as_user(
        tokens, "employee", "how many welfare points do I have?", intent="hr_benefit_points",
        slots={"hr_pending_choice": pending}))
    assert texts and slots_set(events)["hr_pending_choice"] is None
    run(ActionHrFollowup(), as_user(tokens, "employee", "yes", intent="affirm"))
    assert not [r for r in api("employee", "GET", "/v1/hr/benefits/requests").json()
                if r["status"] == "pending"]
