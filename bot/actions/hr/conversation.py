"""A bare answer to an open question, the staff directory and HR handbook answers."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.common import entity_values
from bot.actions.config import get_config
from bot.actions.hr.context import HR_HANDBOOK, Hr, HrAction, request_ids
from bot.actions.hr.my_requests import cancel_one
from bot.actions.hr.team import decide_one
from replies import quote


class ActionHrFollowup(HrAction):
    """An answer on its own: the request number for an open cancel/approve/decline question."""

    def name(self) -> str:
        return "action_hr_followup"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        open_question = tracker.get_slot("hr_pending_choice")
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
        params = {}
        for entity, param in (("person", "q"), ("branch", "branch"),
                              ("department", "department"), ("job_role", "role")):
            values = entity_values(tracker, entity)
            if values:
                params[param] = values[0][:60]
        if not params:
            dispatcher.utter_message(text=hr.say("hr_directory_ask"))
            return []
        params["limit"] = 20
        body = hr.client.get("/v1/hr/directory", params)
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
    """HR handbook answers: the best passage, quoted and cited; never a guess."""

    def name(self) -> str:
        return "action_hr_policy"

    def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
            hr: Hr) -> list[EventType]:
        message = tracker.latest_message.get("text") or ""
        result = hr.client.search(message, k=3, audience="employee", kinds=HR_HANDBOOK)
        hits = [h for h in result.hits if h.get("kind", "hr_handbook") == "hr_handbook"]
        if not hits or result.confidence < get_config().min_confidence:
            dispatcher.utter_message(text=hr.say("hr_policy_not_found"))
            hr.gap = "low_confidence"
            return []
        best = hits[0]
        intro = hr.say("hr_policy_intro", title=best["title"], section=best["section_title"])
        source = hr.say("source", title=best["title"], section=best["section_title"])
        dispatcher.utter_message(text=f"{intro}\n“{quote(best['text'])}”\n{source}")
        hr.sources = [best]
        return []
