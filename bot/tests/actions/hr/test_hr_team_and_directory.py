"""Managers' decisions; the directory and HR handbook answers."""

from __future__ import annotations

import pytest

from bot.actions.hr import context as hr
from bot.actions.hr.conversation import ActionHrDirectory, ActionHrFollowup, ActionHrPolicy
from bot.actions.hr.team import ActionHrApproveLeave, ActionHrDeclineLeave, ActionHrTeamRequests
from bot.tests.actions.helpers import run, slots_set
from bot.tests.actions.hr.support import (
    as_user,
    ask_leave,
    entity,
    future_span,
    hr_tracker,
    status_of,
)

# --- managers -------------------------------------------------------------------------------------


def test_a_manager_sees_the_pending_requests_of_the_team(api, tokens):
    created = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrTeamRequests(), as_user(
        tokens, "manager", "any leave to approve?", intent="hr_team_requests"))
    text = texts[0]["text"]
    assert text.startswith("Requests from your team waiting for your decision:")
    assert f"• #{created['id']} Yoon Seo-ah: annual leave, " in text
    assert 'Say e.g. "approve' in text
    team = api("manager", "GET", "/v1/hr/team/requests", params={"status": "pending"}).json()
    assert text.count("\n• #") == min(len(team), hr.MAX_LISTED)


def test_someone_without_reports_has_no_team_to_decide(api, tokens):
    created = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrTeamRequests(), as_user(tokens, "employee", "team requests",
                                                      intent="hr_team_requests"))
    assert texts[0]["text"].startswith("Nobody reports to you")
    _, texts, _ = run(ActionHrApproveLeave(), as_user(
        tokens, "employee", f"approve {created['id']}", intent="hr_approve_leave"))
    assert "is not a request from one of your direct reports" in texts[0]["text"]
    assert status_of(api, "employee", created["id"]) == "pending"


def test_a_manager_approves_a_direct_reports_request_by_number(api, tokens):
    start, end, _ = future_span(api, 2)
    created = ask_leave(api, "employee", "annual", start, end)
    _, texts, meta = run(ActionHrApproveLeave(), as_user(
        tokens, "manager", f"approve #{created['id']}", intent="hr_approve_leave"))
    assert texts[0]["text"].startswith(
        f"Approved request #{created['id']}: Yoon Seo-ah, annual leave, ")
    assert status_of(api, "employee", created["id"]) == "approved"
    assert meta["gap"] is None
    _, texts, meta = run(ActionHrDeclineLeave(), as_user(
        tokens, "manager", f"decline #{created['id']}", intent="hr_decline_leave"))
    assert texts[0]["text"] == (f"I couldn't do that: request #{created['id']} is approved, "
                                "not pending")
    assert meta["gap"] == "already_decided"
    assert status_of(api, "employee", created["id"]) == "approved"


def test_a_manager_cannot_decide_for_someone_outside_the_team(api, tokens):
    theirs = ask_leave(api, "pharmacist", "annual", *future_span(api, 2)[:2])
    for action in (ActionHrApproveLeave(), ActionHrDeclineLeave()):
        _, texts, meta = run(action, as_user(tokens, "manager", f"{theirs['id']}번 승인",
                                             intent="hr_approve_leave"))
        assert texts[0]["text"] == "처리하지 못했습니다. 해당 번호의 신청을 찾을 수 없습니다."
        assert meta["gap"] == "not_found"
    assert status_of(api, "pharmacist", theirs["id"]) == "pending"


def test_a_manager_declines_by_name_and_leave_type(api, tokens):
    created = ask_leave(api, "employee", "family", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrDeclineLeave(), as_user(
        tokens, "manager", "decline Seo-ah's family leave", intent="hr_decline_leave",
        entities=[entity("person", "Seo-ah"), entity("leave_type", "family")]))
    assert texts[0]["text"].startswith(f"Declined request #{created['id']}: Yoon Seo-ah, "
                                       "family care leave")
    assert status_of(api, "employee", created["id"]) == "declined"


def test_an_ambiguous_decision_asks_which_and_a_number_answers(api, tokens):
    first = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    second = ask_leave(api, "employee", "sick", *future_span(api, 3)[:2])
    events, texts, _ = run(ActionHrApproveLeave(), as_user(
        tokens, "manager", "approve Yoon Seo-ah's leave", intent="hr_approve_leave",
        entities=[entity("person", "Yoon Seo-ah")]))
    assert texts[0]["text"].startswith("Which request do you mean?")
    assert slots_set(events) == {"hr_pending_choice": "approve"}
    assert status_of(api, "employee", first["id"]) == "pending"
    _, texts, _ = run(ActionHrFollowup(), as_user(
        tokens, "manager", f"#{first['id']}", intent="inform",
        slots={"hr_pending_choice": "approve"}))
    assert texts[0]["text"].startswith(f"Approved request #{first['id']}")
    assert status_of(api, "employee", first["id"]) == "approved"
    assert status_of(api, "employee", second["id"]) == "pending"


def test_a_bare_number_with_no_open_question_does_nothing(api, tokens):
    created = ask_leave(api, "employee", "annual", *future_span(api, 2)[:2])
    _, texts, _ = run(ActionHrFollowup(), as_user(tokens, "employee", str(created["id"]),
                                                  intent="inform"))
    assert texts[0]["text"].startswith("What would you like to do?")
    assert status_of(api, "employee", created["id"]) == "pending"


# --- directory and policy -------------------------------------------------------------------------


def test_directory_finds_a_misspelt_name_with_work_contacts_only(tokens):
    _, texts, meta = run(ActionHrDirectory(), as_user(
        tokens, "employee", "what's Kang Minho's number?", intent="hr_directory",
        entities=[entity("person", "Kang Minho")]))
    text = texts[0]["text"]
    assert text.startswith("From the staff directory (work contacts):")
    assert "• Kang Min-ho (강민호), store manager, Gangnam, pharmacy: 02-3452-11" in text
    assert "@haneul-pharmacy.example" in text
    assert "2014" not in text and "E0001" not in text  # no hire date, no employee id
    assert meta["gap"] is None


def test_directory_by_branch_and_role_in_korean(tokens):
    _, texts, _ = run(ActionHrDirectory(), as_user(
        tokens, "employee", "부산 서면점 관리약사 연락처", intent="hr_directory",
        entities=[entity("branch", "부산 서면점"), entity("job_role", "관리약사")]))
    lines = texts[0]["text"].splitlines()
    assert lines[0] == "직원 연락처(업무용)에서 찾은 결과입니다:"
    assert len(lines) == 2 and "pharmacist in charge, Busan Seomyeon" in lines[1]
    assert "051-806-16" in lines[1]


@pytest.mark.parametrize("text", ["who is the pharmacist in charge at Jamsil?",
                                  "잠실점 약국장 연락처"])
def test_directory_by_role_read_from_the_question_alone(tokens, text):
    _, texts, _ = run(ActionHrDirectory(), as_user(tokens, "employee", text,
                                                   intent="hr_directory"))
    lines = texts[0]["text"].splitlines()
    assert len(lines) == 2 and "pharmacist in charge, Jamsil" in lines[1]
    assert "02-2143-14" in lines[1]  # the branch's work line, nothing private


def test_directory_without_anything_to_search_asks_and_unknowns_are_a_gap(tokens):
    _, texts, _ = run(ActionHrDirectory(), as_user(tokens, "employee", "find a colleague",
                                                   intent="hr_directory"))
    assert texts[0]["text"].startswith("Who are you looking for?")
    _, texts, meta = run(ActionHrDirectory(), as_user(
        tokens, "employee", "find Zzyzx Qwerty", intent="hr_directory",
        entities=[entity("person", "Zzyzx Qwerty")]))
    assert texts[0]["text"] == "I couldn't find anyone matching that in the staff directory."
    assert meta["gap"] == "not_found"


def test_directory_says_how_many_more_it_did_not_show(tokens):
    _, texts, _ = run(ActionHrDirectory(), as_user(
        tokens, "employee", "cashiers in gangnam", intent="hr_directory",
        entities=[entity("branch", "Gangnam"), entity("job_role", "cashier")]))
    lines = texts[0]["text"].splitlines()
    assert len(lines) == 7  # header, 5 people, "…and 1 more" (the branch has 6 cashiers)
    assert lines[-1].startswith("…and 1 more")


def test_policy_questions_quote_and_cite_the_hr_handbook(tokens):
    _, texts, meta = run(ActionHrPolicy(), as_user(
        tokens, "employee", "how many paid sick days do I get per year?", intent="hr_policy"))
    assert texts[0]["text"].startswith("From the HR handbook, ")
    assert "Source:" in texts[0]["text"]
    assert meta["sources"] and meta["sources"][0]["doc_id"] == "hr-sick-leave"
    assert meta["gap"] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("my grandmother passed away, how many days can I take?",
     "• death of your grandparent: 3 working day(s), to be taken within 30 days"),
    ("경조사 휴가는 며칠이에요?", "• 본인 결혼: 근무일 기준 5일"),
])
def test_family_event_questions_get_the_paid_days_of_the_event(tokens, text, expected):
    _, texts, meta = run(ActionHrPolicy(), as_user(tokens, "employee", text,
                                                   intent="hr_policy"))
    assert expected in texts[0]["text"]
    assert meta["gap"] is None


@pytest.mark.parametrize(("follow_up", "expected"), [
    ("is that taken out of my annual leave?", "No: family event leave (경조휴가) is paid and "
     "separate from annual leave"),
    ("그거 연차에서 차감돼요?", "아니요. 경조휴가는 유급이며 연차와 별도라서"),
])
def test_a_follow_up_about_annual_leave_keeps_the_family_event_topic(tokens, follow_up,
                                                                     expected):
    events, _, _ = run(ActionHrPolicy(), as_user(
        tokens, "employee", "my grandma passed away, how many days can I take off?",
        intent="hr_policy"))
    assert slots_set(events)["hr_topic"] == "family_event"
    _, texts, _ = run(ActionHrPolicy(), as_user(
        tokens, "employee", follow_up, intent="hr_policy", slots={"hr_topic": "family_event"}))
    assert texts[0]["text"].startswith(expected)
    events, texts, _ = run(ActionHrPolicy(), as_user(  # without the topic: the handbook
        tokens, "employee", "how many paid sick days do I get per year?", intent="hr_policy"))
    assert slots_set(events)["hr_topic"] is None and "Source:" in texts[0]["text"]


def test_policy_without_a_confident_passage_does_not_guess(tokens):
    """Below the gateway's one threshold (``answerable`` false), nothing is quoted."""
    _, texts, meta = run(ActionHrPolicy(), as_user(
        tokens, "employee", "zebra quantum flux capacitor", intent="hr_policy"))
    assert texts[0]["text"].startswith("I couldn't find that in the HR handbook")
    assert meta["sources"] == [] and meta["gap"] == "low_confidence"


def test_a_consumer_token_cannot_read_the_hr_handbook_even_on_the_hr_channel(tokens):
    _, texts, meta = run(ActionHrPolicy(), hr_tracker(
        "how does the dental plan work", tokens["customer"], "E0002", intent="hr_policy"))
    assert meta["sources"] == [] and meta["gap"] == "unavailable"
    assert "From the HR handbook" not in texts[0]["text"]
