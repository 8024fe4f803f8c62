"""``communique signals`` (shifts in relations, with their evidence) and ``communique eval signals``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ._app import DB_OPTION, DEFAULT_DB, app, date_arg, err, eval_app, open_store


@app.command()
def signals(
    db: Annotated[Path, DB_OPTION] = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="Only signals still running on or after YYYY-MM-DD.")] = None,
    min_score: Annotated[float, typer.Option(help="Least surprise score (-log10 p) to report.", min=0.0)] = 3.7,
    level: Annotated[str, typer.Option(help="country (country dyads), actor (actor-code dyads) or "
                                            "actor_single (each actor).")] = "country",
    limit: Annotated[int, typer.Option(help="At most this many signals.", min=1, max=10_000)] = 20,
    bloc_days: Annotated[int, typer.Option(help="Window of the blocs, in days (0: no blocs).", min=0,
                                           max=3650)] = 30,
    events: Annotated[int, typer.Option(help="Events (with their evidence) listed per signal.", min=0,
                                        max=10_000)] = 20,
    format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
) -> None:
    """Say when relations shift: dyads whose cooperation or conflict departs from their baseline, with the
    events behind each signal, and the blocs of the cooperation network (who moved, which pairs deepen)."""
    from ..signals import blocs_from_store, signals_from_store
    from ..signals.series import LEVELS

    if format not in ("table", "json"):
        err(f"--format must be table or json, not {format!r}")
        raise typer.Exit(2)
    if level not in LEVELS:
        err(f"--level must be one of {', '.join(LEVELS)}, not {level!r}")
        raise typer.Exit(2)
    day = date_arg(since, "--since")
    store = open_store(db, must_exist=True)
    try:
        found = signals_from_store(store, level=level, since=day, min_score=min_score, limit=limit,
                                   with_events=events)
        # the window ends on the latest publication day (events dated later have not happened)
        bl = blocs_from_store(store, days=bloc_days, level="actor" if level == "actor" else "country") \
            if bloc_days else None
    finally:
        store.close()
    if format == "json":
        typer.echo(json.dumps({"signals": found, "blocs": bl.as_dict() if bl else None}, ensure_ascii=False,
                              indent=2, default=str))
        return
    from ..render import print_signals

    print_signals(found, bl)


@eval_app.command("signals")
def eval_signals(
    runs: Annotated[int, typer.Option(help="Generated streams to score.", min=1, max=100)] = 5,
    seed: Annotated[int, typer.Option(help="Seed of the first stream.")] = 0,
    min_score: Annotated[float, typer.Option(help="Detector threshold.", min=0.0)] = 3.7,
    generator: Annotated[str, typer.Option(help="Generator version: v2 (Zipf-like dyads, story bursts), v3 (v2 with "
                                                 "shifts on dyads of 3 or more events a day) or v1.")
                         ] = "v2",
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the figures to this file.")] = None,
    power: Annotated[bool, typer.Option("--power", help="Instead of the detector, the best any window test could "
                                        "do: an oracle that knows each dyad's true rate, dispersion and shift "
                                        "start, at the false-alarm rate of precision 0.80.")] = False,
    poisson: Annotated[bool, typer.Option("--poisson", help="With --power: as if counts were Poisson.")] = False,
    exposure: Annotated[str, typer.Option(help="The detector's exposure: robust (articles times an activity index "
                                               "one story cannot move) or articles (the article volume alone, "
                                               "before round 8).")] = "robust",
) -> None:
    """Score the shift detector on generated streams with known shifts: recall and delay by shift size,
    precision, false signals on story (busy news) days and on the stories' own dyads. ``--power``: the oracle
    power analysis of the same streams (communique.evaluate.signals_power)."""
    from ..evaluate.signals import evaluate, render
    from ..signals.detect import EXPOSURES
    from ..signals.synthetic import VERSIONS

    if generator not in VERSIONS:
        err(f"--generator must be one of {', '.join(VERSIONS)}, not {generator!r}")
        raise typer.Exit(2)
    if exposure not in EXPOSURES:
        err(f"--exposure must be one of {', '.join(EXPOSURES)}, not {exposure!r}")
        raise typer.Exit(2)
    if power:
        from ..evaluate import signals_power

        result = signals_power.analyse(runs=runs, seed=seed, version=generator, poisson=poisson)
        typer.echo(signals_power.render(result))
    else:
        result = evaluate(runs=runs, seed=seed, min_score=min_score, version=generator, exposure=exposure)
        typer.echo(render(result))
    if json_out is not None:
        json_out.write_text(json.dumps(result, indent=2), encoding="utf-8")


