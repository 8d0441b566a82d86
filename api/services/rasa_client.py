"""Talks to the Rasa server's gateway channel over HTTP, with a hard deadline."""

from __future__ import annotations

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
    def __init__(self, base_url: str, timeout_seconds: float) -> None:
        self._client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout_seconds, connect=min(0.5, timeout_seconds)),
        )

    async def send(self, sender: str, message: str, metadata: dict) -> BotTurn:
        try:
            response = await self._client.post(
                CHANNEL_PATH, json={"sender": sender, "message": message, "metadata": metadata}
            )
            response.raise_for_status()
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailable(f"Rasa did not answer: {exc.__class__.__name__}") from exc
        turn = BotTurn(intent=body.get("intent"), slots=body.get("slots") or {})
        for message in body.get("messages", []):
            if "custom" in message and isinstance(message["custom"], dict):
                turn.payloads.append(message["custom"])
            if message.get("text"):
                turn.texts.append({"text": message["text"], "buttons": message.get("buttons")})
        return turn

    async def ready(self) -> bool:
        try:
            response = await self._client.get("/webhooks/gateway/", timeout=1.0)
            return response.status_code == 200
        except httpx.HTTPError:
            return False

    async def aclose(self) -> None:
        await self._client.aclose()
