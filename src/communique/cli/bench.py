"""``communique bench``: throughput of the whole ingest path against spaCy alone, on real news or our examples."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import CommuniqueError
from ._app import app, err

SHARED_DEFAULT = Path("../shared")
EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "articles"


@app.command()
def bench(
    corpus: Annotated[Path | None, typer.Option(help="Files or a folder of articles to time.")] = None,
    shared: Annotated[bool, typer.Option("--shared", help="Use real news from the ../shared data folder.")] = False,
    shared_dir: Annotated[Path, typer.Option(help="Where the shared data folder is.")] = SHARED_DEFAULT,
    source: Annotated[str, typer.Option(help="Which shared corpus: polnear (train texts) or rams (dev).")] = "polnear",
    limit: Annotated[int, typer.Option(help="At most this many distinct corpus articles.", min=1)] = 300,
    articles: Annotated[int | None, typer.Option(help="Cycle the corpus to this many articles.", min=1)] = None,
    workers: Annotated[int, typer.Option(help="Parsing processes (0: one per core); also spaCy alone's.",
                                         min=0, max=64)] = 0,
    batch_size: Annotated[int, typer.Option(help="Articles per spaCy batch.", min=1, max=1024)] = 32,
    dask_workers: Annotated[int | None, typer.Option(help="Time ingest on a LocalCluster of N workers instead.",
                                                     min=1, max=256)] = None,
    spacy: Annotated[bool, typer.Option(help="Also time spaCy alone on the same texts.")] = True,
    stages_in_workers: Annotated[bool, typer.Option(help="Run the stages in the worker processes too.")] = False,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write the figures to this JSON file.")] = None,
) -> None:
    """Time read → NLP → stages → store on a corpus and print articles/s, words/s, peak RSS, time per stage and
    the ratio to spaCy alone. Default corpus: ../shared PolNeAR when present, else our example articles."""
    from .. import api
    from ..bench import Cycled, format_result, run_bench, shared_corpus
    from ..model import Article

    try:
        if corpus is not None:
            base = [a for a in api.read_inputs([corpus]) if isinstance(a, Article)][:limit]
            name = str(corpus)
        elif shared or (shared_dir / "eval").is_dir():
            base = shared_corpus(shared_dir, source, limit)
            name = f"{source} from {shared_dir}"
        else:
            base = [a for a in api.read_inputs([EXAMPLES]) if isinstance(a, Article)][:limit]
            name = f"examples ({EXAMPLES})"
        if not base:
            err(f"{name}: no readable articles")
            raise typer.Exit(2)
        result = run_bench(Cycled(base, articles), corpus=name, workers=workers, batch_size=batch_size,
                           dask_workers=dask_workers, compare_spacy=spacy, stages_in_workers=stages_in_workers)
    except CommuniqueError as exc:
        err(str(exc))
        raise typer.Exit(2) from None
    typer.echo(format_result(result))
    if json_out is not None:
        json_out.write_text(result.to_json() + "\n", encoding="utf-8")
