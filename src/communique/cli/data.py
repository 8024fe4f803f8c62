"""Data commands: ``export`` (events in other formats), ``dump``/``load`` (the whole store as Parquet), ``serve``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from ..errors import CommuniqueError
from ._app import DB_OPTION, DEFAULT_DB, app, date_arg, err, open_store

FORMAT_HELP = "csv, jsonl, parquet, gdelt (GDELT 2.0 Events TSV), plover (PLOVER/POLECAT JSON) or icews (ICEWS TSV)."


def build_filter(**values: Any) -> Any:
    """An :class:`~communique.analysis.EventFilter` from CLI values, or exit 2 with the first problem."""
    from ..analysis import EventFilter

    given = {k: v for k, v in values.items() if v not in (None, (), [], False)}
    for key in ("status", "quad_class"):
        if key in given:
            given[key] = tuple(given[key])
    try:
        return EventFilter(**given)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "filters"
        err(f"--{where.replace('_', '-')}: {first['msg']}")
        raise typer.Exit(2) from None


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="File to write (a folder is an error).")],
    format: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "csv",
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(help="Actor code (prefix, e.g. RUS) or name.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country of a source or target actor.")] = None,
    dyad: Annotated[tuple[str, str] | None, typer.Option(help="Two actor codes, either direction.")] = None,
    directed: Annotated[bool, typer.Option("--directed", help="--dyad A B: A must be the source.")] = False,
    since: Annotated[str | None, typer.Option(help="Earliest event date YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date YYYY-MM-DD.")] = None,
    cameo: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 04.")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER event type, e.g. CONSULT.")] = None,
    quad_class: Annotated[list[int] | None, typer.Option("--quad-class", help="QuadClass 1-4 (repeatable).")] = None,
    place: Annotated[str | None, typer.Option(help="Location name.")] = None,
    location_country: Annotated[str | None, typer.Option("--location-country",
                                                         help="ISO alpha-3 of the location.")] = None,
    status: Annotated[list[str] | None, typer.Option(help="Status to keep (repeatable): reported, unconfirmed, "
                                                      "confirmed, denied, planned, hypothetical, negated.")] = None,
    min_corroboration: Annotated[int | None, typer.Option("--min-corroboration",
                                                          help="At least this many articles.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Some report comes from this outlet.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.", min=1)] = None,
) -> None:
    """Write the stored events matching the filters as CSV, JSONL, Parquet, GDELT, PLOVER or ICEWS."""
    from ..analysis import event_rows
    from ..store.formats import FORMATS
    from ..store.formats import export as write

    if format not in FORMATS:
        err(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
        raise typer.Exit(2)
    if out.is_dir():
        err(f"{out}: is a folder; give a file name")
        raise typer.Exit(2)
    f = build_filter(
        actor=actor, country=country, dyad=dyad, directed=directed, since=date_arg(since, "--since"),
        until=date_arg(until, "--until"), cameo=cameo, plover=plover, quad_class=quad_class, place=place,
        location_country=location_country, status=status, min_corroboration=min_corroboration, outlet=outlet,
    )
    store = open_store(db, must_exist=True)
    try:
        n = write(store.conn, event_rows(store.conn, f, limit=limit), format, out)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    finally:
        store.close()
    typer.echo(f"exported {n} event(s) as {format} -> {out}", err=True)


@app.command()
def dump(
    out: Annotated[Path, typer.Option("--out", help="Folder to create (must be missing or empty).")],
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
) -> None:
    """Write the whole store as Parquet partitioned by month (readable by DuckDB, pandas, Dask, Spark)."""
    from ..store.parquet import dump as write

    store = open_store(db, must_exist=True)
    try:
        counts = write(store.conn, out)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    finally:
        store.close()
    typer.echo(f"dumped {', '.join(f'{n} {t}' for t, n in counts.items())} -> {out}", err=True)


@app.command()
def load(
    folder: Annotated[Path, typer.Argument(help="A folder written by `communique dump`.")],
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
) -> None:
    """Read a Parquet dump into a new (empty) store."""
    from ..store import Store
    from ..store.parquet import load as read

    try:
        with Store.open(db) as store:
            counts = read(store.conn, folder)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo(f"loaded {', '.join(f'{n} {t}' for t, n in counts.items())} -> {db}", err=True)


@app.command()
def serve(
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default; 0.0.0.0 exposes it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    cors_origin: Annotated[list[str] | None, typer.Option("--cors-origin",
                                                          help="Allow browser pages of this origin (repeatable; "
                                                               "none by default).")] = None,
    cache_mb: Annotated[int, typer.Option(help="Megabytes of JSON responses kept for repeated queries "
                                               "(0: none).", min=0, max=65536)] = 64,
    memory_limit: Annotated[str, typer.Option(help="DuckDB's memory limit for the server (e.g. 1GB).")] = "1GB",
    threads: Annotated[int, typer.Option(help="Requests worked on at once (the rest wait).", min=1, max=256)] = 8,
    query_threads: Annotated[int, typer.Option(help="DuckDB threads per query (1: requests run in parallel, "
                                                    "each on one thread).", min=1, max=256)] = 1,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the dashboard at / (read-only; writes need COMMUNIQUE_TOKEN)."""
    import uvicorn

    from ..server import ServerSettings, create_app

    if not db.is_file():
        err(f"{db}: no such database; run `communique ingest` first")
        raise typer.Exit(2)
    try:
        application = create_app(ServerSettings.from_env(db=db, cors_origins=tuple(cors_origin or ()),
                                                         cache_mb=cache_mb, memory_limit=memory_limit,
                                                         threads=threads, query_threads=query_threads))
    except ValidationError as exc:
        err(f"serve: {exc.errors()[0]['loc'][0]}: {exc.errors()[0]['msg']}")
        raise typer.Exit(2) from None
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo(f"communique: serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
    # keep-alive 75 s, not uvicorn's 5: a client that reuses a connection just as the server closes it for idleness
    # gets a reset (the soak saw two under load, when its threads took seconds between requests); 75 s outlasts
    # such pauses, as nginx's default does, and an idle connection costs a file descriptor and no thread
    uvicorn.run(application, host=host, port=port, log_level="warning", limit_concurrency=200,
                timeout_keep_alive=75)


__all__ = ["build_filter", "dump", "export", "load", "serve"]
