"""Import MFDS's DUR files into the rule tables, with the dictionary and product links.

``python -m knowledge_base dur`` (run by ``make index``). Only in-force rows (``DEL_YN`` ≠
삭제) are kept. The import is idempotent: a hash of every input (the DUR CSVs, e약은요, the
lexicon files, the knowledge base's medicine names, this importer's version) is stored, and
an unchanged hash means nothing is rewritten; any change re-imports everything in one
transaction, so readers see either the old rule set or the new one.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, sessionmaker

from core.database import transaction
from knowledge_base.documents import Document
from knowledge_base.dur_products import ProductLink, link_products
from knowledge_base.dur_tables import (
    DurImportRow,
    DurIngredientNameRow,
    DurIngredientRow,
    DurProductRow,
    DurRuleRow,
)
from knowledge_base.ingredients import IngredientDictionary, compact

IMPORTER_VERSION = "1"
# file → rule kind; every one of these must exist
RULE_FILES: dict[str, str] = {
    "dur_usjnt_taboo.csv": "combination",
    "dur_pwnm_taboo.csv": "pregnancy",
    "dur_spcify_agrde_taboo.csv": "age",
    "dur_odsn_atent.csv": "elderly",
    "dur_cpcty_atent.csv": "max_dose",
    "dur_mdctn_pd_atent.csv": "duration",
    "dur_efcy_dplct.csv": "duplicate_class",
}
PRODUCT_FILE = "dur_prod_efcy_dplct.csv"
HIRA_FILE = "drug_max_dosage.csv"
_MIX = re.compile(r"\[(D\d+)\]([^\[]*)")
_ORI = re.compile(r"\[([A-Z]\d+)\]([^/\[]+)")


class DurSourceMissing(FileNotFoundError):
    """A DUR input file is not where the settings say it is."""


@dataclass
class DurData:
    """Everything the import writes, built in memory from the files."""

    rules: list[DurRuleRow] = field(default_factory=list)
    ingredients: dict[str, DurIngredientRow] = field(default_factory=dict)
    dictionary: IngredientDictionary = field(default_factory=IngredientDictionary)
    # compact exact name → DUR code, for linking a named raw material to its own code
    exact_codes: dict[str, str] = field(default_factory=dict)
    products: list[ProductLink] = field(default_factory=list)


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise DurSourceMissing(f"DUR source file missing: {path}")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in
                csv.DictReader(handle)]


def in_force(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if r.get("DEL_YN", "") != "삭제"]


def iso_date(value: str) -> str | None:
    digits = re.sub(r"\D", "", value)
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}" if len(digits) == 8 else None


def parse_mix(text: str) -> list[tuple[str, str, str]]:
    """"[D001266]Anhydrous Caffeine(카페인무수물)" → [(code, english, korean)]."""
    out = []
    for code, rest in _MIX.findall(text):
        rest = rest.strip(" /,")
        cut = rest.find("(")
        eng, kor = (rest[:cut], rest[cut + 1:].rstrip(")")) if cut > 0 else (rest, "")
        out.append((code, eng.strip(), kor.strip()))
    return out


def parse_ori(text: str) -> list[str]:
    return [name.strip() for _, name in _ORI.findall(text)]


def source_files(dur_dir: Path) -> list[Path]:
    return [dur_dir / name for name in (*RULE_FILES, PRODUCT_FILE, HIRA_FILE)]


def source_hash(paths: Sequence[Path], documents: Sequence[Document]) -> str:
    digest = hashlib.sha256(IMPORTER_VERSION.encode())
    here = Path(__file__).parent  # a changed importer re-imports too
    for module in ("dur_import.py", "dur_products.py", "ingredients.py", "dur_tables.py"):
        digest.update((here / module).read_bytes())
    for path in paths:
        if not path.is_file():
            raise DurSourceMissing(f"DUR source file missing: {path}")
        digest.update(path.name.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for doc in sorted(documents, key=lambda d: d.doc_id):
        digest.update(repr((doc.doc_id, doc.title, doc.generic_names, doc.brand_names)).encode())
    return digest.hexdigest()


def _register(data: DurData, code: str, eng: str, kor: str, raw: Iterable[str] = ()) -> None:
    raw = list(raw)
    key = data.dictionary.add(eng, [kor, *raw])
    if key is None:
        return
    if code not in data.ingredients:
        data.ingredients[code] = DurIngredientRow(code=code, eng=eng, kor=kor, key=key)
    for name in (eng, kor, *raw):
        if name:
            data.exact_codes.setdefault(compact(name), code)


def _rule(kind: str, row: dict[str, str]) -> DurRuleRow:
    mix = parse_mix(row.get("MIX", "") or row.get("MIX_INGR", ""))
    other_mix = parse_mix(row.get("MIXTURE_MIX", ""))
    return DurRuleRow(
        kind=kind, dur_seq=row.get("DUR_SEQ", ""), ingr_code=row["INGR_CODE"],
        ingr_eng=row.get("INGR_ENG_NAME", ""),
        ingr_kor=row.get("INGR_KOR_NAME") or row.get("INGR_NAME", ""),
        mix_codes=[m[0] for m in mix if m[0] != row["INGR_CODE"]],
        other_code=row.get("MIXTURE_INGR_CODE") or None,
        other_eng=row.get("MIXTURE_INGR_ENG_NAME", ""),
        other_kor=row.get("MIXTURE_INGR_KOR_NAME", ""),
        other_mix_codes=[m[0] for m in other_mix if m[0] != row.get("MIXTURE_INGR_CODE")],
        form_name=row.get("FORM_NAME", ""), grade=row.get("GRADE", ""),
        age_base=row.get("AGE_BASE", ""), max_qty=row.get("MAX_QTY", ""),
        max_term=row.get("MAX_DOSAGE_TERM", ""), effect_code=row.get("EFFECT_CODE", ""),
        series_name=row.get("SERS_NAME", ""),
        class_name=row.get("CLASS_NAME") or row.get("CLASS", ""),
        notification_date=iso_date(row.get("NOTIFICATION_DATE", "")),
        content=row.get("PROHBT_CONTENT", ""), remark=row.get("REMARK", ""),
    )


def read_dur(dur_dir: Path, e_yakeunyo: Path | None, documents: Sequence[Document],
             alias_files: Sequence[Path]) -> DurData:
    """Parse every file into rows, the dictionary and the product links (nothing written)."""
    data = DurData()
    tables = {kind: in_force(read_csv(dur_dir / name)) for name, kind in RULE_FILES.items()}
    product_rows = read_csv(dur_dir / PRODUCT_FILE)
    hira_rows = read_csv(dur_dir / HIRA_FILE)
    # A 복합 row's raw-material list also names its partners' materials, so only a 단일
    # row's list is a list of spellings of its own ingredient.
    for kind, rows in tables.items():
        for row in rows:
            single = row.get("MIX_TYPE") == "단일"
            _register(data, row["INGR_CODE"], row.get("INGR_ENG_NAME", ""),
                      row.get("INGR_KOR_NAME") or row.get("INGR_NAME", ""),
                      parse_ori(row.get("ORI") or row.get("ORI_INGR", "")) if single else ())
            if row.get("MIXTURE_INGR_CODE"):
                single = row.get("MIXTURE_MIX_TYPE") == "단일"
                _register(data, row["MIXTURE_INGR_CODE"], row.get("MIXTURE_INGR_ENG_NAME", ""),
                          row.get("MIXTURE_INGR_KOR_NAME", ""),
                          parse_ori(row.get("MIXTURE_ORI", "")) if single else ())
            data.rules.append(_rule(kind, row))
    for rows in tables.values():  # 복합 partners, once every main name is known
        for row in rows:
            for code, eng, kor in parse_mix(row.get("MIX", "") or row.get("MIX_INGR", "")):
                _register(data, code, eng, kor)
    for row in product_rows:
        _register(data, row["INGR_CODE"], row.get("INGR_ENG_NAME", ""),
                  row.get("INGR_NAME", ""))
    for row in hira_rows:  # HIRA's component list: names of ingredients DUR has no rule for
        eng, kor = row.get("DRUG_CPNT_ENG_NM", ""), row.get("DRUG_CPNT_KOR_NM", "")
        if eng and kor:
            data.dictionary.add(eng, [kor])
    data.products = link_products(
        data.dictionary, data.exact_codes, _codes_by_key(data), e_yakeunyo, product_rows,
        documents, alias_files)
    return data


def _codes_by_key(data: DurData) -> dict[str, list[str]]:
    by_key: dict[str, list[str]] = {}
    for code, row in sorted(data.ingredients.items()):
        by_key.setdefault(row.key, []).append(code)
    return by_key


@dataclass(frozen=True)
class DurImportResult:
    imported: bool  # False when the sources were unchanged
    source_hash: str
    counts: dict[str, int]


def import_dur(sessions: sessionmaker[Session], dur_dir: Path, e_yakeunyo: Path | None,
               documents: Sequence[Document] = (), alias_files: Sequence[Path] = (),
               *, force: bool = False) -> DurImportResult:
    """Bring the DUR tables up to date with the files; a no-op when nothing changed."""
    inputs = source_files(dur_dir) + [p for p in (e_yakeunyo, *alias_files) if p]
    digest = source_hash(inputs, documents)
    with sessions() as session:
        state = session.scalar(select(DurImportRow))
        if state is not None and state.source_hash == digest and not force:
            return DurImportResult(False, digest, dict(state.counts))
    data = read_dur(dur_dir, e_yakeunyo, documents, alias_files)
    counts: dict[str, int] = {}
    for rule in data.rules:
        counts[rule.kind] = counts.get(rule.kind, 0) + 1
    counts["ingredients"] = len(data.ingredients)
    counts["products"] = len(data.products)
    with transaction(sessions) as session:
        for table in (DurRuleRow, DurIngredientRow, DurIngredientNameRow, DurProductRow,
                      DurImportRow):
            session.execute(delete(table))
        session.add_all(data.rules)
        session.add_all(data.ingredients.values())
        session.add_all(DurIngredientNameRow(name=name, key=key)
                        for name, key in data.dictionary.items())
        session.add_all(DurProductRow(
            source=p.source, item_seq=p.item_seq, name=p.name, aliases=p.aliases,
            ingredients=p.ingredients, codes=p.codes, form=p.form, otc=p.otc)
            for p in data.products)
        session.add(DurImportRow(source_hash=digest, counts=counts,
                                 imported_at=datetime.now(UTC).isoformat()))
    return DurImportResult(True, digest, counts)


def rule_status(session: Session) -> tuple[dict[str, int], str | None]:
    """Rule counts per kind and the newest notification date (for the staff status)."""
    counts = dict(session.execute(
        select(DurRuleRow.kind, func.count()).group_by(DurRuleRow.kind)).all())
    newest = session.scalar(select(func.max(DurRuleRow.notification_date)))
    return {str(k): int(v) for k, v in counts.items()}, newest


def knowledge_base_documents(db_url: str, catalogue_dir: Path, labels: Path) -> list[Document]:
    """The leaflets whose names products are linked by: the store's, else the sources'."""
    from knowledge_base.ingest import read_sources
    from knowledge_base.store import open_knowledge_base

    documents = open_knowledge_base(db_url).current_documents()
    if documents:
        return documents
    return [d for batch in read_sources(catalogue_dir, None, [labels]) for d in batch.documents]


def main() -> None:
    """``python -m knowledge_base.dur_import [--force]``: import or report "unchanged"."""
    import sys

    from core.database import make_engine, make_session_factory
    from core.schema import upgrade_schema
    from core.settings import get_settings

    settings = get_settings()
    paths = settings.paths
    paths.var_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.db_url)
    upgrade_schema(engine)
    documents = knowledge_base_documents(settings.db_url, paths.catalogue_dir,
                                         paths.fda_labels_file)
    try:
        result = import_dur(
            make_session_factory(engine), paths.dur_dir,
            paths.shared_data_dir / "mfds" / "e_yakeunyo.jsonl", documents,
            sorted(paths.lexicon_dir.glob("*.yml")), force="--force" in sys.argv)
    except DurSourceMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(2) from exc
    finally:
        engine.dispose()
    state = "imported" if result.imported else "unchanged"
    print(f"  DUR rules {state}: {result.counts}", file=sys.stderr)


if __name__ == "__main__":
    main()
