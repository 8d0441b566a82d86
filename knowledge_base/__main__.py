"""`python -m knowledge_base import`: bring every source into the store, report bad records."""

from __future__ import annotations

import sys

import typer

from core.settings import get_settings
from knowledge_base.ingest import import_all, read_sources
from knowledge_base.store import open_knowledge_base

app = typer.Typer(add_completion=False, help=__doc__)


def run_import(show_progress: bool = True) -> int:
    """Import all sources; returns the store's revision afterwards."""
    settings = get_settings()
    settings.paths.var_dir.mkdir(parents=True, exist_ok=True)
    kb = open_knowledge_base(settings.db_url)
    batches = read_sources(
        settings.paths.catalogue_dir, settings.paths.chain_docs_dir,
        [settings.paths.fda_labels_file],
        mfds_file=settings.paths.e_yakeunyo_file, dur_dir=settings.paths.dur_dir,
    )
    report = import_all(kb, batches, show_progress=show_progress)
    for batch in report.batches:
        print(f"  {batch.origin:28s} {len(batch.documents):4d} documents, "
              f"{len(batch.errors)} skipped", file=sys.stderr)
    for error in report.errors:
        print(f"  skipped {error}", file=sys.stderr)
    r = report.result
    print(f"  store: {r.created} new, {r.updated} updated, {r.unchanged} unchanged, "
          f"{r.removed} removed, {len(report.merged_into)} near-duplicates collapsed",
          file=sys.stderr)
    return kb.revision()


@app.command("import")
def import_command() -> None:
    """Import the catalogue, the shared FDA labels and the chain documents."""
    revision = run_import()
    print(f"knowledge base at revision {revision}", file=sys.stderr)


if __name__ == "__main__":
    app()
