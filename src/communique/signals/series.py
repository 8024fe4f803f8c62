"""Daily series for monitoring: events that happened, per unit (country dyad, actor dyad, actor) and channel.

Input rows are merged events as :meth:`communique.store.Store.events` returns them (one per event however
many reports carried it): ``cluster_id, date, cameo, goldstein, quad_class, source, target, status``
(``negated`` when present). Only events that happened count: status ``reported``, ``unconfirmed`` or
``confirmed`` and not negated; planned, hypothetical and denied events never enter a series.

Channels follow the QuadClass: 1 and 2 (verbal and material cooperation) are ``cooperation``, 3 and 4
(verbal and material conflict) are ``conflict``. An event with several sources or targets counts once for
each source–target pair. Units:

* ``country`` dyads: the unordered pair of the actors' countries (the first three letters of a CAMEO-style
  code that is a country, ``RUSMIL`` -> ``RUS``; other codes such as ``IGOUNO`` are kept whole);
* ``actor`` dyads: the unordered pair of full actor codes (``RUSMIL``–``SYRGOV``);
* ``actor``: each code, in either role.

A code made only of agent sectors (``GOV``, ``OPP``, ``LEG``, ``GOVMIL``: an actor whose country the coder
could not tell, :data:`BARE_SECTORS`) forms no unit at any level: "the government" of one article and "the
government" of another are not one actor, and pairing them with the other side would invent relations
(``GOV–USA``). Codes of organisations that merely begin with a sector (``IGOUNO``, ``NGOAMN``) are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..knowledge.sectors import SECTORS

HAPPENED = frozenset({"reported", "unconfirmed", "confirmed"})
CHANNELS = ("cooperation", "conflict")
LEVELS = ("country", "actor", "actor_single")


#: agent-sector codes that, alone or strung together, say no country or organisation (the sector lexicon's
#: codes, :data:`communique.knowledge.sectors.SECTORS`, and ``ELI`` for former office-holders)
BARE_SECTORS = frozenset(SECTORS | {"ELI"})
#: a whole code of bare sectors (``GOV``, ``GOVMIL``), the same pattern in Python and in DuckDB's regexp
BARE_PATTERN = "(?:" + "|".join(sorted(BARE_SECTORS)) + ")+"


@lru_cache(maxsize=4096)
def bare_sector(code: str) -> bool:
    """Whether ``code`` is made only of agent-sector codes (``GOV``, ``OPP``, ``GOVMIL``): an actor without a
    country or organisation, which forms no unit (see the module docstring)."""
    return re.fullmatch(BARE_PATTERN, code) is not None


def happened(row: Mapping[str, Any]) -> bool:
    """Whether a merged event counts as having happened (see the module docstring)."""
    return row.get("status") in HAPPENED and not row.get("negated")


def channel(quad_class: Any) -> str | None:
    try:
        q = int(quad_class)
    except (TypeError, ValueError):
        return None
    return "cooperation" if q in (1, 2) else "conflict" if q in (3, 4) else None


def _country(code: str) -> str:
    from ..knowledge.countries import countries

    head = code[:3]
    return head if head in countries() else code


def _codes(value: Any) -> list[str]:
    if not value:
        return []
    return [c for c in str(value).split(";") if c and c.isupper() and " " not in c and not bare_sector(c)]


def units(row: Mapping[str, Any], level: str) -> list[str]:
    """The units an event row counts for at ``level`` (``country``, ``actor`` or ``actor_single``).
    Dyads are written ``A–B`` with the two codes sorted; codes of bare sectors (``GOV``) count for none."""
    src, tgt = _codes(row.get("source")), _codes(row.get("target"))
    if level == "actor_single":
        return sorted(set(src + tgt))
    if level == "country":
        src, tgt = [_country(c) for c in src], [_country(c) for c in tgt]
    elif level != "actor":
        raise ValueError(f"unknown level {level!r}; one of {', '.join(LEVELS)}")
    return sorted({"–".join(sorted((a, b))) for a in src for b in tgt})


@dataclass
class Series:
    """Per-day counts: ``days`` (every day from first to last, ISO order), ``volume[i]`` articles published
    on ``days[i]``, and ``counts[(unit, channel)][i]`` events; ``goldstein[(unit, channel)][i]`` their summed
    Goldstein; ``events[(unit, channel)][day]`` the merged events behind each count (cluster ids)."""

    days: list[dt.date]
    volume: list[float]
    counts: dict[tuple[str, str], Any] = field(default_factory=dict)  # list[int] or a numpy int array
    goldstein: dict[tuple[str, str], Any] = field(default_factory=dict)  # list[float] or a numpy float array
    events: dict[tuple[str, str], dict[dt.date, list[Any]]] = field(default_factory=dict)

    def index(self, day: dt.date) -> int:
        return (day - self.days[0]).days


def build(rows: Iterable[Mapping[str, Any]], volume: Mapping[dt.date, float], *, level: str = "country",
          first: dt.date | None = None, last: dt.date | None = None) -> Series:
    """Daily series from merged-event ``rows`` and per-day article ``volume`` (undated events are left
    out). The days run from ``first`` (default: the earliest date seen) to ``last`` (default: the latest);
    a day with no article counts volume 0."""
    rows = [r for r in rows if r.get("date") is not None and happened(r)]
    dates = [r["date"] for r in rows] + list(volume)
    if not dates:
        return Series([], [])
    start = first or min(dates)
    end = last or max(dates)
    n = (end - start).days + 1
    days = [start + dt.timedelta(days=i) for i in range(max(n, 0))]
    series = Series(days, [float(volume.get(d, 0)) for d in days])
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(days))
    gold: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0] * len(days))
    evs: dict[tuple[str, str], dict[dt.date, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        ch = channel(r.get("quad_class"))
        day = r["date"]
        if ch is None or not (start <= day <= end):
            continue
        i = (day - start).days
        for u in units(r, level):
            counts[(u, ch)][i] += 1
            gold[(u, ch)][i] += float(r.get("goldstein") or 0.0)
            evs[(u, ch)][day].append(r.get("cluster_id"))
    series.counts, series.goldstein, series.events = dict(counts), dict(gold), {k: dict(v) for k, v in evs.items()}
    return series


def days_before(day: dt.date, days: int) -> dt.date:
    """``day`` minus ``days`` days, or the first representable date (0001-01-01) when that is earlier: a
    ``--since 0001-01-01`` reads the whole store instead of overflowing."""
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return dt.date.min
