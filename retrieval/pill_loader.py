"""Build the in-memory pill search index from the ``pill_identification`` table.

Kept apart from :mod:`retrieval.pill_search` so the search stays pure (no database import)
and can be built from any rows — the benchmark and tests build it the same way the gateway
does at start-up.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from knowledge_base.pill_tables import PillRow
from retrieval.pill_search import FormKind, PillIndex, PillRecord


def record_from_row(row: PillRow) -> PillRecord:
    return PillRecord(
        item_seq=row.item_seq, name=row.name, company=row.company, chart=row.chart,
        print_front=row.print_front, print_back=row.print_back,
        print_front_norm=row.print_front_norm, print_back_norm=row.print_back_norm,
        mark_front=tuple(row.mark_front or ()), mark_back=tuple(row.mark_back or ()),
        shape=row.shape, colors=tuple(row.colors or ()), form=row.form,
        form_kind=cast(FormKind, row.form_kind), length_long_mm=row.length_long_mm,
        length_short_mm=row.length_short_mm, thickness_mm=row.thickness_mm,
        etc_otc=row.etc_otc, rx=row.rx, class_name=row.class_name,
        has_leaflet=row.has_leaflet,
    )


def load_pill_records(sessions: sessionmaker[Session]) -> list[PillRecord]:
    with sessions() as session:
        rows = session.scalars(select(PillRow).order_by(PillRow.id)).all()
        return [record_from_row(row) for row in rows]


def load_pill_index(sessions: sessionmaker[Session]) -> PillIndex:
    """Every pill in the table as a search index (empty when the table is empty)."""
    return PillIndex(load_pill_records(sessions))
