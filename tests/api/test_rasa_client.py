"""The gateway's Rasa client: a bounded number of messages in flight, a hard deadline, and
no message sent once its deadline has passed while waiting for a slot."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from api.services.rasa_client import RasaClient, RasaUnavailable


class SlowRasa:
    """A Rasa that holds every message until the test releases it."""

    def __init__(self) -> None:
        self.received: list[str] = []
        self.release = asyncio.Event()

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.received.append(request.content.decode())
        await self.release.wait()
        return httpx.Response(200, json={"messages": [{"text": "hello"}]})


def test_over_the_limit_messages_are_never_sent_and_slots_free_when_rasa_answers():
    async def scenario() -> None:
        rasa = SlowRasa()
        client = RasaClient("http://rasa", timeout_seconds=0.2, max_in_flight=1,
                            transport=httpx.MockTransport(rasa))
        outcomes = await asyncio.gather(
            *(client.send(f"s{i}", "hi", {}) for i in range(3)), return_exceptions=True)
        assert all(isinstance(o, RasaUnavailable) for o in outcomes)
        assert len(rasa.received) == 1  # the two that found no free slot were never sent
        # The abandoned message still occupies Rasa: no slot until Rasa has answered it.
        with pytest.raises(RasaUnavailable, match="busy"):
            await client.send("s3", "hi", {})
        assert len(rasa.received) == 1
        rasa.release.set()
        turn = await client.send("s4", "hi", {})
        assert turn.texts == [{"text": "hello", "buttons": None}]
        assert len(rasa.received) == 2
        await client.aclose()

    asyncio.run(scenario())


def test_a_rasa_that_is_not_listening_fails_fast():
    async def scenario() -> None:
        def refuse(request: httpx.Request) -> httpx.Response:
            raise httpx.ConnectError("connection refused", request=request)

        client = RasaClient("http://rasa", timeout_seconds=1.5,
                            transport=httpx.MockTransport(refuse))
        with pytest.raises(RasaUnavailable, match="ConnectError"):
            await client.send("s", "hi", {})
        await client.aclose()

    asyncio.run(scenario())
