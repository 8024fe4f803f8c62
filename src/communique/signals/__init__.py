"""Monitoring signals: when relations between actors shift, scored and explained with their events.

:mod:`.series` builds daily series from merged events (:mod:`.aggregate` the same inside a store, in SQL),
:mod:`.detect` scores shifts against a rolling, volume-normalised negative-binomial baseline, :mod:`.blocs`
finds communities in the cooperation network and who moves between them, :mod:`.synthetic` generates streams
with known shifts for evaluation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .aggregate import daily_volume
from .blocs import Blocs, blocs, blocs_from_counts
from .detect import MIN_SCORE, Signal, detect
from .series import Series, build

__all__ = ["MIN_SCORE", "Blocs", "Series", "Signal", "blocs", "blocs_from_counts", "blocs_from_store", "build",
           "detect", "signals_from_store", "store_inputs"]


def store_inputs(store: Any) -> tuple[list[dict[str, Any]], dict[dt.date, float]]:
    """Merged events (:meth:`Store.events`, all in memory) and articles per publication day from a store.
    For small stores and tests; :func:`signals_from_store` and :func:`blocs_from_store` aggregate in SQL."""
    rows = store.events()
    return rows, daily_volume(store.conn)


#: days read before ``since`` (beyond the baseline window), so that a signal running on ``since`` keeps its start
LOOKBACK = 60


def signals_from_store(store: Any, *, level: str = "country", since: dt.date | None = None,
                       min_score: float = MIN_SCORE, with_events: int = 20, limit: int | None = None,
                       ) -> list[dict[str, Any]]:
    """Signals over everything in ``store``, strongest first (at most ``limit``), as JSON-ready dicts:
    :meth:`Signal.as_dict` with ``event_count`` (all the merged events behind the signal) and ``events``
    replaced by the first ``with_events`` of them, by date, each with its evidence (:func:`.aggregate.event_rows`:
    ``cluster_id, date, cameo, label, source, target, status, corroboration, evidence, date_precision`` (``day``,
    ``month``, ``on_or_before`` the publication day, ...: how sure the event's day is) and the first report's
    ``article_id``, ``evidence_start``/``evidence_end`` and ``trigger_start``/``trigger_end``, character offsets
    into that article's stored text, with its ``published``, ``outlet``, ``url``, ``title``, and ``articles``,
    every article reporting the event).

    The daily series are aggregated in DuckDB (:mod:`.aggregate`), so memory grows with units x days, not
    with events; with ``since``, only the days from ``since`` - (baseline window + :data:`LOOKBACK`) are read
    (a signal that began before them starts, here, at the first day that could be tested)."""
    from .aggregate import cluster_ids, event_rows, series_from_store
    from .detect import MIN_EVENTS, SPANS, WINDOW

    first = since - dt.timedelta(days=WINDOW + LOOKBACK) if since is not None else None
    series = series_from_store(store.conn, level=level, first=first, min_events=MIN_EVENTS, span=max(SPANS))
    found = detect(series, level=level, min_score=min_score, since=since)[:limit]
    ids = cluster_ids(store.conn, [(s.unit, s.channel, s.start, s.end) for s in found], level=level)
    for s in found:
        s.events = ids.get((s.unit, s.channel, s.start, s.end), [])
    rows = event_rows(store.conn, sorted({c for s in found for c in s.events[:with_events]}))
    out = []
    for sig in found:
        d = sig.as_dict()
        d["event_count"] = len(sig.events)
        d["events"] = [rows[c] for c in sig.events[:with_events] if c in rows]
        out.append(d)
    return out


def blocs_from_store(store: Any, *, days: int = 30, level: str = "country", end: dt.date | None = None) -> Blocs | None:
    """:func:`blocs` over a store, aggregated in DuckDB: the window of ``days`` days ending on ``end`` (default:
    the latest publication day, since events dated later have not happened yet); None for a store without
    dated articles."""
    from .aggregate import daily_counts

    if end is None:
        volume = daily_volume(store.conn)
        if not volume:
            return None
        end = max(volume)
    first = end - dt.timedelta(days=2 * days - 1)
    return blocs_from_counts(daily_counts(store.conn, level=level, first=first, last=end), end=end, days=days)
