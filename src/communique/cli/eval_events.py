"""``communique eval events`` (score event coding on the gold sets) and ``communique train events`` (rebuild the
shipped event model), thin commands over ``evaluate/events.py`` and ``evaluate/events_train.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..errors import CommuniqueError
from ..evaluate.parse_cache import DEFAULT_CACHE
from ._app import err, eval_app, train_app

DEFAULT_SHARED = Path("../shared")


def _shared(path: Path) -> Path:
    if not path.is_dir():
        err(f"{path}: no such folder (the read-only data folder holding eval/ and reference/); pass --shared PATH")
        raise typer.Exit(2)
    return path


@eval_app.command("events")
def eval_events(
    dataset: Annotated[str, typer.Option("--dataset", help="plv, plover_gsr, petrarch2, universalpetrarch, "
                                         "universalpetrarch_dict (with its dictionaries), m2e2, wikievents, rams, "
                                         "wikievents_articles, rams_articles, glocon_articles (whole documents: "
                                         "per-family recall and precision by trigger span), several joined by "
                                         "commas, or all.")] = "all",
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write every figure to this JSON file.")] = None,
    shared: Annotated[Path, typer.Option("--shared", help="Folder holding eval/ and reference/.")] = DEFAULT_SHARED,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N items of each set.")] = None,
    no_cv: Annotated[bool, typer.Option("--no-cv", help="Score sets the model was trained on with the shipped "
                                        "model itself (inflated figures; quick).")] = False,
    cache: Annotated[Path, typer.Option("--cache", help="Folder keeping the datasets' spaCy parses between runs "
                                        "(keyed by model and data).")] = DEFAULT_CACHE,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every text afresh; keep nothing.")] = False,
) -> None:
    """Score event coding on gold sets: per-type P/R/F1, macro and micro, type + source + target, confusions."""
    from ..evaluate.events import DATASETS, evaluate, report

    names = list(DATASETS) if dataset == "all" else [n.strip() for n in dataset.split(",") if n.strip()]
    unknown = [n for n in names if n not in DATASETS]
    if unknown:
        err(f"--dataset {unknown[0]!r}: not one of {', '.join(DATASETS)}, all")
        raise typer.Exit(2)
    root = _shared(shared)
    results = {}
    for name in names:
        try:
            s = evaluate(name, root, limit=limit, cross_validate=False if no_cv else None,
                         progress=lambda m: typer.echo(m, err=True), cache=None if no_cache else cache)
        except FileNotFoundError as exc:
            err(f"{exc}: gold data not found; skipped {name}")
            continue
        except CommuniqueError as exc:
            err(str(exc))
            raise typer.Exit(2) from None
        typer.echo(report(s))
        typer.echo()
        results[name] = s.as_dict()
    if json_out is not None:
        json_out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    if not results:
        raise typer.Exit(2)


@train_app.command("events")
def train_events(
    shared: Annotated[Path, typer.Option("--shared", help="Folder holding eval/ and reference/.")] = DEFAULT_SHARED,
    out: Annotated[Path | None, typer.Option("--out", help="Model file to write (default: the shipped one, "
                                             "src/communique/knowledge/data/event_model.npz).")] = None,
    sets: Annotated[str | None, typer.Option("--sets", help="Comma-separated training sets (default: plv, "
                                             "plover_gsr, universalpetrarch, wikievents, rams, m2e2).")] = None,
    cache: Annotated[Path, typer.Option("--cache", help="Folder keeping the sets' spaCy parses between runs "
                                        "(keyed by model and data).")] = DEFAULT_CACHE,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every text afresh; keep nothing.")] = False,
) -> None:
    """Rebuild the learned event coder from the gold sets (needs scikit-learn; about a minute)."""
    from ..evaluate.event_sets import DATASETS
    from ..evaluate.events_train import TRAIN_SETS, train

    chosen = tuple(s.strip() for s in sets.split(",")) if sets else TRAIN_SETS
    bad = [s for s in chosen if s not in DATASETS]
    if bad:
        err(f"--sets {bad[0]!r}: not one of {', '.join(DATASETS)}")
        raise typer.Exit(2)
    target = out or Path(__file__).resolve().parents[1] / "knowledge" / "data" / "event_model.npz"
    try:
        model = train(_shared(shared), target, sets=chosen, cache=None if no_cache else cache)
    except FileNotFoundError as exc:
        err(f"{exc}: training data not found")
        raise typer.Exit(2) from None
    typer.echo(f"wrote {target}: {len(model.classes)} classes, {len(model.features)} features, "
               f"{model.meta.get('examples')} training words from {', '.join(chosen)}")
