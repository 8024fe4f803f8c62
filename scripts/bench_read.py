"""The readers' own time and memory on a large JSONL file (issue 10: "the reader's own memory on 100k lines").

    python scripts/bench_read.py [--lines 100000] [--shared ../shared] [--out build/read_bench.jsonl]

Writes ``--out`` (unless it already has ``--lines`` lines): the PolNeAR train texts of ``--shared`` cycled to
``--lines`` records, each reuse given a closing line of its own (``Copy k.``); without the shared folder, our
example articles.  Then reads it with :func:`communique.read.read_path` (every record decoded, validated and
made an :class:`~communique.model.Article`, nothing kept) and prints the file's size, the records read, seconds
(wall and CPU), the resident memory before and at the end, and the peak resident memory of the process
(``ru_maxrss``), with the load average.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import time
from pathlib import Path

from communique.read import read_path


def _texts(shared: Path) -> list[str]:
    folder = shared / "eval" / "polnear" / "train" / "text"
    paths = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not paths:
        paths = sorted(p for p in (Path(__file__).parents[1] / "examples" / "articles").iterdir() if p.is_file())
    return [p.read_text(encoding="utf-8") for p in paths]


def _write(out: Path, lines: int, shared: Path) -> None:
    base = _texts(shared)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(itertools.islice(itertools.cycle(base), lines)):
            k = i // len(base)
            body = text if k == 0 else f"{text.rstrip()}\n\nCopy {k + 1}.\n"
            fh.write(json.dumps({"text": body, "published": "2016-01-01"}, ensure_ascii=False) + "\n")


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--out", type=Path, default=Path("build/read_bench.jsonl"))
    args = ap.parse_args()
    if not args.out.is_file() or sum(1 for _ in args.out.open("rb")) != args.lines:
        _write(args.out, args.lines, args.shared)
    size = args.out.stat().st_size
    before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    articles = errors = chars = 0
    for item in read_path(args.out):
        if isinstance(item, Exception):
            errors += 1
        else:
            articles += 1
            chars += len(item.text)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.out}: {size / 1e6:.1f} MB, {articles:,} articles ({chars / 1e6:.1f} M characters), {errors} errors")
    print(f"read in {wall:.1f} s wall, {cpu:.1f} s CPU ({articles / wall:.0f} articles/s)")
    print(f"resident memory: {before:.0f} MB before, {_rss_mb():.0f} MB after, peak {peak:.0f} MB; "
          f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
