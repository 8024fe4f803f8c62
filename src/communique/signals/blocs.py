"""Blocs: communities in the cooperation network over a sliding window, and who moves between them.

For a window of ``days`` days ending on ``end`` (and the window of the same length before it), the
network has a node per country (or actor code) and an edge per pair that cooperated, weighted by
``cooperation events - conflict events`` over the window (pairs whose weight is not positive are left
out; QuadClass 1-2 is cooperation, 3-4 conflict; only events that happened count). Communities are
networkx's Louvain communities (seeded, so the same store gives the same blocs). A bloc of the current
window is matched to the earlier bloc with which it shares the most members (Jaccard); an actor whose
bloc's match is not its earlier bloc **moved**. **Deepening** pairs are those whose cooperation weight
grew most from the earlier window to this one (at least ``min_growth`` events more).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from .series import channel, days_before, happened, units


@dataclass
class Blocs:
    """``blocs``: lists of members (largest first); ``moves``: ``{actor, from, to}`` (bloc indices into the
    earlier and current lists, ``from`` None for an actor new to the network); ``deepening``: ``{dyad,
    before, now}`` cooperation weights; ``previous``: the earlier window's blocs."""

    start: dt.date
    end: dt.date
    blocs: list[list[str]] = field(default_factory=list)
    previous: list[list[str]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)
    deepening: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "blocs": self.blocs,
                "previous": self.previous, "moves": self.moves, "deepening": self.deepening}


def _weights(rows: list[Mapping[str, Any]], start: dt.date, end: dt.date, level: str) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    for r in rows:
        if not (start <= r["date"] <= end):
            continue
        ch = channel(r.get("quad_class"))
        if ch is None:
            continue
        for dyad in units(r, level):
            a, _, b = dyad.partition("–")
            if a != b:
                w[dyad] += 1.0 if ch == "cooperation" else -1.0
    return w


def _count_weights(counts: Iterable[tuple[str, str, dt.date, int, float]], start: dt.date,
                   end: dt.date) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    for dyad, ch, day, n, _ in counts:
        a, _, b = dyad.partition("–")
        if b and a != b and start <= day <= end:
            w[dyad] += n if ch == "cooperation" else -n
    return w


def _communities(weights: Mapping[str, float]) -> list[list[str]]:
    g = nx.Graph()
    for dyad, w in weights.items():
        if w > 0:
            a, _, b = dyad.partition("–")
            g.add_edge(a, b, weight=w)
    if g.number_of_edges() == 0:
        return []
    comms = nx.community.louvain_communities(g, weight="weight", seed=0)
    return sorted((sorted(c) for c in comms), key=lambda c: (-len(c), c))


def _match(now: list[str], before: list[list[str]]) -> int | None:
    best, score = None, 0.0
    for i, b in enumerate(before):
        j = len(set(now) & set(b)) / len(set(now) | set(b))
        if j > score:
            best, score = i, j
    return best


def blocs(rows: Iterable[Mapping[str, Any]], *, end: dt.date, days: int = 30, level: str = "country",
          min_growth: float = 3.0, top: int = 10) -> Blocs:
    """Blocs in the window of ``days`` days ending on ``end`` (inclusive), compared with the window before."""
    rows = [r for r in rows if r.get("date") is not None and happened(r)]
    start, p_start, p_end = _windows(end, days)
    return _compare(_weights(rows, start, end, level), _weights(rows, p_start, p_end, level), start, end,
                    min_growth, top)


def blocs_from_counts(counts: Iterable[tuple[str, str, dt.date, int, float]], *, end: dt.date, days: int = 30,
                      min_growth: float = 3.0, top: int = 10) -> Blocs:
    """:func:`blocs` from daily dyad counts ``(dyad, channel, day, events, summed Goldstein)`` (as
    :func:`communique.signals.aggregate.daily_counts` returns them) instead of event rows."""
    counts = list(counts)
    start, p_start, p_end = _windows(end, days)
    return _compare(_count_weights(counts, start, end), _count_weights(counts, p_start, p_end), start, end,
                    min_growth, top)


def _windows(end: dt.date, days: int) -> tuple[dt.date, dt.date, dt.date]:
    """The window of ``days`` days ending on ``end`` and the one before it, as ``(start, p_start, p_end)``;
    windows reaching before 0001-01-01 start there."""
    start = days_before(end, days - 1)
    p_end = days_before(start, 1)
    return start, days_before(p_end, days - 1), p_end


def _compare(now_w: dict[str, float], before_w: dict[str, float], start: dt.date, end: dt.date, min_growth: float,
             top: int) -> Blocs:
    out = Blocs(start, end, _communities(now_w), _communities(before_w))
    where_before = {m: i for i, b in enumerate(out.previous) for m in b}
    for i, bloc in enumerate(out.blocs):
        match = _match(bloc, out.previous)
        for m in bloc:
            was = where_before.get(m)
            if was is not None and was != match:
                out.moves.append({"actor": m, "from": was, "to": i})
    growth = sorted(((now_w[d] - before_w.get(d, 0.0), d) for d in now_w), reverse=True)
    out.deepening = [{"dyad": d, "before": before_w.get(d, 0.0), "now": now_w[d]}
                     for g, d in growth[:top] if g >= min_growth]
    return out
