"""SQL tables of the knowledge base: documents, their versions and sections, the audit log."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.database import Base


def utcnow() -> datetime:
    return datetime.now(UTC)


class DocumentRow(Base):
    __tablename__ = "kb_documents"

    doc_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    audience: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(String(300))
    current_version: Mapped[int]
    deleted: Mapped[bool] = mapped_column(default=False)
    # Where an importer brought it from ("catalogue", "fda:labels.jsonl", "chain"), and
    # the hash of what it last imported, so re-imports skip unchanged records.
    origin: Mapped[str | None] = mapped_column(String(200))
    import_hash: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)

    versions: Mapped[list[VersionRow]] = relationship(
        back_populates="document", order_by="VersionRow.version"
    )


class VersionRow(Base):
    __tablename__ = "kb_versions"
    __table_args__ = (UniqueConstraint("doc_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    doc_id: Mapped[str] = mapped_column(ForeignKey("kb_documents.doc_id"), index=True)
    version: Mapped[int]
    kind: Mapped[str] = mapped_column(String(32))
    audience: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(300))
    generic_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    brand_names: Mapped[list[str]] = mapped_column(JSON, default=list)
    source: Mapped[str] = mapped_column(String(500))
    effective_date: Mapped[str | None] = mapped_column(String(10))
    product_type: Mapped[str | None] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    deleted: Mapped[bool] = mapped_column(default=False)
    author: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    document: Mapped[DocumentRow] = relationship(back_populates="versions")
    sections: Mapped[list[SectionRow]] = relationship(
        order_by="SectionRow.position", cascade="all, delete-orphan"
    )


class SectionRow(Base):
    __tablename__ = "kb_sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("kb_versions.id"), index=True)
    position: Mapped[int]
    key: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    __tablename__ = "kb_audit"
    __table_args__ = (Index("ix_kb_audit_doc", "doc_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(32))
    doc_id: Mapped[str] = mapped_column(String(128))
    version: Mapped[int | None]
    detail: Mapped[str] = mapped_column(String(1000), default="")


class RevisionRow(Base):
    """A single row counting every change; index snapshots are named after it."""

    __tablename__ = "kb_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    revision: Mapped[int] = mapped_column(default=0)
