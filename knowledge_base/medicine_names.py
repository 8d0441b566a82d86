"""Find the medicine a question is about: generic or brand, tolerant of typos.

The lexicon is built from the knowledge base (every generic name and brand alias) plus
curated aliases in ``knowledge_base/lexicon/*.yml`` (common names like "paracetamol",
Korean names like "타이레놀"). Fuzzy matching uses rapidfuzz on words of five or more
letters, so "ibuprofin" finds ibuprofen while "leave" does not become Aleve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from knowledge_base.documents import Document
from knowledge_base.ingredients import product_aliases
from knowledge_base.korean_names import KoreanNames, has_hangul

# Words that make up store-brand product names ("Pain Reliever Extra Strength") and must
# not become aliases on their own.
_DESCRIPTIVE = {
    "pain", "reliever", "relief", "extra", "strength", "regular", "maximum", "original",
    "allergy", "acid", "reducer", "anti", "diarrheal", "cold", "flu", "daytime", "nighttime",
    "night", "day", "low", "dose", "children", "childrens", "children's", "kids", "infants",
    "junior", "adult", "cough", "congestion", "sinus", "chest", "dm", "pm", "hr", "12", "24",
    "hour", "care", "signature", "gentle", "laxative", "walgreens", "equate",
    "up", "and", "up&up", "sleep", "aid", "tablets", "caplets", "liquid", "gels", "softgels",
    "less", "drowsy", "plus", "ultratabs", "liqui-gels", "the", "of", "for", "with", "dye",
    "free", "safety", "coated", "enteric", "sodium", "hcl", "nasal", "spray", "cream", "gel",
    "ointment", "lozenge", "lozenges", "gum", "patch", "suspension", "syrup", "oral",
    "complete", "arthritis", "migraine", "heartburn", "stomach", "upset", "ac", "otc",
    "redness", "athlete's", "foot", "one-step", "step", "plan", "new", "formula",
}
_WORD = re.compile(r"[0-9a-z\uac00-\ud7a3][0-9a-z\uac00-\ud7a3'\-]*")
FUZZY_MIN_LENGTH = 5
FUZZY_CUTOFF = 85.0
NAMED_FUZZY_CUTOFF = 75.0  # for a string the NLU already tagged as a medicine


@dataclass(frozen=True)
class MedicineMatch:
    surface: str  # the words of the question that matched
    name: str  # the lexicon entry they matched (a brand or generic name)
    generics: tuple[str, ...]
    score: float  # 100 for exact matches
    is_brand: bool
    # The products (document ids) a product name means: set for Korean (MFDS) products,
    # whose leaflets are per product rather than per ingredient.
    doc_ids: tuple[str, ...] = ()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


_STRENGTH_WORD = re.compile(r"\d+(hr|h|mg|ml|mcg|%)?")


def _is_distinctive(name: str) -> bool:
    return any(w not in _DESCRIPTIVE and not _STRENGTH_WORD.fullmatch(w) for w in _words(name))


_STRENGTH_IN_NAME = re.compile(
    r"(정|캡슐|연질캡슐|시럽|현탁액|내복액|액|과립|산)(?=\d)|(밀리그람|밀리그램|mg)$")


def korean_product_names(doc: Document) -> list[str]:
    """Compact names of a Korean product: its aliases, plus "타이레놀500" (name + strength,
    form word dropped), the way "타이레놀 500" is typed."""
    names = [b.lower() for b in doc.brand_names] or product_aliases(doc.title)
    extra = [_STRENGTH_IN_NAME.sub("", n) for n in names if re.search(r"\d", n)]
    return list(dict.fromkeys(n for n in [*names, *extra] if len(n) >= 2))


class MedicineLexicon:
    def __init__(self, entries: dict[str, tuple[tuple[str, ...], bool]],
                 docs: dict[str, tuple[str, ...]] | None = None,
                 product_only: set[str] | None = None) -> None:
        self._entries = entries  # lowercase name -> (generics, is_brand)
        self._docs = docs or {}  # product name -> document ids (Korean products)
        # names only Korean products brought (kept out of ``names``, the bot's lookup table)
        self._product_only = product_only or set()
        self._fuzzy_names = [n for n in entries if len(n) >= FUZZY_MIN_LENGTH and " " not in n
                             and n.isascii()]
        self._max_words = max((len(n.split()) for n in entries), default=1)
        self._korean = KoreanNames(self._docs)

    @classmethod
    def from_documents(
        cls, documents: Iterable[Document], alias_files: Iterable[Path] = ()
    ) -> MedicineLexicon:
        generic_sets: dict[str, set[tuple[str, ...]]] = {}
        entries: dict[str, tuple[tuple[str, ...], bool]] = {}
        docs: dict[str, list[str]] = {}
        product_generics: dict[str, list[tuple[str, ...]]] = {}
        for doc in documents:
            if doc.kind != "leaflet":
                continue
            if doc.language == "ko":
                for name in korean_product_names(doc):
                    docs.setdefault(name, []).append(doc.doc_id)
                    product_generics.setdefault(name, []).append(doc.generic_names)
                continue
            for generic in doc.generic_names:
                entries[generic] = ((generic,), False)
            for brand in doc.brand_names:
                if not _is_distinctive(brand) or brand.lower() in doc.generic_names:
                    continue
                entries.setdefault(brand.lower(), (doc.generic_names, True))
                words = _words(brand)
                prefixes = [" ".join(words[:size]) for size in range(2, len(words))]
                singles = [w for w in words if len(w) >= 4 and _is_distinctive(w)]
                for name in prefixes + singles:
                    if _is_distinctive(name):
                        generic_sets.setdefault(name, set()).add(doc.generic_names)
        # A brand family ("tylenol", "tylenol pm") means what all its products share.
        for head, sets in generic_sets.items():
            if head in entries:
                continue
            common = set.intersection(*(set(s) for s in sets))
            ordered = sorted(common or set().union(*(set(s) for s in sets)))
            entries[head] = (tuple(ordered), True)
        # A Korean name several products share means what they all contain.
        product_only = set(product_generics) - set(entries)
        for name, product_sets in product_generics.items():
            common = set.intersection(*(set(s) for s in product_sets))
            shared = tuple(g for g in product_sets[0] if g in common) if common else product_sets[0]
            entries.setdefault(name, (shared, True))
        known = {g for generics, _ in entries.values() for g in generics}
        curated: set[str] = set()
        for path in alias_files:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for alias, generics in (data.get("aliases") or {}).items():
                names = tuple(generics) if isinstance(generics, list) else (generics,)
                if all(g in known for g in names):
                    entries.setdefault(str(alias).lower(), (names, True))
                    curated.add(str(alias).lower())
        return cls(entries, {n: tuple(dict.fromkeys(d)) for n, d in docs.items()},
                   product_only - curated)

    def to_json(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for name, (generics, brand) in self._entries.items():
            out[name] = {"generics": list(generics), "brand": brand}
            if name in self._docs:
                out[name]["docs"] = list(self._docs[name])
            if name in self._product_only:
                out[name]["product_only"] = True
        return out

    @classmethod
    def from_json(cls, data: dict[str, dict]) -> MedicineLexicon:
        return cls({n: (tuple(e["generics"]), bool(e["brand"])) for n, e in data.items()},
                   {n: tuple(e["docs"]) for n, e in data.items() if e.get("docs")},
                   {n for n, e in data.items() if e.get("product_only")})

    def docs_for(self, name: str) -> tuple[str, ...]:
        return self._docs.get(name, ())

    @property
    def names(self) -> list[str]:
        """Generic, brand and curated names (the bot's lookup table): the ~11k Korean product
        aliases of the MFDS catalogue are left out, see :attr:`product_names`."""
        return sorted(n for n in self._entries if n not in self._product_only)

    @property
    def product_names(self) -> list[str]:
        """Names that only Korean (MFDS) products brought: "이지엔6이브", "탁센"…"""
        return sorted(self._product_only)

    def lookup(self, name: str) -> tuple[str, ...] | None:
        """Generic names for an exact (case-insensitive) or fuzzy lexicon name."""
        match = self.resolve(name)
        return match.generics if match else None

    def resolve(self, name: str) -> MedicineMatch | None:
        """The lexicon entry a medicine name means, or None.

        ``name`` is already known to name a medicine (the NLU tagged it), so a looser fuzzy
        match than in free text is safe here: "zyrtek" → cetirizine.
        """
        matches = self.detect(name)
        if matches:
            return matches[0]
        candidate = name.strip().lower()
        if len(candidate) < FUZZY_MIN_LENGTH or not candidate.isascii():
            return None
        best = process.extractOne(candidate, self._fuzzy_names, scorer=fuzz.ratio,
                                  score_cutoff=NAMED_FUZZY_CUTOFF)
        if not best:
            return None
        generics, is_brand = self._entries[best[0]]
        return MedicineMatch(candidate, best[0], generics, float(best[1]), is_brand)

    def detect(self, text: str) -> list[MedicineMatch]:
        """Medicines named in ``text``, longest exact matches first, then fuzzy ones."""
        words = _words(text)
        found: list[MedicineMatch] = []
        used = [False] * len(words)
        if any(has_hangul(w) for w in words):  # Korean product names first
            for hit in self._korean.detect(words):
                generics = (self._entries.get(hit.name, ((), True))[0]
                            or self._family_generics(hit.doc_ids))
                found.append(MedicineMatch(hit.surface, hit.name, generics, hit.score, True,
                                           hit.doc_ids))
                used[hit.start : hit.end] = [True] * (hit.end - hit.start)
        for size in range(min(self._max_words, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                if any(used[start : start + size]):
                    continue
                phrase = " ".join(words[start : start + size])
                entry = self._entries.get(phrase) or self._korean_prefix(phrase, size)
                if entry:
                    found.append(MedicineMatch(phrase, phrase, entry[0], 100.0, entry[1],
                                               self._docs.get(phrase, ())))
                    used[start : start + size] = [True] * size
        for i, word in enumerate(words):
            if used[i] or len(word) < FUZZY_MIN_LENGTH or not word.isascii():
                continue
            best = process.extractOne(word, self._fuzzy_names, scorer=fuzz.ratio,
                                      score_cutoff=FUZZY_CUTOFF)
            if best:
                generics, is_brand = self._entries[best[0]]
                found.append(MedicineMatch(word, best[0], generics, float(best[1]), is_brand,
                                           self._docs.get(best[0], ())))
        return found

    def _family_generics(self, doc_ids: tuple[str, ...]) -> tuple[str, ...]:
        """Generics common to a family's products (from their names' entries)."""
        wanted = set(doc_ids)
        sets = [set(self._entries[n][0]) for n, d in self._docs.items()
                if n in self._entries and wanted & set(d)]
        return tuple(sorted(set.intersection(*sets))) if sets else ()

    def _korean_prefix(self, phrase: str, size: int) -> tuple[tuple[str, ...], bool] | None:
        """Korean attaches particles to nouns ("타이레놀은"): match a known name as prefix."""
        if size != 1 or phrase.isascii():
            return None
        for cut in range(len(phrase) - 1, 1, -1):
            entry = self._entries.get(phrase[:cut])
            if entry:
                return entry
        return None


# "allergic to aspirin", "aspirin allergy", "아스피린 알레르기", "아스피린에 알러지가": the medicine
# is the person's allergy, not what they ask about.
_ALLERGY_AFTER = re.compile(r"^\s*(?:에|에\s*대한|에\s*대해)?\s*(?:allerg|알레르기|알러지|과민)")
_ALLERGY_BEFORE = re.compile(r"(?:allergic|allergy|allergies)\s+(?:to|with)\s*$")


def asked_about(text: str, matches: list[MedicineMatch]) -> list[MedicineMatch]:
    """The matches the question asks about: a medicine named only as the person's allergy
    ("can I take pepto if I'm allergic to aspirin?") is dropped when another medicine is
    named; alone ("is there aspirin in this? I'm allergic to aspirin") it stays."""
    lowered = text.lower()

    def allergy(match: MedicineMatch) -> bool:
        at = lowered.find(match.surface.lower())
        if at < 0:
            return False
        return bool(_ALLERGY_AFTER.match(lowered[at + len(match.surface):])
                    or _ALLERGY_BEFORE.search(lowered[:at]))

    subjects = [m for m in matches if not allergy(m)]
    return subjects if subjects else matches


def focus_generics(matches: list[MedicineMatch]) -> tuple[str, ...]:
    """The generic names a search should be restricted to (union over matches)."""
    return tuple(dict.fromkeys(g for m in matches for g in m.generics))


def focus_docs(matches: list[MedicineMatch]) -> tuple[str, ...]:
    """The Korean products (document ids) the question names (union over matches)."""
    return tuple(dict.fromkeys(d for m in matches for d in m.doc_ids))
