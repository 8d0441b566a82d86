"""SQL tables of MFDS's DUR rules, the ingredient dictionary and product → ingredient links.

One rule table keyed by the DUR ingredient code (``ingr_code``, indexed) with a ``kind``
column rather than seven near-identical tables: every DUR file shares the same shape
(ingredient, optional combination partners, form, notification date, the ministry's text)
plus one or two type-specific fields. Plain types only, so SQLite and PostgreSQL both work.
"""

from __future__ import annotations

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.database import Base

RULE_KINDS = ("combination", "pregnancy", "age", "elderly", "max_dose", "duration",
              "duplicate_class")


class DurRuleRow(Base):
    """One in-force row of a DUR file (``DEL_YN`` ≠ 삭제)."""

    __tablename__ = "dur_rules"
    __table_args__ = (Index("ix_dur_rules_kind_code", "kind", "ingr_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    dur_seq: Mapped[str] = mapped_column(String(20), default="")
    ingr_code: Mapped[str] = mapped_column(String(20), index=True)
    ingr_eng: Mapped[str] = mapped_column(String(300), default="")
    ingr_kor: Mapped[str] = mapped_column(String(300), default="")
    # DUR codes that must be in the same product for a 복합 (combination-product) rule
    mix_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    # the other ingredient of a 병용금기 pair, and its own 복합 partners
    other_code: Mapped[str | None] = mapped_column(String(20), index=True)
    other_eng: Mapped[str] = mapped_column(String(300), default="")
    other_kor: Mapped[str] = mapped_column(String(300), default="")
    other_mix_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    form_name: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str] = mapped_column(String(20), default="")
    age_base: Mapped[str] = mapped_column(String(40), default="")
    max_qty: Mapped[str] = mapped_column(String(300), default="")
    max_term: Mapped[str] = mapped_column(String(100), default="")
    effect_code: Mapped[str] = mapped_column(String(100), default="")
    series_name: Mapped[str] = mapped_column(String(200), default="")
    class_name: Mapped[str] = mapped_column(String(200), default="")
    notification_date: Mapped[str | None] = mapped_column(String(10))  # ISO date
    content: Mapped[str] = mapped_column(Text, default="")  # PROHBT_CONTENT, verbatim
    remark: Mapped[str] = mapped_column(Text, default="")


class DurIngredientNameRow(Base):
    """One spelling (compact form) of an ingredient and the canonical key it folds to."""

    __tablename__ = "dur_ingredient_names"

    name: Mapped[str] = mapped_column(String(300), primary_key=True)
    key: Mapped[str] = mapped_column(String(300), index=True)


class DurIngredientRow(Base):
    """A DUR ingredient code with its names and the canonical key the checker uses."""

    __tablename__ = "dur_ingredients"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    eng: Mapped[str] = mapped_column(String(300), default="")
    kor: Mapped[str] = mapped_column(String(300), default="")
    key: Mapped[str] = mapped_column(String(300), index=True)


class DurProductRow(Base):
    """A product (MFDS, FDA label, catalogue, a brand people say) and its ingredients."""

    __tablename__ = "dur_products"

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(20), index=True)
    item_seq: Mapped[str | None] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    ingredients: Mapped[list[str]] = mapped_column(JSON, default=list)  # canonical keys
    codes: Mapped[list[str]] = mapped_column(JSON, default=list)  # DUR ingredient codes
    form: Mapped[str | None] = mapped_column(String(20))
    otc: Mapped[bool] = mapped_column(default=False)


class DurImportRow(Base):
    """The single row recording what the last import read, so an unchanged one is a no-op."""

    __tablename__ = "dur_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_hash: Mapped[str] = mapped_column(String(64))
    imported_at: Mapped[str] = mapped_column(String(40))
    counts: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
