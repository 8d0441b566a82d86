"""Staff changes to the knowledge base, each followed by an atomic index update.

The store write is one transaction; the index update builds a new snapshot beside the old
one (re-embedding only the changed chunks) and swaps it in, so searches during the update
are answered from the old index and, once the call returns, from the new one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import ChatTurn, Feedback
from api.schemas.kb import GapOut
from knowledge_base.documents import Document
from knowledge_base.store import KnowledgeBase, StoredDocument
from retrieval.indexing import BuildReport
from retrieval.service import SearchService


@dataclass
class KbAdmin:
    kb: KnowledgeBase
    search: SearchService

    def publish(self) -> BuildReport:
        # The revision is read before the documents: a snapshot may hold an edit newer than
        # its label (rebuilt again by the next publish) but never lacks one its label claims.
        revision = self.kb.revision()
        return self.search.publish(self.kb.current_documents(), revision)

    def catch_up(self) -> BuildReport | None:
        """Rebuild if the store moved on while no index followed (e.g. after a crash)."""
        snapshot = self.search.snapshot
        if snapshot is not None and snapshot.revision >= self.kb.revision():
            return None
        return self.publish()

    def save(self, document: Document, *, author: str, note: str = "",
             expected_version: int | None = None) -> tuple[StoredDocument, BuildReport]:
        stored = self.kb.save(document, author=author, note=note,
                              expected_version=expected_version)
        return stored, self.publish()

    def delete(self, doc_id: str, *, author: str,
               expected_version: int | None) -> tuple[int, BuildReport]:
        version = self.kb.delete(doc_id, author=author, expected_version=expected_version)
        return version, self.publish()

    def rollback(self, doc_id: str, version: int, *,
                 author: str) -> tuple[StoredDocument, BuildReport]:
        stored = self.kb.rollback(doc_id, version, author=author)
        return stored, self.publish()


def normalise_question(text: str) -> str:
    return " ".join(text.lower().split()).strip(" ?!.。")


def knowledge_gaps(session: Session, limit: int = 20) -> list[GapOut]:
    """Most frequent questions the assistant could not answer or that got a thumbs down."""
    unanswered = session.execute(
        select(ChatTurn.question, ChatTurn.gap_reason, ChatTurn.created_at)
        .where(ChatTurn.gap_reason.is_not(None), ChatTurn.emergency.is_(False))
    ).all()
    disliked = session.execute(
        select(ChatTurn.question, ChatTurn.created_at)
        .join(Feedback, Feedback.turn_id == ChatTurn.id).where(Feedback.rating < 0)
    ).all()
    groups: dict[str, dict] = defaultdict(lambda: {"count": 0, "reasons": set(), "last": None})
    rows = [(q, r, at) for q, r, at in unanswered] + [(q, "thumbs_down", at) for q, at in disliked]
    for question, reason, at in rows:
        group = groups[normalise_question(question)]
        group["count"] += 1
        group["reasons"].add(reason)
        group["last"] = max(filter(None, (group["last"], at)))
        group.setdefault("text", question)
    ranked = sorted(groups.values(), key=lambda g: (-g["count"], g["text"]))[:limit]
    return [GapOut(question=g["text"], count=g["count"], reasons=sorted(g["reasons"]),
                   last_asked=g["last"]) for g in ranked]
