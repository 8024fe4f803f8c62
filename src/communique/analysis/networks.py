"""Actor and country networks of merged events, with centrality and communities (igraph, numpy)."""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from typing import Any, Literal

import duckdb

from ..errors import StoreError
from ..store import merged as merged_tables
from .cache import kept
from .filters import EventFilter, date_bounds, goldstein_columns
from .query import _merged_sql

Level = Literal["actor", "country"]

def network(
    conn: duckdb.DuckDBPyConnection,
    f: EventFilter | None = None,
    *,
    level: Level = "country",
    max_nodes: int | None = 200,
) -> dict[str, Any]:
    """The actor or country network of the merged events matching ``f``.

    Each merged event links every source actor of its first report to every target actor (a
    self-link, e.g. two Russian actors at country level, is left out).  ``level="actor"``: nodes are
    actor codes (``RUSMIL``; an actor without one is its name); ``level="country"``: ISO alpha-3
    countries (the actor's country, else its code's first three letters when the code has six or
    three letters), actors with neither are left out.

    Returns ``{"nodes": [{"id", "label", "events", "degree", "strength", "betweenness",
    "eigenvector", "community"}], "edges": [{"source", "target", "events", "cooperation",
    "conflict", "goldstein", "goldstein_mean"}], "communities": int, "events": int}``.  Edges are
    directed (source acts on target).  ``events`` of a node: merged events it takes part in;
    ``cooperation``/``conflict``: events of QuadClass 1-2 / 3-4.  Centrality is computed on the
    undirected graph weighted by event counts (``degree_centrality``: degree / (n - 1); exact
    betweenness with distance 1/events, normalised by 2/((n-1)(n-2)), by igraph; eigenvector: the
    leading eigenvector of the weighted adjacency matrix, unit length, by numpy); communities are
    igraph's Louvain partition (``community_multilevel``, seeded) on the same graph, numbered by size.
    With ``max_nodes`` only the most active nodes (and edges between them) are kept.  Results are kept per store
    generation (:mod:`communique.analysis.cache`): the same call on an unchanged store file returns a copy.
    """
    if level not in ("actor", "country"):
        raise ValueError(f"level {level!r} is not one of actor, country")
    f = f or EventFilter()
    return kept(conn, ("network", f, level, max_nodes), lambda: _network(conn, f, level, max_nodes), _copy)


def _copy(result: dict[str, Any]) -> dict[str, Any]:
    return result | {"nodes": [dict(n) for n in result["nodes"]], "edges": [dict(e) for e in result["edges"]]}


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _next_month(day: dt.date) -> dt.date | None:
    """The first day of the month after ``day``'s; ``None`` past the calendar's end."""
    if day.month < 12:
        return dt.date(day.year, day.month + 1, 1)
    return dt.date(day.year + 1, 1, 1) if day.year < dt.MAXYEAR else None


def _month_end(day: dt.date) -> dt.date:
    after = _next_month(day)
    return dt.date.max if after is None else after - dt.timedelta(days=1)


def _month_split(since: dt.date | None, until: dt.date | None) -> tuple[tuple[Any, Any] | None, list[tuple[Any, Any]]]:
    """The period ``[since, until]`` as whole months (``(first, last)``: the first days of its first and last whole
    month, ``None`` for an open end; ``None`` when it holds no whole month) and the days of the months it covers
    in part (inclusive ranges)."""
    lo = since if since is None or since.day == 1 else _next_month(since)
    hi: dt.date | None = None
    no_hi = False
    if until is not None:
        if _month_end(until) == until:
            hi = _month_start(until)
        elif _month_start(until) > dt.date.min:
            hi = _month_start(_month_start(until) - dt.timedelta(days=1))
        else:
            no_hi = True
    whole: tuple[Any, Any] | None = (lo, hi)
    if since is not None and lo is None or no_hi or lo is not None and hi is not None and lo > hi:
        whole = None
    parts: list[tuple[Any, Any]] = []
    if since is not None and since.day != 1:
        end = _month_end(since)
        parts.append((since, min(end, until) if until is not None else end))
    if until is not None and _month_end(until) != until:
        start = _month_start(until) if since is None else max(_month_start(until), since)
        if not (parts and start <= parts[0][1]):
            parts.append((start, until))
    return whole, parts


def _rollup_network(conn: duckdb.DuckDBPyConnection, f: EventFilter, level: Level, max_nodes: int | None
                    ) -> dict[str, Any]:
    """:func:`network` from the monthly rollups (:mod:`communique.store.rollups`), with the pair rows of the
    months the period covers in part."""
    whole, parts = _month_split(f.since, f.until)
    month_cond, month_params = "FALSE", []
    if whole is not None:
        conds = []
        if whole[0] is not None:
            conds.append("month >= ?")
            month_params.append(whole[0])
        if whole[1] is not None:
            conds.append("month <= ?")
            month_params.append(whole[1])
        month_cond = " AND ".join(conds) or "TRUE"  # no bounds at all: undated events too
    raw = " OR ".join("(p.date >= ? AND p.date <= ?)" for _ in parts) or "FALSE"
    raw_params = [d for part in parts for d in part]
    ends = ("SELECT p.cluster_id, p.source AS node, p.source_name AS name FROM merged_pairs p WHERE p.level = ? "
            f"AND ({raw}) UNION ALL SELECT p.cluster_id, p.target, p.target_name FROM merged_pairs p "
            f"WHERE p.level = ? AND ({raw})")
    ends_params = [level, *raw_params, level, *raw_params]
    try:
        node_rows = conn.execute(
            "SELECT node, sum(events)::BIGINT FROM (SELECT node, events FROM merged_net_nodes WHERE level = ? AND "
            f"({month_cond}) UNION ALL SELECT node, count(DISTINCT cluster_id) FROM ({ends}) GROUP BY node) "
            "GROUP BY node", [level, *month_params, *ends_params]).fetchall()
        total = int(conn.execute(
            f"SELECT (SELECT coalesce(sum(events), 0) FROM merged_net_totals WHERE level = ? AND ({month_cond})) + "
            f"(SELECT count(DISTINCT cluster_id) FROM merged_pairs p WHERE p.level = ? AND ({raw}))",
            [level, *month_params, level, *raw_params]).fetchall()[0][0])
        node_events = {str(node): int(n) for node, n in node_rows}
        keep = sorted(node_events, key=lambda n: (-node_events[n], n))
        if max_nodes is not None:
            keep = keep[:max_nodes]
        names: dict[str, str] = {}
        if level == "actor" and keep:
            names = dict(conn.execute(
                "SELECT node, arg_min(name, (-n, name)) FROM (SELECT node, name, sum(n) AS n FROM ("
                f"SELECT node, name, n FROM merged_net_names WHERE level = ? AND ({month_cond}) "
                "AND list_contains(?, node) UNION ALL "
                f"SELECT node, name, count(*) FROM ({ends}) WHERE name IS NOT NULL AND list_contains(?, node) "
                "GROUP BY node, name) GROUP BY node, name) GROUP BY node",
                [level, *month_params, keep, *ends_params, keep]).fetchall())
        rows = [] if not keep else conn.execute(
            "SELECT source, target, sum(events)::BIGINT, sum(cooperation)::BIGINT, sum(conflict)::BIGINT, "
            "sum(goldstein_sum), sum(goldstein_n)::BIGINT FROM ("
            "SELECT source, target, events, cooperation, conflict, goldstein_sum, goldstein_n FROM merged_net_edges "
            f"WHERE level = ? AND ({month_cond}) AND list_contains(?, source) AND list_contains(?, target) UNION ALL "
            "SELECT p.source, p.target, count(*), count(*) FILTER (WHERE p.quad_class IN (1, 2)), "
            "count(*) FILTER (WHERE p.quad_class IN (3, 4)), sum(p.goldstein), count(p.goldstein) "
            f"FROM merged_pairs p WHERE p.level = ? AND ({raw}) AND list_contains(?, p.source) "
            "AND list_contains(?, p.target) GROUP BY p.source, p.target) "
            "GROUP BY source, target ORDER BY source, target",
            [level, *month_params, keep, keep, level, *raw_params, keep, keep]).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot query the store: {exc}") from exc
    return _result(level, keep, node_events, names, rows, total)


def _network(conn: duckdb.DuckDBPyConnection, f: EventFilter, level: Level, max_nodes: int | None) -> dict[str, Any]:
    sql, params = _merged_sql(conn, f)
    table = sql.startswith("SELECT * FROM merged m")
    if table and not set(f.model_dump(exclude_defaults=True)) - {"since", "until"}:
        return _rollup_network(conn, f, level, max_nodes)
    if table:  # the maintained tables: the node pairs are kept
        pairs_sql = ("SELECT p.cluster_id, p.source, p.target, p.quad_class, p.goldstein, p.source_name, "
                     "p.target_name FROM merged_pairs p WHERE p.level = ?")
        pair_params: list[Any] = [level]
        bounds, bound_params = date_bounds(f, "p.date")
        pairs_sql += "".join(f" AND {b}" for b in bounds)
        pair_params += bound_params
        if set(f.model_dump(exclude_defaults=True)) - {"since", "until"}:  # other filters: the events that match
            pairs_sql += f" AND p.cluster_id IN (SELECT m.cluster_id FROM ({sql}) m)"
            pair_params += params
        sql, params = pairs_sql, pair_params
    else:
        key = merged_tables.NODE_ACTOR if level == "actor" else merged_tables.NODE_COUNTRY
        sides = (
            f"SELECT m.cluster_id, m.quad_class, m.goldstein, ea.role, {key} AS node, "
            "ac.name AS name FROM m JOIN event_actors ea ON ea.event_uid = m.first_uid "
            "LEFT JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id"
        )
        sql = (
            f"WITH m AS ({sql}), sides AS ({sides}) "
            "SELECT s.cluster_id, s.node AS source, t.node AS target, any_value(s.quad_class) AS quad_class, "
            "any_value(s.goldstein) AS goldstein, min(s.name) AS source_name, min(t.name) AS target_name "
            "FROM sides s JOIN sides t ON t.cluster_id = s.cluster_id AND s.role = 'source' AND t.role = 'target' "
            "WHERE s.node IS NOT NULL AND t.node IS NOT NULL AND s.node <> t.node GROUP BY s.cluster_id, s.node, t.node"
        )
    try:
        if table:  # both aggregates read the kept pairs
            pairs_from, pairs_params = f"({sql})", params
        else:  # the pairs once, as Arrow, then both aggregates over them
            conn.register("communique_pairs", conn.sql(sql, params=params).to_arrow_table())
            pairs_from, pairs_params = "communique_pairs", []
        # a node's label: its most frequent actor name, the smallest on a tie (a country node's label is its code)
        name_sql = "arg_min(name, (-n, name)) FILTER (WHERE name IS NOT NULL)" if level == "actor" else "NULL"
        node_rows = conn.execute(
            f"WITH pairs AS (SELECT * FROM {pairs_from}), ends AS ("
            "SELECT cluster_id, source AS node, source_name AS name FROM pairs UNION ALL "
            "SELECT cluster_id, target, target_name FROM pairs), "
            "named AS (SELECT node, name, count(*) AS n FROM ends GROUP BY node, name) "
            f"SELECT e.node, e.events, l.name, (SELECT count(DISTINCT cluster_id) FROM pairs) AS total FROM "
            "(SELECT node, count(DISTINCT cluster_id) AS events FROM ends GROUP BY node) e LEFT JOIN "
            f"(SELECT node, {name_sql} AS name FROM named GROUP BY node) l ON l.node = e.node",
            pairs_params).fetchall()
        node_events = {node: int(n) for node, n, _, _ in node_rows}
        names = {node: name for node, _, name, _ in node_rows}
        total = int(node_rows[0][3]) if node_rows else 0
        keep = sorted(node_events, key=lambda n: (-node_events[n], n))
        if max_nodes is not None:
            keep = keep[:max_nodes]
        rows = [] if not keep else conn.execute(
            "SELECT source, target, count(*) AS events, count(*) FILTER (WHERE quad_class IN (1, 2)), "
            f"count(*) FILTER (WHERE quad_class IN (3, 4)), sum(goldstein), count(goldstein) FROM {pairs_from} p "
            "WHERE list_contains(?, source) AND list_contains(?, target) GROUP BY source, target "
            "ORDER BY source, target", [*pairs_params, keep, keep]).fetchall()
        if not table:
            conn.unregister("communique_pairs")
    except duckdb.Error as exc:
        raise StoreError(f"cannot query the store: {exc}") from exc
    return _result(level, keep, node_events, names, rows, total)


def _result(level: Level, keep: list[str], node_events: dict[str, int], names: dict[str, Any],
            rows: list[Any], total: int) -> dict[str, Any]:
    """The network of the nodes ``keep`` (most active first) and the edge ``rows`` (source, target, events,
    cooperation, conflict, Goldstein sum, events with a Goldstein score), with centrality."""
    sources, targets, counts, coops, confs, g_sums, g_ns = (list(c) for c in zip(*rows, strict=True)) if rows \
        else ([], [], [], [], [], [], [])
    sums, means = goldstein_columns(g_sums, g_ns)
    edges = [
        {"source": s, "target": t, "events": n, "cooperation": coop, "conflict": conf, "goldstein": g,
         "goldstein_mean": m}
        for s, t, n, coop, conf, g, m in zip(sources, targets, counts, coops, confs, sums, means, strict=True)
    ]
    cent = _centrality(keep, edges)
    nodes = [
        {
            "id": n,
            "label": n if level == "country" or not names.get(n) else f"{n} ({names[n]})",
            "events": node_events[n],
            "degree": cent["degree"][i],
            "strength": cent["strength"][i],
            "betweenness": cent["betweenness"][i],
            "eigenvector": cent["eigenvector"][i],
            "degree_centrality": cent["degree_centrality"][i],
            "community": cent["community"][i],
        }
        for i, n in enumerate(keep)
    ]
    return {"nodes": nodes, "edges": edges, "communities": cent["communities"], "events": total}


_IGRAPH_SEED = threading.Lock()


def _centrality(keep: list[str], edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Centrality and communities of the undirected graph on ``keep`` whose edge weights are the event counts
    of ``edges`` in both directions (lists indexed like ``keep``; see :func:`network` for the measures).

    igraph (C) computes exact weighted betweenness (distance 1/events, normalised as networkx does:
    by 2/((n-1)(n-2))) and the Louvain partition (``community_multilevel``, its random number generator
    seeded with 0 under a lock, so results repeat); numpy the leading eigenvector of the adjacency matrix."""
    import igraph
    import numpy as np
    from threadpoolctl import threadpool_limits

    n = len(keep)
    index = {name: i for i, name in enumerate(keep)}
    ends = np.array([(index[e["source"]], index[e["target"]]) for e in edges], dtype=np.int64).reshape(-1, 2)
    counts = np.array([e["events"] for e in edges], dtype=np.int64)
    # undirected pairs (i < j), the events of both directions summed, in (i, j) order
    keys, where = np.unique(ends.min(axis=1) * max(n, 1) + ends.max(axis=1), return_inverse=True)
    summed = np.bincount(where.reshape(-1), weights=counts, minlength=len(keys)).astype(np.int64)
    pairs = [(int(k) // max(n, 1), int(k) % max(n, 1)) for k in keys]
    w = summed.astype(float)
    graph = igraph.Graph(n=n, edges=pairs, directed=False)
    degree = graph.degree() if n else []
    strength_arr = np.zeros(n, dtype=np.int64)
    if pairs:
        np.add.at(strength_arr, keys // n, summed)
        np.add.at(strength_arr, keys % n, summed)
    strength = strength_arr.tolist()
    if n > 2 and pairs:
        raw = graph.betweenness(directed=False, weights=(1.0 / w).tolist())
        scale = 2.0 / ((n - 1) * (n - 2))
        betweenness = [round(float(b) * scale, 4) for b in raw]
    else:
        betweenness = [0.0] * n
    eigen = [0.0] * n
    if pairs:
        matrix = np.zeros((n, n))
        rows, cols = np.array(pairs).T
        matrix[rows, cols] = w
        matrix[cols, rows] = w
        with threadpool_limits(1, user_api="blas"):  # multi-threaded BLAS on a small matrix: 100x slower under load
            values, vectors = np.linalg.eigh(matrix)
        lead = np.abs(vectors[:, int(np.argmax(values))])
        lead /= float(np.linalg.norm(lead)) or 1.0
        eigen = [round(float(v), 4) for v in lead]
    membership: list[int] = list(range(n))
    if pairs:
        with _IGRAPH_SEED:
            import random

            igraph.set_random_number_generator(random.Random(0))
            try:
                membership = graph.community_multilevel(weights=w.tolist()).membership
            finally:
                igraph.set_random_number_generator(random)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(membership):
        groups[c].append(i)
    parts = sorted(groups.values(), key=lambda p: (-len(p), min(keep[i] for i in p)))
    community = [0] * n
    for k, part in enumerate(parts):
        for i in part:
            community[i] = k
    return {
        "degree": degree, "strength": strength, "betweenness": betweenness, "eigenvector": eigen,
        "degree_centrality": [round(d / (n - 1), 4) if n > 1 else 0.0 for d in degree],
        "community": community, "communities": len(parts),
    }
