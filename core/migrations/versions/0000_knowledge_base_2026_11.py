"""Release 2026-11, before migrations (1 of 2): the knowledge base's tables — documents and
their versions, sections and audit, the DUR rules and products, the pill descriptions.

Revision ID: 0000
Revises: (none: the first revision)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0000"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dur_import",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.String(length=40), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "dur_ingredient_names",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("dur_ingredient_names", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dur_ingredient_names_key"), ["key"], unique=False)
    op.create_table(
        "dur_ingredients",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("eng", sa.String(length=300), nullable=False),
        sa.Column("kor", sa.String(length=300), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("dur_ingredients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dur_ingredients_key"), ["key"], unique=False)
    op.create_table(
        "dur_products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("item_seq", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("ingredients", sa.JSON(), nullable=False),
        sa.Column("codes", sa.JSON(), nullable=False),
        sa.Column("form", sa.String(length=20), nullable=True),
        sa.Column("otc", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dur_products", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dur_products_item_seq"), ["item_seq"], unique=False)
        batch_op.create_index(batch_op.f("ix_dur_products_source"), ["source"], unique=False)
    op.create_table(
        "dur_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("dur_seq", sa.String(length=20), nullable=False),
        sa.Column("ingr_code", sa.String(length=20), nullable=False),
        sa.Column("ingr_eng", sa.String(length=300), nullable=False),
        sa.Column("ingr_kor", sa.String(length=300), nullable=False),
        sa.Column("mix_codes", sa.JSON(), nullable=False),
        sa.Column("other_code", sa.String(length=20), nullable=True),
        sa.Column("other_eng", sa.String(length=300), nullable=False),
        sa.Column("other_kor", sa.String(length=300), nullable=False),
        sa.Column("other_mix_codes", sa.JSON(), nullable=False),
        sa.Column("form_name", sa.Text(), nullable=False),
        sa.Column("grade", sa.String(length=20), nullable=False),
        sa.Column("age_base", sa.String(length=40), nullable=False),
        sa.Column("max_qty", sa.String(length=300), nullable=False),
        sa.Column("max_term", sa.String(length=100), nullable=False),
        sa.Column("effect_code", sa.String(length=100), nullable=False),
        sa.Column("series_name", sa.String(length=200), nullable=False),
        sa.Column("class_name", sa.String(length=200), nullable=False),
        sa.Column("notification_date", sa.String(length=10), nullable=True),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("dur_rules", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dur_rules_ingr_code"), ["ingr_code"], unique=False)
        batch_op.create_index("ix_dur_rules_kind_code", ["kind", "ingr_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_dur_rules_other_code"), ["other_code"], unique=False)
    op.create_table(
        "kb_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("doc_id", sa.String(length=128), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(length=1000), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("kb_audit", schema=None) as batch_op:
        batch_op.create_index("ix_kb_audit_doc", ["doc_id", "at"], unique=False)
    op.create_table(
        "kb_documents",
        sa.Column("doc_id", sa.String(length=128), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("origin", sa.String(length=200), nullable=True),
        sa.Column("import_hash", sa.String(length=64), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("doc_id"),
    )
    with op.batch_alter_table("kb_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_documents_audience"), ["audience"], unique=False)
        batch_op.create_index(batch_op.f("ix_kb_documents_kind"), ["kind"], unique=False)
    op.create_table(
        "kb_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "pill_identification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_seq", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("chart", sa.Text(), nullable=False),
        sa.Column("print_front", sa.String(length=300), nullable=False),
        sa.Column("print_back", sa.String(length=300), nullable=False),
        sa.Column("print_front_norm", sa.String(length=300), nullable=False),
        sa.Column("print_back_norm", sa.String(length=300), nullable=False),
        sa.Column("mark_front", sa.JSON(), nullable=False),
        sa.Column("mark_back", sa.JSON(), nullable=False),
        sa.Column("line_front", sa.String(length=16), nullable=False),
        sa.Column("line_back", sa.String(length=16), nullable=False),
        sa.Column("shape", sa.String(length=16), nullable=False),
        sa.Column("colors", sa.JSON(), nullable=False),
        sa.Column("color_class1", sa.String(length=64), nullable=False),
        sa.Column("color_class2", sa.String(length=64), nullable=False),
        sa.Column("length_long_mm", sa.Float(), nullable=True),
        sa.Column("length_short_mm", sa.Float(), nullable=True),
        sa.Column("thickness_mm", sa.Float(), nullable=True),
        sa.Column("form", sa.String(length=100), nullable=False),
        sa.Column("form_kind", sa.String(length=16), nullable=False),
        sa.Column("etc_otc", sa.String(length=32), nullable=False),
        sa.Column("rx", sa.Boolean(), nullable=False),
        sa.Column("class_no", sa.String(length=16), nullable=False),
        sa.Column("class_name", sa.String(length=200), nullable=False),
        sa.Column("permit_date", sa.String(length=8), nullable=False),
        sa.Column("has_leaflet", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pill_identification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pill_identification_item_seq"), ["item_seq"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_pill_identification_print_front_norm"),
            ["print_front_norm"],
            unique=False,
        )
    op.create_table(
        "pill_import_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("source_hash", sa.String(length=64), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "kb_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=128), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("generic_names", sa.JSON(), nullable=False),
        sa.Column("brand_names", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("effective_date", sa.String(length=10), nullable=True),
        sa.Column("product_type", sa.String(length=64), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doc_id"],
            ["kb_documents.doc_id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("doc_id", "version"),
    )
    with op.batch_alter_table("kb_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_versions_doc_id"), ["doc_id"], unique=False)
    op.create_table(
        "kb_sections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["kb_versions.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("kb_sections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kb_sections_version_id"), ["version_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("kb_sections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_sections_version_id"))
    op.drop_table("kb_sections")
    with op.batch_alter_table("kb_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_versions_doc_id"))
    op.drop_table("kb_versions")
    op.drop_table("pill_import_state")
    with op.batch_alter_table("pill_identification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pill_identification_print_front_norm"))
        batch_op.drop_index(batch_op.f("ix_pill_identification_item_seq"))
    op.drop_table("pill_identification")
    op.drop_table("kb_revision")
    with op.batch_alter_table("kb_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kb_documents_kind"))
        batch_op.drop_index(batch_op.f("ix_kb_documents_audience"))
    op.drop_table("kb_documents")
    with op.batch_alter_table("kb_audit", schema=None) as batch_op:
        batch_op.drop_index("ix_kb_audit_doc")
    op.drop_table("kb_audit")
    with op.batch_alter_table("dur_rules", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dur_rules_other_code"))
        batch_op.drop_index("ix_dur_rules_kind_code")
        batch_op.drop_index(batch_op.f("ix_dur_rules_ingr_code"))
    op.drop_table("dur_rules")
    with op.batch_alter_table("dur_products", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dur_products_source"))
        batch_op.drop_index(batch_op.f("ix_dur_products_item_seq"))
    op.drop_table("dur_products")
    with op.batch_alter_table("dur_ingredients", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dur_ingredients_key"))
    op.drop_table("dur_ingredients")
    with op.batch_alter_table("dur_ingredient_names", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dur_ingredient_names_key"))
    op.drop_table("dur_ingredient_names")
    op.drop_table("dur_import")
