"""Time and memory against article length: one article of about 1 KB, 10 KB, 100 KB and 1 MB, each run alone
through the default pipeline in one process (parse and every stage), then written to a fresh store (created
before the clock starts).

    .venv/bin/python scripts/bench_lengths.py [--shared ../shared] [--sizes 1000,10000,100000,1000000]
                                              [--text polnear|report] [--no-store]

``--text polnear`` (default) builds each article from PolNeAR train texts (whole paragraphs, in file order);
``--text report`` from the generated report of ``tests/stages/test_chunking.py`` (the same meeting told again and
again, and an accusation between a pair of countries of its own per paragraph).

Prints, per size: characters, total seconds, seconds per 10 KB (flat when time is linear in length), peak RSS of
the process during that article (MB, sampled every 50 ms; the loaded model and knowledge included), the store's
seconds, each stage's own seconds, and the load average; a stage whose time per 10 KB grows with the size is
super-linear.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import tempfile
import time
from pathlib import Path

from communique import api
from communique.bench import _own_times, _PeakRSS, _timed, shared_corpus
from communique.model import Doc
from communique.read import make_article

ROOT = Path(__file__).resolve().parents[1]


def build(paragraphs: list[str], size: int) -> str:
    out: list[str] = []
    n = 0
    for p in paragraphs:
        if n >= size:
            break
        out.append(p)
        n += len(p) + 2
    return "\n\n".join(out)


def _report(size: int) -> str:
    spec = importlib.util.spec_from_file_location("_chunking", ROOT / "tests" / "stages" / "test_chunking.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return str(mod.long_report(size))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--sizes", default="1000,10000,100000,1000000")
    ap.add_argument("--text", choices=("polnear", "report"), default="polnear")
    ap.add_argument("--no-store", action="store_true", help="analyse only; do not write a store")
    args = ap.parse_args()
    paragraphs: list[str] = []
    if args.text == "polnear":
        base = shared_corpus(args.shared, "polnear", None)
        paragraphs = [p.strip() for a in base for p in a.text[a.body_span().start:].split("\n\n") if p.strip()]
    pipe = api.default_pipeline(workers=1)
    # warm up: knowledge loaded lazily and the store's first open are not the first article's cost
    (warm,) = list(pipe.pipe([Doc(make_article(_report(2000), published="2016-01-15"))]))
    if not args.no_store:
        from communique.store import Store

        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "s.duckdb") as store:
            store.add(warm)
    print(f"{'chars':>9}  {'total s':>8}  {'s/10KB':>7}  {'peak MB':>7}  {'store s':>7}  events | own seconds per stage"
          "  | load average", flush=True)
    for size in (int(s) for s in args.sizes.split(",")):
        text = build(paragraphs, size) if args.text == "polnear" else _report(size)
        article = make_article(text, published="2016-01-15")
        clock: dict[str, float] = {}
        with contextlib.ExitStack() as stack:
            store = None
            if not args.no_store:  # a fresh store per size, made before the clock starts (creating its tables
                from communique.store import Store  # took ~1 s: it was most of the 1 KB article's time)

                tmp = stack.enter_context(tempfile.TemporaryDirectory())
                store = stack.enter_context(Store.open(Path(tmp) / "s.duckdb"))
            with _PeakRSS() as rss:
                t0 = time.perf_counter()
                stream = _timed("read", [Doc(article)], clock)
                for st in pipe.stages:
                    stream = _timed(st.name, pipe._guard(st, stream), clock)
                (doc,) = list(stream)
                stored = 0.0
                if store is not None:
                    t1 = time.perf_counter()
                    store.add(doc)
                    stored = time.perf_counter() - t1
                total = time.perf_counter() - t0
        own = _own_times(clock, ["read", *(s.name for s in pipe.stages)])
        stages = "  ".join(f"{k.split('.')[-2] if '.' in k else k} {v:.2f}" for k, v in own.items())
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{len(text):>9}  {total:8.2f}  {10_000 * total / len(text):7.3f}  {rss.mb:7.0f}  {stored:7.2f}  "
              f"{len(doc.events):6d} | {stages} | {load}", flush=True)


if __name__ == "__main__":
    main()
