"""Score the signal detector on generated streams with known shifts (:mod:`communique.signals.synthetic`).

A known shift is **found** when a signal of its dyad, in its direction, is first flagged within its
first ``max_delay + 1`` days (delay = the first flagged day minus the shift's first day; a signal
already running when the shift begins counts with delay 0). A signal is **true** when it
touches a known shift of its dyad (from its first day to 7 days after its last, since the return to the
old level is a real change too) and **false** otherwise; precision is true signals over all signals.
Recall is reported by shift factor and, for increases, by the dyad's expected events a day before the
shift. Streams are generated from seeds ``seed .. seed + runs - 1`` by the generator ``version`` (v2, the
default, with Zipf-like dyads, per-dyad over-dispersion and story bursts; v1 the earlier one). False
signals are also counted where they touch a story day (any dyad; v1: a busy news day) and where they are
on the story's own dyad and channel during the story (its residual unmerged duplicates).

Usage: ``communique eval signals [--runs 5] [--seed 0] [--min-score 3.7] [--generator v2] [--exposure robust]
[--json FILE]`` (``--exposure articles``: the detector scored against the article volume alone, as before round 8).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..signals.detect import MIN_SCORE, Signal, detect
from ..signals.series import build
from ..signals.synthetic import Injected, generate


@dataclass
class Tally:
    shifts: int = 0
    found: int = 0
    delays: list[int] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {"shifts": self.shifts, "found": self.found, "recall": round(self.found / self.shifts, 3)
                if self.shifts else None, "median_delay_days": statistics.median(self.delays) if self.delays else None}


def _found(inj: Injected, signals: list[Signal], max_delay: int) -> int | None:
    best: int | None = None
    for s in signals:
        if s.unit != inj.unit or s.direction != inj.direction:
            continue
        flagged = s.detected or s.start
        if flagged < inj.start <= s.end:
            delay = 0  # already flagged when the shift began (and still running)
        elif inj.start <= flagged <= inj.start + dt.timedelta(days=max_delay):
            delay = (flagged - inj.start).days
        else:
            continue
        best = delay if best is None else min(best, delay)
    return best


def _true(sig: Signal, injected: list[Injected]) -> bool:
    return any(i.unit == sig.unit and sig.start <= i.end + dt.timedelta(days=7) and sig.end >= i.start
               for i in injected)


def evaluate(*, runs: int = 5, seed: int = 0, min_score: float = MIN_SCORE, max_delay: int = 3,
             version: str = "v2", exposure: str = "robust") -> dict[str, Any]:
    """Figures of the module docstring as a JSON-ready dict (recall and median delay by factor and by factor
    and rate, precision, false signals per 1,000 dyad-days, on story/busy days and on story dyads)."""
    by_factor: dict[float, Tally] = defaultdict(Tally)
    by_rate: dict[str, Tally] = defaultdict(Tally)
    true = false = busy_false = story_false = 0
    unit_days = 0
    for r in range(runs):
        stream = generate(seed=seed + r, version=version)
        series = build(stream.rows, stream.volume, level="country")
        signals = detect(series, level="country", min_score=min_score, exposure_by=exposure)
        unit_days += len(series.counts) * len(series.days)
        for inj in stream.injected:
            delay = _found(inj, signals, max_delay)
            tallies = [by_factor[inj.factor]]
            if inj.factor > 1:
                b = inj.base_daily
                bucket = "< 1" if b < 1 else "1-3" if b < 3 else "3-10" if b < 10 else ">= 10"
                tallies.append(by_rate[f"{inj.factor:g}x, {bucket} events/day"])
            for t in tallies:
                t.shifts += 1
                if delay is not None:
                    t.found += 1
                    t.delays.append(delay)
        busy = set(stream.busy_days) | {st.start + dt.timedelta(days=j) for st in stream.stories
                                        for j in range((st.end - st.start).days + 1)}
        for s in signals:
            if _true(s, stream.injected):
                true += 1
            else:
                false += 1
                busy_false += any(s.start <= d <= s.end for d in busy)
                story_false += any(st.unit == s.unit and st.channel == s.channel and s.start <= st.end
                                   and s.end >= st.start for st in stream.stories)
    total = true + false
    return {
        "runs": runs, "seed": seed, "min_score": min_score, "max_delay_days": max_delay, "generator": version,
        "exposure": exposure,
        "by_factor": {f"{f:g}x": t.row() for f, t in sorted(by_factor.items())},
        "by_factor_and_rate": {k: t.row() for k, t in sorted(by_rate.items())},
        "signals": total, "true_signals": true, "precision": round(true / total, 3) if total else None,
        "false_signals_per_1000_dyad_days": round(1000 * false / unit_days, 3) if unit_days else None,
        "false_signals_on_busy_news_days": busy_false,
        "false_signals_on_story_dyads": story_false,
    }


def render(result: dict[str, Any]) -> str:
    lines = [f"generated streams ({result.get('generator', 'v2')}, exposure {result.get('exposure', 'articles')}): "
             f"{result['runs']} "
             f"(seeds {result['seed']}..{result['seed'] + result['runs'] - 1}),"
             f" min score {result['min_score']}, found = flagged within {result['max_delay_days']} days",
             "", f"{'shift':<34}{'shifts':>8}{'found':>8}{'recall':>9}{'median delay (days)':>22}"]
    for table in (result["by_factor"], result["by_factor_and_rate"]):
        for k, row in table.items():
            lines.append(f"{k:<34}{row['shifts']:>8}{row['found']:>8}{row['recall'] or 0:>9.3f}"
                         f"{row['median_delay_days'] if row['median_delay_days'] is not None else '-':>22}")
        lines.append("")
    lines.append(f"signals {result['signals']}, true {result['true_signals']}, precision {result['precision']}; "
                 f"false signals per 1,000 dyad-days {result['false_signals_per_1000_dyad_days']}, "
                 f"on story or busy news days {result['false_signals_on_busy_news_days']}, "
                 f"on a story's own dyad {result.get('false_signals_on_story_dyads', 0)}")
    return "\n".join(lines)
