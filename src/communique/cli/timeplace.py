"""``communique eval places`` (GeoWebNews, GeoVirus) and ``communique eval dates`` (TimeBank+AQUAINT, MEANTIME)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..evaluate import event_places, geoparse, timebank
from ._app import err, eval_app


@eval_app.command("places")
def eval_places(
    data: Annotated[Path, typer.Option(help="Folder of GeoWebNews_GWN.xml and GeoVirus.xml.")] = geoparse.SHARED,
    dataset: Annotated[str, typer.Option(help="gwn, geovirus or both.")] = "both",
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles of each set.")] = None,
) -> None:
    """Geoparsing: detection P/R/F1 with and without demonyms, exact GeoNames id, country, within 161 km,
    by feature class, and the gazetteer's coverage of the gold ids."""
    if dataset not in ("gwn", "geovirus", "both"):
        err(f"--dataset must be gwn, geovirus or both, not {dataset!r}")
        raise typer.Exit(2)
    wanted = ("gwn", "geovirus") if dataset == "both" else (dataset,)
    try:
        lines = geoparse.evaluate(data, datasets=wanted, limit=limit)
    except FileNotFoundError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo("\n".join(lines))


@eval_app.command("dates")
def eval_dates(
    shared: Annotated[Path, typer.Option(help="Folder holding eval/timebank_aquaint and eval/meantime_en.")] = (
        timebank.DEFAULT_SHARED
    ),
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents of each corpus.")] = None,
    meantime: Annotated[bool, typer.Option(help="Also score MEANTIME English.")] = True,
    errors: Annotated[int, typer.Option(help="Show up to N value errors per corpus.")] = 0,
) -> None:
    """DATE timexes: detection F1 and value accuracy as TimeML value strings."""
    try:
        lines = timebank.evaluate(shared, limit=limit, meantime=meantime, errors=errors)
    except FileNotFoundError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo("\n".join(lines))


@eval_app.command("event-places")
def eval_event_places(
    shared: Annotated[Path, typer.Option(help="Folder holding eval/wikievents and eval/rams.")] = event_places.SHARED,
    dataset: Annotated[str, typer.Option(help="wikievents, rams or both.")] = "both",
    limit: Annotated[int | None, typer.Option(help="Score only the first N texts of each set.")] = None,
    examples: Annotated[int, typer.Option(help="Show up to N misses per set.")] = 0,
) -> None:
    """Event location against gold Place arguments (WikiEvents and RAMS dev): right, none, wrong."""
    if dataset not in ("wikievents", "rams", "both"):
        err(f"--dataset must be wikievents, rams or both, not {dataset!r}")
        raise typer.Exit(2)
    wanted = ("wikievents", "rams") if dataset == "both" else (dataset,)
    try:
        lines = event_places.evaluate(shared, datasets=wanted, limit=limit, examples=examples)
    except FileNotFoundError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo("\n".join(lines))
