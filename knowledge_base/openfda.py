"""Import openFDA drug-label records (``{"results": [...]}`` or one record per line).

One record becomes one leaflet ``Document``: section keys are the openFDA field names,
generic names are normalised lowercase ingredients, brand names are kept as aliases.
A malformed record is reported with its file and line and skipped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from core.lines import numbered_lines
from knowledge_base.documents import Document, Section
from knowledge_base.names import normalise_generic_names, section_title

# Fields that are not reader-facing sections (identifiers, packaging, raw tables).
NON_SECTION_FIELDS = {
    "id", "set_id", "version", "effective_time", "openfda", "source_label",
    "spl_product_data_elements", "package_label_principal_display_panel", "references",
    "spl_unclassified_section", "recent_major_changes",
}

# Headings the label text starts with ("Directions adults ..."), per field.
_HEADINGS: dict[str, tuple[str, ...]] = {
    "dosage_and_administration": ("directions", "dosage and administration", "dosage"),
    "indications_and_usage": ("uses", "use", "indications and usage", "indications"),
    "purpose": ("purposes", "purpose"),
    "warnings": ("warnings", "warning"),
    "active_ingredient": ("active ingredients", "active ingredient"),
    "inactive_ingredient": ("inactive ingredients", "inactive ingredient"),
    "storage_and_handling": ("other information", "storage and handling"),
    "questions": ("questions or comments?", "questions?", "questions or comments", "questions"),
    "pregnancy_or_breast_feeding": ("pregnancy/breast-feeding", "pregnancy or breast-feeding"),
}
_SECTION_NUMBER = re.compile(r"^\s*\d+(\.\d+)*\s+")


@dataclass(frozen=True)
class RecordError:
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"


def record_error(path: Path, number: int, exc: Exception) -> RecordError:
    """A record that could not become a document: the first validation error, or the text."""
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return RecordError(str(path), number, f"{where}: {first['msg']}")
    return RecordError(str(path), number, str(exc))


def strip_heading(key: str, text: str) -> str:
    """Drop the leading section number and heading words the label repeats."""
    cleaned = _SECTION_NUMBER.sub("", re.sub(r"\s+", " ", text)).strip()
    lowered = cleaned.lower()
    for heading in _HEADINGS.get(key, ()):
        if lowered.startswith(heading) and len(cleaned) > len(heading) + 1:
            rest = cleaned[len(heading):]
            if rest[0] in " :.-\u2022":
                return rest.lstrip(" :.-\u2022").strip()
    return cleaned


def _iso_date(effective_time: object) -> str | None:
    value = str(effective_time or "")
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return None


def _doc_id(record: dict, id_prefix: str) -> str:
    raw = str(record.get("set_id") or record.get("id") or "").strip().lower()
    if not raw:
        raise ValueError("record has neither 'id' nor 'set_id'")
    return raw if raw.startswith(id_prefix) else f"{id_prefix}{raw}"


def record_to_document(record: object, *, source: str, id_prefix: str = "fda-") -> Document:
    """Map one openFDA record to a leaflet; raises ValueError/ValidationError if unusable."""
    if not isinstance(record, dict):
        raise ValueError("record is not a JSON object")
    openfda = record.get("openfda") or {}
    if not isinstance(openfda, dict):
        raise ValueError("'openfda' is not an object")
    generic = normalise_generic_names(openfda.get("generic_name") or [])
    if not generic:
        raise ValueError("openfda.generic_name is missing")
    brands = tuple(dict.fromkeys(b.strip() for b in openfda.get("brand_name") or [] if b.strip()))
    sections = []
    for key, value in record.items():
        if key in NON_SECTION_FIELDS or key.endswith("_table"):
            continue
        parts = value if isinstance(value, list) else [value]
        text = "\n".join(strip_heading(key, str(p)) for p in parts if str(p).strip())
        if text.strip():
            sections.append(Section(key=key, title=section_title(key), text=text))
    if not any(s.key == "dosage_and_administration" for s in sections):
        raise ValueError("label has no dosage_and_administration section")
    product_type = (openfda.get("product_type") or [None])[0]
    brand = brands[0] if brands else generic[0].title()
    label_source = record.get("source_label") or f"openFDA label set_id {record.get('set_id')}"
    return Document(
        doc_id=_doc_id(record, id_prefix),
        kind="leaflet",
        title=f"{brand} ({', '.join(generic)})",
        audience="consumer",
        generic_names=generic,
        brand_names=brands,
        sections=tuple(sections),
        source=f"{label_source}; {source}",
        effective_date=_iso_date(record.get("effective_time")),
        product_type=product_type,
    )


def _raw_records(path: Path) -> Iterator[tuple[int, object]]:
    """Yield (line or record number, parsed JSON or the JSON error) from either file layout."""
    text = path.read_text(encoding="utf-8")
    stripped = text.lstrip()
    if stripped.startswith("{") and '"results"' in stripped[:2000]:
        try:
            payload = json.loads(text)
        except json.JSONDecodeError:
            payload = None
        if isinstance(payload, dict) and isinstance(payload.get("results"), list):
            for number, record in enumerate(payload["results"], start=1):
                yield number, record
            return
    for number, line in numbered_lines(text):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, exc


def read_openfda_file(
    path: Path, *, id_prefix: str = "fda-", source: str | None = None
) -> Iterator[Document | RecordError]:
    """Yield a Document per usable record and a RecordError per malformed one."""
    for number, record in _raw_records(path):
        if isinstance(record, json.JSONDecodeError):
            yield RecordError(str(path), number, f"invalid JSON: {record.msg}")
            continue
        try:
            yield record_to_document(record, source=source or path.name, id_prefix=id_prefix)
        except (ValidationError, ValueError, TypeError) as exc:
            yield record_error(path, number, exc)


def read_catalogue(directory: Path) -> Iterator[Document | RecordError]:
    """The chain's embedded catalogue: one openFDA-shaped record per JSON file."""
    for path in sorted(directory.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            yield RecordError(str(path), exc.lineno, f"invalid JSON: {exc.msg}")
            continue
        try:
            yield record_to_document(record, source="chain catalogue", id_prefix="cat-")
        except ValidationError as exc:
            first = exc.errors()[0]
            yield RecordError(str(path), 1, f"{'.'.join(map(str, first['loc']))}: {first['msg']}")
        except (ValueError, TypeError) as exc:
            yield RecordError(str(path), 1, str(exc))
