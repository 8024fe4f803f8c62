"""The map (located events by place) and an overview of what the store holds."""

from __future__ import annotations

from typing import Any

import duckdb

from .filters import EventFilter
from .query import _merged_sql, _query


def places(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None, *, limit: int = 1000) -> list[dict[str, Any]]:
    """Merged events matching ``f`` that have coordinates, grouped by place, busiest first (at most ``limit``).

    Each item: ``{"location", "country" (ISO alpha-3), "lat", "lon" (WGS84 degrees), "events",
    "cooperation", "conflict" (QuadClass 1-2 / 3-4), "goldstein_mean", "cluster_ids" (at most 50)}``.
    """
    sql, params = _merged_sql(conn, f or EventFilter())
    rows = _query(
        conn,
        "SELECT m.location, m.country, m.lat, m.lon, count(*) AS events, "
        "count(*) FILTER (WHERE m.quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE m.quad_class IN (3, 4)) AS conflict, avg(m.goldstein) AS goldstein_mean, "
        "list(m.cluster_id ORDER BY m.date NULLS LAST, m.cluster_id)[1:50] AS cluster_ids "
        f"FROM ({sql}) m WHERE m.lat IS NOT NULL AND m.lon IS NOT NULL "
        "GROUP BY m.location, m.country, m.lat, m.lon ORDER BY events DESC, m.location LIMIT ?",
        [*params, limit],
    )
    for r in rows:
        r["events"], r["cooperation"], r["conflict"] = int(r["events"]), int(r["cooperation"]), int(r["conflict"])
        r["goldstein_mean"] = None if r["goldstein_mean"] is None else round(float(r["goldstein_mean"]), 4)
        r["cluster_ids"] = [int(c) for c in r["cluster_ids"]]
    return rows


def stats(conn: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """What the store holds: ``{"articles", "reports", "events" (merged), "first_date", "last_date", "outlets"
    (distinct named outlets, sorted)}``."""
    row = _query(
        conn,
        "SELECT (SELECT count(*) FROM articles) AS articles, count(*) AS reports, "
        "count(DISTINCT cluster_id) AS events, min(date) AS first_date, max(date) AS last_date FROM events",
        [],
    )[0]
    outlets = _query(conn, "SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 1000",
                     [])
    return {
        "articles": int(row["articles"]), "reports": int(row["reports"]), "events": int(row["events"]),
        "first_date": row["first_date"], "last_date": row["last_date"], "outlets": [r["outlet"] for r in outlets],
    }
