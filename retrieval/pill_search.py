""""What is this pill?": rank MFDS pills by imprint, colour, shape and form, in memory.

Pure and fast (no web or database imports; :mod:`retrieval.pill_loader` reads the rows).
The index is built once. Pills a person cannot tell apart — the same imprint (sides in
either order, logos included), shape, colours and form — form one *look-alike group*, and
the search ranks groups, because naming one of twelve identical white tablets as "the"
answer would claim a certainty nobody has. Per query, every imprint string of every group
is compared with the typed imprint in one vectorised rapidfuzz call (twice: as typed and
with the usual misreadings 0/O, 1/I/L, 5/S, 8/B, 2/Z, 6/G folded), and colour, shape and
form add boosts (a wrong colour lowers a candidate, it does not hide it).

Chat integration::

    query = parse_pill_query(imprint="IDG", color="연두", shape="round")  # PillQueryError
    result = index.search(query, limit=5)
    result.confidence_label, result.ambiguous, result.ask_for, result.groups[0].members
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from knowledge_base.pill_vocabulary import (
    COLORS,
    NEAR_COLORS,
    NEAR_SHAPES,
    ParsedWords,
    fold_confusable,
    normalise_imprint,
    parse_colors,
    parse_form,
    parse_shape,
    side_readings,
)

# Weights of the score parts; the imprint dominates, the rest breaks ties between pills
# whose imprints match about equally well.
W_IMPRINT, W_COLOR, W_SHAPE, W_FORM = 1.0, 0.35, 0.2, 0.1
ONE_SIDE = 0.97  # one typed side of a two-sided pill: nearly as good as the whole imprint
# by edits after folding misreadings: 0 (only a 0/O-style misreading), 1, 2
EDIT_SCORES = np.asarray([0.95, 0.85, 0.7], dtype=np.float32)
MARK_READING = 0.95  # a logo typed as the letters it resembles: less sure than printed text
TEMPERATURE = 0.03  # how fast confidence falls when rival groups score close to the best
MAX_MEMBERS = 10  # look-alikes listed per group (all are counted)
# Equal scores are ordered by how many products share the look (a look twelve products
# have is likelier to be the one found than a look one has): log(1 + size) times this,
# far below any real score difference.
SIZE_PRIOR = 1e-5
CLEAR = "투명"

FormKind = Literal["tablet", "capsule", "other"]
ConfidenceLabel = Literal["high", "medium", "low", "none"]
AskFor = Literal["imprint", "other_side", "color", "shape"]


@dataclass(frozen=True, slots=True)
class PillRecord:
    """One pill as the search returns it (a row of ``pill_identification``)."""

    item_seq: str
    name: str
    company: str
    chart: str
    print_front: str
    print_back: str
    print_front_norm: str
    print_back_norm: str
    mark_front: tuple[str, ...]
    mark_back: tuple[str, ...]
    shape: str
    colors: tuple[str, ...]
    form: str
    form_kind: FormKind
    length_long_mm: float | None
    length_short_mm: float | None
    thickness_mm: float | None
    etc_otc: str
    rx: bool
    class_name: str
    has_leaflet: bool

    @property
    def leaflet_doc_id(self) -> str | None:
        """The knowledge-base document of the item's MFDS e약은요 leaflet, when there is one."""
        return f"mfds-{self.item_seq}" if self.has_leaflet else None

    @property
    def look_alike_key(self) -> tuple:
        """Same normalised imprint (either order), shape and colours: indistinguishable."""
        return (tuple(sorted((self.print_front_norm, self.print_back_norm))), self.shape,
                frozenset(self.colors))


class PillQueryError(ValueError):
    """A query field could not be understood; ``field`` names it for a 422."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class PillQuery:
    imprint: str = ""  # as typed: one side or both, any order
    colors: tuple[str, ...] = ()  # canonical codes (하양, 노랑 …)
    shape: str | None = None  # canonical code (원형 …)
    form_kind: FormKind | None = None

    @property
    def imprint_norm(self) -> str:
        return normalise_imprint(self.imprint)

    @property
    def searchable(self) -> bool:
        """Something to search by: form alone would list thousands of pills."""
        return bool(self.imprint_norm or self.colors or self.shape)


def parse_pill_query(imprint: str | None = None, color: str | None = None,
                     shape: str | None = None, form: str | None = None) -> PillQuery:
    """Free text (Korean or English) -> a :class:`PillQuery`; unknown words raise."""
    colors: tuple[str, ...] = ()
    if color and color.strip():
        parsed = parse_colors(color)
        if parsed.unknown or not parsed.codes:
            raise PillQueryError("color", f"unknown colour {color!r}; use e.g. "
                                 + ", ".join(en for en, _ in COLORS.values()))
        colors = parsed.codes
    shape_code = _one("shape", shape, parse_shape(shape or ""),
                      "round, oval, oblong, triangle, square, diamond, 원형, 타원형, 장방형")
    kind = _one("form", form, parse_form(form or ""), "tablet, capsule, 정제, 캡슐")
    form_kind: FormKind | None = (
        "tablet" if kind == "tablet" else "capsule" if kind == "capsule"
        else "other" if kind else None)
    return PillQuery(imprint=(imprint or "").strip(), colors=colors, shape=shape_code,
                     form_kind=form_kind)


def _one(name: str, text: str | None, parsed: ParsedWords, examples: str) -> str | None:
    if not text or not text.strip():
        return None
    if parsed.unknown or len(parsed.codes) != 1:
        raise PillQueryError(name, f"unknown {name} {text!r}; use one of: {examples}")
    return parsed.codes[0]


@dataclass(frozen=True)
class PillGroup:
    """Look-alike pills ranked together; ``score`` and ``confidence`` are in 0..1."""

    rank: int
    score: float
    confidence: float
    members: tuple[PillRecord, ...]  # at most MAX_MEMBERS, leaflet holders first
    size: int  # every look-alike, listed or not
    one_side_only: bool  # the typed imprint matched one side of a two-sided pill


@dataclass(frozen=True)
class PillMatch:
    pill: PillRecord
    score: float
    group: int
    look_alikes: int


@dataclass(frozen=True)
class PillSearchResult:
    query: PillQuery
    groups: tuple[PillGroup, ...]
    confidence: float  # of the best group: how sure "it is this one" is
    confidence_label: ConfidenceLabel
    ambiguous: bool  # several groups fit about equally well
    ask_for: tuple[AskFor, ...] = field(default=())  # most useful first

    @property
    def matches(self) -> list[PillMatch]:
        return [PillMatch(pill, g.score, g.rank, g.size) for g in self.groups
                for pill in g.members]


def color_score(wanted: tuple[str, ...], have: tuple[str, ...]) -> float:
    """1 when every named colour is the pill's, half credit for a near colour (green for 연두)."""
    if not have:
        return 0.0
    credit = [1.0 if c in have else 0.5 if NEAR_COLORS.get(c, frozenset()) & set(have)
              else 0.0 for c in wanted]
    score = sum(credit) / len(credit)
    if len([c for c in have if c != CLEAR]) > len([c for c in wanted if c != CLEAR]):
        score *= 0.85  # a two-colour capsule described by one colour
    return score


def shape_score(wanted: str, have: str) -> float:
    return 1.0 if wanted == have else NEAR_SHAPES.get(wanted, {}).get(have, 0.0)


Reading = tuple[str, float]  # one way to type a side, and how sure it is (logos less)


def _readings(raw: str, marks: tuple[str, ...]) -> tuple[Reading, ...]:
    text = normalise_imprint(raw)
    return tuple((r, 1.0 if r == text else MARK_READING) for r in side_readings(raw, marks))


def _entries(front: tuple[Reading, ...],
             back: tuple[Reading, ...]) -> list[tuple[str, float, bool]]:
    """(string, weight, whole imprint?) for every way a group's imprint may be typed."""
    if front and back:
        out = [(f + b, wf * wb, True) for f, wf in front for b, wb in back]
        out += [(b + f, wf * wb, True) for f, wf in front for b, wb in back]
        return out + [(s, ONE_SIDE * w, False) for s, w in (*front, *back)]
    return [(s, w, True) for s, w in (*front, *back)] or [("", 0.0, True)]


class PillIndex:
    """Look-alike groups and their imprint strings, as numpy arrays for one-pass scoring."""

    def __init__(self, pills: Iterable[PillRecord]) -> None:
        by_key: dict[tuple, list[PillRecord]] = {}
        for pill in pills:
            front = _readings(pill.print_front, pill.mark_front)
            back = _readings(pill.print_back, pill.mark_back)
            key = (tuple(sorted((front, back))),
                   pill.shape, tuple(sorted(pill.colors)), pill.form_kind)
            by_key.setdefault(key, []).append(pill)
        self.groups: list[list[PillRecord]] = [
            sorted(members, key=lambda p: (not p.has_leaflet, p.name, p.item_seq))
            for members in by_key.values()]
        self.pill_count = sum(len(g) for g in self.groups)
        self._size_prior = SIZE_PRIOR * np.log1p([len(g) for g in self.groups])
        strings: dict[str, int] = {}
        entry_string: list[int] = []
        entry_weight: list[float] = []
        entry_whole: list[bool] = []
        starts: list[int] = []
        self._shapes: list[str] = sorted({k[1] for k in by_key})
        self._colors: list[tuple[str, ...]] = sorted({k[2] for k in by_key})
        self._forms: list[str] = sorted({k[3] for k in by_key})
        shape_ix, color_ix, form_ix = [], [], []
        for (sides, shape, colors, form_kind) in by_key:
            starts.append(len(entry_string))
            for text, weight, whole in _entries(*sides):
                entry_string.append(strings.setdefault(text, len(strings)))
                entry_weight.append(weight)
                entry_whole.append(whole)
            shape_ix.append(self._shapes.index(shape))
            color_ix.append(self._colors.index(colors))
            form_ix.append(self._forms.index(form_kind))
        # strings sorted by length: a query is compared only with those that could score
        by_length = sorted(strings, key=lambda s: (len(s), s))
        position = {s: i for i, s in enumerate(by_length)}
        renumber = np.asarray([position[s] for s in strings], dtype=np.int64)
        self._strings = by_length
        self._folded = [fold_confusable(s) for s in by_length]
        self._lengths = [len(s) for s in by_length]
        self._entry_string = renumber[np.asarray(entry_string, dtype=np.int64)]
        self._entry_weight = np.asarray(entry_weight, dtype=np.float32)
        self._entry_whole = np.asarray(entry_whole, dtype=bool)
        self._starts = np.asarray(starts, dtype=np.int64)
        self._shape_ix = np.asarray(shape_ix, dtype=np.int64)
        self._color_ix = np.asarray(color_ix, dtype=np.int64)
        self._form_ix = np.asarray(form_ix, dtype=np.int64)

    def __len__(self) -> int:
        return self.pill_count

    def _imprint_scores(self, typed: str) -> np.ndarray:
        """Per entry: similarity of the typed imprint (0..1) times the entry's weight.

        The larger of two views: the Indel ratio as typed (long imprints with a few
        slips), and a score by edit count once misreadings (0/O, 1/I …) are folded,
        whatever the length (a short "IDG" typed "1DG" or "ID" is one slip away, not a
        third wrong). Folding only for the edit count keeps unrelated short imprints
        (KS, K5) apart in the ratio.
        """
        n = len(typed)
        # An Indel ratio >= 0.5 needs a length within [n/3, 3n]; one slip is allowed, two
        # from 5 characters on, and k edits need a length within n +/- k. Strings outside
        # those windows score 0 and are skipped. A 1-letter query may be a 2-letter imprint
        # with a letter worn off or missed, but another single letter is another imprint:
        # for it only an inserted letter counts (Indel, where a substitution costs 2).
        allowed = 1 if n < 5 else 2
        distance = Indel.distance if n == 1 else Levenshtein.distance
        lo, hi = bisect_left(self._lengths, -(-n // 3)), bisect_right(self._lengths, 3 * n)
        ratio = np.zeros(len(self._strings), dtype=np.float32)
        ratio[lo:hi] = process.cdist([typed], self._strings[lo:hi], scorer=fuzz.ratio,
                                     dtype=np.float32, score_cutoff=50)[0] / 100.0
        edits = np.full(len(self._strings), allowed + 1, dtype=np.int32)
        lo, hi = bisect_left(self._lengths, n - allowed), bisect_right(self._lengths, n + allowed)
        edits[lo:hi] = process.cdist([fold_confusable(typed)], self._folded[lo:hi],
                                     scorer=distance, dtype=np.int32,
                                     score_cutoff=allowed + 1)[0]
        # among equal edit counts, a dropped letter (high Indel ratio) beats a wrong one
        by_edits = np.where(edits <= allowed,
                            EDIT_SCORES[np.minimum(edits, 2)] - 0.03 * (1.0 - ratio), 0.0)
        similarity = np.maximum(ratio, by_edits)
        return similarity[self._entry_string] * self._entry_weight

    def search(self, query: PillQuery, limit: int = 5) -> PillSearchResult:
        """The ``limit`` best look-alike groups for ``query``, with how sure the best one is."""
        typed = query.imprint_norm
        if not self.groups or not query.searchable:
            return PillSearchResult(query, (), 0.0, "none", False, _ask(query, False, False))
        total = np.zeros(len(self.groups), dtype=np.float32)
        best_possible = 0.0
        entry_scores = None
        if typed:
            entry_scores = self._imprint_scores(typed)
            total += W_IMPRINT * np.maximum.reduceat(entry_scores, self._starts)
            best_possible += W_IMPRINT
        if query.colors:
            per = np.asarray([color_score(query.colors, c) for c in self._colors], np.float32)
            total += W_COLOR * per[self._color_ix]
            best_possible += W_COLOR
        if query.shape:
            per = np.asarray([shape_score(query.shape, s) for s in self._shapes], np.float32)
            total += W_SHAPE * per[self._shape_ix]
            best_possible += W_SHAPE
        if query.form_kind:
            per = np.asarray([f == query.form_kind for f in self._forms], np.float32)
            total += W_FORM * per[self._form_ix]
            best_possible += W_FORM
        total /= best_possible
        rivals = max(limit, 20)
        ranking = total + self._size_prior
        top = np.argpartition(-ranking, min(rivals, len(total) - 1))[:rivals]
        top = top[np.lexsort((top, -ranking[top]))]
        scores = total[top].astype(np.float64)
        weights = np.exp((scores - scores[0]) / TEMPERATURE)
        shares = weights / weights.sum()
        groups = []
        for rank, (g, score, share) in enumerate(zip(top[:limit], scores, shares, strict=False)):
            members = self.groups[int(g)]
            groups.append(PillGroup(
                rank=rank + 1, score=round(float(score), 4),
                confidence=round(float(score * share), 4), members=tuple(members[:MAX_MEMBERS]),
                size=len(members), one_side_only=self._one_side(int(g), entry_scores)))
        confidence = groups[0].confidence
        ambiguous = bool(shares[0] < 0.6)
        # one side typed and rivals that differ on the other side: that side would decide
        other_side = any(g.one_side_only for g in groups if g.score >= groups[0].score - 0.05)
        return PillSearchResult(query, tuple(groups), confidence, _label(confidence), ambiguous,
                                _ask(query, ambiguous, other_side))

    def _one_side(self, group: int, entry_scores: np.ndarray | None) -> bool:
        """True when the group's best match was one typed side of a pill printed on both."""
        if entry_scores is None:
            return False
        end = self._starts[group + 1] if group + 1 < len(self._starts) else len(entry_scores)
        block = entry_scores[self._starts[group]:end]
        whole = self._entry_whole[self._starts[group]:end]
        if whole.all():
            return False
        return bool(block[~whole].max() > block[whole].max())


def _label(confidence: float) -> ConfidenceLabel:
    if confidence >= 0.8:
        return "high"
    if confidence >= 0.5:
        return "medium"
    return "low" if confidence > 0 else "none"


def _ask(query: PillQuery, ambiguous: bool, one_side_only: bool) -> tuple[AskFor, ...]:
    """What to ask the person next, most useful first."""
    ask: list[AskFor] = []
    if not query.imprint_norm:
        ask.append("imprint")
    elif ambiguous and one_side_only:
        ask.append("other_side")
    if ambiguous or not query.imprint_norm:
        if not query.colors:
            ask.append("color")
        if not query.shape:
            ask.append("shape")
    return tuple(ask)


def search_pills(index: PillIndex, imprint: str | None = None, color: str | None = None,
                 shape: str | None = None, form: str | None = None,
                 limit: int = 5) -> PillSearchResult:
    """Parse free-text fields and search in one call (raises :class:`PillQueryError`)."""
    return index.search(parse_pill_query(imprint, color, shape, form), limit=limit)

