"""Deterministic emergency override and language tag for every message.

Runs after the statistical classifiers, so whatever they decided, a message that the
red-flag rules recognise leaves NLU as intent ``emergency`` with confidence 1.0 (and the
FallbackClassifier's ``nlu_fallback`` cannot hide it). NLU's own ``emergency`` intent is the
second net, for phrasings the rules miss. Every message also gets a ``language`` entity
("en" or "ko") that fills the ``language`` slot, which selects response variations.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from safety import detect_red_flag, language_of

EMERGENCY_INTENT = "emergency"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class SafetyNet(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [IntentClassifier]

    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            entities = [e for e in message.get(ENTITIES, []) if e.get("entity") != "language"]
            entities.append({"entity": "language", "value": language_of(text), "start": 0,
                             "end": 0, "extractor": "SafetyNet"})
            message.set(ENTITIES, entities, add_to_output=True)
            flag = detect_red_flag(text)
            if flag is None:
                continue
            override = {"name": EMERGENCY_INTENT, "confidence": 1.0}
            ranking = [r for r in message.get(INTENT_RANKING_KEY, [])
                       if r.get("name") != EMERGENCY_INTENT]
            message.set(INTENT, override, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [override, *ranking], add_to_output=True)
            entities.append({"entity": "red_flag", "value": flag.category, "start": 0,
                             "end": 0, "extractor": "SafetyNet"})
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
