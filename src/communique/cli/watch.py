"""``communique watch``: poll feeds and article URLs, ingest what is new, once or every few minutes."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Annotated

import typer

from ..errors import CommuniqueError
from ._app import DB_OPTION, DEFAULT_DB, KB_HELP, app, err, knowledge_paths, open_store


@app.command()
def watch(
    sources_file: Annotated[Path, typer.Argument(help="Text file: one feed or article URL a line (# comments).")],
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    every: Annotated[str, typer.Option(help="Time between polls: 15m, 1h, 90s.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron or a systemd timer).")] = False,
    min_interval: Annotated[float, typer.Option(help="Seconds between two requests to one host.", min=0.0)] = 1.0,
    timeout: Annotated[float, typer.Option(help="Seconds before a request times out.", min=1.0)] = 20.0,
    kb: Annotated[list[Path] | None, typer.Option("--kb", help=KB_HELP)] = None,
) -> None:
    """Watch RSS/Atom feeds and article URLs: fetch new articles politely and ingest them into the store.

    Exit status with --once: 0 all sources polled without error, 1 some errors, 2 nothing could be done.
    """
    from .. import api
    from ..watch import Fetcher, parse_every, poll, read_sources

    try:
        sources = read_sources(sources_file)
        seconds = parse_every(every)
    except (CommuniqueError, ValueError) as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    store = open_store(db)
    pipe = api.default_pipeline(on_error="skip", knowledge=knowledge_paths(kb))
    fetcher = Fetcher(timeout=timeout, min_interval=min_interval)
    polls = stored = 0
    last = None
    try:
        while True:
            started = time.monotonic()
            before = len(pipe.errors)
            last = poll(sources, fetcher=fetcher, store=store, analyse=lambda arts: api.analyze_articles(
                arts, pipeline=pipe), progress=None)
            for line in last.errors:
                err(line)
            for failure in pipe.errors[before:]:
                err(str(failure))
            polls += 1
            stored += last.stored
            stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
            typer.echo(f"{stamp} poll {polls}: {last.line()}", err=True)
            if once:
                break
            time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    except KeyboardInterrupt:
        typer.echo(f"stopped after {polls} poll(s); {stored} article(s) stored -> {db}", err=True)
        return
    finally:
        fetcher.close()
        store.close()
    if once and last is not None:
        if last.sources_failed == last.sources:
            raise typer.Exit(2)
        if last.errors:
            raise typer.Exit(1)
