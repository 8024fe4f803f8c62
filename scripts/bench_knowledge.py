"""Knowledge-table benchmark: how long the bundled and reference tables take to build or parse, with the bar each
should stay under (quality bars are benchmark figures, not timed unit tests).

    python scripts/bench_knowledge.py [--repeat 3] [--shared ../shared]

Measured (each the median of ``--repeat`` runs in this process; wall time, CPU time of this process and the
load average at the start, since the machine may be shared):

* the countries index, first build (``communique.knowledge.countries.countries()`` with its cache cleared):
  bar 2 s (about 0.15 s on a quiet laptop);
* parsing the PETRARCH verb dictionaries of ``--shared``'s ``reference/`` (CAMEO 2.0, the 2015 verb patterns,
  UniversalPETRARCH's validation verbs), each: bar 20 s (catches a parse gone quadratic);
* parsing the Phoenix and UniversalPETRARCH actor dictionaries, together: bar 20 s.

The ``../shared`` figures are skipped, with a line saying so, when the folder is absent.  Exit status 1 when a
figure is over its bar.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERBS = ["reference/petrarch2/CAMEO.2.0.txt", "reference/petrarch2/CAMEO.verbpatterns.150430.txt",
         "reference/universalpetrarch/PETR_Validate_verbs_2_02.txt"]
ACTORS = ["reference/petrarch2/Phoenix.Countries.actors.txt", "reference/petrarch2/Phoenix.International.actors.txt",
          "reference/petrarch2/Phoenix.MilNonState.actors.txt",
          "reference/universalpetrarch/PETR_Validate_actors_2_02.txt"]


def measure(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``repeat`` calls of ``fn``."""
    walls, cpus = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args(argv)

    from communique.knowledge import countries as countries_module
    from communique.knowledge.petrarch import parse_petrarch_actors, parse_petrarch_verbs

    def first_build() -> None:
        countries_module._index.cache_clear()
        countries_module.countries()

    checks: list[tuple[str, float, Callable[[], object]]] = [("countries index, first build", 2.0, first_build)]
    if all((args.shared / f).exists() for f in VERBS + ACTORS):
        for f in VERBS:
            text = (args.shared / f).read_text("utf-8")
            checks.append((f"PETRARCH verbs {Path(f).name}", 20.0,
                           lambda text=text, f=f: parse_petrarch_verbs(text, source=f, problems=[])))  # type: ignore[misc]
        texts = [((args.shared / f).read_text("utf-8"), f) for f in ACTORS]
        checks.append(("PETRARCH actor dictionaries (4)", 20.0,
                       lambda: [parse_petrarch_actors(t, source=f, problems=[]) for t, f in texts]))
    else:
        print(f"{args.shared}: no PETRARCH reference dictionaries there; their figures are skipped")
    slow = 0
    print(f"{'table':44} {'wall s':>8} {'CPU s':>8} {'bar s':>6} {'load':>6}")
    for name, bar, fn in checks:
        load = os.getloadavg()[0]
        wall, cpu = measure(fn, args.repeat)
        verdict = "ok" if wall < bar else "SLOW"
        slow += verdict == "SLOW"
        print(f"{name:44} {wall:8.3f} {cpu:8.3f} {bar:6.1f} {load:6.1f} {verdict}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
