"""Time per stage against article length: one article of about 1 KB, 10 KB, 100 KB and 1 MB built from PolNeAR train
texts (whole paragraphs, in file order), each run alone through the default pipeline in one process.

    .venv/bin/python scripts/bench_lengths.py [--shared ../shared] [--sizes 1000,10000,100000,1000000]

Prints, per size, characters, total seconds, seconds per 10 KB and each stage's own seconds; a stage whose time per
10 KB grows with the size is super-linear.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from communique import api
from communique.bench import _own_times, _timed, shared_corpus
from communique.model import Doc
from communique.read import make_article


def build(paragraphs: list[str], size: int) -> str:
    out: list[str] = []
    n = 0
    for p in paragraphs:
        if n >= size:
            break
        out.append(p)
        n += len(p) + 2
    return "\n\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    args = ap.parse_args()
    base = shared_corpus(args.shared, "polnear", None)
    paragraphs = [p.strip() for a in base for p in a.text[a.body_span().start:].split("\n\n") if p.strip()]
    pipe = api.default_pipeline(workers=1)
    pipe.stages[0].nlp.max_length = 2_000_000
    for size in (int(s) for s in args.sizes.split(",")):
        text = build(paragraphs, size)
        article = make_article(text, published="2016-01-15")
        clock: dict[str, float] = {}
        t0 = time.perf_counter()
        stream = _timed("read", [Doc(article)], clock)
        for st in pipe.stages:
            stream = _timed(st.name, pipe._guard(st, stream), clock)
        (doc,) = list(stream)
        total = time.perf_counter() - t0
        own = _own_times(clock, ["read", *(s.name for s in pipe.stages)])
        stages = "  ".join(f"{k.split('.')[-2] if '.' in k else k} {v:.2f}" for k, v in own.items())
        print(f"{len(text):>9} chars  {total:8.2f} s  {10_000 * total / len(text):6.3f} s/10KB  "
              f"events {len(doc.events):5d}  | {stages}", flush=True)


if __name__ == "__main__":
    main()
