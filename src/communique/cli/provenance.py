"""``communique eval attribution`` (PolNeAR) and ``communique eval coref`` (ECB+)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from ._app import err, eval_app

SHARED_HELP = "Folder holding eval/ (the ../shared data folder)."
#: tuned on ECB+ topics 1-35 (CoNLL F1 of ours 0.714 at 0.02, 0.731 at 0.06, 0.733 at 0.08 and 0.10)
DOC_THRESHOLD = 0.1


def _default_shared() -> Path:
    from ..evaluate.polnear import DEFAULT_SHARED

    return DEFAULT_SHARED


@eval_app.command("attribution")
def eval_attribution(
    split: Annotated[list[str] | None, typer.Option(
        "--split", help="PolNeAR split to score: dev or train (repeatable; default dev).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N articles of each split.")] = None,
    patterns: Annotated[int, typer.Option("--patterns", help="Show the N most common failure patterns.")] = 10,
    shared: Annotated[Path | None, typer.Option("--shared", help=SHARED_HELP)] = None,
) -> None:
    """Quotes, speakers and attribution spans (source, cue, content; exact and overlap) on PolNeAR."""
    from ..api import default_pipeline
    from ..evaluate.attribution import TARGETS, run, span_table, target_figures
    from ..evaluate.polnear import POLNEAR, gold_docs, report

    split = split or ["dev"]
    root = (shared or _default_shared()) / POLNEAR
    bad = [s for s in split if s not in ("dev", "train")]
    if bad:
        err(f"--split {bad[0]}: choose dev or train (the test split is not used)")
        raise typer.Exit(2)
    if not (root / "metadata.tsv").is_file():
        err(f"PolNeAR gold data not found at {root}; pass --shared PATH")
        raise typer.Exit(2)
    t0 = time.perf_counter()
    pipe = default_pipeline()
    load = time.perf_counter() - t0
    for name in split:
        docs = gold_docs(root, name, limit)
        quotes, spans, seconds = run(docs, pipe)
        typer.echo(f"== PolNeAR {name}: quotes and speakers")
        typer.echo(report(quotes, patterns=patterns))
        typer.echo(f"== PolNeAR {name}: attribution spans ({len(docs)} articles)")
        typer.echo(span_table(spans))
        typer.echo("== targets")
        got = target_figures(quotes, spans)
        for key, bar in TARGETS:
            v = got[key]
            mark = "-" if v is None else ("met" if v >= bar else "NOT met")
            typer.echo(f"  {key:<28} {'-' if v is None else f'{v:.3f}'}  (target >= {bar:.2f}: {mark})")
        per = 1000 * seconds / len(docs) if docs else 0.0
        typer.echo(f"time: pipeline load {load:.1f} s, analysis {seconds:.1f} s ({per:.0f} ms per article)")


@eval_app.command("coref")
def eval_coref(
    topics: Annotated[str, typer.Option(
        "--topics", help="ECB+ topics: 'dev' (1-35, for development and tuning) or 'test' (36-45, report once).")
    ] = "dev",
    mentions: Annotated[str, typer.Option(
        "--mentions", help="gold (the annotated event mentions), ours (our own event mentions) or both.")] = "both",
    doc_threshold: Annotated[float, typer.Option(
        "--doc-threshold", help="Similarity at which documents of a topic join one sub-topic (tuned on dev).")
    ] = DOC_THRESHOLD,
    shared: Annotated[Path | None, typer.Option("--shared", help=SHARED_HELP)] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse every sentence afresh; keep nothing (the "
                                           "default keeps the parses in the shared parse cache).")] = False,
) -> None:
    """Cross-document event coreference on ECB+: MUC, B3, CEAF-e, CoNLL F1, with the same-lemma baseline."""
    from ..evaluate.ecbplus import DEV_TOPICS, ECBPLUS, TEST_TOPICS, annotate, evaluate, read_topics, table
    from ..evaluate.parse_cache import ParseCache
    from ..stages.nlp import load_nlp

    root = (shared or _default_shared()) / ECBPLUS
    if topics not in ("dev", "test") or mentions not in ("gold", "ours", "both"):
        err("--topics takes dev or test; --mentions takes gold, ours or both")
        raise typer.Exit(2)
    if not (root / "ECBplus_coreference_sentences.csv").is_file():
        err(f"ECB+ data not found at {root}; pass --shared PATH")
        raise typer.Exit(2)
    docs = read_topics(root, DEV_TOPICS if topics == "dev" else TEST_TOPICS)
    nlp = load_nlp()
    cache = None if no_cache else ParseCache(nlp)
    annotate(docs, nlp, own=mentions != "gold", cache=cache)
    train = None
    if topics == "test":  # the learned pairwise scorer is trained on topics 1-35 only
        train = read_topics(root, DEV_TOPICS)
        annotate(train, nlp, cache=cache)
    n_gold = sum(len(d.mentions) for d in docs)
    typer.echo(f"== ECB+ topics {topics} ({len(docs)} documents, {n_gold} gold event mentions in validated "
               f"sentences; document threshold {doc_threshold})")
    for kind in (("gold", "ours") if mentions == "both" else (mentions,)):
        own = kind == "ours"
        if own:
            typer.echo(f"-- our own event mentions ({sum(len(d.own) for d in docs)})")
        else:
            typer.echo("-- gold event mentions")
        typer.echo(table(evaluate(docs, doc_threshold=doc_threshold, own=own, train=train)))
