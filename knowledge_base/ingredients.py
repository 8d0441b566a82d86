"""Ingredient and product names in Korean and English, folded to one comparable key.

Shared by the DUR import, the medication checker, and any feature that must say "these two
names are the same medicine" (Korean products, pill identification). Two jobs:

* :func:`fold_ingredient` turns an ingredient name in either language into a key with the
  salt, hydrate, spacing and case removed ("Ibuprofen Lysine", "이부프로펜리신" and
  "ibuprofen" all give ``ibuprofen`` once the Korean name is in the dictionary). A
  :class:`IngredientDictionary` built from the DUR tables maps Korean names to English keys.
* :func:`product_aliases` turns an MFDS ``itemName`` ("게보린정(수출명:돌로린정)") into the
  names people use for it ("게보린정", "게보린"), and :func:`dosage_form` says which
  coarse form (tablet, liquid…) a product or DUR ``FORM_NAME`` names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# English salt, ester, hydrate and grade words: removed wherever they stand in a name.
_EN_SALT_WORDS = {
    "hydrochloride", "hcl", "dihydrochloride", "hydrobromide", "hbr", "maleate", "sulfate",
    "sulphate", "tartrate", "bitartrate", "citrate", "fumarate", "succinate", "besylate",
    "besilate", "mesylate", "mesilate", "tosylate", "acetate", "phosphate", "nitrate",
    "lactate", "gluconate", "bromide", "sodium", "potassium", "calcium", "magnesium",
    "lysine", "arginine", "meglumine", "hydrate", "monohydrate", "dihydrate", "trihydrate",
    "sesquihydrate", "hemihydrate", "anhydrous", "usp", "micronized", "esylate", "edisylate",
    "napadisylate", "pamoate", "dimesylate", "disodium", "hyclate", "xinafoate", "oxalate",
    "salicylate", "polistirex", "polacrilex", "tannate", "orotate", "camsylate", "medoxomil",
}
# A name that is nothing but these after stripping keeps its salt ("calcium carbonate").
_EN_BARE = {"sodium", "potassium", "calcium", "magnesium", "aluminum", "aluminium", "zinc",
            "iron", "lithium", "bismuth", "carbonate", "hydroxide", "oxide", "chloride",
            "bicarbonate", "citrate", "sulfate", "acetate", "phosphate", "lactate", "bromide",
            "gluconate", "nitrate"}
# Korean counter-ions written after the base ("…염산염", "…나트륨") or before it in the
# older style ("염산…", "말레인산…"). Longest first so "브롬화수소산염" wins over "산염".
_KO_SUFFIXES = sorted([
    "염산염", "이염산염", "브롬화수소산염", "말레산염", "말레인산염", "황산염", "인산염",
    "타르타르산염", "주석산염", "시트르산염", "구연산염", "푸마르산염", "숙신산염", "호박산염",
    "베실산염", "메실산염", "토실산염", "에실산염", "아세트산염", "초산염", "질산염", "락트산염",
    "젖산염", "글루콘산염", "살리실산염", "브롬화물", "나트륨", "칼륨", "칼슘", "마그네슘",
    "리신", "아르기닌", "메글루민", "수화물", "일수화물", "이수화물", "삼수화물", "반수화물",
    "무수물", "오로트산염", "캄실산염", "메독소밀", "폴리스티렉스", "타닌산염", "에디실산염",
    "미분화", "과립", "제피세립", "세립", "가루", "액", "건조", "고체분산체",
], key=len, reverse=True)
_KO_PREFIXES = sorted([
    "염산", "브롬화수소산", "말레인산", "말레산", "황산", "인산", "주석산", "타르타르산",
    "구연산", "시트르산", "푸마르산", "숙신산", "호박산", "초산", "질산", "무수", "미분화",
], key=len, reverse=True)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|（[^（）]*）")
_STRENGTH = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:밀리그람|밀리그램|마이크로그램|밀리리터|그램|mg|mcg|µg|ml|g|%|배산)?",
    re.IGNORECASE)
_SPACES = re.compile(r"[\s\u00a0·,./_\-]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Coarse dosage forms: what a DUR FORM_NAME or a product name says about how it is taken.
# Order matters: the first matching word decides ("건조시럽용 과립제" is both liquid and granule).
_FORM_WORDS: tuple[tuple[str, str], ...] = (
    ("주사", "injection"), ("좌제", "suppository"), ("점안", "eye"), ("점이", "ear"),
    ("점비", "nasal"), ("분무", "spray"), ("크림", "topical"), ("연고", "topical"),
    ("겔", "topical"), ("로션", "topical"), ("첩부", "topical"), ("패취", "topical"),
    ("패치", "topical"), ("카타플라스마", "topical"), ("피부", "topical"), ("가글", "mouthwash"),
    ("시럽", "liquid"), ("현탁", "liquid"), ("내복액", "liquid"), ("액제", "liquid"),
    ("용액", "liquid"), ("엘릭서", "liquid"), ("드롭", "liquid"), ("주정", "liquid"),
    ("캡슐", "capsule"),
    ("과립", "granule"), ("산제", "granule"), ("세립", "granule"), ("츄어블", "tablet"),
    ("정제", "tablet"), ("syrup", "liquid"), ("suspension", "liquid"), ("liquid", "liquid"),
    ("solution", "liquid"), ("drops", "liquid"), ("elixir", "liquid"), ("capsule", "capsule"),
    ("liqui-gel", "capsule"), ("softgel", "capsule"), ("caplet", "tablet"),
    ("tablet", "tablet"), ("chewable", "tablet"), ("cream", "topical"), ("gel", "topical"),
    ("ointment", "topical"), ("patch", "topical"), ("spray", "spray"),
    ("injection", "injection"), ("suppositor", "suppository"), ("granule", "granule"),
    ("powder", "granule"),
)
# Korean product-name endings that name the form; stripped to get the brand ("게보린정").
_KO_FORM_ENDINGS: tuple[tuple[str, str], ...] = tuple(sorted((
    ("정", "tablet"), ("필름코팅정", "tablet"), ("서방정", "tablet"), ("장용정", "tablet"),
    ("이알서방정", "tablet"), ("츄어블정", "tablet"), ("발포정", "tablet"), ("캡슐", "capsule"),
    ("연질캡슐", "capsule"), ("경질캡슐", "capsule"), ("시럽", "liquid"), ("현탁액", "liquid"),
    ("내복액", "liquid"), ("액", "liquid"), ("드롭스", "liquid"), ("산", "granule"),
    ("과립", "granule"), ("크림", "topical"), ("연고", "topical"), ("겔", "topical"),
    ("로션", "topical"), ("패취", "topical"), ("카타플라스마", "topical"), ("좌제", "suppository"),
    ("점안액", "eye"), ("스프레이", "spray"), ("가글액", "mouthwash"),
), key=lambda item: len(item[0]), reverse=True))


def compact(text: str) -> str:
    """Case, width, spacing and punctuation folded: the form names are compared in."""
    text = unicodedata.normalize("NFKC", text).lower().replace("´", "'")
    return _SPACES.sub("", text).strip("'")


def is_korean(text: str) -> bool:
    return bool(_HANGUL.search(text))


def strip_salt(name: str) -> str:
    """The base of one ingredient name with its counter-ion/hydrate words removed.

    Never strips down to nothing or to a bare ion ("Calcium Carbonate" stays whole), so
    distinct minerals do not collapse into one key.
    """
    text = _BRACKETS.sub(" ", unicodedata.normalize("NFKC", name)).strip()
    if not is_korean(text):
        words = [w for w in re.split(r"[\s,]+", text.lower()) if w]
        kept = [w for w in words if w not in _EN_SALT_WORDS]
        if not kept or all(w in _EN_BARE for w in kept):
            return compact(" ".join(words))
        return compact(" ".join(kept))
    key = compact(text)
    changed = True
    while changed:
        changed = False
        for suffix in _KO_SUFFIXES:
            rest = key[: -len(suffix)]
            if key.endswith(suffix) and len(rest) >= 2 and not rest.endswith(("산", "산수소")):
                key, changed = rest, True
                break
        for prefix in _KO_PREFIXES:
            rest = key[len(prefix):]
            if key.startswith(prefix) and len(rest) >= 3:
                key, changed = rest, True
                break
    return key


class IngredientDictionary:
    """Exact and salt-free names (either language) → one canonical key (English when known).

    Built from name pairs the DUR tables carry (``INGR_ENG_NAME``/``INGR_KOR_NAME``, raw
    materials, HIRA's component list); :meth:`fold` falls back to :func:`strip_salt`.
    """

    def __init__(self) -> None:
        self._names: dict[str, str] = {}

    def add(self, english: str | None, korean: Iterable[str] = (), *, key: str | None = None,
            override: bool = False) -> str | None:
        """Register English and Korean spellings of one ingredient; returns its key."""
        names = [n for n in (english, *korean) if n and n.strip()]
        # a spelling already known keeps its key, so synonyms ("Sulfadiazine Silver",
        # "Silver Sulfadiazine", both 설파디아진은) end up as one ingredient
        known = next((self._names[c] for c in (compact(_BRACKETS.sub("", n)) for n in names)
                      if c in self._names), None)
        key = key or known or (strip_salt(english) if english and english.strip() else None)
        if not key:
            return None
        for name in names:
            for variant in (compact(_BRACKETS.sub("", name)), strip_salt(name)):
                if variant and (override or variant not in self._names):
                    self._names[variant] = key
        return key

    def fold(self, name: str) -> str:
        """The canonical key of ``name``: its dictionary entry, else its salt-free form."""
        exact = compact(_BRACKETS.sub("", name))
        if exact in self._names:
            return self._names[exact]
        base = strip_salt(name)
        return self._names.get(base, base)

    def knows(self, name: str) -> bool:
        exact = compact(_BRACKETS.sub("", name))
        return exact in self._names or strip_salt(name) in self._names

    def items(self) -> list[tuple[str, str]]:
        return sorted(self._names.items())

    @classmethod
    def from_items(cls, items: Iterable[tuple[str, str]]) -> IngredientDictionary:
        dictionary = cls()
        dictionary._names = dict(items)
        return dictionary


def fold_ingredient(name: str, dictionary: IngredientDictionary | None = None) -> str:
    """One ingredient name in either language → its canonical key (see module docstring)."""
    return dictionary.fold(name) if dictionary else strip_salt(name)


def split_ingredients(main_ingredient: str) -> list[str]:
    """e약은요 ``mainIngredient`` ("아세트아미노펜,카페인무수물") → the ingredient names,
    strengths and grades ("셀레늄가루 0.1%") removed."""
    parts = re.split(r"[,;+]|/(?=\D)", _BRACKETS.sub("", main_ingredient))
    return [p for p in (_STRENGTH.sub("", part).strip() for part in parts) if p]


def dosage_form(text: str) -> str | None:
    """The first coarse form a product name or form description names, or None."""
    forms = dosage_forms(text, first_only=True)
    return forms[0] if forms else None


def dosage_forms(text: str, *, first_only: bool = False) -> list[str]:
    """Every coarse form in a DUR ``FORM_NAME`` ("정제/캡슐" → tablet, capsule)."""
    found: list[str] = []
    if "고형제" in text or "모든" in text:  # "고형제/반고형제/액제": every form
        return []
    for part in re.split(r"[/,]", text.lower()):
        part = part.strip()
        if not part:
            continue
        form = next((f for word, f in _FORM_WORDS if word in part), None)
        if form is None and part.endswith("정"):
            form = "tablet"
        if form and form not in found:
            found.append(form)
            if first_only:
                break
    return found


def product_form(item_name: str) -> str | None:
    """The coarse form an MFDS product name states ("나녹시딜액5%" → liquid)."""
    for alias in reversed(product_aliases(item_name)):
        form = split_form(alias)[1]
        if form:
            return form
    return dosage_form(item_name)


def split_form(name: str) -> tuple[str, str | None]:
    """("게보린정" → "게보린", "tablet"); the ending is kept when too little would remain."""
    for ending, form in _KO_FORM_ENDINGS:
        if name.endswith(ending) and len(name) - len(ending) >= 2:
            return name[: -len(ending)], form
    return name, None


def product_aliases(item_name: str) -> list[str]:
    """The compact names an MFDS product is asked for by, most specific first.

    "게보린정(수출명:돌로린정)" → ["게보린정", "게보린"]; "타이레놀정500밀리그람(아세트
    아미노펜)" → ["타이레놀정500밀리그람", "타이레놀정", "타이레놀"]. Several products
    separated by commas ("나조린점안액(1회용),나조린점안액") each give their names.
    """
    aliases: list[str] = []
    cleaned = re.sub(r"\(\s*수출명[^)]*\)", "", unicodedata.normalize("NFKC", item_name))
    for part in re.split(r",(?![^()]*\))", cleaned):
        no_brackets = _BRACKETS.sub("", part)
        no_strength = _STRENGTH.sub("", no_brackets)
        for candidate in (no_brackets, no_strength):
            key = compact(candidate)
            if len(key) < 2:
                continue
            base, _ = split_form(key)
            for alias in (key, base):
                if alias not in aliases and len(alias) >= 2:
                    aliases.append(alias)
    return aliases


def query_variants(name: str) -> list[tuple[str, str | None]]:
    """What a typed medicine name may be looked up as, with the form it states (if any).

    "타이레놀 500" → "타이레놀500", "타이레놀"; "Zyrtec tablets" → "zyrtectablets", "zyrtec".
    """
    form = dosage_form(name)
    variants: list[tuple[str, str | None]] = []

    def add(text: str) -> None:
        key = compact(text)
        if len(key) >= 2 and key not in [v for v, _ in variants]:
            variants.append((key, form))

    add(name)
    add(_BRACKETS.sub("", name))
    no_strength = _STRENGTH.sub("", _BRACKETS.sub("", name))
    add(no_strength)
    words = [w for w in no_strength.split() if not any(f in w.lower() for f, _ in _FORM_WORDS)]
    add(" ".join(words))
    base, ko_form = split_form(compact(no_strength))
    if ko_form and form is None:  # only the name read without its ending states a form
        form = ko_form
    add(base)
    return variants
