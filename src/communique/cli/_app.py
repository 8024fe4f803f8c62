"""Shared pieces of the command line: the Typer apps and the small argument helpers.

Each command group lives in its own module of this package and registers on
:data:`app` (or a sub-app such as :data:`eval_app`); ``communique.cli`` imports
them all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import typer

from ..errors import CommuniqueError
from ..read import parse_date
from ..settings import describe

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="communique: sourced, time-resolved event data from news reports.")
eval_app = typer.Typer(no_args_is_help=True, help="Score communique against gold standards; print the figures.")
train_app = typer.Typer(no_args_is_help=True, help="Rebuild the shipped models from the training data in ../shared.")
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

DB_OPTION = typer.Option("--db", help="DuckDB file to use (created when missing).")
DEFAULT_DB = Path("communique.duckdb")


def setting_help(setting: str) -> str:
    """Help text of an option that sets one of the settings: from the settings schema itself."""
    return next(desc for name, _, desc in describe() if name == setting).capitalize() + "."


KB_HELP = setting_help("knowledge") + " (our TSV or a PETRARCH .actors dictionary; repeatable)"
VERBS_HELP = next(d for n, _, d in describe() if n == "verbs") + " (e.g. CAMEO.2.0.txt; repeatable)."


def err(msg: str) -> None:
    typer.echo(f"communique: {msg}", err=True)


def knowledge_paths(paths: list[Path] | None, what: str = "knowledge") -> tuple[str, ...]:
    missing = [p for p in paths or [] if not p.is_file()]
    if missing:
        err(f"{missing[0]}: no such {what} file")
        raise typer.Exit(2)
    return tuple(str(p) for p in paths or [])


def date_arg(value: str | None, name: str) -> dt.date | None:
    try:
        return parse_date(value, name)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None


def open_store(db: Path, *, must_exist: bool = False) -> Any:
    """The store at ``db`` (created when missing unless ``must_exist``); a one-line error and exit 2 when it
    cannot be had."""
    from ..store import Store

    if must_exist and not db.is_file():
        err(f"{db}: no such database; run `communique ingest` or `communique watch` first")
        raise typer.Exit(2)
    try:
        return Store.open(db)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
