"""Import MFDS consumer leaflets (의약품개요정보, e약은요) as Korean leaflet documents.

These are the leaflets of the products the chain actually sells, written by the ministry for
consumers: what a Korean pharmacist would read out. One record (one line of
``e_yakeunyo.jsonl``) becomes one ``Document`` whose section keys are the openFDA ones, so an
English and a Korean leaflet share one vocabulary (a "dosage" question prefers
``dosage_and_administration`` in both). Generic names are folded to the English key where
Korea's DUR tables give one ("아세트아미노펜" → ``acetaminophen``) and also kept in Korean, so a
Korean product and a US label of one medicine are recognisably the same medicine; product
names people say ("타이레놀", "타이레놀 500") become brand aliases via :func:`product_aliases`.

Re-running is idempotent: the store skips a document whose content hash is unchanged, so a
snapshot with a new ``updateDe`` re-imports (and re-embeds) only the records that changed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from core.lines import numbered_lines
from knowledge_base.documents import Document, Section
from knowledge_base.ingredients import (
    IngredientDictionary,
    fold_ingredient,
    product_aliases,
    split_ingredients,
)
from knowledge_base.openfda import RecordError, record_error

SOURCE_NAME = "MFDS e약은요"
ATTRIBUTION = "출처: 식품의약품안전처 의약품개요정보(e약은요)"
DOC_PREFIX = "mfds-"

# e약은요 field → (openFDA section key, the Korean heading a consumer recognises).
SECTION_FIELDS: dict[str, tuple[str, str]] = {
    "efcyQesitm": ("indications_and_usage", "효능·효과"),
    "useMethodQesitm": ("dosage_and_administration", "용법·용량"),
    "atpnWarnQesitm": ("warnings", "사용 전 반드시 알아야 할 내용"),
    "atpnQesitm": ("precautions", "사용상 주의사항"),
    "intrcQesitm": ("drug_interactions", "함께 주의해야 할 약 또는 음식"),
    "seQesitm": ("adverse_reactions", "이상반응"),
    "depositMethodQesitm": ("storage_and_handling", "보관법"),
}
KOREAN_SECTION_TITLES: dict[str, str] = {key: title for key, title in SECTION_FIELDS.values()}

# English brand names under which Korean products are known abroad (and asked for in
# English by visitors): a product whose alias starts with the key gets the brand.
ENGLISH_BRANDS: dict[str, tuple[str, ...]] = {
    "타이레놀": ("Tylenol",), "부스코판": ("Buscopan",), "개비스콘": ("Gaviscon",),
    "후시딘": ("Fucidin",), "게보린": ("Geworin",), "탁센": ("Taxen",), "판콜": ("Pancol",),
    "판피린": ("Panpyrin",), "베아제": ("Bearse",), "훼스탈": ("Festal",),
    "마데카솔": ("Madecassol",), "애드빌": ("Advil",), "부루펜": ("Brufen",),
    "둘코락스": ("Dulcolax",), "지르텍": ("Zyrtec",), "클라리틴": ("Claritin",),
    "이지엔6": ("Easy N6",), "겔포스": ("Gelfos",), "인사돌": ("Insadol",),
    "니조랄": ("Nizoral",), "카네스텐": ("Canesten",), "스트렙실": ("Strepsils",),
    "오트리빈": ("Otrivin",), "스멕타": ("Smecta",), "액티피드": ("Actifed",),
    "알레그라": ("Allegra",), "베타딘": ("Betadine",), "테라플루": ("Theraflu",),
}

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _date(record: dict) -> str | None:
    for field in ("updateDe", "openDe"):
        value = str(record.get(field) or "").strip()
        match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
        if match:
            return "-".join(match.groups())
    return None


def _paragraphs(text: str) -> str:
    """Paragraphs kept (blank line between them), whitespace inside each folded."""
    parts = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text.replace("\r", "")))
    return "\n\n".join(p for p in parts if p)


def generic_names(
    main_ingredient: str, dictionary: IngredientDictionary | None
) -> tuple[str, ...]:
    """Ingredient keys, English where the DUR dictionary knows the Korean name, then the
    Korean names themselves (salt-free), so "acetaminophen" and "아세트아미노펜" both find it."""
    korean = split_ingredients(main_ingredient)
    english = (fold_ingredient(n, dictionary) for n in korean)
    native = (fold_ingredient(n) for n in korean)
    return tuple(dict.fromkeys(n for n in (*english, *native) if n))


def brand_names(item_name: str) -> tuple[str, ...]:
    """The names a product is asked for by (Korean aliases, then English brands)."""
    aliases = product_aliases(item_name)
    english = [b for key, brands in ENGLISH_BRANDS.items()
               if any(a.startswith(key) for a in aliases) for b in brands]
    return tuple(dict.fromkeys([*aliases, *english]))


def record_to_document(record: dict, dictionary: IngredientDictionary | None = None) -> Document:
    """Map one e약은요 record to a Korean leaflet; raises ValueError/ValidationError."""
    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    item_seq = str(record.get("itemSeq") or "").strip()
    item_name = str(record.get("itemName") or "").strip()
    if not re.fullmatch(r"[0-9A-Za-z]+", item_seq):
        raise ValueError(f"bad itemSeq {item_seq!r}")
    if not item_name:
        raise ValueError("itemName is missing")
    sections = []
    for field, (key, title) in SECTION_FIELDS.items():
        text = _paragraphs(str(record.get(field) or ""))
        if text:
            sections.append(Section(key=key, title=title, text=text))
    if not sections:
        raise ValueError("record has no filled section")
    company = str(record.get("entpName") or "").strip()
    source = (f"{SOURCE_NAME} (품목일련번호 {item_seq}{', ' + company if company else ''}); "
              f"{ATTRIBUTION}")
    return Document(
        doc_id=f"{DOC_PREFIX}{item_seq.lower()}",
        kind="leaflet",
        title=item_name,
        audience="consumer",
        generic_names=generic_names(str(record.get("mainIngredient") or ""), dictionary),
        brand_names=brand_names(item_name),
        sections=tuple(sections),
        source=source[:500],
        effective_date=_date(record),
        product_type="일반의약품 (MFDS e약은요)",
    )


def load_dictionary(dur_dir: Path | None) -> IngredientDictionary | None:
    """Korean → English ingredient keys from Korea's DUR tables (None when absent)."""
    if dur_dir is None or not dur_dir.is_dir():
        return None
    from knowledge_base.dur_import import DurSourceMissing, read_dur

    try:
        return read_dur(dur_dir, None, [], []).dictionary
    except DurSourceMissing:
        return None


def read_e_yakeunyo(
    path: Path, dictionary: IngredientDictionary | None = None
) -> Iterator[Document | RecordError]:
    """Yield a Document per usable record and a RecordError per malformed one."""
    for number, line in numbered_lines(path.read_text(encoding="utf-8")):
        if not line.strip():
            continue
        try:
            yield record_to_document(json.loads(line), dictionary)
        except json.JSONDecodeError as exc:
            yield RecordError(str(path), number, f"invalid JSON: {exc.msg}")
        except (ValidationError, ValueError, TypeError) as exc:
            yield record_error(path, number, exc)


def is_mfds(doc_id: str) -> bool:
    return doc_id.startswith(DOC_PREFIX)


def attribution_for(source: str) -> str | None:
    """The attribution line a citation of this document must carry (None: none needed)."""
    return ATTRIBUTION if SOURCE_NAME in source else None
