"""``GET /v1/pills``: identify a pill from its imprint, colour, shape and form (anyone).

The index is built once at start-up from the ``pill_identification`` table
(``app.state.pills``, see :func:`retrieval.pill_loader.load_pill_index`); an empty table (a
test database) answers with no candidates, never an error.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request, status

from api.errors import accepted_language
from api.schemas.pills import (
    PillCandidateOut,
    PillIdentifyIn,
    PillIdentifyOut,
    PillQueryOut,
    PillSearchResponse,
    PillSizeOut,
)
from api.schemas.search import SourceOut
from knowledge_base.pill_vocabulary import color_label, rx_label, shape_label
from replies.pills import ask_for_details, compose_pill_answer, pill_source
from retrieval.pill_search import (
    PillIndex,
    PillQuery,
    PillQueryError,
    PillRecord,
    PillSearchResult,
    parse_pill_query,
)
from retrieval.pill_text import describe

CHAT_CANDIDATES = 3

router = APIRouter(prefix="/v1", tags=["pills"])
EMPTY = PillIndex([])


def _unprocessable(field: str, message: str) -> HTTPException:
    loc = ["query", field] if field else ["query"]
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT,
                         [{"loc": loc, "msg": message, "type": "value_error"}])


def candidate_out(pill: PillRecord, score: float, group: int, look_alikes: int,
                  confidence: float, lang: str) -> PillCandidateOut:
    return PillCandidateOut(
        item_seq=pill.item_seq, name=pill.name, company=pill.company, chart=pill.chart,
        print_front=pill.print_front, print_back=pill.print_back,
        shape=shape_label(pill.shape, lang), colors=[color_label(c, lang) for c in pill.colors],
        form=pill.form, form_kind=pill.form_kind,
        size=PillSizeOut(long_mm=pill.length_long_mm, short_mm=pill.length_short_mm,
                         thickness_mm=pill.thickness_mm),
        rx=pill.rx, otc_label=rx_label(pill.etc_otc, lang), class_name=pill.class_name,
        leaflet_doc_id=pill.leaflet_doc_id, score=score, group=group, look_alikes=look_alikes,
        confidence=confidence)


def to_response(result: PillSearchResult, lang: str) -> PillSearchResponse:
    query = result.query
    return PillSearchResponse(
        query=PillQueryOut(imprint=query.imprint, imprint_normalised=query.imprint_norm,
                           colors=[color_label(c, lang) for c in query.colors],
                           shape=shape_label(query.shape, lang) if query.shape else None,
                           form=query.form_kind),
        language="ko" if lang == "ko" else "en",
        confidence=result.confidence, confidence_label=result.confidence_label,
        ambiguous=result.ambiguous, ask_for=list(result.ask_for),
        candidates=[candidate_out(pill, group.score, group.rank, group.size, group.confidence,
                                  lang)
                    for group in result.groups for pill in group.members])


@router.get("/pills", response_model=PillSearchResponse)
def identify_pill(
    request: Request,
    imprint: Annotated[str | None, Query(max_length=100, description=(
        "what is printed on the pill: one side or both, any order ('IDG', 'TYLENOL 500')"))
    ] = None,
    color: Annotated[str | None, Query(max_length=60, description=(
        "colour(s) in English or Korean ('white', '흰색', 'yellow and clear')"))] = None,
    shape: Annotated[str | None, Query(max_length=40, description=(
        "round, oval, oblong, triangle, square, diamond … or 원형, 타원형, 장방형 …"))] = None,
    form: Annotated[str | None, Query(max_length=40, description=(
        "tablet or capsule (정제, 캡슐)"))] = None,
    lang: Annotated[Literal["en", "ko"] | None, Query(description=(
        "language of labels and messages; default from Accept-Language"))] = None,
    limit: Annotated[int, Query(ge=1, le=20, description="look-alike groups to return")] = 5,
) -> PillSearchResponse:
    """Candidates for a pill someone found, best first, grouped into look-alikes (pills
    with the same imprint, shape and colours cannot be told apart and share a ``group``).

    Says how sure the match is (``confidence``, ``confidence_label``), whether several
    groups fit about equally (``ambiguous``) and what to ask next (``ask_for``). An
    identification is not advice to take the pill."""
    language = lang or accepted_language(request.headers.get("accept-language", ""))
    request.state.language = language
    try:
        query = parse_pill_query(imprint, color, shape, form)
    except PillQueryError as exc:
        raise _unprocessable(exc.field, str(exc)) from None
    if not query.searchable:
        raise _unprocessable("imprint", "nothing to search by: give an imprint (letters or "
                             "numbers printed on the pill), a colour or a shape")
    index: PillIndex = getattr(request.app.state, "pills", EMPTY)
    return to_response(index.search(query, limit=limit), language)


@router.post("/pills/identify", response_model=PillIdentifyOut)
def identify_pill_in_words(body: PillIdentifyIn, request: Request) -> PillIdentifyOut:
    """A pill described in a chat message ("흰색 원형 알약에 IDG라고 써 있어요") → the reply the
    chat gives: the likeliest pills and how sure, or what to ask for (used by the dialogue's
    pill action). Without an imprint it asks for one: colour and shape alone fit hundreds."""
    described = describe(body.text)
    if not described.imprint:
        return PillIdentifyOut(
            text=ask_for_details(body.language, bool(described.colors or described.shape)),
            imprint="", ask_for=["imprint"], candidates=[], sources=[])
    index: PillIndex = getattr(request.app.state, "pills", EMPTY)
    result = index.search(PillQuery(imprint=described.imprint, colors=described.colors,
                                    shape=described.shape), limit=CHAT_CANDIDATES)
    groups = [g for g in result.groups if g.members][:CHAT_CANDIDATES]
    if described.colors:  # people name colours loosely ("white" for 연두): the imprint alone
        by_imprint = index.search(PillQuery(imprint=described.imprint), limit=1).groups
        if by_imprint and by_imprint[0].members and by_imprint[0].score >= 0.999 and all(
                g.members[0].item_seq != by_imprint[0].members[0].item_seq for g in groups):
            groups = [*groups[:CHAT_CANDIDATES - 1], by_imprint[0]]
    candidates = [candidate_out(group.members[0], group.score, group.rank, group.size,
                                group.confidence, body.language) for group in groups]
    rows = [c.model_dump() for c in candidates]
    text = compose_pill_answer(described.imprint, rows, result.confidence_label,
                               result.ambiguous or "other_side" in result.ask_for,
                               body.language)
    return PillIdentifyOut(text=text, imprint=described.imprint, ask_for=list(result.ask_for),
                           candidates=candidates,
                           sources=[SourceOut.model_validate(pill_source(r)) for r in rows])
