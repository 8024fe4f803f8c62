"""Dyad time series: counts, Goldstein and QuadClass shares of merged events per day, week or month."""

from __future__ import annotations

from typing import Any, Literal

import duckdb

from .cache import kept
from .filters import EventFilter, date_bounds, goldstein_mean
from .query import _CODE3, _merged_sql, _query

Interval = Literal["day", "week", "month"]


def dyad_series(
    conn: duckdb.DuckDBPyConnection,
    f: EventFilter | None = None,
    *,
    interval: Interval = "month",
    max_events_per_point: int | None = None,
) -> list[dict[str, Any]]:
    """Counts and Goldstein of the dated merged events matching ``f`` (usually with a ``dyad``), per period.

    ``interval``: ``day``, ``week`` (ISO weeks, starting Monday) or ``month``.  One point per period
    that has events, in date order: ``{"period": date (first day), "events": int, "goldstein_sum":
    float, "goldstein_mean": float | None (over events with a score), "quad_class": {"1": share, ...
    "4": share} (shares of the events with a QuadClass; 0.0 each when none), "cooperation": int
    (QuadClass 1-2), "conflict": int (QuadClass 3-4), "balance": float in [-1, 1]
    ((cooperation - conflict) / (cooperation + conflict); 0.0 when neither), "cluster_ids": [int]
    (the events behind the point, by date; at most ``max_events_per_point`` when given)}``.
    """
    if interval not in ("day", "week", "month"):
        raise ValueError(f"interval {interval!r} is not one of day, week, month")
    f = f or EventFilter()
    return kept(conn, ("series", f, interval, max_events_per_point),
                lambda: _series(conn, f, interval, max_events_per_point), _copy)


def _copy(points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p | {"quad_class": dict(p["quad_class"]), "cluster_ids": list(p["cluster_ids"])} for p in points]


def _rollup_sql(f: EventFilter, interval: Interval, max_events_per_point: int | None) -> tuple[str, list[Any]]:
    """The series of a three-letter dyad (with ``directed``, ``since``, ``until``) from ``merged_dyad_days``
    (:mod:`communique.store.rollups`): each day's directions summed, its cluster ids merged in order."""
    assert f.dyad is not None
    a, b = f.dyad
    lo, hi = min(a, b), max(a, b)
    dirs = ["fwd", "rev", "both"] if not f.directed else (["fwd", "both"] if a == lo else ["rev", "both"])
    where = ["lo = ?", "hi = ?", "list_contains(?, dir)"]
    params: list[Any] = [lo, hi, dirs]
    bounds, bound_params = date_bounds(f, "date")
    where += bounds
    params += bound_params
    ids = "flatten(list(ids ORDER BY date))"
    if max_events_per_point is not None:
        ids = f"list_slice({ids}, 1, ?)"
        params.append(max_events_per_point)
    sql = (
        "WITH days AS (SELECT date, sum(events) AS events, sum(goldstein_sum) AS gs, sum(goldstein_n) AS gn, "
        "sum(q1) AS q1, sum(q2) AS q2, sum(q3) AS q3, sum(q4) AS q4, "
        "CASE WHEN count(*) = 1 THEN first(cluster_ids) ELSE list_sort(flatten(list(cluster_ids))) END AS ids "
        f"FROM merged_dyad_days WHERE {' AND '.join(where)} GROUP BY date) "
        f"SELECT date_trunc('{interval}', date)::DATE AS period, "
        "coalesce(sum(gs), 0) AS goldstein_sum, sum(gn)::BIGINT AS goldstein_n, sum(events)::BIGINT AS events, "
        "sum(q1)::BIGINT AS q1, sum(q2)::BIGINT AS q2, sum(q3)::BIGINT AS q3, sum(q4)::BIGINT AS q4, "
        f"{ids} AS cluster_ids FROM days GROUP BY period ORDER BY period"
    )
    return sql, params


def _series(conn: duckdb.DuckDBPyConnection, f: EventFilter, interval: Interval,
            max_events_per_point: int | None) -> list[dict[str, Any]]:
    sql, params = _merged_sql(conn, f)
    if (sql.startswith("SELECT * FROM merged m") and f.dyad is not None
            and all(_CODE3.fullmatch(side) for side in f.dyad)
            and not set(f.model_dump(exclude_defaults=True)) - {"dyad", "directed", "since", "until"}):
        return _points(_query(conn, *_rollup_sql(f, interval, max_events_per_point)), None)
    return _points(_query(
        conn,
        f"SELECT date_trunc('{interval}', m.date)::DATE AS period, count(*) AS events, "
        "coalesce(sum(m.goldstein), 0) AS goldstein_sum, count(m.goldstein) AS goldstein_n, "
        "count(*) FILTER (WHERE m.quad_class = 1) AS q1, count(*) FILTER (WHERE m.quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE m.quad_class = 3) AS q3, count(*) FILTER (WHERE m.quad_class = 4) AS q4, "
        "list(m.cluster_id ORDER BY m.date, m.cluster_id) AS cluster_ids "
        f"FROM ({sql}) m WHERE m.date IS NOT NULL GROUP BY period ORDER BY period",
        params,
    ), max_events_per_point)


def _points(rows: list[dict[str, Any]], max_events_per_point: int | None) -> list[dict[str, Any]]:
    """Series points of query rows (period, events, goldstein_sum, goldstein_n, q1-q4, cluster_ids), the ids
    cut to ``max_events_per_point`` when given."""
    out = []
    for r in rows:
        quads = [int(r[f"q{i}"]) for i in (1, 2, 3, 4)]
        known = sum(quads)
        coop, conf = quads[0] + quads[1], quads[2] + quads[3]
        ids = [int(c) for c in r["cluster_ids"]]
        out.append(
            {
                "period": r["period"],
                "events": int(r["events"]),
                "goldstein_sum": round(float(r["goldstein_sum"]), 4),
                "goldstein_mean": goldstein_mean(r["goldstein_sum"], r["goldstein_n"]),
                "quad_class": {str(i + 1): (round(q / known, 4) if known else 0.0) for i, q in enumerate(quads)},
                "cooperation": coop,
                "conflict": conf,
                "balance": round((coop - conf) / (coop + conf), 4) if coop + conf else 0.0,
                "cluster_ids": ids if max_events_per_point is None else ids[:max_events_per_point],
            }
        )
    return out
