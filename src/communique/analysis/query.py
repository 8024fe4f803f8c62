"""The query core: SQL of the merged events matching an :class:`~.filters.EventFilter`, over the maintained
``merged`` tables when they are fresh, else over the reports (see :mod:`communique.analysis`)."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import Any

import duckdb

from ..errors import StoreError
from ..store import merged as merged_tables
from .filters import EventFilter, date_bounds

_CODE_LIKE = re.compile(r"[A-Z0-9]{2,15}")
#: A three-character code (``RUS``): as a dyad side it is looked up in ``merged_dyads``.
_CODE3 = re.compile(r"[A-Z0-9]{3}")


def _actor_uids(value: str, role: str | None = None) -> tuple[str, list[Any]]:
    """SQL selecting the uids of reports with an actor matching ``value`` (code prefix or exact name).

    A value written like a code (capitals and digits only: ``RUS``, ``RUSMIL``) is matched as a code
    prefix only, which spares the join with ``actors``; any other value as a code prefix or a name.
    """
    role_sql = f" AND ea.role = '{role}'" if role else ""
    if _CODE_LIKE.fullmatch(value):
        return f"SELECT ea.event_uid FROM event_actors ea WHERE starts_with(upper(ea.code), ?){role_sql}", [value]
    return (
        f"SELECT ea.event_uid FROM event_actors ea WHERE starts_with(upper(ea.code), upper(?)){role_sql} "
        "UNION SELECT ea.event_uid FROM event_actors ea JOIN actors ac ON ac.article_id = ea.article_id "
        f"AND ac.id = ea.actor_id WHERE lower(ac.name) = lower(?){role_sql}",
        [value, value],
    )


def _report_conditions(f: EventFilter) -> tuple[list[str], list[Any], bool]:
    """Conditions on one report ``e`` (and its article ``a``); whether the article is needed."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor is not None:
        sql, args = _actor_uids(f.actor)
        where.append(f"e.uid IN ({sql})")
        params += args
    if f.country is not None:
        where.append(
            "e.uid IN (SELECT ea.event_uid FROM event_actors ea LEFT JOIN actors ac ON ac.article_id = ea.article_id "
            "AND ac.id = ea.actor_id WHERE upper(ac.country) = ? OR (ac.country IS NULL AND "
            "starts_with(upper(ea.code), ?)))"
        )
        params += [f.country.upper(), f.country.upper()]
    if f.dyad is not None:
        a, b = f.dyad
        orders = [(a, b)] if f.directed else [(a, b), (b, a)]
        parts = []
        for first, second in orders:
            s1, p1 = _actor_uids(first, "source")
            s2, p2 = _actor_uids(second, "target")
            parts.append(f"(SELECT * FROM ({s1}) INTERSECT SELECT * FROM ({s2}))")
            params += p1 + p2
        where.append("e.uid IN (SELECT * FROM " + " UNION SELECT * FROM ".join(parts) + ")")
    needs_article = f.outlet is not None
    if f.outlet is not None:
        where.append("lower(a.outlet) = lower(?)")
        params.append(f.outlet)
    return where, params, needs_article


def _merged_conditions(f: EventFilter) -> tuple[list[str], list[Any]]:
    """Conditions on the merged event ``m`` (the aggregate of :func:`_merged_sql`)."""
    where: list[str] = []
    params: list[Any] = []
    if f.cameo is not None:
        where.append("starts_with(m.cameo, ?)")
        params.append(f.cameo)
    if f.plover is not None:
        where.append("upper(m.plover) = upper(?)")
        params.append(f.plover.strip())
    if f.quad_class:
        where.append("m.quad_class IN (" + ", ".join("?" for _ in f.quad_class) + ")")
        params += list(f.quad_class)
    bounds, bound_params = date_bounds(f, "m.date")
    where += bounds
    params += bound_params
    if f.place is not None:
        where.append("lower(m.location) = lower(?)")
        params.append(f.place)
    if f.location_country is not None:
        where.append("upper(m.country) = ?")
        params.append(f.location_country.upper())
    if f.status:
        parts = []
        plain = [s for s in f.status if s != "negated"]
        if plain:
            parts.append("(NOT m.negated AND m.status IN (" + ", ".join("?" for _ in plain) + "))")
            params += plain
        if "negated" in f.status:
            parts.append("m.negated")
        where.append("(" + " OR ".join(parts) + ")")
    if f.min_corroboration is not None:
        where.append("m.corroboration >= ?")
        params.append(f.min_corroboration)
    return where, params


def _necessary_conditions(f: EventFilter) -> tuple[list[str], list[Any]]:
    """Conditions some report of a merged event must meet for the merged event to match ``f``.

    The merged event's code, date, place and status are those of one of its reports, so a cluster
    with no report meeting them cannot match; checking reports first keeps the per-cluster
    aggregation to the clusters that can.
    """
    where: list[str] = []
    params: list[Any] = []
    if f.cameo is not None:
        where.append("starts_with(e.cameo, ?)")
        params.append(f.cameo)
    if f.plover is not None:
        where.append("upper(e.plover) = upper(?)")
        params.append(f.plover.strip())
    if f.quad_class:
        where.append("e.quad_class IN (" + ", ".join("?" for _ in f.quad_class) + ")")
        params += list(f.quad_class)
    bounds, bound_params = date_bounds(f, "e.date")
    where += bounds
    params += bound_params
    if f.place is not None:
        where.append("lower(e.location_name) = lower(?)")
        params.append(f.place)
    if f.location_country is not None:
        where.append("upper(e.location_country) = ?")
        params.append(f.location_country.upper())
    if f.status and "negated" not in f.status:
        where.append("e.status IN (" + ", ".join("?" for _ in f.status) + ")")
        params += list(f.status)
    return where, params


def _aggregate_sql(hit: str = "") -> str:
    """The per-cluster aggregate of the reports in ``events`` (joined with ``hit``, when given)."""
    return merged_tables.aggregate_sql(hit)


#: Merged events of a store file, computed once per state of its ``events`` table (see :func:`_cached`).
_CACHE: dict[str, tuple[tuple[Any, ...], Any]] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_VIEW = "communique_merged_cache"


def _cached(conn: duckdb.DuckDBPyConnection) -> str | None:
    """The name of a view of every merged event of a file-backed store, registered on ``conn``; ``None``
    for an in-memory store.

    The aggregate is kept in memory as an Arrow table, keyed by the file and a fingerprint of the
    ``events`` table (rows, largest uid, sums of cluster ids and of status and date hashes), so a
    query after an ingest, a merge or a status change sees the new state; the first query after a
    change pays for the whole aggregate (about a second per million reports).
    """
    try:
        rows = conn.execute(
            "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
        ).fetchall()
        path = rows[0][0] if rows else None
        if not path:
            return None
        fp = conn.execute(
            "SELECT count(*), max(uid), sum(cluster_id), sum(hash(status)), sum(hash(date)), "
            "sum(hash(location_name)) FROM events"
        ).fetchall()
        key = tuple(fp[0])
        with _CACHE_LOCK:
            held = _CACHE.get(path)
            if held is None or held[0] != key:
                table = conn.sql(_aggregate_sql()).to_arrow_table()
                held = (key, table)
                _CACHE[path] = held
        conn.register(_CACHE_VIEW, held[1])
    except duckdb.Error as exc:
        raise StoreError(f"cannot query the store: {exc}") from exc
    return _CACHE_VIEW


def _prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds ``lo <= x < hi`` of the strings starting with ``prefix`` (non-empty, ASCII); DuckDB skips row
    groups of a table sorted by ``x`` on such bounds, which it does not on ``starts_with``."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _actor_match(value: str, alias: str) -> tuple[str, list[Any]]:
    """A condition on a ``merged_actors`` row matching ``value`` as :func:`_actor_uids` does."""
    if _CODE_LIKE.fullmatch(value):
        lo, hi = _prefix_range(value)
        return f"{alias}.code_key >= ? AND {alias}.code_key < ?", [lo, hi]
    return f"(starts_with({alias}.code_key, upper(?)) OR {alias}.name_key = lower(?))", [value, value]


def _table_sql(f: EventFilter) -> tuple[str, list[Any]]:
    """:func:`_merged_sql` over the maintained ``merged`` tables (:mod:`communique.store.merged`)."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor is not None:
        cond, args = _actor_match(f.actor, "ma")
        where.append(f"m.cluster_id IN (SELECT ma.cluster_id FROM merged_actors ma WHERE {cond})")
        params += args
    if f.country is not None:
        where.append("m.cluster_id IN (SELECT ma.cluster_id FROM merged_actors ma WHERE ma.country_key = ? "
                     "OR (ma.country_key IS NULL AND starts_with(ma.code_key, ?)))")
        params += [f.country.upper(), f.country.upper()]
    if f.dyad is not None and all(_CODE3.fullmatch(side) for side in f.dyad):  # country-code dyads: one lookup
        a, b = f.dyad
        orders = [(a, b)] if f.directed else [(a, b), (b, a)]
        where.append("m.cluster_id IN (SELECT d.cluster_id FROM merged_dyads d WHERE "
                     + " OR ".join("(d.source3 = ? AND d.target3 = ?)" for _ in orders) + ")")
        params += [code for pair in orders for code in pair]
    elif f.dyad is not None:
        a, b = f.dyad
        orders = [(a, b)] if f.directed else [(a, b), (b, a)]
        parts = []
        for first, second in orders:
            c1, p1 = _actor_match(first, "s")
            c2, p2 = _actor_match(second, "t")
            parts.append(
                "SELECT s.cluster_id FROM merged_actors s JOIN merged_actors t ON t.event_uid = s.event_uid "
                f"AND t.role = 'target' WHERE s.role = 'source' AND {c1} AND {c2}"
            )
            params += p1 + p2
        where.append("m.cluster_id IN (" + " UNION ".join(parts) + ")")
    if f.outlet is not None:
        where.append("m.cluster_id IN (SELECT mm.cluster_id FROM merged_members mm WHERE lower(mm.outlet) = lower(?))")
        params.append(f.outlet)
    merged_where, merged_params = _merged_conditions(f)
    where += merged_where
    sql = "SELECT * FROM merged m" + (" WHERE " + " AND ".join(where) if where else "")
    return sql, params + merged_params


def _merged_sql(conn: duckdb.DuckDBPyConnection, f: EventFilter) -> tuple[str, list[Any]]:
    """SQL of the merged events matching ``f`` (one row per cluster; alias it ``m``), and its parameters.

    Columns: cluster_id, first_uid, cameo, label, plover, goldstein, quad_class, date, date_precision,
    location, country, lat, lon, geonames_id, status, negated, corroboration, reports.
    """
    if merged_tables.fresh(conn):
        return _table_sql(f)
    report_where, params, needs_article = _report_conditions(f)
    join = " JOIN articles a ON a.id = e.article_id" if needs_article else ""
    merged_where, merged_params = _merged_conditions(f)
    cached = _cached(conn)
    if cached is not None:
        where = list(merged_where)
        if report_where:
            where.insert(0, f"m.cluster_id IN (SELECT e.cluster_id FROM events e{join} WHERE "
                         + " AND ".join(report_where) + ")")
        sql = f"SELECT * FROM {cached} m" + (" WHERE " + " AND ".join(where) if where else "")
        return sql, params + merged_params
    necessary, necessary_params = _necessary_conditions(f)
    report_where += necessary
    params += necessary_params
    hit = ""
    if report_where:
        hit = (
            f"JOIN (SELECT DISTINCT e.cluster_id FROM events e{join} WHERE "
            + " AND ".join(report_where)
            + ") h ON h.cluster_id = e.cluster_id "
        )
    sql = f"SELECT * FROM ({_aggregate_sql(hit)}) m"
    if merged_where:
        sql += " WHERE " + " AND ".join(merged_where)
    return sql, params + merged_params


def _query(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    try:
        cursor = conn.execute(sql, list(params))
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    except duckdb.Error as exc:
        raise StoreError(f"cannot query the store: {exc}") from exc
