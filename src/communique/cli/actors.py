"""``communique actors show|list|export|import`` (roles learned from the news) and ``communique eval actors``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..errors import CommuniqueError
from ._app import DB_OPTION, DEFAULT_DB, app, err, eval_app

actors_app = typer.Typer(no_args_is_help=True,
                         help="The actor knowledge learned from the news: roles with dates and evidence.")
app.add_typer(actors_app, name="actors")


def _open(db: Path, *, create: bool = False):  # type: ignore[no-untyped-def]
    from ..store import Store

    if not create and not db.exists():
        err(f"{db}: no such database; run `communique ingest` first")
        raise typer.Exit(2)
    return Store.open(db)


@actors_app.command("show")
def show(name: Annotated[str, typer.Argument(help="A person's name or surname.")],
         db: Annotated[Path, DB_OPTION] = DEFAULT_DB) -> None:
    """The roles stored for NAME, oldest first: dates, source and the evidence for each."""
    from ..store.roles import roles_of

    store = _open(db)
    try:
        rows = roles_of(store.conn, name)
    finally:
        store.close()
    if not rows:
        err(f"{name}: no stored roles")
        raise typer.Exit(1)
    for r in rows:
        until = f" until {r['held_until']}" if r["held_until"] else ""
        code = r["code"] or (r["country"] or "") + (r["sector"] or "")
        where = (f"article {r['article_id']} [{r['evidence_start']}:{r['evidence_end']}] "
                 f"{r['evidence']!r}") if r["article_id"] else (r["evidence"] or "imported")
        typer.echo(f"{r['name']}\t{code or '-'}\t{r['title'] or ''}\tfrom {r['observed']}{until}\t{r['source']}\t"
                   f"{where}")


@actors_app.command("list")
def list_(db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
          country: Annotated[str | None, typer.Option(help="Only this ISO3 country, e.g. RUS.")] = None,
          sector: Annotated[str | None, typer.Option(help="Only this sector code, e.g. MIL.")] = None) -> None:
    """Every stored name with its latest role (tab-separated: name, code, title, since, observations)."""
    from ..store.roles import list_actors

    store = _open(db)
    try:
        rows = list_actors(store.conn, country=country, sector=sector)
    finally:
        store.close()
    for r in rows:
        code = r["code"] or (r["country"] or "") + (r["sector"] or "")
        typer.echo(f"{r['name']}\t{code or '-'}\t{r['title'] or ''}\t{r['since']}\t{r['observations']}")


@actors_app.command("export")
def export(db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
           out: Annotated[Path | None, typer.Option("--out", help="Write to this file (default: stdout).")]
           = None) -> None:
    """Write every stored role as JSON Lines (the table's columns, dates ISO)."""
    from ..store.roles import export_rows

    store = _open(db)
    try:
        lines = list(export_rows(store.conn))
    finally:
        store.close()
    text = "".join(line + "\n" for line in lines)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, "utf-8")


@actors_app.command("import")
def import_(path: Annotated[Path, typer.Argument(help="A JSON Lines file of roles (as `actors export` writes).")],
            db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
            learned: Annotated[bool, typer.Option("--learned", help="Keep them as learned roles, not user roles "
                                                  "(user roles override what the news teaches).")] = False) -> None:
    """Add roles from a JSON Lines file; they are user roles (overriding learned ones) unless --learned."""
    from ..store.roles import import_rows

    if not path.exists():
        err(f"{path}: no such file")
        raise typer.Exit(2)
    store = _open(db, create=True)
    try:
        n = import_rows(store.conn, path.read_text("utf-8").splitlines(), source=str(path), as_user=not learned)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    finally:
        store.close()
    typer.echo(f"imported {n} roles")


@eval_app.command("actors")
def eval_actors(
    shared: Annotated[Path | None, typer.Option(help="The shared data folder (default ../shared).")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only the first N records of each set.")] = None,
    dataset: Annotated[list[str] | None, typer.Option(help="plover_gsr, plv or petrarch2 (repeatable).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="List every miss.")] = False,
) -> None:
    """Actor country, country + sector and code accuracy on the PLOVER GSR, PLV_train and PETRARCH-2."""
    from ..evaluate.actors import DEFAULT_SHARED, report

    try:
        lines = report(shared or DEFAULT_SHARED, limit=limit, datasets=dataset, verbose=verbose)
    except FileNotFoundError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo("\n".join(lines))
