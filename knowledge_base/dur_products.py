"""Link every product the assistant knows to its ingredients and DUR ingredient codes.

Sources, most authoritative first: MFDS e약은요 (``itemName`` → ``mainIngredient``), the
DUR product table for products e약은요 lacks (prescription products people still name),
the knowledge base's leaflets (FDA labels, the catalogue), and the brand lexicon the
retriever already uses (``MedicineLexicon`` + ``knowledge_base/lexicon/*.yml``), plus a few
brands people say whose lexicon entry is a family of different products.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge_base.documents import Document
from knowledge_base.ingredients import (
    IngredientDictionary,
    compact,
    dosage_form,
    product_aliases,
    product_form,
    split_ingredients,
)
from knowledge_base.medicine_names import MedicineLexicon

# What the bare brand means when people say it, where the lexicon's family entry is a
# union of unlike products ("sudafed" covers Sudafed PE, which is phenylephrine).
SPOKEN_BRANDS: dict[str, tuple[str, ...]] = {
    "sudafed": ("pseudoephedrine",),
    "수다페드": ("pseudoephedrine",),
    "advil": ("ibuprofen",),
    "aleve": ("naproxen",),
    "tylenol": ("acetaminophen",),
    "claritin": ("loratadine",),
    "zyrtec": ("cetirizine",),
    "benadryl": ("diphenhydramine",),
    "excedrin": ("acetaminophen", "aspirin", "caffeine"),
    "nyquil": ("acetaminophen", "dextromethorphan", "doxylamine"),
}


@dataclass
class ProductLink:
    source: str  # mfds | dur_product | fda | catalogue | lexicon
    name: str
    aliases: list[str]
    ingredients: list[str]  # canonical keys
    codes: list[str]  # DUR ingredient codes
    form: str | None = None
    otc: bool = False
    item_seq: str | None = None


class _Linker:
    def __init__(self, dictionary: IngredientDictionary, exact_codes: dict[str, str],
                 codes_by_key: dict[str, list[str]]) -> None:
        self.dictionary = dictionary
        self.exact_codes = exact_codes
        self.codes_by_key = codes_by_key

    def link(self, names: Sequence[str]) -> tuple[list[str], list[str]]:
        """Ingredient names → (canonical keys, DUR codes); a raw material named exactly in
        DUR links its own code, otherwise every code folding to the same key."""
        keys: list[str] = []
        codes: list[str] = []
        for name in names:
            key = self.dictionary.fold(name)
            if not key:
                continue
            if key not in keys:
                keys.append(key)
            exact = self.exact_codes.get(compact(name))
            for code in ([exact] if exact else self.codes_by_key.get(key, [])):
                if code not in codes:
                    codes.append(code)
        return keys, codes


def _mfds_products(linker: _Linker, path: Path) -> list[ProductLink]:
    products = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            name = record.get("itemName") or ""
            keys, codes = linker.link(split_ingredients(record.get("mainIngredient") or ""))
            aliases = product_aliases(name)
            if not aliases or not keys:
                continue
            form = product_form(name)
            products.append(ProductLink("mfds", name, aliases, keys, codes, form, True,
                                        str(record.get("itemSeq") or "") or None))
    return products


def _dur_products(linker: _Linker, rows: Sequence[dict[str, str]],
                  known_seqs: set[str]) -> list[ProductLink]:
    by_seq: dict[str, dict[str, str]] = {}
    for row in rows:
        if row.get("ITEM_SEQ") and row["ITEM_SEQ"] not in known_seqs:
            by_seq.setdefault(row["ITEM_SEQ"], row)
    products = []
    for seq, row in by_seq.items():
        raw = [n for _, n in re.findall(r"\[([A-Z]\d+)\]([^/\[]+)", row.get("MAIN_INGR", ""))]
        keys, codes = linker.link([n.strip() for n in raw])
        aliases = product_aliases(row.get("ITEM_NAME", ""))
        if keys and aliases:
            form = dosage_form(row.get("FORM_NAME", "")) or product_form(row["ITEM_NAME"])
            products.append(ProductLink("dur_product", row["ITEM_NAME"], aliases, keys, codes,
                                        form, row.get("ETC_OTC_NAME") == "일반의약품", seq))
    return products


def _document_products(linker: _Linker, documents: Sequence[Document]) -> list[ProductLink]:
    products = []
    for doc in documents:
        if doc.kind != "leaflet" or not doc.generic_names:
            continue
        keys, codes = linker.link(doc.generic_names)
        aliases = list(dict.fromkeys(compact(n) for n in (doc.title, *doc.brand_names) if n))
        source = "catalogue" if doc.doc_id.startswith("cat-") else "fda"
        products.append(ProductLink(source, doc.title, aliases, keys, codes,
                                    dosage_form(doc.title), True))
    return products


def _lexicon_products(linker: _Linker, documents: Sequence[Document],
                      alias_files: Sequence[Path]) -> list[ProductLink]:
    entries = {name: tuple(e["generics"]) for name, e in MedicineLexicon.from_documents(
        documents, [p for p in alias_files if p.is_file()]).to_json().items()}
    # alias files whose generics the knowledge base lacks are still names people use
    import yaml

    for path in alias_files:
        if path.is_file():
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            for alias, generics in (data.get("aliases") or {}).items():
                names = tuple(generics) if isinstance(generics, list) else (str(generics),)
                entries.setdefault(str(alias).lower(), names)
    entries.update(SPOKEN_BRANDS)
    products = []
    for name, generics in sorted(entries.items()):
        keys, codes = linker.link(generics)
        if keys:
            products.append(ProductLink("lexicon", name, [compact(name)], keys, codes,
                                        dosage_form(name), True))
    return products


def link_products(dictionary: IngredientDictionary, exact_codes: dict[str, str],
                  codes_by_key: dict[str, list[str]], e_yakeunyo: Path | None,
                  product_rows: Sequence[dict[str, str]], documents: Sequence[Document],
                  alias_files: Sequence[Path]) -> list[ProductLink]:
    """Every product with its aliases, canonical ingredient keys and DUR codes."""
    linker = _Linker(dictionary, exact_codes, codes_by_key)
    products: list[ProductLink] = []
    if e_yakeunyo is not None:
        if not e_yakeunyo.is_file():
            raise FileNotFoundError(f"e약은요 file missing: {e_yakeunyo}")
        products.extend(_mfds_products(linker, e_yakeunyo))
    known = {p.item_seq for p in products if p.item_seq}
    products.extend(_dur_products(linker, product_rows, known))
    products.extend(_document_products(linker, documents))
    products.extend(_lexicon_products(linker, documents, alias_files))
    return products
