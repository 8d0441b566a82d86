"""Import MFDS pill identification data (낱알식별, one JSON object a line) into its own table.

    python -m knowledge_base.pill_import      (run by `make index`)

Each source row becomes a :class:`~knowledge_base.pill_tables.PillRow` with the attributes a
search needs already normalised (imprints, canonical colours and shape, form kind, Rx/OTC,
size in mm) so the search index is built from the table without re-parsing. Whether an MFDS
e약은요 leaflet exists for the item is read from the e약은요 file (``itemSeq``).

Idempotent: the SHA-256 of both files plus :data:`NORMALISATION_VERSION` is stored; an
unchanged source is a no-op, a changed one replaces every row in one transaction (readers see
the old rows or the new ones, never a mix). A missing or malformed file fails loudly, naming
its path, instead of leaving an empty table that would make every pill "unknown".
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from core.database import make_engine, make_session_factory, transaction
from core.schema import upgrade_schema
from knowledge_base.pill_tables import PillImportRow, PillRow
from knowledge_base.pill_vocabulary import (
    SHAPES,
    colors_from_mfds,
    form_kind_of,
    is_prescription,
    mark_words,
    normalise_imprint,
)

# Bump when the normalisation changes, so the next `make index` rewrites the rows.
NORMALISATION_VERSION = "1"
LEAFLET_FILE_NAME = "e_yakeunyo.jsonl"  # next to the pill file in ../shared/data/mfds/
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class PillImportError(RuntimeError):
    """The source is missing or unreadable; the message names the file."""


@dataclass(frozen=True)
class PillImportResult:
    changed: bool
    rows: int
    source_hash: str


def leaflet_file_for(pill_file: Path) -> Path:
    return pill_file.parent / LEAFLET_FILE_NAME


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every object of a JSON-lines file; a missing file or bad line raises with the path."""
    if not path.is_file():
        raise PillImportError(f"pill data file not found: {path}")
    records: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PillImportError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise PillImportError(f"{path}:{number}: expected an object")
            records.append(record)
    return records


def size_mm(text: str) -> float | None:
    """LENG_LONG etc. as millimetres: "7.6" -> 7.6, "21.1±0.1mm" -> 21.1, "1호" (a capsule
    size number, not a length) -> None."""
    if not text or "호" in text:
        return None
    match = _NUMBER.search(text)
    return float(match.group()) if match else None


def _text(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    return str(value).strip() if value is not None else ""


def pill_values(record: dict[str, Any], leaflet_items: set[str]) -> dict[str, Any]:
    """One source row -> the column values of a :class:`PillRow`."""
    item_seq = _text(record, "ITEM_SEQ")
    if not item_seq:
        raise ValueError("row without ITEM_SEQ")
    shape = _text(record, "DRUG_SHAPE")
    etc_otc = _text(record, "ETC_OTC_NAME")
    front, back = _text(record, "PRINT_FRONT"), _text(record, "PRINT_BACK")
    class1, class2 = _text(record, "COLOR_CLASS1"), _text(record, "COLOR_CLASS2")
    form = _text(record, "FORM_CODE_NAME")
    return {
        "item_seq": item_seq,
        "name": _text(record, "ITEM_NAME"),
        "company": _text(record, "ENTP_NAME"),
        "chart": _text(record, "CHART"),
        "print_front": front,
        "print_back": back,
        "print_front_norm": normalise_imprint(front),
        "print_back_norm": normalise_imprint(back),
        "mark_front": list(mark_words(_text(record, "MARK_CODE_FRONT_ANAL"))),
        "mark_back": list(mark_words(_text(record, "MARK_CODE_BACK_ANAL"))),
        "line_front": _text(record, "LINE_FRONT"),
        "line_back": _text(record, "LINE_BACK"),
        "shape": shape if shape in SHAPES else "기타",
        "colors": list(colors_from_mfds(class1, class2)),
        "color_class1": class1,
        "color_class2": class2,
        "length_long_mm": size_mm(_text(record, "LENG_LONG")),
        "length_short_mm": size_mm(_text(record, "LENG_SHORT")),
        "thickness_mm": size_mm(_text(record, "THICK")),
        "form": form,
        "form_kind": form_kind_of(form),
        "etc_otc": etc_otc,
        "rx": is_prescription(etc_otc),
        "class_no": _text(record, "CLASS_NO"),
        "class_name": _text(record, "CLASS_NAME"),
        "permit_date": _text(record, "ITEM_PERMIT_DATE"),
        "has_leaflet": item_seq in leaflet_items,
    }


def source_hash(*paths: Path) -> str:
    digest = hashlib.sha256(f"pill-normalisation-{NORMALISATION_VERSION}".encode())
    for path in paths:
        if not path.is_file():
            raise PillImportError(f"pill data file not found: {path}")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def import_pills(sessions: sessionmaker[Session], pill_file: Path,
                 leaflet_file: Path | None = None) -> PillImportResult:
    """Load ``pill_file`` into ``pill_identification``; a no-op when nothing changed."""
    leaflet_file = leaflet_file or leaflet_file_for(pill_file)
    digest = source_hash(pill_file, leaflet_file)
    with sessions() as session:
        state = session.scalar(select(PillImportRow).where(PillImportRow.id == 1))
        if state is not None and state.source_hash == digest:
            return PillImportResult(False, state.rows, digest)
    leaflet_items = {_text(r, "itemSeq") for r in read_jsonl(leaflet_file)}
    values: list[dict[str, Any]] = []
    for number, record in enumerate(read_jsonl(pill_file), start=1):
        try:
            values.append(pill_values(record, leaflet_items))
        except ValueError as exc:
            raise PillImportError(f"{pill_file}: record {number}: {exc}") from exc
    with transaction(sessions) as session:
        session.execute(delete(PillRow))
        for start in range(0, len(values), 2000):
            session.execute(insert(PillRow), values[start:start + 2000])
        state = session.get(PillImportRow, 1)
        if state is None:
            state = PillImportRow(id=1, source=str(pill_file), source_hash=digest, rows=0)
            session.add(state)
        state.source, state.source_hash, state.rows = str(pill_file), digest, len(values)
    return PillImportResult(True, len(values), digest)


def count_pills(sessions: sessionmaker[Session]) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(PillRow)) or 0


def main() -> int:
    from core.settings import get_settings

    settings = get_settings()
    settings.paths.var_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.db_url)
    try:
        upgrade_schema(engine)
        result = import_pills(make_session_factory(engine), settings.paths.pill_identification_file)
    except PillImportError as exc:
        print(f"pill import failed: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    verb = "imported" if result.changed else "unchanged,"
    print(f"  pills: {verb} {result.rows} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
