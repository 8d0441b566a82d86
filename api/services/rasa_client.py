"""Talks to the Rasa server's gateway channel over HTTP, with a hard deadline and a bounded
number of messages in flight.

Rasa handles messages essentially one after another, and a message the gateway gave up on is
still processed. Without a bound, a burst larger than Rasa's capacity builds a backlog of
abandoned messages that makes every later message late too. So at most ``max_in_flight``
messages are inside Rasa at any time — a slot is freed when Rasa actually answers, not when
the gateway stops waiting — and a message that cannot get a slot before its deadline is
never sent: the caller degrades at once (a leaflet answer or an apology).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import httpx

CHANNEL_PATH = "/webhooks/gateway/webhook"


class RasaUnavailable(RuntimeError):
    """Rasa (or the action server behind it) did not answer in time."""


@dataclass
class BotTurn:
    texts: list[dict] = field(default_factory=list)  # {"text", "buttons"?}
    payloads: list[dict] = field(default_factory=list)  # the actions' custom payloads
    intent: dict | None = None
    slots: dict = field(default_factory=dict)


class RasaClient:
    def __init__(self, base_url: str, timeout_seconds: float, max_in_flight: int = 3,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        # The caller's deadline is enforced below; httpx only bounds a message Rasa never
        # answers (and fails fast when nothing listens).
        self._client = httpx.AsyncClient(
            base_url=base_url, transport=transport,
            timeout=httpx.Timeout(30.0, connect=min(0.5, timeout_seconds)),
        )
        self._deadline = timeout_seconds
        self._slots = asyncio.Semaphore(max_in_flight)
        self._in_flight: set[asyncio.Task] = set()

    async def send(self, sender: str, message: str, metadata: dict) -> BotTurn:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._deadline
        try:
            await asyncio.wait_for(self._slots.acquire(), self._deadline)
        except TimeoutError as exc:
            raise RasaUnavailable("Rasa is busy: no free slot before the deadline") from exc
        task = asyncio.ensure_future(self._post(
            {"sender": sender, "message": message, "metadata": metadata}))
        self._in_flight.add(task)
        task.add_done_callback(self._in_flight.discard)
        try:
            response = await asyncio.wait_for(asyncio.shield(task),
                                              max(0.0, deadline - loop.time()))
            response.raise_for_status()
            body = response.json()
        except TimeoutError as exc:
            raise RasaUnavailable("Rasa did not answer before the deadline") from exc
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailable(f"Rasa did not answer: {exc.__class__.__name__}") from exc
        turn = BotTurn(intent=body.get("intent"), slots=body.get("slots") or {})
        for reply in body.get("messages", []):
            if "custom" in reply and isinstance(reply["custom"], dict):
                turn.payloads.append(reply["custom"])
            if reply.get("text"):
                turn.texts.append({"text": reply["text"], "buttons": reply.get("buttons")})
        return turn

    async def _post(self, payload: dict) -> httpx.Response:
        """One message to Rasa; its slot is freed only when Rasa has finished with it."""
        try:
            return await self._client.post(CHANNEL_PATH, json=payload)
        finally:
            self._slots.release()

    async def ready(self) -> bool:
        try:
            response = await self._client.get("/webhooks/gateway/", timeout=1.0)
            return response.status_code == 200
        except httpx.HTTPError:
            return False

    async def aclose(self) -> None:
        for task in list(self._in_flight):
            task.cancel()
        await self._client.aclose()
