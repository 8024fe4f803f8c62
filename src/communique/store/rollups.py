"""Pre-aggregated tables for the network and the dyad time series, derived from ``merged_pairs`` and ``merged_dyads``.

A one-year network read from ``merged_pairs`` aggregates hundreds of thousands of rows of a million-report store;
a dyad series of the busiest dyad reads a hundred thousand merged events.  These tables hold the same counts
summed per month (network) or per day (dyad), so a query reads thousands of rows:

``merged_net_edges``
    ``level`` ('country' | 'actor'), ``month`` (first day; NULL for undated events), ``source``, ``target``,
    ``events`` (merged events linking them), ``cooperation`` / ``conflict`` (of QuadClass 1-2 / 3-4),
    ``goldstein_sum`` (NULL when no event has a score), ``goldstein_n`` (events with a score).
``merged_net_nodes``
    ``level``, ``month``, ``node``, ``events``: distinct merged events the node takes part in that month (an
    event has one date, so the months of a period add up).
``merged_net_names``
    ``level``, ``month``, ``node``, ``name``, ``n``: how often a node is linked under an actor name (the
    actor network's labels: the most frequent name, the smallest on a tie).
``merged_net_totals``
    ``level``, ``month``, ``events``: distinct merged events with a link at that level.
``merged_dyad_days``
    ``lo``, ``hi`` (the two three-letter code prefixes of a dyad in sorted order), ``dir`` ('fwd': only lo acted
    on hi in the event's reports, 'rev': only hi on lo, 'both'), ``date`` (dated events only), ``events``,
    ``goldstein_sum``, ``goldstein_n``, ``q1``..``q4`` (events per QuadClass), ``cluster_ids`` (sorted).  Each
    merged event of a dyad and day is in exactly one ``dir``, so any direction's counts are sums of rows.

``merged_keys``
    ``key3`` (the first three letters of an actor code of any report, upper case), ``cluster_id``, and the merged
    event's ``date`` and ``quad_class``: one row per merged event and code prefix, in (key3, date) order, so an
    event list for one country code (``actor=RUS``) reads its rows alone, without a pass over ``merged``.

Invariant: each table equals the aggregate of ``merged_pairs`` / ``merged_dyads`` as they are.  The writer keeps it
in the transaction that changes those tables (:func:`communique.store.merged.refresh`): :func:`touched` names the
months and dyad days a set of clusters occupies, read before and after their rows change, and :func:`recompute`
aggregates those again; :func:`rebuild` recomputes everything.  Readers use the tables only when
:func:`communique.store.merged.fresh` holds, like the other merged tables.  Errors: ``duckdb.Error`` propagates.

This module reads no other store module, so the schema's migration can fill the tables with :data:`FILL_ALL`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

__all__ = ["FILL_ALL", "TABLES", "keys_sql", "rebuild", "recompute", "touched"]

#: The rollup tables, in the order they are filled.
TABLES: tuple[str, ...] = ("merged_net_edges", "merged_net_nodes", "merged_net_names", "merged_net_totals",
                           "merged_dyad_days", "merged_keys")

_MONTH = "date_trunc('month', p.date)::DATE"


def _edges_sql(where: str) -> str:
    return (
        f"SELECT p.level, {_MONTH} AS month, p.source, p.target, count(*) AS events, "
        "count(*) FILTER (WHERE p.quad_class IN (1, 2)) AS cooperation, "
        "count(*) FILTER (WHERE p.quad_class IN (3, 4)) AS conflict, round(sum(p.goldstein), 6) AS goldstein_sum, "
        f"count(p.goldstein) AS goldstein_n FROM merged_pairs p WHERE {where} GROUP BY ALL "
        "ORDER BY p.level, month NULLS LAST, p.source, p.target"
    )


def _ends(where: str) -> str:
    """Both ends of every pair row selected by ``where``: (level, month, cluster_id, node, name)."""
    return (
        f"SELECT p.level, {_MONTH} AS month, p.cluster_id, p.source AS node, p.source_name AS name "
        f"FROM merged_pairs p WHERE {where} UNION ALL "
        f"SELECT p.level, {_MONTH} AS month, p.cluster_id, p.target, p.target_name FROM merged_pairs p WHERE {where}"
    )


def _nodes_sql(where: str) -> str:
    return (f"SELECT level, month, node, count(DISTINCT cluster_id) AS events FROM ({_ends(where)}) "
            "GROUP BY ALL ORDER BY level, month NULLS LAST, node")


def _names_sql(where: str) -> str:
    return (f"SELECT level, month, node, name, count(*) AS n FROM ({_ends(where)}) "
            "WHERE level = 'actor' AND name IS NOT NULL GROUP BY ALL ORDER BY level, month NULLS LAST, node, name")


def keys_sql(where: str) -> str:
    """``merged_keys`` rows of the clusters whose ``merged_actors ma`` rows ``where`` selects (``merged`` written
    first)."""
    return (
        "SELECT k.key3, k.cluster_id, m.date, m.quad_class FROM (SELECT DISTINCT substr(ma.code_key, 1, 3) AS key3, "
        f"ma.cluster_id FROM merged_actors ma WHERE length(ma.code_key) >= 3 AND ({where})) k "
        "JOIN merged m ON m.cluster_id = k.cluster_id"
    )


def _totals_sql(where: str) -> str:
    return (f"SELECT p.level, {_MONTH} AS month, count(DISTINCT p.cluster_id) AS events FROM merged_pairs p "
            f"WHERE {where} GROUP BY ALL ORDER BY p.level, month NULLS LAST")


def _dyad_days_sql(where: str) -> str:
    """Rows of ``merged_dyad_days`` for the ``merged_dyads d`` rows selected by ``where`` (whole dyad days only)."""
    return (
        "SELECT lo, hi, CASE WHEN fwd AND rev THEN 'both' WHEN fwd THEN 'fwd' ELSE 'rev' END AS dir, date, "
        "count(*) AS events, sum(goldstein) AS goldstein_sum, count(goldstein) AS goldstein_n, "
        "count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4, "
        "list(cluster_id ORDER BY cluster_id) AS cluster_ids FROM ("
        "SELECT least(d.source3, d.target3) AS lo, greatest(d.source3, d.target3) AS hi, d.cluster_id, "
        "any_value(d.date) AS date, any_value(d.goldstein) AS goldstein, any_value(d.quad_class) AS quad_class, "
        "bool_or(d.source3 <= d.target3) AS fwd, bool_or(d.source3 > d.target3) AS rev "
        f"FROM merged_dyads d WHERE d.date IS NOT NULL AND ({where}) GROUP BY lo, hi, d.cluster_id) "
        "GROUP BY ALL ORDER BY lo, hi, date, dir"
    )


_FILLS = (("merged_net_edges", _edges_sql), ("merged_net_nodes", _nodes_sql), ("merged_net_names", _names_sql),
          ("merged_net_totals", _totals_sql), ("merged_dyad_days", _dyad_days_sql))

#: Statements filling every (empty) rollup table from ``merged_pairs``, ``merged_dyads`` and ``merged_actors`` (the
#: migration's).
FILL_ALL: tuple[str, ...] = (
    *(f"INSERT INTO {table} {sql('TRUE')}" for table, sql in _FILLS),
    f"INSERT INTO merged_keys SELECT * FROM ({keys_sql('TRUE')}) ORDER BY key3, date, cluster_id",
)


def rebuild(conn: duckdb.DuckDBPyConnection) -> None:
    """Empty the rollup tables and fill them from ``merged_pairs`` and ``merged_dyads``."""
    for table in TABLES:
        conn.execute(f"DELETE FROM {table}")
    for statement in FILL_ALL:
        conn.execute(statement)


#: Key and value columns of the network rollups (values are sums over merged events, so they can be updated by
#: adding what a write added and subtracting what it removed).
_NET = {
    "merged_net_edges": (("level", "month", "source", "target"),
                         ("events", "cooperation", "conflict", "goldstein_sum", "goldstein_n")),
    "merged_net_nodes": (("level", "month", "node"), ("events",)),
    "merged_net_names": (("level", "month", "node", "name"), ("n",)),
    "merged_net_totals": (("level", "month"), ("events",)),
}

Touched = tuple[dict[str, Any], set[tuple[str, str, Any]]]


def touched(conn: duckdb.DuckDBPyConnection, clusters: Sequence[int]) -> Touched:
    """What the pair rows of ``clusters`` add to each network rollup now (Arrow tables of rollup rows), and the
    (lo, hi, date) dyad days of their ``merged_dyads`` rows."""
    if not clusters:
        return {}, set()
    ids = list(clusters)
    cond = "list_contains(?::BIGINT[], p.cluster_id)"
    parts = {}
    for table, sql in _FILLS[:4]:
        query = sql(cond)
        parts[table] = conn.sql(query, params=[ids] * query.count("?")).to_arrow_table()
    days = {(str(r[0]), str(r[1]), r[2]) for r in conn.execute(
        "SELECT DISTINCT least(source3, target3), greatest(source3, target3), date FROM merged_dyads "
        "WHERE date IS NOT NULL AND list_contains(?, cluster_id)", [ids]).fetchall()}
    return parts, days


def _same(keys: Sequence[str], a: str, b: str) -> str:
    return " AND ".join(f"{a}.{k} IS NOT DISTINCT FROM {b}.{k}" for k in keys)


def recompute(conn: duckdb.DuckDBPyConnection, before: Touched, after: Touched) -> None:
    """Bring the rollups from ``before`` to ``after`` (:func:`touched` of the same clusters before and after their
    rows changed): the network rollups by adding the difference, the dyad days by aggregating those days again
    from ``merged_dyads`` as it is now."""
    for table, (keys, values) in _NET.items():
        old, new = before[0].get(table), after[0].get(table)
        if old is None and new is None:
            continue
        key_list, parts = ", ".join(keys), []
        for name, frame, sign in (("_communique_rollup_old", old, "-"), ("_communique_rollup_new", new, "")):
            if frame is not None and frame.num_rows:
                conn.register(name, frame)
                parts.append(f"SELECT {key_list}, " + ", ".join(f"{sign}{v} AS {v}" for v in values) + f" FROM {name}")
        if not parts:
            continue
        sums = ", ".join(f"sum({v}) AS {v}" for v in values)
        try:
            conn.execute(f"CREATE OR REPLACE TEMP TABLE _communique_delta AS SELECT {key_list}, {sums} FROM ("
                         + " UNION ALL ".join(parts) + ") GROUP BY ALL")
        finally:
            for name in ("_communique_rollup_old", "_communique_rollup_new"):
                try:
                    conn.unregister(name)
                except duckdb.Error:
                    pass
        total = ", ".join(
            f"CASE WHEN sum(goldstein_n) = 0 THEN NULL ELSE round(sum({v}), 6) END" if v == "goldstein_sum"
            else f"sum({v})" for v in values)
        merged_rows = conn.sql(
            f"SELECT {key_list}, {total} FROM (SELECT t.* FROM {table} t SEMI JOIN _communique_delta d "
            f"ON {_same(keys, 't', 'd')} UNION ALL SELECT * FROM _communique_delta) GROUP BY ALL "
            f"HAVING sum({values[0]}) > 0").to_arrow_table()
        conn.execute(f"DELETE FROM {table} t USING _communique_delta d WHERE {_same(keys, 't', 'd')}")
        conn.register("_communique_rollup_rows", merged_rows)
        try:
            conn.execute(f"INSERT INTO {table} SELECT * FROM _communique_rollup_rows")
        finally:
            conn.unregister("_communique_rollup_rows")
        conn.execute("DROP TABLE _communique_delta")
    days = before[1] | after[1]
    if days:
        day_keys = sorted(days)
        pairs = sorted({(lo, hi) for lo, hi, _ in day_keys})
        dates = sorted({d for _, _, d in day_keys})
        conn.execute(
            "DELETE FROM merged_dyad_days WHERE list_contains(?::DATE[], date) AND "
            "list_contains(?::VARCHAR[], lo || '|' || hi)", [dates, [f"{lo}|{hi}" for lo, hi in pairs]])
        # whole dyad days: every report row of those pairs on those dates (a few extra pair-date combinations
        # are recomputed too, which leaves them as they were)
        where = ("list_contains(?::DATE[], d.date) AND list_contains(?::VARCHAR[], "
                 "least(d.source3, d.target3) || '|' || greatest(d.source3, d.target3))")
        conn.execute(f"INSERT INTO merged_dyad_days {_dyad_days_sql(where)}",
                     [dates, [f"{lo}|{hi}" for lo, hi in pairs]])
