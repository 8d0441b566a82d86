"""The channel filter: an intent of one channel is never predicted on another."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu_components.channel_intents import (
    ChannelIntentFilter,
    condition_on_channel,
    configured_channel_intents,
    owning_channel,
)

BOT = Path(__file__).resolve().parents[1]
CHANNEL_INTENTS = configured_channel_intents(BOT / "config.yml")


def domain_intents(name: str) -> list[str]:
    return yaml.safe_load((BOT / "domain" / name).read_text(encoding="utf-8"))["intents"]


@pytest.mark.parametrize(("domain_file", "channel"),
                         [("consumer.yml", "consumer"), ("hr.yml", "hr"), ("shared.yml", None)])
def test_the_filter_config_matches_the_domain_files(domain_file, channel):
    assert {owning_channel(i, CHANNEL_INTENTS) for i in domain_intents(domain_file)} == {channel}


RANKING = [
    {"name": "hr_leave_balance", "confidence": 0.6},
    {"name": "ask_medicine", "confidence": 0.3},
    {"name": "greet", "confidence": 0.1},
]


def test_the_consumer_chat_never_gets_an_hr_intent_and_confidences_are_renormalised():
    ranking = condition_on_channel(RANKING, "consumer", CHANNEL_INTENTS)
    assert [r["name"] for r in ranking] == ["ask_medicine", "greet"]
    assert [round(r["confidence"], 3) for r in ranking] == [0.75, 0.25]


def test_the_hr_chat_never_gets_a_consumer_intent():
    ranking = condition_on_channel(RANKING, "hr", CHANNEL_INTENTS)
    assert [r["name"] for r in ranking] == ["hr_leave_balance", "greet"]
    assert ranking[0]["confidence"] == pytest.approx(0.6 / 0.7)


def parsed(channel: str | None, ranking: list[dict]) -> Message:
    message = Message(data={TEXT: "i left my inhaler in the car",
                            "metadata": {"channel": channel} if channel else {}})
    message.set(INTENT, dict(ranking[0]) if ranking else None)
    message.set(INTENT_RANKING_KEY, [dict(r) for r in ranking])
    return ChannelIntentFilter(CHANNEL_INTENTS).process([message])[0]


def test_the_component_sets_the_best_intent_of_the_channel():
    message = parsed("consumer", RANKING)
    assert message.get(INTENT)["name"] == "ask_medicine"
    assert message.get(INTENT)["confidence"] == pytest.approx(0.75)


def test_without_a_known_channel_nothing_changes():
    for channel in (None, "telegram"):
        message = parsed(channel, RANKING)
        assert message.get(INTENT)["name"] == "hr_leave_balance"
        assert len(message.get(INTENT_RANKING_KEY)) == 3


def test_nothing_left_on_the_channel_means_no_intent():
    message = parsed("hr", [{"name": "ask_store_info", "confidence": 1.0}])
    assert message.get(INTENT) == {"name": None, "confidence": 0.0}
    assert message.get(INTENT_RANKING_KEY) == []
