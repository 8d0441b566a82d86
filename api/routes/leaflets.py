"""``GET /v1/leaflets/{doc_id}/sections/{section}``: a leaflet section in full (anyone).

A chat reply quotes a few sentences; a source marked ``more`` opens here for the rest.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request, status

from api.deps import KnowledgeBaseDep
from api.errors import accepted_language
from api.schemas.leaflets import LeafletSectionOut
from api.services.leaflet_sections import SectionNotFound, consumer_section
from knowledge_base.documents import DOC_ID_PATTERN, SECTION_KEY_PATTERN

router = APIRouter(prefix="/v1", tags=["search"])


@router.get("/leaflets/{doc_id}/sections/{section}", response_model=LeafletSectionOut,
            responses={404: {"description": "no such consumer leaflet or section"}})
def leaflet_section(
    request: Request,
    kb: KnowledgeBaseDep,
    doc_id: Annotated[str, Path(pattern=DOC_ID_PATTERN)],
    section: Annotated[str, Path(pattern=SECTION_KEY_PATTERN)],
    lang: Annotated[Literal["en", "ko"] | None, Query(description="the citation's language "
                                                     "(default: Accept-Language)")] = None,
) -> LeafletSectionOut:
    language = lang or accepted_language(request.headers.get("accept-language", ""))
    try:
        found = consumer_section(kb, doc_id, section, language)
    except SectionNotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    return LeafletSectionOut(**vars(found))
