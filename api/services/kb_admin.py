"""Staff changes to the knowledge base, each followed by an atomic index update.

The store write is one transaction; the index update builds a new snapshot beside the old
one (re-embedding only the changed chunks) and swaps it in, so searches during the update
are answered from the old index and, once the call returns, from the new one.

Translations (``translation_links``): a chain document ``X-ko`` is the Korean translation of
``X`` (``knowledge_base.documents``). The staff views show each one's language, its pair and
whether it is older than its pair (``stale_translation``). "Older" compares ``updated_at``:
when the document's current version was written, by a staff edit, a rollback, a delete or
an import that changed it (an import that finds the file unchanged writes nothing). An
import writes the two documents of a pair milliseconds apart, so a pair written within
``STALE_GRACE`` of each other counts as changed together. ``effective_date`` is not used: a
section edit keeps it, and it says from when a policy applies, not when its text changed.
Creating or replacing a translation needs its original, and takes the original's section
keys (``translation_for_save``), as the loader does for ``*.ko.md`` files.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from api.models import ChatTurn, Feedback
from api.schemas.kb import GapOut
from knowledge_base.documents import Document, original_id, translation_id
from knowledge_base.markdown_docs import align_translation
from knowledge_base.store import DocumentNotFound, DocumentSummary, KnowledgeBase, StoredDocument
from retrieval.indexing import BuildReport
from retrieval.service import SearchService

log = logging.getLogger(__name__)


@dataclass
class KbAdmin:
    kb: KnowledgeBase
    search: SearchService

    def publish(self) -> BuildReport:
        # The revision is read before the documents: a snapshot may hold an edit newer than
        # its label (rebuilt again by the next publish) but never lacks one its label claims.
        revision = self.kb.revision()
        return self.search.publish(self.kb.current_documents(), revision)

    def warm_up(self) -> None:
        """Read every current document and chunk it into the index's update caches (run in
        the background at start-up: the first edit then takes as long as any other)."""
        try:
            chunks = self.search.prepare_updates(self.kb.current_documents())
        except Exception:  # a warm-up that fails costs the first edit time, nothing else
            log.exception("warming the index-update caches failed")
            return
        log.info("index-update caches ready: %d chunks", len(chunks))

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


STALE_GRACE = timedelta(minutes=1)


@dataclass(frozen=True)
class TranslationLinks:
    """A chain document's language and its pair (see the module docstring)."""

    language: str
    translation_of: str | None = None
    translations: list[str] = field(default_factory=list)  # its live pairs' ids
    stale_translation: bool = False


def translation_links(rows: Iterable[DocumentSummary]) -> dict[str, TranslationLinks]:
    """Links of each chain document among ``rows`` (leaflets have none); a pair counts only
    while it is live (not deleted)."""
    chain = [r for r in rows if r.kind != "leaflet"]
    live = {r.doc_id: r for r in chain if not r.deleted}
    links: dict[str, TranslationLinks] = {}
    for row in chain:
        original = original_id(row.doc_id)
        pair_id = original if original is not None else translation_id(row.doc_id)
        pair = live.get(pair_id)
        stale = (pair is not None and not row.deleted
                 and pair.updated_at - row.updated_at > STALE_GRACE)
        links[row.doc_id] = TranslationLinks(
            language="ko" if original is not None else "en", translation_of=original,
            translations=[pair_id] if pair is not None else [], stale_translation=stale)
    return links


def links_for(kb: KnowledgeBase, document: Document) -> TranslationLinks | None:
    """``document``'s translation links (None for a leaflet)."""
    if document.kind == "leaflet":
        return None
    rows = kb.list_documents(kind=document.kind, include_deleted=True)
    return translation_links(rows).get(document.doc_id) or TranslationLinks(
        language=document.language, translation_of=document.translation_of)


def translation_for_save(kb: KnowledgeBase, document: Document) -> Document:
    """``document`` as a translation is saved: with its original's section keys, in order.
    An original (or a leaflet) is returned as it is. ValueError when the original is missing
    (or deleted) or the two do not line up (``align_translation``)."""
    original = document.translation_of
    if original is None:
        return document
    try:
        stored = kb.get(original)
    except DocumentNotFound:
        stored = None
    if stored is None or stored.deleted:
        raise ValueError(f"{document.doc_id} is the Korean translation of {original} (its id "
                         f"ends in -ko), and there is no live document {original}")
    return align_translation(document, stored.document)


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
