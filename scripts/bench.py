"""Whole-pipeline throughput: articles per second on one article repeated N times.

    python scripts/bench.py [FILE] [--n 200] [--published 2025-11-17] [--n-process 1] [--batch-size 32]

Default FILE is ../shared/seed/article.txt (the canonical article).  Each copy gets a distinct
trailing marker so nothing is cached; model loading is timed apart from processing.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(ROOT.parent / "shared" / "seed" / "article.txt"))
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--published", default="2025-11-17")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)
    path = Path(args.file)
    if not path.exists():
        print(f"bench: {path} not found (it lives in ../shared beside the project)", file=sys.stderr)
        return 2

    from communique import Pipeline
    from communique.model import Doc
    from communique.read import make_article, split_headline
    from communique.stages.nlp import load_nlp

    t0 = time.perf_counter()
    nlp = load_nlp()
    pipe = Pipeline(services={"nlp": nlp})
    pipe.stages[0].n_process = args.n_process
    pipe.stages[0].batch_size = args.batch_size
    # warm the lazy pieces (gazetteer index, tables) on one article
    title, body = split_headline(path.read_text("utf-8"))
    pipe(Doc(make_article(body, title=title, published=args.published)))
    load_s = time.perf_counter() - t0

    docs = [Doc(make_article(f"{body}\n\nCopy {i}.", title=title, published=args.published)) for i in range(args.n)]
    t1 = time.perf_counter()
    events = sum(len(d.events) for d in pipe.pipe(docs))
    elapsed = time.perf_counter() - t1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {args.n}  words/article: {len(body.split())}  events: {events}")
    print(f"set-up (model, gazetteer, tables): {load_s:.2f} s")
    print(f"pipeline: {elapsed:.2f} s  ->  {args.n / elapsed:.1f} articles/s  (n_process={args.n_process}, "
          f"batch_size={args.batch_size})")
    print(f"peak resident memory: {rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
