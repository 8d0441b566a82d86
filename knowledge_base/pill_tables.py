"""SQL tables of the pill identification data (MFDS 낱알식별): one row per pill, one import state.

Pills are not leaflets: they answer "what is this pill?" from what it looks like, so they get
their own table instead of documents in the knowledge base. ``item_seq`` is not unique in
the source (one product licence may cover several strengths that look different, e.g.
라믹탈 25/50/100 mg), hence the surrogate key.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Float, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.database import Base


def utcnow() -> datetime:
    return datetime.now(UTC)


class PillRow(Base):
    __tablename__ = "pill_identification"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_seq: Mapped[str] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(500))
    company: Mapped[str] = mapped_column(String(200))
    chart: Mapped[str] = mapped_column(Text, default="")
    # as MFDS wrote them ("TE분할선125", "마크LP") and normalised ("TE125", "LP")
    print_front: Mapped[str] = mapped_column(String(300), default="")
    print_back: Mapped[str] = mapped_column(String(300), default="")
    print_front_norm: Mapped[str] = mapped_column(String(300), default="", index=True)
    print_back_norm: Mapped[str] = mapped_column(String(300), default="")
    # the logo on each side described in words (MARK_CODE_*_ANAL, normalised readings)
    mark_front: Mapped[list[str]] = mapped_column(JSON, default=list)
    mark_back: Mapped[list[str]] = mapped_column(JSON, default=list)
    line_front: Mapped[str] = mapped_column(String(16), default="")
    line_back: Mapped[str] = mapped_column(String(16), default="")
    shape: Mapped[str] = mapped_column(String(16), default="")  # canonical Korean: 원형 …
    colors: Mapped[list[str]] = mapped_column(JSON, default=list)  # canonical: ["노랑","투명"]
    color_class1: Mapped[str] = mapped_column(String(64), default="")
    color_class2: Mapped[str] = mapped_column(String(64), default="")
    length_long_mm: Mapped[float | None] = mapped_column(Float)
    length_short_mm: Mapped[float | None] = mapped_column(Float)
    thickness_mm: Mapped[float | None] = mapped_column(Float)
    form: Mapped[str] = mapped_column(String(100), default="")  # FORM_CODE_NAME
    form_kind: Mapped[str] = mapped_column(String(16), default="other")  # tablet/capsule/other
    etc_otc: Mapped[str] = mapped_column(String(32), default="")  # ETC_OTC_NAME
    rx: Mapped[bool] = mapped_column(default=False)
    class_no: Mapped[str] = mapped_column(String(16), default="")
    class_name: Mapped[str] = mapped_column(String(200), default="")
    permit_date: Mapped[str] = mapped_column(String(8), default="")
    # an MFDS e약은요 leaflet exists for this item (knowledge-base doc "mfds-<item_seq>")
    has_leaflet: Mapped[bool] = mapped_column(default=False)


class PillImportRow(Base):
    """What the last import read, so an unchanged source is a no-op."""

    __tablename__ = "pill_import_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(500))
    source_hash: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int]
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
