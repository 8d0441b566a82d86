"""Staff knowledge-base management: leaflets, FAQ/handbook entries, versions, gaps."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, status
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from api.deps import KnowledgeBaseDep, SessionDep, StaffUser
from api.schemas.kb import (
    AuditOut,
    ChangeOut,
    DocumentOut,
    DocumentSummaryOut,
    DurRulesStatus,
    EntryIn,
    GapOut,
    KbStatus,
    LeafletIn,
    RollbackIn,
    SectionEdit,
    SectionOut,
    VersionOut,
)
from api.services.kb_admin import (
    KbAdmin,
    TranslationLinks,
    knowledge_gaps,
    links_for,
    translation_for_save,
    translation_links,
)
from knowledge_base.documents import DOC_ID_PATTERN, Document
from knowledge_base.dur_import import rule_status as dur_rule_status
from knowledge_base.markdown_docs import split_sections
from knowledge_base.openfda import record_to_document
from knowledge_base.store import (
    DocumentNotFound,
    EditConflict,
    KnowledgeBase,
    StoredDocument,
    VersionNotFound,
)

router = APIRouter(prefix="/v1/kb", tags=["knowledge base (staff)"])
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"description": "someone saved in between; the body shows their version"}}
ExpectedVersion = Annotated[int | None, Query(ge=0, description="version your edit is based on")]
NewDocId = Annotated[str, Path(pattern=DOC_ID_PATTERN, description="may name a new document")]


def admin(request: Request) -> KbAdmin:
    return request.app.state.kb_admin


def _links(links: TranslationLinks | None) -> dict[str, Any]:
    return {} if links is None else asdict(links)


def document_out(stored: StoredDocument, links: TranslationLinks | None = None) -> DocumentOut:
    d = stored.document
    return DocumentOut(
        doc_id=d.doc_id, kind=d.kind, audience=d.audience, title=d.title,
        generic_names=list(d.generic_names), brand_names=list(d.brand_names), source=d.source,
        effective_date=d.effective_date, version=stored.version, deleted=stored.deleted,
        author=stored.author, saved_at=stored.saved_at,
        sections=[SectionOut.model_validate(s.model_dump()) for s in d.sections],
        **{"language": d.language, **_links(links)},
    )


def unprocessable(field: str, reason: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                         [{"loc": ["body", field], "msg": reason, "type": "value_error"}])


def conflict_response(exc: EditConflict) -> JSONResponse:
    return JSONResponse(status_code=409, content={
        "detail": str(exc), "expected_version": exc.expected,
        "current": document_out(exc.current).model_dump(mode="json"),
    })


def leaflet_document(body: LeafletIn, doc_id: str | None = None) -> Document:
    problems = body.sections_are_text()
    if problems:
        raise unprocessable(*problems[0])
    try:
        document = record_to_document(body.record(), source="staff edit", id_prefix="cat-")
    except ValidationError as exc:
        first = exc.errors()[0]
        raise unprocessable(".".join(map(str, first["loc"])), first["msg"]) from exc
    except ValueError as exc:
        raise unprocessable("record", str(exc)) from exc
    return document.model_copy(update={"doc_id": doc_id}) if doc_id else document


def entry_document(body: EntryIn, kb: KnowledgeBase) -> Document:
    """The entry as a document; a Korean translation (id ``X-ko``) takes its original's
    section keys, in order (422 if ``X`` is missing or the sections do not line up)."""
    try:
        document = Document(
            doc_id=body.doc_id, kind=body.kind, title=body.title, audience=body.audience,
            sections=tuple(split_sections(body.markdown)), source="chain documents: staff edit",
            effective_date=body.effective_date)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(map(str, first["loc"]))
        raise unprocessable("markdown", f"{where}: {first['msg']}") from exc
    try:
        return translation_for_save(kb, document)
    except ValueError as exc:
        raise unprocessable("markdown", str(exc)) from exc


async def save(request: Request, user: StaffUser, document: Document,
               expected: int | None, note: str) -> ChangeOut | JSONResponse:
    try:
        stored, report = await run_in_threadpool(
            admin(request).save, document, author=user.username, note=note,
            expected_version=expected)
    except EditConflict as exc:
        return conflict_response(exc)
    except DocumentNotFound as exc:
        raise HTTPException(404, f"no document {exc}") from exc
    return ChangeOut(doc_id=stored.document.doc_id, version=stored.version, index=report.name)


@router.get("/documents", response_model=list[DocumentSummaryOut])
def list_documents(
    kb: KnowledgeBaseDep, _: StaffUser,
    audience: Literal["consumer", "employee"] | None = None,
    kind: Literal["leaflet", "store_faq", "hr_handbook"] | None = None,
    q: Annotated[str | None, Query(max_length=100, description="medicine, brand or title")] = None,
    include_deleted: bool = False,
) -> list[DocumentSummaryOut]:
    rows = kb.list_documents(audience=audience, kind=kind, include_deleted=include_deleted)
    links = translation_links(rows)  # before ``q``: a pair it filters out is still a pair
    if q:
        needle = q.lower()
        rows = [r for r in rows if needle in " ".join(
            (r.doc_id, r.title, *r.generic_names, *r.brand_names)).lower()]
    return [DocumentSummaryOut(**{**r.__dict__, "generic_names": list(r.generic_names),
                                  "brand_names": list(r.brand_names),
                                  **_links(links.get(r.doc_id))}) for r in rows]


@router.get("/documents/{doc_id}", response_model=DocumentOut)
def get_document(doc_id: str, kb: KnowledgeBaseDep, _: StaffUser,
                 version: Annotated[int | None, Query(ge=1)] = None) -> DocumentOut:
    try:
        stored = kb.get(doc_id, version)
    except (DocumentNotFound, VersionNotFound) as exc:
        raise HTTPException(404, str(exc)) from exc
    return document_out(stored, links_for(kb, stored.document))


@router.get("/documents/{doc_id}/versions", response_model=list[VersionOut])
def list_versions(doc_id: str, kb: KnowledgeBaseDep, _: StaffUser) -> list[VersionOut]:
    try:
        return [VersionOut(**{k: getattr(v, k) for k in VersionOut.model_fields})
                for v in kb.versions(doc_id)]
    except DocumentNotFound as exc:
        raise HTTPException(404, f"no document {exc}") from exc


@router.post("/leaflets", response_model=ChangeOut, status_code=201, responses=CONFLICT)
async def create_leaflet(body: LeafletIn, request: Request, user: StaffUser):
    """Add a leaflet (openFDA-shaped JSON); its id is ``cat-`` + ``set_id``."""
    return await save(request, user, leaflet_document(body), 0, "created")


@router.put("/leaflets/{doc_id}", response_model=ChangeOut, responses=CONFLICT)
async def replace_leaflet(doc_id: NewDocId, body: LeafletIn, request: Request, user: StaffUser,
                          expected_version: ExpectedVersion = None):
    return await save(request, user, leaflet_document(body, doc_id), expected_version,
                      "leaflet replaced")


@router.post("/entries", response_model=ChangeOut, status_code=201, responses=CONFLICT)
async def create_entry(body: EntryIn, request: Request, user: StaffUser, kb: KnowledgeBaseDep):
    """Add a store FAQ or HR handbook entry (Markdown). An id ``X-ko`` is the Korean
    translation of ``X``, which must exist; it takes ``X``'s section keys, in order."""
    return await save(request, user, entry_document(body, kb), 0, "created")


@router.put("/entries/{doc_id}", response_model=ChangeOut, responses=CONFLICT)
async def replace_entry(doc_id: str, body: EntryIn, request: Request, user: StaffUser,
                        kb: KnowledgeBaseDep, expected_version: ExpectedVersion = None):
    if body.doc_id != doc_id:
        raise unprocessable("doc_id", "must match the document in the URL")
    return await save(request, user, entry_document(body, kb), expected_version,
                      "entry replaced")


@router.put("/documents/{doc_id}/sections/{key}", response_model=ChangeOut, responses=CONFLICT)
async def edit_section(doc_id: str, key: str, body: SectionEdit, request: Request,
                       user: StaffUser, kb: KnowledgeBaseDep):
    """Change one section's text (based on ``expected_version``)."""
    try:
        current = kb.get(doc_id)
    except DocumentNotFound as exc:
        raise HTTPException(404, f"no document {exc}") from exc
    if current.document.section(key) is None:
        raise HTTPException(404, f"{doc_id} has no section {key}")
    sections = tuple(s.model_copy(update={"text": body.text.strip()}) if s.key == key else s
                     for s in current.document.sections)
    document = current.document.model_copy(update={"sections": sections})
    return await save(request, user, document, body.expected_version, f"edited {key}")


@router.delete("/documents/{doc_id}", response_model=ChangeOut, responses=CONFLICT)
async def delete_document(doc_id: str, request: Request, user: StaffUser,
                          expected_version: ExpectedVersion = None):
    try:
        version, report = await run_in_threadpool(
            admin(request).delete, doc_id, author=user.username,
            expected_version=expected_version)
    except EditConflict as exc:
        return conflict_response(exc)
    except DocumentNotFound as exc:
        raise HTTPException(404, f"no live document {exc}") from exc
    return ChangeOut(doc_id=doc_id, version=version, index=report.name)


@router.post("/documents/{doc_id}/rollback", response_model=ChangeOut)
async def rollback(doc_id: str, body: RollbackIn, request: Request, user: StaffUser):
    """Restore an earlier version as a new version."""
    try:
        stored, report = await run_in_threadpool(
            admin(request).rollback, doc_id, body.version, author=user.username)
    except (DocumentNotFound, VersionNotFound) as exc:
        raise HTTPException(404, str(exc)) from exc
    return ChangeOut(doc_id=doc_id, version=stored.version, index=report.name)


@router.get("/audit", response_model=list[AuditOut])
def audit(kb: KnowledgeBaseDep, _: StaffUser, doc_id: str | None = None,
          limit: Annotated[int, Query(ge=1, le=500)] = 100) -> list[AuditOut]:
    return [AuditOut(at=a.at, actor=a.actor, action=a.action, doc_id=a.doc_id,
                     version=a.version, detail=a.detail) for a in kb.audit_log(doc_id, limit)]


@router.get("/gaps", response_model=list[GapOut])
def gaps(session: SessionDep, _: StaffUser,
         limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[GapOut]:
    """The most frequent unanswered, low-confidence or thumbs-down questions."""
    return knowledge_gaps(session, limit)


@router.get("/status", response_model=KbStatus)
def kb_status(request: Request, kb: KnowledgeBaseDep, session: SessionDep,
              _: StaffUser) -> KbStatus:
    snapshot = request.app.state.search.snapshot
    counts, newest = dur_rule_status(session)
    return KbStatus(revision=kb.revision(), index=snapshot.name if snapshot else None,
                    index_revision=snapshot.revision if snapshot else None,
                    documents=len(kb.list_documents()),
                    dur_rules=DurRulesStatus(counts=counts, newest_notification_date=newest))
