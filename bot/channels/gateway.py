"""The channel the FastAPI gateway talks to: REST plus what the gateway needs to know.

Like Rasa's REST channel, but one response carries the bot's messages AND the parsed intent
and the slots after the turn, so the gateway needs no second call. Metadata (channel,
language, verified employee id) is set by the gateway and stored with the user message.
"""

from __future__ import annotations

import logging
from asyncio import CancelledError
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

log = logging.getLogger(__name__)
PUBLIC_SLOTS = ("medicine", "medicine_generic", "topic", "language", "channel")


class GatewayInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "gateway"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        hook = Blueprint("gateway_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            agent = getattr(request.app.ctx, "agent", None)
            ready = bool(agent and agent.is_ready())
            return response.json({"status": "ok" if ready else "loading"},
                                 status=200 if ready else 503)

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            body = request.json or {}
            sender, text = body.get("sender"), body.get("message")
            if not isinstance(sender, str) or not isinstance(text, str):
                return response.json({"error": "sender and message must be strings"}, 400)
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender,
                                                 input_channel=self.name(), metadata=metadata))
            except CancelledError:
                log.error("message handling was cancelled for %s", sender)
            tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
            intent, slots = None, {}
            if tracker is not None:
                parsed = tracker.latest_message.intent or {}
                if parsed.get("name"):
                    intent = {"name": parsed["name"],
                              "confidence": float(parsed.get("confidence") or 0.0)}
                slots = {name: tracker.get_slot(name) for name in PUBLIC_SLOTS
                         if name in tracker.slots}
            return response.json({"messages": collector.messages, "intent": intent,
                                  "slots": slots})

        return hook
