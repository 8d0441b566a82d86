"""The ``language`` and ``channel`` entities of every message, from what the gateway sent.

The gateway decides a message's language once (``safety.language_of``) and knows its
channel (the consumer app or the employees' HR chat); it sends both in the message's
metadata. This component copies them into entities, which fill the ``language`` and
``channel`` slots that select the response variations. A message without that metadata
(``rasa shell``, an NLU evaluation) gets no tags, and the defaults (English, the consumer
wording) apply.

The gateway's emergency check answers every message before the dialogue sees it, so there
is no emergency override here; NLU's own ``emergency`` intent is the dialogue's second net.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

# entity (= metadata key) -> the values it may take
TAGS: dict[str, tuple[str, ...]] = {"language": ("en", "ko"), "channel": ("consumer", "hr")}


def sent_tags(message: Message) -> dict[str, str]:
    """The known tags in the message's metadata (an unknown value is left out)."""
    metadata = message.get("metadata")
    if not isinstance(metadata, dict):
        return {}
    return {tag: metadata[tag] for tag, values in TAGS.items() if metadata.get(tag) in values}


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class GatewayTags(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(
        cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
        execution_context: ExecutionContext,
    ) -> GatewayTags:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = [e for e in message.get(ENTITIES, []) if e.get("entity") not in TAGS]
            entities.extend({"entity": tag, "value": value, "start": 0, "end": 0,
                             "extractor": type(self).__name__}
                            for tag, value in sent_tags(message).items())
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
