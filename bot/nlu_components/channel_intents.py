"""Intents that belong to one channel are never predicted on another.

The gateway tells Rasa which channel a message came from (``metadata.channel``: ``consumer``
for the app's chat, ``hr`` for the signed-in employee chat). Consumer flows (medicine and
store questions) are not reachable from the HR chat and HR flows are not reachable from the
consumer chat, so the classifier's view is conditioned on the channel: every intent listed
for another channel is removed from the ranking and the remaining confidences are
renormalised (the probability of each intent given that the message is on this channel).
Without a known channel the ranking is left as it is. Runs after DIET and before the
FallbackClassifier, so a message that fits nothing on its channel still falls back.

Config (``config.yml``)::

    - name: bot.nlu_components.channel_intents.ChannelIntentFilter
      channel_intents:
        consumer: [ask_medicine, ask_store_info]
        hr: ["hr_*", inform]

Intents not listed (greetings, thanks, emergencies, ...) are shared by every channel.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, METADATA
from rasa.shared.nlu.training_data.message import Message


def configured_channel_intents(config_path: Path) -> dict[str, list[str]]:
    """The ``channel_intents`` of this component in a Rasa ``config.yml``."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    return next(c.get("channel_intents") or {} for c in config["pipeline"]
                if c["name"].endswith(ChannelIntentFilter.__name__))


def owning_channel(intent: str, channel_intents: dict[str, list[str]]) -> str | None:
    """The channel an intent belongs to, or None when every channel shares it."""
    for channel, patterns in channel_intents.items():
        if any(fnmatchcase(intent, pattern) for pattern in patterns):
            return channel
    return None


def condition_on_channel(
    ranking: list[dict], channel: str, channel_intents: dict[str, list[str]]
) -> list[dict]:
    """The ranking without other channels' intents, confidences renormalised to sum 1."""
    kept = [r for r in ranking
            if owning_channel(r.get("name") or "", channel_intents) in (None, channel)]
    total = sum(r.get("confidence") or 0.0 for r in kept)
    if total <= 0.0:
        return kept
    return sorted(({**r, "confidence": (r.get("confidence") or 0.0) / total} for r in kept),
                  key=lambda r: r["confidence"], reverse=True)


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class ChannelIntentFilter(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"channel_intents": {}}

    def __init__(self, channel_intents: dict[str, list[str]]) -> None:
        self.channel_intents = {c: list(p) for c, p in channel_intents.items()}

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> ChannelIntentFilter:
        return cls(config.get("channel_intents") or {})

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            metadata = message.get(METADATA) or {}
            channel = metadata.get("channel") if isinstance(metadata, dict) else None
            if channel not in self.channel_intents:
                continue
            ranking = message.get(INTENT_RANKING_KEY) or []
            if not ranking:
                continue
            conditioned = condition_on_channel(ranking, channel, self.channel_intents)
            # nothing left for this channel: no intent, so the FallbackClassifier falls back
            top = conditioned[0] if conditioned else {"name": None, "confidence": 0.0}
            message.set(INTENT_RANKING_KEY, conditioned, add_to_output=True)
            message.set(INTENT, {"name": top["name"], "confidence": top["confidence"]},
                        add_to_output=True)
        return messages
