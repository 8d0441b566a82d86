"""Benefits in the chat: the employee's welfare points, and certificate requests to HR.

A certificate question first gets what the handbook says (a certificate can be downloaded
in the staff app any time), then the offer to ask HR for it: the request read from the
message (``certificate_request``), repeated back in full and filed (``POST
/v1/hr/benefits/requests``) only after an explicit yes, which ``ActionHrFollowup`` hears;
HR staff then see it in their queue in the staff console.
"""

from __future__ import annotations

import json

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.gateway_client import GatewayRefused
from bot.actions.hr.certificate_request import INCOME, read_certificate
from bot.actions.hr.context import Hr, HrAction
from bot.actions.hr.handbook import handbook_answer
from bot.actions.hr.my_requests import answers_yes_to_filing

CONFIRM_CERTIFICATE = "confirm_certificate:"  # hr_pending_choice while "file it?" is open
# What the handbook is asked before the offer: the action knows the topic, whatever the
# wording ("where can I download a 재직증명서?" alone finds no confident passage).
CERTIFICATE_QUESTION = {
    "en": "download a certificate of employment or an income certificate",
    "ko": "재직증명서나 소득 증명서 내려받기",
}
RECENT_POINTS = 3


class ActionHrPoints(HrAction):
    def name(self) -> str:
        return "action_hr_points"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        body = hr.client.get("/v1/hr/benefits/points", {"limit": RECENT_POINTS})
        assert isinstance(body, dict)
        lines = [hr.say("hr_points", year=body["year"], balance=f"{body['balance']:,}",
                        granted=f"{body['granted']:,}", used=f"{body['used']:,}")]
        if body["transactions"]:
            lines.append(hr.say("hr_points_recent"))
            lines += [hr.say("hr_points_line", date=hr.date(t["occurred_on"]),
                             what=t["description"],
                             amount=f"{'+' if t['kind'] == 'grant' else '−'}{t['amount']:,}")
                      for t in body["transactions"]]
        lines.append(hr.say("hr_points_rules"))  # the handbook sets no yearly amount
        dispatcher.utter_message(text="\n".join(lines))
        return []


class ActionHrRequestCertificate(HrAction):
    """"I need an employment certificate for a bank loan" → what will be filed, and "file
    it?" with yes/no buttons."""

    def name(self) -> str:
        return "action_hr_request_certificate"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        body = read_certificate(text, hr.lang)
        handbook = handbook_answer(hr, CERTIFICATE_QUESTION["ko" if hr.lang == "ko" else "en"])
        if handbook:
            dispatcher.utter_message(text=handbook)
        dispatcher.utter_message(
            text="\n".join([hr.say("hr_certificate_confirm"), describe(hr, body)]),
            buttons=[{"title": hr.say("hr_certificate_yes"), "payload": "/affirm"},
                     {"title": hr.say("hr_certificate_no"), "payload": "/deny"}])
        return [SlotSet("hr_pending_choice", CONFIRM_CERTIFICATE + json.dumps(body))]


def confirming_certificate(tracker: Tracker) -> dict | None:
    """The request "file it?" asks about, if that question is open."""
    pending = str(tracker.get_slot("hr_pending_choice") or "")
    if not pending.startswith(CONFIRM_CERTIFICATE):
        return None
    try:
        body = json.loads(pending.removeprefix(CONFIRM_CERTIFICATE))
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def answer_certificate_question(dispatcher: CollectingDispatcher, tracker: Tracker, hr: Hr,
                                body: dict) -> list[EventType]:
    """Yes files the request; anything else files nothing, and says so."""
    if not answers_yes_to_filing(tracker):
        dispatcher.utter_message(text=hr.say("hr_certificate_not_filed"))
        return [SlotSet("hr_pending_choice", None)]
    try:
        filed = hr.client.post("/v1/hr/benefits/requests", body)
        assert isinstance(filed, dict)
    except GatewayRefused as error:
        if error.status_code >= 500:
            raise
        dispatcher.utter_message(text=hr.say("hr_refused", reason=hr.reason(error)))
        hr.gap = error.code or "refused"
        return [SlotSet("hr_pending_choice", None)]
    certificate = filed.get("certificate") or {}
    stored = {**body, **{k: v for k, v in certificate.items() if v is not None},
              "kind": filed["kind"]}
    dispatcher.utter_message(text=hr.say("hr_certificate_filed", id=filed["id"],
                                         what=describe(hr, stored)))
    return [SlotSet("hr_pending_choice", None)]


def describe(hr: Hr, body: dict) -> str:
    """One line: kind, year, language, copies and purpose, as they will be stored."""
    parts = [hr.say("hr_certificate_kind_income" if body["kind"] == INCOME
                    else "hr_certificate_kind_employment")]
    if body["kind"] == INCOME:
        parts.append(hr.say("hr_certificate_year", year=body["year"]) if body.get("year")
                     else hr.say("hr_certificate_latest_year"))
    parts.append(hr.say("hr_certificate_language_en" if body.get("language") == "en"
                        else "hr_certificate_language_ko"))
    parts.append(hr.say("hr_certificate_copies", copies=body.get("copies") or 1))
    if body.get("purpose"):
        parts.append(hr.say("hr_certificate_purpose", purpose=body["purpose"]))
    return "• " + ", ".join(parts)
