"""Database schema tasks for developers (the app upgrades its database by itself on start).

    python -m ops.db upgrade [URL]            # migrate a database (default: the settings' one)
    python -m ops.db current [URL]            # its revision, and the newest one
    python -m ops.db revision -m "add x"      # autogenerate a migration from the models
    python -m ops.db check                    # fail if the models differ from the migrations

``revision`` and ``check`` compare the models with a scratch SQLite database migrated to the
newest revision; edit the generated script before committing it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData

from core.database import make_engine
from core.schema import alembic_config, current_revision, head_revision, upgrade_schema
from core.settings import get_settings

app = typer.Typer(add_completion=False, no_args_is_help=True)


def model_metadata() -> MetaData:
    """Every table of the app, registered by importing the modules that own them."""
    import api.models  # noqa: F401
    import knowledge_base.dur_tables
    import knowledge_base.pill_tables
    import knowledge_base.tables  # noqa: F401
    from core.database import Base

    return Base.metadata


def schema_differences(url: str) -> list[object]:
    """What the models have that the database at ``url`` lacks, or the other way round."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return list(compare_metadata(MigrationContext.configure(connection, opts={
                "compare_type": True}), model_metadata()))
    finally:
        engine.dispose()


@app.command()
def upgrade(url: str = typer.Argument(None)) -> None:
    upgrade_schema(make_engine(url or get_settings().db_url))
    typer.echo(f"at {head_revision()}")


@app.command()
def current(url: str = typer.Argument(None)) -> None:
    typer.echo(f"database: {current_revision(make_engine(url or get_settings().db_url))}"
               f"  newest: {head_revision()}")


@app.command()
def revision(message: str = typer.Option(..., "-m", "--message")) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        engine = make_engine(f"sqlite:///{Path(scratch) / 'scratch.db'}")
        upgrade_schema(engine)
        with engine.begin() as connection:
            config = alembic_config(connection)
            config.attributes["target_metadata"] = model_metadata()
            command.revision(config, message=message, autogenerate=True)


@app.command()
def check() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'scratch.db'}"
        upgrade_schema(make_engine(url))
        differences = schema_differences(url)
    for difference in differences:
        typer.echo(f"  {difference}")
    if differences:
        typer.echo(f"{len(differences)} differences: run `python -m ops.db revision`", err=True)
        raise typer.Exit(1)
    typer.echo("models and migrations agree")


if __name__ == "__main__":
    app()
