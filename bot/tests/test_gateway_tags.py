"""The gateway's tags: the language and channel it sent become entities."""

from __future__ import annotations

from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_components.gateway_tags import GatewayTags


def tagged(text: str, metadata: object, entities: list[dict] | None = None) -> list[dict]:
    data = {TEXT: text, "metadata": metadata, ENTITIES: entities or []}
    [message] = GatewayTags().process([Message(data=data)])
    return message.get(ENTITIES)


def tags(entities: list[dict]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for entity in entities:
        if entity["entity"] in ("language", "channel"):
            found.setdefault(entity["entity"], []).append(entity["value"])
    return found


def test_the_gateways_language_and_channel_become_entities():
    assert tags(tagged("타이레놀 몇 알 먹어요?", {"language": "ko", "channel": "consumer"})) == {
        "language": ["ko"], "channel": ["consumer"]}
    assert tags(tagged("my leave balance", {"language": "en", "channel": "hr",
                                            "employee_id": "E1"})) == {
        "language": ["en"], "channel": ["hr"]}


def test_they_replace_what_another_extractor_guessed_and_keep_the_rest():
    entities = tagged("tylenol 몇 알", {"language": "ko"},
                      [{"entity": "language", "value": "en"},
                       {"entity": "channel", "value": "hr"},
                       {"entity": "medicine", "value": "tylenol"}])
    assert tags(entities) == {"language": ["ko"]}
    assert {"entity": "medicine", "value": "tylenol"} in entities


def test_without_known_values_there_are_no_tags():
    for metadata in (None, {}, {"language": "fr", "channel": "web"}, {"language": 3}, ["ko"]):
        assert tags(tagged("hello", metadata)) == {}
