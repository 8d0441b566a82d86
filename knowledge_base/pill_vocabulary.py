"""Words for what a pill looks like (MFDS 낱알식별): colours, shapes, forms and imprints.

One place holds the canonical codes (the Korean words MFDS uses, e.g. 하양, 장방형), their
English and Korean labels, and every synonym a person may type ("white", "흰색", "하얀"),
because the importer, the search and later the chat must agree on them. Imprint
normalisation lives here too: the importer stores it and the search applies the very same
function to the query, so a query typed sloppily lands on the stored form.

Pure Python, no database or web imports: the search module depends on it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# --- colours ---------------------------------------------------------------------------
# canonical code -> (English label, synonyms). The code is MFDS's COLOR_CLASS word.
COLORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "하양": ("white", ("하양", "하양색", "흰색", "하얀색", "하얀", "흰", "백색", "white",
                       "off white", "ivory", "cream")),
    "노랑": ("yellow", ("노랑", "노랑색", "노란색", "노란", "황색", "yellow")),
    "주황": ("orange", ("주황", "주황색", "오렌지색", "오렌지", "orange")),
    "분홍": ("pink", ("분홍", "분홍색", "핑크색", "핑크", "pink", "rose")),
    "빨강": ("red", ("빨강", "빨강색", "빨간색", "빨간", "붉은색", "붉은", "적색", "red")),
    "갈색": ("brown", ("갈색", "밤색", "고동색", "brown", "tan")),
    "연두": ("light green", ("연두", "연두색", "light green", "lime green", "lime",
                             "yellow green", "pale green")),
    "초록": ("green", ("초록", "초록색", "녹색", "green", "dark green")),
    "청록": ("turquoise", ("청록", "청록색", "turquoise", "teal", "cyan", "blue green",
                           "aqua")),
    "파랑": ("blue", ("파랑", "파랑색", "파란색", "파란", "청색", "하늘색", "blue",
                      "light blue", "sky blue")),
    "남색": ("navy", ("남색", "navy", "navy blue", "dark blue", "indigo")),
    "자주": ("purple", ("자주", "자주색", "자줏빛", "purple", "magenta", "maroon")),
    "보라": ("violet", ("보라", "보라색", "보랏빛", "violet", "lavender", "lilac")),
    "회색": ("grey", ("회색", "쥐색", "grey", "gray", "silver")),
    "검정": ("black", ("검정", "검정색", "검은색", "검은", "까만색", "까만", "흑색", "black")),
    "투명": ("clear", ("투명", "투명한", "clear", "transparent", "translucent")),
}
# Colours people mix up (a green that MFDS files as 연두): half credit, not zero.
NEAR_COLORS: dict[str, frozenset[str]] = {
    "하양": frozenset({"회색", "노랑"}), "노랑": frozenset({"주황", "하양", "연두"}),
    "주황": frozenset({"노랑", "빨강", "갈색"}), "분홍": frozenset({"빨강", "자주", "주황"}),
    "빨강": frozenset({"분홍", "주황", "자주"}), "갈색": frozenset({"주황", "빨강"}),
    "연두": frozenset({"초록", "노랑"}), "초록": frozenset({"연두", "청록"}),
    "청록": frozenset({"초록", "파랑"}), "파랑": frozenset({"남색", "청록", "보라"}),
    "남색": frozenset({"파랑", "보라"}), "자주": frozenset({"보라", "분홍", "빨강"}),
    "보라": frozenset({"자주", "파랑"}), "회색": frozenset({"하양", "검정"}),
    "검정": frozenset({"회색", "남색"}), "투명": frozenset(),
}
COLOR_MODIFIERS = ("옅은", "진한")  # MFDS writes "노랑, 옅은": a shade, not a second colour

# --- shapes ----------------------------------------------------------------------------
SHAPES: dict[str, tuple[str, tuple[str, ...]]] = {
    "원형": ("round", ("원형", "원", "동그란", "둥근", "동글", "round", "circle", "circular")),
    "타원형": ("oval", ("타원형", "타원", "계란형", "oval", "elliptical", "ellipse")),
    "장방형": ("oblong", ("장방형", "직사각형", "길쭉한", "oblong", "rectangle",
                          "rectangular", "capsule shaped", "caplet", "elongated")),
    "삼각형": ("triangle", ("삼각형", "삼각", "세모", "triangle", "triangular")),
    "사각형": ("square", ("사각형", "정사각형", "사각", "네모", "square")),
    "오각형": ("pentagon", ("오각형", "오각", "pentagon", "pentagonal")),
    "육각형": ("hexagon", ("육각형", "육각", "hexagon", "hexagonal")),
    "팔각형": ("octagon", ("팔각형", "팔각", "octagon", "octagonal")),
    "마름모형": ("diamond", ("마름모형", "마름모", "diamond", "rhombus")),
    "반원형": ("half-round", ("반원형", "반원", "반달", "half round", "half moon",
                              "semicircle", "semicircular")),
    "기타": ("other", ("기타", "other")),
}
NEAR_SHAPES: dict[str, dict[str, float]] = {
    "원형": {"타원형": 0.3, "팔각형": 0.3, "육각형": 0.2},
    "타원형": {"장방형": 0.5, "원형": 0.3},
    "장방형": {"타원형": 0.5, "기타": 0.2},
    "사각형": {"마름모형": 0.5, "장방형": 0.2},
    "마름모형": {"사각형": 0.5},
    "오각형": {"육각형": 0.5, "원형": 0.2}, "육각형": {"오각형": 0.5, "팔각형": 0.5},
    "팔각형": {"육각형": 0.5, "원형": 0.3}, "삼각형": {"오각형": 0.2},
    "반원형": {"기타": 0.3}, "기타": {"장방형": 0.2, "반원형": 0.3},
}

# --- forms -----------------------------------------------------------------------------
FORM_KINDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # kind -> (English label, Korean label, synonyms)
    "tablet": ("tablet", "정제", ("tablet", "tablets", "tab", "caplet", "정제", "정", "알약")),
    "capsule": ("capsule", "캡슐", ("capsule", "capsules", "cap", "softgel", "soft gel",
                                     "gelcap", "soft capsule", "hard capsule", "캡슐",
                                     "캡슐제", "연질캡슐", "경질캡슐", "연질", "경질")),
    "other": ("other", "기타", ("film", "troche", "lozenge", "필름", "트로키")),
}


def form_kind_of(form_code_name: str) -> str:
    """MFDS FORM_CODE_NAME ("경질캡슐제, 산제", "필름코팅정") -> tablet / capsule / other."""
    if "캡슐" in form_code_name or "스팬슐" in form_code_name:
        return "capsule"
    if "정" in form_code_name or "트로키" in form_code_name:
        return "tablet"
    return "other"


# Words that say nothing about colour, shape or form ("a white *and* red *pill*").
STOPWORDS = frozenset({
    "and", "or", "with", "a", "an", "the", "pill", "pills", "colour", "color", "colored",
    "coloured", "shape", "shaped", "light", "dark", "pale", "bright", "deep", "ish", "one",
    "side", "two", "tone", "half", "mixed", "색", "의", "이고", "이며", "과", "와", "및",
    "하고", "이랑", "랑", "진한", "연한", "옅은", "밝은", "어두운", "모양", "형", "알약",
    "약", "두", "가지", "반반", "에", "인", "이", "가", "은", "는", "색깔", "빛",
})


@dataclass(frozen=True)
class ParsedWords:
    """What a free-text field meant: canonical codes found, in order, and words not understood."""

    codes: tuple[str, ...]
    unknown: tuple[str, ...]


def _phrase_table(vocab: Mapping[str, Iterable[str]]) -> list[tuple[str, str]]:
    pairs = [(_fold_words(s), code) for code, synonyms in vocab.items() for s in synonyms]
    # longest first: "light green" before "green", "타원형" before "원형", "주황색" before "황색"
    return sorted(set(pairs), key=lambda pair: (-len(pair[0]), pair[0]))


def _fold_words(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return re.sub(r"[\s\-_/,.&+·]+", " ", text).strip()


def parse_words(text: str, table: list[tuple[str, str]]) -> ParsedWords:
    """Find the vocabulary phrases in ``text`` (English words or unspaced Korean)."""
    rest = f" {_fold_words(text)} "
    codes: list[str] = []
    for phrase, code in table:
        latin = phrase.isascii()
        pattern = rf"(?<![a-z]){re.escape(phrase)}(?![a-z])" if latin else re.escape(phrase)
        while (match := re.search(pattern, rest)) is not None:
            if code not in codes:
                codes.append(code)
            rest = rest[:match.start()] + " " + rest[match.end():]
    unknown: list[str] = []
    for token in rest.split():
        if token in STOPWORDS or token.isdigit():
            continue
        # Korean particles stuck to a word ("빨간색이고" leaves "이고")
        if all(ch in "색의이고며과와및하랑에인가은는빛깔" for ch in token):
            continue
        unknown.append(token)
    return ParsedWords(tuple(codes), tuple(unknown))


COLOR_TABLE = _phrase_table({code: syn for code, (_, syn) in COLORS.items()})
SHAPE_TABLE = _phrase_table({code: syn for code, (_, syn) in SHAPES.items()})
FORM_TABLE = _phrase_table({kind: syn for kind, (_, _, syn) in FORM_KINDS.items()})


def parse_colors(text: str) -> ParsedWords:
    return parse_words(text, COLOR_TABLE)


def parse_shape(text: str) -> ParsedWords:
    return parse_words(text, SHAPE_TABLE)


def parse_form(text: str) -> ParsedWords:
    return parse_words(text, FORM_TABLE)


def colors_from_mfds(*fields: str) -> tuple[str, ...]:
    """COLOR_CLASS1/COLOR_CLASS2 ("노랑, 투명", "파랑, 옅은") -> canonical codes, in order."""
    found: list[str] = []
    for field in fields:
        for word in (w.strip() for w in field.split(",")):
            if word in COLORS and word not in found:
                found.append(word)
    return tuple(found)


def color_label(code: str, lang: str) -> str:
    return COLORS[code][0] if lang == "en" and code in COLORS else code


def shape_label(code: str, lang: str) -> str:
    return SHAPES[code][0] if lang == "en" and code in SHAPES else code


def form_label(kind: str, lang: str) -> str:
    en, ko, _ = FORM_KINDS.get(kind, FORM_KINDS["other"])
    return en if lang == "en" else ko


def is_prescription(etc_otc_name: str) -> bool:
    """ETC_OTC_NAME 전문의약품 / 전문,희귀 are prescription; 일반(안전상비) ones are not."""
    return etc_otc_name.startswith("전문")


def rx_label(etc_otc_name: str, lang: str) -> str:
    if lang == "ko":
        return etc_otc_name or "미분류"
    if etc_otc_name.startswith("전문"):
        return "prescription (orphan drug)" if "희귀" in etc_otc_name else "prescription"
    if etc_otc_name.startswith("일반"):
        return "OTC (sold in convenience stores)" if "안전상비" in etc_otc_name else "OTC"
    return "unclassified"


# --- imprints --------------------------------------------------------------------------
# MFDS writes score lines and logos into PRINT_FRONT/BACK as words: "TE분할선125", "마크LP".
_SCORE_LINE = re.compile(r"십자분할선|분할선")
MARK = "마크"
# Glyphs that stand for a Latin letter in MFDS's transcription (Λ is an A without its bar).
_GLYPHS = str.maketrans({"Λ": "A", "∧": "A", "λ": "A", "Ο": "O", "О": "O", "Ι": "I"})
# Characters a person misreads on a small pill, folded onto one representative.
CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "S": "5", "B": "8", "Z": "2",
                            "G": "6"})


def normalise_imprint(text: str) -> str:
    """Case, spaces, ``-``, ``|``, ``/`` and score-line words folded away: "te-125" -> "TE125".

    Logos (``마크``) are dropped here; their descriptions are matched separately.
    """
    text = unicodedata.normalize("NFKC", text).translate(_GLYPHS)
    text = _SCORE_LINE.sub(" ", text).replace(MARK, " ")
    return "".join(ch for ch in text.upper() if ch.isalnum())


def fold_confusable(normalised: str) -> str:
    """0/O, 1/I/L, 5/S, 8/B, 2/Z, 6/G onto one character each, so a misread still matches."""
    return normalised.translate(CONFUSABLE)


def mark_words(description: str) -> tuple[str, ...]:
    """MARK_CODE_*_ANAL ("dHP,d-P,d P,dP") -> the readings a person might type, normalised."""
    words: list[str] = []
    for part in description.split(","):
        word = normalise_imprint(part)
        if word and word not in words:
            words.append(word)
    return tuple(words)


def side_readings(raw: str, marks: tuple[str, ...]) -> tuple[str, ...]:
    """Every normalised way one side may be typed: its text, and each logo reading in place."""
    readings = [normalise_imprint(raw)]
    if MARK in raw and marks:
        before, _, after = _SCORE_LINE.sub(" ", raw).partition(MARK)
        head, tail = normalise_imprint(before), normalise_imprint(after)
        readings.extend(f"{head}{word}{tail}" for word in marks)
    return tuple(dict.fromkeys(r for r in readings if r))
