"""Monitoring signals: when relations between actors shift, scored and explained with their events.

:mod:`.series` builds daily series from merged events, :mod:`.detect` scores shifts against a rolling,
volume-normalised negative-binomial baseline, :mod:`.blocs` finds communities in the cooperation network and
who moves between them, :mod:`.synthetic` generates streams with known shifts for evaluation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .blocs import Blocs, blocs
from .detect import MIN_SCORE, Signal, detect
from .series import Series, build

__all__ = ["MIN_SCORE", "Blocs", "Series", "Signal", "blocs", "build", "detect", "signals_from_store", "store_inputs"]


def store_inputs(store: Any) -> tuple[list[dict[str, Any]], dict[dt.date, float]]:
    """Merged events (:meth:`Store.events`) and articles per publication day from a store."""
    rows = store.events()
    volume = {d: float(n) for d, n in store.conn.execute(
        "SELECT published, count(*) FROM articles WHERE published IS NOT NULL GROUP BY published").fetchall()}
    return rows, volume


def signals_from_store(store: Any, *, level: str = "country", since: dt.date | None = None,
                       min_score: float = MIN_SCORE, with_events: int = 20) -> list[dict[str, Any]]:
    """Signals over everything in ``store``, strongest first, as JSON-ready dicts: :meth:`Signal.as_dict`
    with ``events`` replaced by up to ``with_events`` merged events (``cluster_id, date, cameo, label,
    source, target, status, corroboration, evidence``) behind the signal."""
    rows, volume = store_inputs(store)
    by_id = {r["cluster_id"]: r for r in rows}
    out = []
    for sig in detect(build(rows, volume, level=level), level=level, min_score=min_score, since=since):
        d = sig.as_dict()
        d["event_count"] = len(sig.events)
        d["events"] = [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in by_id[c].items()
                        if k in ("cluster_id", "date", "cameo", "label", "source", "target", "status",
                                 "corroboration", "evidence")} for c in sig.events[:with_events] if c in by_id]
        out.append(d)
    return out
