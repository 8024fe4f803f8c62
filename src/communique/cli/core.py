"""Core commands: ``analyze`` (print a JSON or table analysis), ``ingest`` (into the store), ``events`` (query it)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..errors import CommuniqueError
from ..serialize import doc_to_dict
from ._app import DB_OPTION, DEFAULT_DB, KB_HELP, VERBS_HELP, app, date_arg, err, knowledge_paths, setting_help


@app.command()
def analyze(
    files: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html, .jsonl, .rss/.xml) or folders.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")] = None,
    format: Annotated[str, typer.Option("--format", help="json or table.")] = "json",
    kb: Annotated[list[Path] | None, typer.Option("--kb", help=KB_HELP)] = None,
    verbs: Annotated[list[Path] | None, typer.Option("--verbs", help=VERBS_HELP)] = None,
) -> None:
    """Analyse articles and print who did what to whom, when, where, according to whom."""
    if format not in ("json", "table"):
        err(f"--format must be json or table, not {format!r}")
        raise typer.Exit(2)
    day = date_arg(published, "--published")
    errors = 0
    docs = []
    articles = []
    for item in api.read_inputs(files, published=day):
        if isinstance(item, CommuniqueError):
            err(str(item))
            errors += 1
        else:
            articles.append(item)
    try:
        pipe = api.default_pipeline(knowledge=knowledge_paths(kb), verbs=knowledge_paths(verbs, "verb dictionary"))
        for doc in api.analyze_articles(articles, pipeline=pipe):
            docs.append(doc)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    if format == "json":
        out = [doc_to_dict(d) for d in docs]
        if len(out) == 1:
            typer.echo(json.dumps(out[0], ensure_ascii=False, indent=2))
        elif out:
            typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        from ..render import print_doc

        for d in docs:
            print_doc(d)
    if not docs:
        raise typer.Exit(2)
    if errors:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")] = None,
    workers: Annotated[int, typer.Option(help=setting_help("workers"), min=1, max=64)] = 1,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help=KB_HELP)] = None,
    verbs: Annotated[list[Path] | None, typer.Option("--verbs", help=VERBS_HELP)] = None,
) -> None:
    """Analyse articles and store them in the DuckDB file; re-ingesting the same article adds nothing."""
    from rich.progress import Progress

    from ..store import Store

    day = date_arg(published, "--published")
    try:
        store = Store.open(db)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    try:
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("analysing", total=None)
            pipe = api.default_pipeline(on_error="skip", workers=workers, knowledge=knowledge_paths(kb),
                                        verbs=knowledge_paths(verbs, "verb dictionary"))
            report = api.ingest(paths, store=store, published=day, pipeline=pipe,
                                progress=lambda n: progress.advance(task, n))
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    finally:
        store.close()
    for e in report.errors:
        err(str(e))
    typer.echo(f"ingested {report.added} article(s), {report.skipped} already stored, {len(report.errors)} error(s)"
               f" -> {db}", err=True)
    if report.errors and not (report.added or report.skipped):
        raise typer.Exit(2)
    if report.errors:
        raise typer.Exit(1)


@app.command()
def events(
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Actor code (prefix, e.g. RUS) or name.")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(help="Two actor codes, either direction.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date YYYY-MM-DD.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 04.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    format: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    all_statuses: Annotated[bool, typer.Option(
        "--all-statuses", help="Also list events that did not happen: planned, hypothetical, denied or negated.")
    ] = False,
) -> None:
    """Query stored events (one row per event, however many reports carried it); by default only those that
    happened as reported (not planned, hypothetical, denied or negated)."""
    from ..store import Store
    from ..store.export import to_csv, to_json

    if format not in ("table", "json", "csv"):
        err(f"--format must be table, json or csv, not {format!r}")
        raise typer.Exit(2)
    if not db.exists():
        err(f"{db}: no such database; run `communique ingest` first")
        raise typer.Exit(2)
    s, u = date_arg(since, "--since"), date_arg(until, "--until")
    store = Store.open(db)
    try:
        rows = store.events(actor=actor, dyad=dyad, since=s, until=u, cameo=cameo, limit=limit,
                            all_statuses=all_statuses)
    finally:
        store.close()
    if format == "json":
        typer.echo(to_json(rows))
    elif format == "csv":
        to_csv(rows, sys.stdout)
    else:
        from ..render import print_event_rows

        print_event_rows(rows)
