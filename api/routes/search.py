"""Search over the knowledge base: the app's search bar and the action server's retriever."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import OptionalUser, SearchDep, SettingsDep
from api.models import Role
from api.schemas.search import HitOut, MedicineOut, MedicineResolution, SearchResponse
from replies import quote
from retrieval.hybrid import SearchResult

router = APIRouter(prefix="/v1", tags=["search"])


def to_response(query: str, result: SearchResult, min_confidence: float) -> SearchResponse:
    return SearchResponse(
        query=query,
        confidence=round(result.confidence, 4),
        answerable=bool(result.hits) and result.confidence >= min_confidence,
        topics=result.topics,
        medicines=[MedicineOut(name=m.name, generics=list(m.generics)) for m in result.medicines],
        medicine_not_covered=result.medicine_not_covered,
        hits=[HitOut(**h.to_json(), quote=quote(h.chunk.text)) for h in result.hits],
    )


@router.get("/search", response_model=SearchResponse)
def search(
    search_service: SearchDep,
    settings: SettingsDep,
    user: OptionalUser,
    q: Annotated[str, Query(min_length=1, max_length=500, description="the question")],
    k: Annotated[int, Query(ge=1, le=50)] = 10,
    medicine: Annotated[str | None, Query(max_length=100)] = None,
    topic: Annotated[str | None, Query(max_length=40)] = None,
    audience: Literal["consumer", "employee"] = "consumer",
    kind: Annotated[list[Literal["leaflet", "store_faq", "hr_handbook"]] | None, Query()] = None,
) -> SearchResponse:
    """Hybrid (BM25 + FAISS) search; ``audience=employee`` needs an employee account."""
    if audience == "employee" and (user is None or not user.role.at_least(Role.employee)):
        raise HTTPException(status.HTTP_403_FORBIDDEN,
                            "employee documents need an employee account")
    result = search_service.search(q, k=k, audience=audience, medicine=medicine, topic=topic,
                                   kinds=tuple(kind or ()))
    return to_response(q, result, settings.retrieval.min_confidence)


@router.get("/medicines/resolve", response_model=MedicineResolution)
def resolve_medicine(
    search_service: SearchDep, name: Annotated[str, Query(min_length=1, max_length=100)]
) -> MedicineResolution:
    """Map a typed name (brand, generic, typo, Korean) to the generic names we hold."""
    snapshot = search_service.snapshot
    best = snapshot.lexicon.resolve(name) if snapshot else None
    if best is None:
        return MedicineResolution(name=name, known=False)
    return MedicineResolution(name=name, known=True, matched=best.name,
                              generics=list(best.generics))
