"""Core commands: ``analyze`` (print a JSON or table analysis), ``ingest`` (into the store), ``events`` (query it)."""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import threading
from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..errors import CommuniqueError, one_line
from ..serialize import doc_to_dict
from ..settings import Settings
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


_INTERRUPTED = threading.Event()


def _interrupt(signum: int, frame: object) -> None:
    """Ctrl-C during ingest: end the parsing processes at once (they would finish their batch first), then
    stop as KeyboardInterrupt does, so the summary is printed."""
    import multiprocessing
    import warnings

    _INTERRUPTED.set()
    warnings.filterwarnings("ignore", message=r".*worker processes completed")  # they were ended on purpose
    for child in multiprocessing.active_children():
        child.terminate()
    raise KeyboardInterrupt


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for articles without one.")] = None,
    workers: Annotated[int, typer.Option(help=setting_help("workers"), min=0, max=64)] = 0,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help=KB_HELP)] = None,
    verbs: Annotated[list[Path] | None, typer.Option("--verbs", help=VERBS_HELP)] = None,
    dask_scheduler: Annotated[str | None, typer.Option(help="Analyse on this Dask cluster (tcp://host:8786).")] = None,
    dask_workers: Annotated[int | None, typer.Option(help="Analyse on a LocalCluster of N worker processes.",
                                                     min=1, max=256)] = None,
    partition_size: Annotated[int, typer.Option(help="Articles per Dask partition.", min=1, max=100_000)] = 64,
    stages_in_workers: Annotated[bool, typer.Option(help=setting_help("stages_in_workers"))] = False,
) -> None:
    """Analyse articles and store them in the DuckDB file; re-ingesting the same article adds nothing.

    With --dask-scheduler or --dask-workers the analysis runs on Dask; partitions' results and completion markers
    go to DB.parts/ next to the store, and a killed run started again resumes where it stopped."""
    from rich.progress import Progress

    from ..store import Store

    day = date_arg(published, "--published")
    try:
        Store.open(db).close()  # a bad --db fails here, before any analysis; the run opens it per batch
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    report = api.IngestReport()
    stopped: str | None = None
    previous = signal.signal(signal.SIGINT, _interrupt) if threading.current_thread() is threading.main_thread() \
        else None
    try:
        with Progress(transient=True, disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("analysing", total=None)
            settings = Settings(on_error="skip", workers=workers, knowledge=knowledge_paths(kb),
                                verbs=knowledge_paths(verbs, "verb dictionary"), stages_in_workers=stages_in_workers)
            if dask_scheduler or dask_workers:
                from ..scale import ingest_on_cluster

                store = Store.open(db)
                try:
                    got = ingest_on_cluster(paths, store=store, work_dir=db.with_name(db.name + ".parts"),
                                            scheduler=dask_scheduler, workers=dask_workers, settings=settings,
                                            published=day, partition_size=partition_size,
                                            progress=lambda n: progress.advance(task, n))
                finally:
                    store.close()
                for e in got.errors:
                    err(str(e))
                report.added, report.skipped, report.errors = got.added, got.skipped, list(got.errors)
            else:
                # the pipeline is built where it runs: in worker processes for a long stream (this process then
                # only reads and stores), here for a short one
                for outcome in api.ingest_stream(paths, store=db, published=day, settings=settings, workers=workers):
                    report.record(outcome)
                    if outcome.error is not None:
                        err(str(outcome.error))  # as it happens, not at the end
                    if outcome.warning:
                        err(f"note: {outcome.warning}")
                    progress.advance(task, 1)
    except KeyboardInterrupt:
        stopped = "interrupted"
    except CommuniqueError as exc:
        err(str(exc))
        stopped = "stopped"
    except Exception as exc:  # noqa: BLE001 - a crash still ends with the summary, never a traceback
        if _INTERRUPTED.is_set():  # Ctrl-C reached DuckDB mid-query, which reports it as its own error
            stopped = "interrupted"
        else:
            err(f"internal error: {type(exc).__name__}: {one_line(exc)}")
            stopped = "crashed"
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if stopped is None and _INTERRUPTED.is_set():
        # Ctrl-C whose KeyboardInterrupt was swallowed where Python cannot raise it (a finaliser, a pool's
        # internals) while the ended parsing processes closed the stream early: still an interrupted run
        stopped = "interrupted"
    prefix = f"{stopped}; " if stopped else ""
    typer.echo(f"{prefix}{report.summary()} -> {db}", err=True)
    if stopped == "interrupted":
        if _INTERRUPTED.is_set():
            # the parsing processes were ended mid-batch: multiprocessing's exit hooks would wait forever on their
            # queues. Every batch written is committed and the store closed, so leave at once.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        raise typer.Exit(130)
    stored = report.added + report.replaced + report.skipped + report.superseded + report.unsupported
    if (report.errors or stopped) and not stored:
        raise typer.Exit(2)
    if report.errors or stopped:
        raise typer.Exit(1)


#: Largest --limit accepted.
MAX_LIMIT = 1_000_000_000
_CAMEO_PREFIX = re.compile(r"\d{1,4}")


def _actor_arg(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    if not value.strip():
        err(f"{name}: give an actor code (RUS) or name, not an empty string")
        raise typer.Exit(2)
    if len(value) > 200 or any(not c.isprintable() for c in value):
        err(f"{name}: not an actor code or name: {value[:40]!r}")
        raise typer.Exit(2)
    return value.strip()


@app.command()
def events(
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Actor code (prefix, e.g. RUS) or name.")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(help="Two actor codes, either direction.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date YYYY-MM-DD.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 04.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows (0 to 1,000,000,000).")] = None,
    format: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    all_statuses: Annotated[bool, typer.Option(
        "--all-statuses", help="Also list events that did not happen: planned, hypothetical, denied or negated.")
    ] = False,
) -> None:
    """Query stored events (one row per event, however many reports carried it); by default only those that
    happened as reported (not planned, hypothetical, denied or negated).

    Reads the store read-only, so it works while `communique ingest` writes it (waiting for the current
    batch to be written) and alongside other readers."""
    from ..store import Store
    from ..store.export import to_csv, to_json

    if format not in ("table", "json", "csv"):
        err(f"--format must be table, json or csv, not {format!r}")
        raise typer.Exit(2)
    if limit is not None and not 0 <= limit <= MAX_LIMIT:
        err(f"--limit must be between 0 and {MAX_LIMIT:,}, not {limit}")
        raise typer.Exit(2)
    if cameo is not None and not _CAMEO_PREFIX.fullmatch(cameo):
        err(f"--cameo must be 1 to 4 digits of a CAMEO code (e.g. 04, 190), not {cameo[:40]!r}")
        raise typer.Exit(2)
    actor = _actor_arg(actor, "--actor")
    if dyad is not None:
        dyad = (_actor_arg(dyad[0], "--dyad") or "", _actor_arg(dyad[1], "--dyad") or "")
    s, u = date_arg(since, "--since"), date_arg(until, "--until")
    if s is not None and u is not None and s > u:
        err(f"--since {s.isoformat()} is after --until {u.isoformat()}")
        raise typer.Exit(2)
    if not db.exists():
        err(f"{db}: no such database; run `communique ingest` first")
        raise typer.Exit(2)
    try:
        store = Store.open(db, read_only=True)
        try:
            rows = store.events(actor=actor, dyad=dyad, since=s, until=u, cameo=cameo, limit=limit,
                                  all_statuses=all_statuses)
        finally:
            store.close()
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    if format == "json":
        typer.echo(to_json(rows))
    elif format == "csv":
        to_csv(rows, sys.stdout)
    else:
        from ..render import print_event_rows

        print_event_rows(rows)
