"""Retrieval command line: build the indexes, search them.

    python -m retrieval index                 import sources, rebuild if anything changed
    python -m retrieval search --k 10 --jsonl  JSON lines {"id","query"[,"audience"]} on stdin
    python -m retrieval search "how often can I take advil"
"""

from __future__ import annotations

import json
import sys

import typer

from core.settings import get_settings
from knowledge_base.__main__ import run_import
from knowledge_base.store import open_knowledge_base
from retrieval.embedder import Embedder, TokenCounter
from retrieval.indexing import build_and_publish, build_params, is_current
from retrieval.service import SearchService
from retrieval.snapshot import SnapshotError, load_snapshot

app = typer.Typer(add_completion=False, help=__doc__)
AUDIENCES = {"consumer", "employee", "all"}


@app.command()
def index(force: bool = typer.Option(False, help="rebuild even if nothing changed")) -> None:
    """Import all sources, then build and publish the indexes when anything changed."""
    settings = get_settings()
    revision = run_import()
    embedder = Embedder(threads=settings.retrieval.torch_threads)
    try:
        previous = load_snapshot(settings.paths.index_dir)
    except SnapshotError:
        previous = None
    params = build_params(settings.retrieval, embedder, settings.paths.lexicon_dir)
    if not force and previous is not None and is_current(previous, revision, params):
        print(f"index {previous.name} is up to date (revision {revision})", file=sys.stderr)
        return
    documents = open_knowledge_base(settings.db_url).current_documents()
    _, report = build_and_publish(
        documents, revision=revision, index_dir=settings.paths.index_dir,
        settings=settings.retrieval, embedder=embedder, counter=TokenCounter(),
        lexicon_dir=settings.paths.lexicon_dir, previous=previous, show_progress=True,
    )
    print(f"published {report.name}: {len(documents)} documents, {report.chunks} chunks "
          f"({report.embedded} embedded) in {report.seconds:.1f}s", file=sys.stderr)


def _search_line(service: SearchService, line: str, k: int) -> dict:
    try:
        request = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"invalid JSON: {exc.msg}"}
    if not isinstance(request, dict):
        return {"id": None, "error": "each line must be a JSON object"}
    request_id = request.get("id")
    query, audience = request.get("query"), request.get("audience", "consumer")
    if not isinstance(query, str) or not query.strip():
        return {"id": request_id, "error": "'query' must be a non-empty string"}
    if audience not in AUDIENCES:
        return {"id": request_id, "error": f"'audience' must be one of {sorted(AUDIENCES)}"}
    result = service.search(query, k=k, audience=None if audience == "all" else audience)
    keys = ("doc_id", "drug", "section", "title", "text", "score")
    hits = [{key: h.to_json()[key] for key in keys} for h in result.hits]
    return {"id": request_id, "hits": hits}


@app.command()
def search(
    query: str = typer.Argument(None, help="one question (omit with --jsonl)"),
    k: int = typer.Option(10, min=1, max=100),
    jsonl: bool = typer.Option(False, help="read JSON lines from stdin, write JSON lines"),
) -> None:
    """Search the published index."""
    service = SearchService(get_settings())
    try:
        service.load()
    except SnapshotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from exc
    if not jsonl:
        if not query:
            raise typer.BadParameter("give a query or --jsonl")
        for hit in service.search(query, k=k).hits:
            c = hit.chunk
            print(f"{hit.score:.4f} {hit.dense_score:.3f} {c.title} | {c.section} | {c.text[:100]}")
        return
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(_search_line(service, line, k), ensure_ascii=False) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    app()
