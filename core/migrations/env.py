"""Alembic environment: migrations run on the connection :func:`core.schema.upgrade_schema`
hands over (one transaction, holding the database's write lock), never on a URL of their own.

The migration scripts are plain DDL and import no models, so ``core`` stays below the layers
that own the tables. Only autogenerate (``python -m core.schema revision``) needs the models'
metadata; it passes it in ``config.attributes["target_metadata"]``.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=context.config.attributes.get("target_metadata"),
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table
    transactional_ddl=True,  # all or nothing, SQLite included
    compare_type=True,
)

with context.begin_transaction():
    context.run_migrations()
