"""`coach ingest`, `coach search` and `coach embeddings export`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from coach.settings import get_settings


def ingest(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Folders of markdown; default: knowledge/.")
    ] = None,
) -> None:
    """Index the knowledge base; unchanged files are not embedded again."""
    from rich.progress import Progress

    from coach.knowledge.documents import load_documents
    from coach.knowledge.ingest import ingest as run_ingest

    settings = get_settings()
    total = len(load_documents([Path(p) for p in (paths or settings.knowledge_dirs)]))
    with Progress(transient=True) as progress:
        task = progress.add_task("embedding", total=total)
        report = run_ingest(settings, paths, on_file=lambda *_: progress.advance(task))
    typer.echo(
        f"{report.files} files: {len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.deleted)} deleted, {report.unchanged} unchanged; "
        f"{report.chunks_embedded} chunks embedded in {report.seconds:.1f}s"
    )


def search(
    queries: Annotated[list[str], typer.Argument(help="One or more questions.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Passages per query.")] = 5,
    kind: Annotated[
        list[str] | None, typer.Option(help="guideline, challenge, topic or template.")
    ] = None,
    topic: Annotated[list[str] | None, typer.Option(help="Only passages with this tag.")] = None,
    audience: Annotated[str | None, typer.Option(help="mentor, mentee or coordinator.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Search the knowledge base (dense + BM25, fused by reciprocal rank)."""
    from coach.knowledge.models import SearchFilters
    from coach.knowledge.retrieval import Retriever

    filters = SearchFilters.model_validate({"kinds": kind, "topics": topic, "audience": audience})
    retriever = Retriever(get_settings())
    results = [(q, retriever.search(q, k, filters)) for q in queries]
    if as_json:
        out = [
            {"query": q, "passages": [p.model_dump(mode="json") for p in passages]}
            for q, passages in results
        ]
        typer.echo(json.dumps({"results": out}, indent=2))
        return
    for q, passages in results:
        typer.secho(q, bold=True)
        for p in passages:
            typer.echo(f"  {p.score:.4f}  {p.title} > {p.heading}  [{p.kind}] {p.id}")


embeddings = typer.Typer(help="The local embedding runtime.", no_args_is_help=True)


@embeddings.command("export")
def export_embeddings(
    force: Annotated[bool, typer.Option("--force", help="Export again even if present.")] = False,
) -> None:
    """Export the bundled embedding model to ONNX (a set-up step; the only use of torch)."""
    from coach.knowledge.embeddings import local_model_dir
    from coach.knowledge.onnx_runtime import export, export_path

    cfg = get_settings().embedding
    model_dir = local_model_dir(cfg.model)
    target = export_path(model_dir, cfg.onnx_folder)
    if target.is_file() and not force:
        typer.echo(f"{target} is up to date")
        return
    export(model_dir, target)
    typer.echo(f"exported {cfg.model} to {target}")


def register(app: typer.Typer) -> None:
    """Add the knowledge commands to the app."""
    app.command()(ingest)
    app.command()(search)
    app.add_typer(embeddings, name="embeddings")
