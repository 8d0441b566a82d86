"""The knowledge-base store: every change is a new version, audited, in one transaction.

Staff edits, deletions and rollbacks, and importer runs, all go through ``KnowledgeBase``.
A save names the version it was based on; if someone saved in between, the save is refused
with ``EditConflict`` carrying the other change, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from core.database import run_transaction, transaction
from knowledge_base.documents import Audience, Document, DocumentKind, Section
from knowledge_base.tables import (
    AuditRow,
    DocumentRow,
    RevisionRow,
    SectionRow,
    VersionRow,
    utcnow,
)


class DocumentNotFound(LookupError):
    pass


class VersionNotFound(LookupError):
    pass


@dataclass(frozen=True)
class StoredDocument:
    document: Document
    version: int
    deleted: bool
    author: str
    saved_at: datetime


class EditConflict(Exception):
    def __init__(self, expected: int, current: StoredDocument) -> None:
        super().__init__(
            f"document {current.document.doc_id} is at version {current.version}, "
            f"not {expected}: someone saved in between"
        )
        self.expected = expected
        self.current = current


@dataclass(frozen=True)
class VersionInfo:
    doc_id: str
    version: int
    author: str
    note: str
    created_at: datetime
    deleted: bool
    content_hash: str


@dataclass(frozen=True)
class DocumentSummary:
    doc_id: str
    kind: str
    audience: str
    title: str
    version: int
    deleted: bool
    updated_at: datetime
    generic_names: tuple[str, ...]
    brand_names: tuple[str, ...]


@dataclass(frozen=True)
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


def _to_document(row: VersionRow) -> Document:
    # the row's kind and audience were written from a (validated) Document
    return Document(
        doc_id=row.doc_id,
        kind=cast(DocumentKind, row.kind),
        title=row.title,
        audience=cast(Audience, row.audience),
        generic_names=tuple(row.generic_names),
        brand_names=tuple(row.brand_names),
        sections=tuple(Section(key=s.key, title=s.title, text=s.text) for s in row.sections),
        source=row.source,
        effective_date=row.effective_date,
        product_type=row.product_type,
    )


def _stored(row: VersionRow) -> StoredDocument:
    return StoredDocument(_to_document(row), row.version, row.deleted, row.author, row.created_at)


# version rows read per query when catching up (well under SQLite's bound-parameter limit)
_READ_BATCH = 500


class KnowledgeBase:
    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._sessions = session_factory
        # (version row id, content hash) -> its document; see current_documents
        self._read_versions: dict[tuple[int, str], Document] = {}

    # ---- reading -------------------------------------------------------------------
    def revision(self) -> int:
        with self._sessions() as session:
            row = session.get(RevisionRow, 1)
            return row.revision if row else 0

    def get(self, doc_id: str, version: int | None = None) -> StoredDocument:
        with self._sessions() as session:
            return _stored(self._version_row(session, doc_id, version))

    def current_documents(self) -> list[Document]:
        """Every live document at its current version (what the indexes serve), by id.

        A version row never changes once written, so the documents read before are kept
        (keyed by the row's id and content hash) and only versions not seen yet are read:
        the index update after one staff edit reads one document, not thousands."""
        with self._sessions() as session:
            current = session.execute(
                select(VersionRow.id, VersionRow.content_hash)
                .join(DocumentRow, DocumentRow.doc_id == VersionRow.doc_id)
                .where(
                    VersionRow.version == DocumentRow.current_version,
                    DocumentRow.deleted.is_(False),
                )
                .order_by(VersionRow.doc_id)
            ).all()
            known = self._read_versions
            missing = [row_id for row_id, digest in current if (row_id, digest) not in known]
            fresh: dict[int, Document] = {}
            for start in range(0, len(missing), _READ_BATCH):
                rows = session.scalars(
                    select(VersionRow).where(VersionRow.id.in_(missing[start:start + _READ_BATCH]))
                    .options(selectinload(VersionRow.sections))
                ).all()
                fresh.update((r.id, _to_document(r)) for r in rows)
        documents: dict[tuple[int, str], Document] = {}
        for row_id, digest in current:
            document = fresh.get(row_id) or known.get((row_id, digest))
            if document is not None:  # (a row gone between the two reads is left out)
                documents[(row_id, digest)] = document
        self._read_versions = documents  # only current versions stay cached
        return list(documents.values())

    def list_documents(
        self, *, audience: str | None = None, kind: str | None = None,
        include_deleted: bool = False,
    ) -> list[DocumentSummary]:
        with self._sessions() as session:
            query = select(DocumentRow, VersionRow).join(
                VersionRow,
                (VersionRow.doc_id == DocumentRow.doc_id)
                & (VersionRow.version == DocumentRow.current_version),
            )
            if audience:
                query = query.where(DocumentRow.audience == audience)
            if kind:
                query = query.where(DocumentRow.kind == kind)
            if not include_deleted:
                query = query.where(DocumentRow.deleted.is_(False))
            return [
                DocumentSummary(
                    doc.doc_id, doc.kind, doc.audience, doc.title, doc.current_version,
                    doc.deleted, doc.updated_at, tuple(ver.generic_names),
                    tuple(ver.brand_names),
                )
                for doc, ver in session.execute(query.order_by(DocumentRow.doc_id))
            ]

    def versions(self, doc_id: str) -> list[VersionInfo]:
        with self._sessions() as session:
            rows = session.scalars(
                select(VersionRow).where(VersionRow.doc_id == doc_id).order_by(VersionRow.version)
            ).all()
            if not rows:
                raise DocumentNotFound(doc_id)
            return [
                VersionInfo(r.doc_id, r.version, r.author, r.note, r.created_at, r.deleted,
                            r.content_hash)
                for r in rows
            ]

    def audit_log(self, doc_id: str | None = None, limit: int = 100) -> list[AuditRow]:
        with self._sessions() as session:
            query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
            if doc_id:
                query = query.where(AuditRow.doc_id == doc_id)
            return list(session.scalars(query).all())

    # ---- writing -------------------------------------------------------------------
    def advance_revision(self, at_least: int) -> int:
        """Raise the revision counter to ``at_least`` if it is lower (never lowers it); the
        revision now. For a store that starts from an index snapshot built elsewhere: the
        snapshots this store publishes must carry later revisions than that one."""
        def work(session: Session) -> int:
            counter = session.get(RevisionRow, 1, with_for_update=True)
            if counter is None:
                counter = RevisionRow(id=1, revision=0)
                session.add(counter)
            counter.revision = max(counter.revision, at_least)
            return counter.revision

        return run_transaction(self._sessions, work)

    def save(
        self, document: Document, *, author: str, note: str = "",
        expected_version: int | None = None,
    ) -> StoredDocument:
        """Create or update a document; ``expected_version`` guards against lost updates."""

        def work(session: Session) -> StoredDocument:
            row = session.get(DocumentRow, document.doc_id, with_for_update=True)
            if expected_version is not None and row is None and expected_version != 0:
                raise DocumentNotFound(document.doc_id)
            if expected_version is not None and row and row.current_version != expected_version:
                current = self._version_row(session, document.doc_id, None)
                raise EditConflict(expected_version, _stored(current))
            version = self._write_version(session, row, document, author, note, deleted=False)
            self._audit(session, author, "update" if row else "create", document.doc_id,
                        version.version, note)
            return _stored(version)

        return run_transaction(self._sessions, work)

    def delete(self, doc_id: str, *, author: str, expected_version: int | None = None) -> int:
        def work(session: Session) -> int:
            row = session.get(DocumentRow, doc_id, with_for_update=True)
            if row is None or row.deleted:
                raise DocumentNotFound(doc_id)
            current = self._version_row(session, doc_id, None)
            if expected_version is not None and row.current_version != expected_version:
                raise EditConflict(expected_version, _stored(current))
            version = self._write_version(
                session, row, _to_document(current), author, "deleted", deleted=True
            )
            self._audit(session, author, "delete", doc_id, version.version, "")
            return version.version

        return run_transaction(self._sessions, work)

    def rollback(self, doc_id: str, to_version: int, *, author: str) -> StoredDocument:
        """Restore an earlier version's content as a new version (history is kept)."""

        def work(session: Session) -> StoredDocument:
            row = session.get(DocumentRow, doc_id, with_for_update=True)
            if row is None:
                raise DocumentNotFound(doc_id)
            target = self._version_row(session, doc_id, to_version)
            version = self._write_version(
                session, row, _to_document(target), author,
                f"rollback to version {to_version}", deleted=target.deleted,
            )
            self._audit(session, author, "rollback", doc_id, version.version,
                        f"restored version {to_version}")
            return _stored(version)

        return run_transaction(self._sessions, work)

    def import_documents(
        self, documents: Iterable[tuple[str, Document]], *, origins: set[str], author: str
    ) -> ImportResult:
        """Bring importer output in, all or nothing.

        ``documents`` pairs each document with its origin. A record whose content equals
        what was last imported is skipped, so a staff edit survives re-imports until the
        source itself changes. Documents last written by an importer of one of ``origins``
        that the source no longer holds are deleted.
        """
        created = updated = unchanged = removed = 0
        seen: set[str] = set()
        with transaction(self._sessions) as session:
            for origin, document in documents:
                seen.add(document.doc_id)
                digest = document.content_hash()
                row = session.get(DocumentRow, document.doc_id)
                if row is not None and row.import_hash == digest and not row.deleted:
                    unchanged += 1
                    continue
                self._write_version(session, row, document, author, f"imported from {origin}",
                                    deleted=False, origin=origin, import_hash=digest)
                self._audit(session, author, "import", document.doc_id, None, origin)
                created, updated = (created + 1, updated) if row is None else (created, updated + 1)
            stale = session.scalars(
                select(DocumentRow).where(
                    DocumentRow.origin.in_(origins), DocumentRow.deleted.is_(False)
                )
            ).all()
            for row in stale:
                current = self._version_row(session, row.doc_id, None)
                if row.doc_id not in seen and current.author == author:
                    self._write_version(session, row, _to_document(current), author,
                                        "removed from source", deleted=True)
                    self._audit(session, author, "delete", row.doc_id, None, "removed from source")
                    removed += 1
        return ImportResult(created, updated, unchanged, removed)

    # ---- internals -----------------------------------------------------------------
    @staticmethod
    def _version_row(session: Session, doc_id: str, version: int | None) -> VersionRow:
        doc = session.get(DocumentRow, doc_id)
        if doc is None:
            raise DocumentNotFound(doc_id)
        number = doc.current_version if version is None else version
        row = session.scalars(
            select(VersionRow)
            .where(VersionRow.doc_id == doc_id, VersionRow.version == number)
            .options(selectinload(VersionRow.sections))
        ).one_or_none()
        if row is None:
            raise VersionNotFound(f"{doc_id} has no version {number}")
        return row

    @staticmethod
    def _write_version(
        session: Session, row: DocumentRow | None, document: Document, author: str, note: str,
        *, deleted: bool, origin: str | None = None, import_hash: str | None = None,
    ) -> VersionRow:
        number = (row.current_version + 1) if row else 1
        if row is None:
            row = DocumentRow(doc_id=document.doc_id, current_version=number, kind=document.kind,
                              audience=document.audience, title=document.title)
            session.add(row)
        row.current_version = number
        row.kind, row.audience, row.title = document.kind, document.audience, document.title
        row.deleted = deleted
        row.updated_at = utcnow()
        if origin is not None:
            row.origin, row.import_hash = origin, import_hash
        version = VersionRow(
            doc_id=document.doc_id, version=number, kind=document.kind,
            audience=document.audience, title=document.title,
            generic_names=list(document.generic_names), brand_names=list(document.brand_names),
            source=document.source, effective_date=document.effective_date,
            product_type=document.product_type, content_hash=document.content_hash(),
            deleted=deleted, author=author, note=note[:500],
            sections=[
                SectionRow(position=i, key=s.key, title=s.title, text=s.text)
                for i, s in enumerate(document.sections)
            ],
        )
        session.add(version)
        counter = session.get(RevisionRow, 1, with_for_update=True)
        if counter is None:
            session.add(RevisionRow(id=1, revision=1))
        else:
            counter.revision += 1
        session.flush()
        return version

    @staticmethod
    def _audit(session: Session, actor: str, action: str, doc_id: str, version: int | None,
               detail: str) -> None:
        session.add(AuditRow(actor=actor, action=action, doc_id=doc_id, version=version,
                             detail=detail[:1000]))


def open_knowledge_base(db_url: str) -> KnowledgeBase:
    """Connect to (and if needed create) the store at ``db_url``."""
    from core.database import make_engine, make_session_factory
    from core.schema import upgrade_schema

    engine = make_engine(db_url)
    upgrade_schema(engine)
    return KnowledgeBase(make_session_factory(engine))
