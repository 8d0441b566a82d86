"""A bare answer to an open question, the staff directory and HR handbook answers."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import entity_values
from bot.actions.hr.benefits import answer_certificate_question, confirming_certificate
from bot.actions.hr.context import Hr, HrAction, request_ids
from bot.actions.hr.handbook import handbook_answer
from bot.actions.hr.my_requests import answers_yes_to_cancel, cancel_one, confirming_cancel
from bot.actions.hr.team import decide_one


class ActionHrFollowup(HrAction):
    """An answer on its own: yes or no to "cancel this request?" or to "shall I ask HR for
    this certificate?", or the request number for an open cancel/approve/decline question."""

    def name(self) -> str:
        return "action_hr_followup"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        open_question = tracker.get_slot("hr_pending_choice")
        certificate = confirming_certificate(tracker)
        if certificate is not None:
            return answer_certificate_question(dispatcher, tracker, hr, certificate)
        pending = confirming_cancel(tracker)
        if pending is not None:
            if answers_yes_to_cancel(tracker):
                cancel_one(dispatcher, hr, pending)
            else:
                dispatcher.utter_message(text=hr.say("hr_cancel_kept", id=pending))
            return [SlotSet("hr_pending_choice", None)]
        ids = request_ids(tracker)
        if not ids:
            text = tracker.latest_message.get("text") or ""
            ids = [int(n) for n in re.findall(r"(?<!\d)(\d{1,7})(?!\d)", text)][:5]
        if open_question in ("cancel", "approve", "decline") and ids:
            for request_id in ids:
                if open_question == "cancel":
                    cancel_one(dispatcher, hr, request_id)
                else:
                    decide_one(dispatcher, hr, request_id, open_question == "approve")
            return [SlotSet("hr_pending_choice", None)]
        dispatcher.utter_message(text=hr.say("hr_help"))
        return []


class ActionHrDirectory(HrAction):
    def name(self) -> str:
        return "action_hr_directory"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        # the gateway reads the branch, role and department the question names; a name
        # the NLU found is searched as a name
        text = tracker.latest_message.get("text") or ""
        params: dict[str, str | int] = {"limit": 20}
        if text and not text.startswith("/"):
            params["question"] = text[:200]
        names = entity_values(tracker, "person")
        if names:
            params["q"] = names[0][:60]
        body = hr.client.get("/v1/hr/directory", params)
        if "q" not in params and not body.get("filters"):
            dispatcher.utter_message(text=hr.say("hr_directory_ask"))
            return []
        results = body["results"]
        if not results:
            dispatcher.utter_message(text=hr.say("hr_directory_none"))
            hr.gap = "not_found"
            return []
        shown = results[:5]
        lines = [hr.say("hr_directory_header")]
        lines += [hr.say("hr_directory_line", name_en=p["name_en"], name_ko=p["name_ko"],
                         role=p["job_role"], branch=p["branch"], department=p["department"],
                         phone=p["work_phone"], email=p["work_email"]) for p in shown]
        if len(results) > len(shown):
            lines.append(hr.say("hr_directory_more", count=len(results) - len(shown)))
        dispatcher.utter_message(text="\n".join(lines))
        return []


class ActionHrPolicy(HrAction):
    """HR handbook answers: the best passage, quoted and cited; never a guess. A question
    about family event leave also gets the paid days of the event it names (or of every
    event), from the gateway's table of the handbook's family events."""

    def name(self) -> str:
        return "action_hr_policy"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        message = tracker.latest_message.get("text") or ""
        if tracker.get_slot("hr_topic") == "family_event" and asks_about_annual_leave(message):
            # "is that taken out of my annual leave?" right after family event leave
            dispatcher.utter_message(text=hr.say("hr_event_separate"))
            return [SlotSet("hr_topic", "family_event")]
        event_lines = family_event_lines(hr, message)
        if event_lines:
            dispatcher.utter_message(text="\n".join(event_lines))
        topic = SlotSet("hr_topic", "family_event" if event_lines else None)
        answer = handbook_answer(hr, message)
        if answer is None:
            if not event_lines:
                dispatcher.utter_message(text=hr.say("hr_policy_not_found"))
                hr.gap = "low_confidence"
            return [topic]
        dispatcher.utter_message(text=answer)
        return [topic]


# A follow-up about annual leave: "is that taken out of my annual leave?", "연차에서 빠져요?"
_ANNUAL = re.compile(r"annual|vacation days|holiday allowance|연차", re.IGNORECASE)
_DEDUCTED = re.compile(r"out of|deduct|against|come from|taken from|use up|uses? my|count|"
                       r"빠지|빠져|차감|까이|까여|포함|쓰이|사용|깎", re.IGNORECASE)


def asks_about_annual_leave(message: str) -> bool:
    return bool(_ANNUAL.search(message) and _DEDUCTED.search(message))


def family_event_lines(hr: Hr, message: str) -> list[str]:
    """The paid days of the family event the message is about ("my grandmother passed
    away, how many days can I take?"), or of every event ("경조사 휴가는 며칠이에요?");
    nothing when the message is not about family event leave."""
    if not message or message.startswith("/"):
        return []
    reading = hr.read_leave(message)
    if reading.get("leave_type") != "family_event":
        return []
    events = hr.client.get("/v1/hr/leave/family-events")["events"]
    label = "label_ko" if hr.lang == "ko" else "label_en"
    named = [e for e in events if e["event"] == reading.get("event")]
    lines = [hr.say("hr_event_days", event=e[label], days=hr.days(e["days"]),
                    within=e["within_days"]) for e in named or events]
    return [hr.say("hr_event_intro"), *lines, hr.say("hr_event_how")]
