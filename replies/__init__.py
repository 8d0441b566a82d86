"""Reply wording shared by the Rasa action server and the gateway (standard library only).

Both processes answer medicine questions the same way: quote the leaflet, cite it, point
to the pharmacist. Keeping the wording here means the gateway's retrieval-only fallback
reads exactly like the bot.
"""

from replies.answers import (
    choose_passages,
    compose_leaflet_answer,
    not_covered_message,
    not_sure_message,
    retrieval_only_note,
    unavailable_message,
)
from replies.quotes import quote

__all__ = [
    "choose_passages", "compose_leaflet_answer", "not_covered_message", "not_sure_message", "quote",
    "retrieval_only_note", "unavailable_message",
]
