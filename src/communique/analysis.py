"""Analysis of the event store: filtered event lists, dyad time series, actor networks, event detail.

One module of data functions shared by the CLI (``communique events``/``export``), the REST API
and the dashboard; each returns plain dicts and lists (JSON-ready but for ``datetime.date``), and
renderers only turn them into tables, CSV or HTML.

Every function takes a DuckDB connection to a migrated store (``Store.conn``) and an
:class:`EventFilter`.  The unit is the *merged event* (one cluster of reports, see
:mod:`communique.store.db`):

* ``actor``, ``country``, ``dyad`` and ``outlet`` match when **any report** of the event does;
* ``cameo``, ``plover``, ``quad_class``, dates, ``place``, ``location_country``, ``status`` and
  ``min_corroboration`` apply to the **merged** event's values: the first report's code, label,
  Goldstein and QuadClass, the best date, the first known location, the status by
  :data:`~communique.store.schema.STATUS_ORDER`, and the number of distinct articles.

These are the same values ``Store.events`` (the ``merged_events`` view) shows; this module computes
them only for the events a query needs, which keeps queries on millions of reports fast.

QuadClass 1 and 2 (verbal and material cooperation, CAMEO roots 01-08) count as cooperation, 3 and
4 (verbal and material conflict, roots 09-20) as conflict; Goldstein scores are GDELT's (-10..+10).

Errors: a query the store cannot answer raises :class:`~communique.errors.StoreError`; an unknown
event raises :class:`~communique.errors.EventNotFound`; bad filter values raise pydantic's
``ValidationError`` when the :class:`EventFilter` is built.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, Literal

import duckdb
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .errors import EventNotFound, StoreError
from .model import STATUSES
from .store import merged as merged_tables

__all__ = [
    "EVENT_COLUMNS",
    "FILTER_STATUSES",
    "EventFilter",
    "count_events",
    "dyad_series",
    "event_detail",
    "event_rows",
    "events_page",
    "network",
    "places",
    "stats",
]

#: Values of :attr:`EventFilter.status`: the statuses of :data:`communique.model.STATUSES`, and
#: ``negated`` for events the text says did not happen ("did not attack").
FILTER_STATUSES: tuple[str, ...] = (*STATUSES, "negated")

#: Keys of an event row (:func:`events_page`, :func:`event_rows`), in order.
EVENT_COLUMNS: tuple[str, ...] = (
    "cluster_id", "event_id", "date", "date_precision", "cameo", "label", "plover", "goldstein", "quad_class",
    "source", "target", "location", "country", "lat", "lon", "geonames_id", "status", "negated", "corroboration",
    "outlets", "report_count", "articles", "evidence", "attribution", "first_article", "sentence", "evidence_start",
    "evidence_end",
    "source_actors", "target_actors", "plover_mode", "plover_context",
)

_NAME = r"^[^\x00-\x1f]{1,100}$"


class EventFilter(BaseModel):
    """Which merged events a query covers; every field optional, all given fields must hold.

    ``actor``: an actor code prefix (``RUS`` matches ``RUSMIL``) or an actor's exact name
    (case-insensitive), as source or target; a value in capitals and digits only is a code prefix.
    ``country``: ISO 3166 alpha-3 of a source
    or target actor (its country, else the first three letters of its code).  ``dyad``: two actors
    (as ``actor``), one the source and the other the target of the same report; with
    ``directed`` the first must be the source.  ``cameo``: a CAMEO code prefix (``04``, ``043``).
    ``plover``: a PLOVER event type (``CONSULT``, case-insensitive).  ``quad_class``: QuadClasses
    1-4 to keep.  ``since``/``until``: inclusive bounds of the event date (undated events drop out
    when either is given).  ``place``: the location's name (case-insensitive);
    ``location_country``: ISO alpha-3 of the location.  ``status``: statuses to keep, from
    :data:`FILTER_STATUSES`; an event the text negates counts only as ``negated``.
    ``min_corroboration``: at least this many distinct articles.  ``outlet``: some report comes from
    this outlet (case-insensitive).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    actor: str | None = Field(default=None, pattern=_NAME)
    country: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    dyad: tuple[str, str] | None = None
    directed: bool = False
    cameo: str | None = Field(default=None, pattern=r"^[0-9]{1,4}$")
    plover: str | None = Field(default=None, pattern=r"^[A-Za-z_ -]{1,40}$")
    quad_class: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = Field(default=None, pattern=_NAME)
    location_country: str | None = Field(default=None, pattern=r"^[A-Za-z]{3}$")
    status: tuple[str, ...] = ()
    min_corroboration: int | None = Field(default=None, ge=1, le=1_000_000)
    outlet: str | None = Field(default=None, pattern=_NAME)

    @field_validator("dyad")
    @classmethod
    def _dyad(cls, value: tuple[str, str] | None) -> tuple[str, str] | None:
        if value is not None:
            for side in value:
                if not side or len(side) > 100 or any(ord(ch) < 32 for ch in side):
                    raise ValueError(f"dyad actor {side!r} must be 1-100 printable characters")
        return value

    @field_validator("quad_class")
    @classmethod
    def _quads(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        bad = [q for q in value if q not in (1, 2, 3, 4)]
        if bad:
            raise ValueError(f"QuadClass {bad[0]} is not one of 1, 2, 3, 4")
        return tuple(sorted(set(value)))

    @field_validator("status")
    @classmethod
    def _statuses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [s for s in value if s not in FILTER_STATUSES]
        if bad:
            raise ValueError(f"status {bad[0]!r} is not one of {', '.join(FILTER_STATUSES)}")
        return tuple(dict.fromkeys(value))

    @model_validator(mode="after")
    def _range(self) -> EventFilter:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"since {self.since} is after until {self.until}")
        return self


# -- the query core -------------------------------------------------------------------------------------------------

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
    if f.since is not None:
        where.append("m.date >= ?")
        params.append(f.since)
    if f.until is not None:
        where.append("m.date <= ?")
        params.append(f.until)
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
    if f.since is not None:
        where.append("e.date >= ?")
        params.append(f.since)
    if f.until is not None:
        where.append("e.date <= ?")
        params.append(f.until)
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


# -- event lists ---------------------------------------------------------------------------------------------------

def count_events(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None) -> int:
    """How many merged events match ``f``."""
    sql, params = _merged_sql(conn, f or EventFilter())
    rows = _query(conn, f"SELECT count(*) AS n FROM ({sql})", params)
    return int(rows[0]["n"])


def events_page(
    conn: duckdb.DuckDBPyConnection,
    f: EventFilter | None = None,
    *,
    limit: int | None = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """One page of merged events matching ``f``, ordered by date (undated last), then cluster id.

    Returns ``{"total": int, "offset": int, "limit": int | None, "events": [row, ...]}``; each row
    has the keys of :data:`EVENT_COLUMNS`: those of ``Store.events`` (``source``/``target`` the
    first report's actor codes joined by ``;``, ``articles`` the reporting article ids in order,
    ``evidence`` the first report's evidence sentence, ``attribution`` the distinct cited sources
    joined by ``; ``) and ``geonames_id``, ``negated``, ``report_count`` (reports, several of one
    article counting apart),
    ``first_article``, ``sentence``,
    ``evidence_start``/``evidence_end`` (character offsets of the evidence in ``first_article``'s
    text), ``source_actors``/``target_actors`` (lists of ``{id, name, code, country, sector}``),
    ``plover_mode``, ``plover_context``.
    """
    if limit is not None and limit < 0 or offset < 0:
        raise ValueError("limit and offset must not be negative")
    sql, params = _merged_sql(conn, f or EventFilter())
    if sql.startswith("SELECT * FROM merged m"):  # the maintained table: order and count narrow rows first
        narrow = sql.replace("SELECT *", "SELECT m.cluster_id, m.date", 1)
        page_sql = (f"SELECT m.cluster_id, count(*) OVER () AS total FROM ({narrow}) m "
                    "ORDER BY m.date NULLS LAST, m.cluster_id")
        page_params = [*params, *([] if limit is None else [limit]), offset]
        ids = _query(conn, page_sql + (" LIMIT ?" if limit is not None else "") + " OFFSET ?", page_params)
        total = int(ids[0]["total"]) if ids else (count_events(conn, f) if offset else 0)
        wanted = [int(r["cluster_id"]) for r in ids]
        rows = {r["cluster_id"]: r for r in _query(
            conn, "SELECT * EXCLUDE (articles, source_actors, target_actors) FROM merged "
            f"WHERE cluster_id IN ({', '.join('?' for _ in wanted)})", wanted)} \
            if wanted else {}
        return {"total": total, "offset": offset, "limit": limit,
                "events": _complete(conn, [rows[c] for c in wanted])}
    page_sql = f"SELECT m.*, count(*) OVER () AS total FROM ({sql}) m ORDER BY m.date NULLS LAST, m.cluster_id"
    if limit is not None:
        page_sql += " LIMIT ?"
        params = [*params, limit]
    page_sql += " OFFSET ?"
    params = [*params, offset]
    merged = _query(conn, page_sql, params)
    total = int(merged[0]["total"]) if merged else (count_events(conn, f) if offset else 0)
    return {"total": total, "offset": offset, "limit": limit, "events": _complete(conn, merged)}


def event_rows(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None, *, limit: int | None = None) -> list[
    dict[str, Any]
]:
    """Every merged event matching ``f`` (at most ``limit``), as :func:`events_page` rows."""
    return list(events_page(conn, f, limit=limit)["events"])


def _complete(conn: duckdb.DuckDBPyConnection, merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the first report's fields, actors, evidence, articles and attribution to merged rows."""
    if not merged:
        return []
    if "articles_json" in merged[0]:  # rows of the maintained ``merged`` table: only the evidence text is missing
        return _complete_table(conn, merged)
    uids = [int(m["first_uid"]) for m in merged]
    clusters = [int(m["cluster_id"]) for m in merged]
    marks_u = ", ".join("?" for _ in uids)
    marks_c = ", ".join("?" for _ in clusters)
    first = {
        r["uid"]: r
        for r in _query(
            conn,
            "SELECT e.uid, e.id, e.article_id, e.evidence_sentence, e.evidence_start, e.evidence_end, e.plover_mode, "
            "e.plover_context, substring(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence "
            f"FROM events e JOIN articles a ON a.id = e.article_id WHERE e.uid IN ({marks_u})",
            uids,
        )
    }
    sides: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for r in _query(
        conn,
        "SELECT ea.event_uid, ea.role, ea.actor_id, ea.code, ac.name, ac.country, ac.sector FROM event_actors ea "
        "LEFT JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id "
        f"WHERE ea.event_uid IN ({marks_u}) ORDER BY ea.event_uid, ea.role, ea.position",
        uids,
    ):
        sides[(r["event_uid"], r["role"])].append(
            {"id": r["actor_id"], "name": r["name"], "code": r["code"], "country": r["country"], "sector": r["sector"]}
        )
    outlets: dict[int, int] = {}
    articles: dict[int, list[str]] = {}
    for r in _query(
        conn,
        "SELECT e.cluster_id, list(e.article_id ORDER BY e.first_uid) AS ids, count(DISTINCT a.outlet) AS n FROM "
        f"(SELECT cluster_id, article_id, min(uid) AS first_uid FROM events WHERE cluster_id IN ({marks_c}) "
        "GROUP BY cluster_id, article_id) e JOIN articles a ON a.id = e.article_id GROUP BY e.cluster_id",
        clusters,
    ):
        outlets[r["cluster_id"]] = int(r["n"])
        articles[r["cluster_id"]] = list(r["ids"])
    cited: dict[int, str] = {
        r["cluster_id"]: r["sources"]
        for r in _query(
            conn,
            "SELECT cluster_id, string_agg(source, '; ' ORDER BY first_seen) AS sources FROM ("
            "SELECT e.cluster_id, t.source, min(e.uid * 100000 + t.seq) AS first_seen FROM attributions t "
            f"JOIN events e ON e.uid = t.event_uid WHERE e.cluster_id IN ({marks_c}) GROUP BY e.cluster_id, t.source"
            ") GROUP BY cluster_id",
            clusters,
        )
    }
    out = []
    for m in merged:
        uid = int(m["first_uid"])
        rep = first[uid]
        src, tgt = sides.get((uid, "source"), []), sides.get((uid, "target"), [])
        row = {
            "cluster_id": int(m["cluster_id"]),
            "event_id": rep["id"],
            "date": m["date"],
            "date_precision": m["date_precision"],
            "cameo": m["cameo"],
            "label": m["label"],
            "plover": m["plover"],
            "goldstein": m["goldstein"],
            "quad_class": m["quad_class"],
            "source": ";".join(_side_code(a) for a in src) or None,
            "target": ";".join(_side_code(a) for a in tgt) or None,
            "location": m["location"],
            "country": m["country"],
            "lat": m["lat"],
            "lon": m["lon"],
            "geonames_id": m["geonames_id"],
            "status": m["status"],
            "negated": bool(m["negated"]),
            "corroboration": int(m["corroboration"]),
            "outlets": outlets.get(int(m["cluster_id"]), 0),
            "report_count": int(m["reports"]),
            "articles": articles.get(int(m["cluster_id"]), []),
            "evidence": rep["evidence"],
            "attribution": cited.get(int(m["cluster_id"])),
            "first_article": rep["article_id"],
            "sentence": rep["evidence_sentence"],
            "evidence_start": rep["evidence_start"],
            "evidence_end": rep["evidence_end"],
            "source_actors": src,
            "target_actors": tgt,
            "plover_mode": rep["plover_mode"],
            "plover_context": rep["plover_context"],
        }
        out.append(row)
    return out


def _complete_table(conn: duckdb.DuckDBPyConnection, merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`_complete` for rows of the ``merged`` table: the evidence is cut from the first article's text."""
    aids = sorted({m["first_article"] for m in merged})
    texts = {r["id"]: r["text"] for r in _query(
        conn, f"SELECT id, text FROM articles WHERE id IN ({', '.join('?' for _ in aids)})", aids)}
    out = []
    for m in merged:
        src = json.loads(m["source_json"] or "[]")
        tgt = json.loads(m["target_json"] or "[]")
        text = texts.get(m["first_article"], "")
        out.append({
            "cluster_id": int(m["cluster_id"]), "event_id": m["event_id"], "date": m["date"],
            "date_precision": m["date_precision"], "cameo": m["cameo"], "label": m["label"], "plover": m["plover"],
            "goldstein": m["goldstein"], "quad_class": m["quad_class"],
            "source": ";".join(_side_code(a) for a in src) or None,
            "target": ";".join(_side_code(a) for a in tgt) or None,
            "location": m["location"], "country": m["country"], "lat": m["lat"], "lon": m["lon"],
            "geonames_id": m["geonames_id"], "status": m["status"], "negated": bool(m["negated"]),
            "corroboration": int(m["corroboration"]), "outlets": int(m["outlets"] or 0),
            "report_count": int(m["reports"]), "articles": json.loads(m["articles_json"] or "[]"),
            "evidence": text[m["evidence_start"]:m["evidence_end"]], "attribution": m["attribution"],
            "first_article": m["first_article"], "sentence": m["sentence"], "evidence_start": m["evidence_start"],
            "evidence_end": m["evidence_end"], "source_actors": src, "target_actors": tgt,
            "plover_mode": m["plover_mode"], "plover_context": m["plover_context"],
        })
    return out


def _side_code(actor: dict[str, Any]) -> str:
    return str(actor["code"] or actor["name"] or actor["id"])


# -- dyad time series ----------------------------------------------------------------------------------------------

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
    sql, params = _merged_sql(conn, f or EventFilter())
    rows = _query(
        conn,
        f"SELECT date_trunc('{interval}', m.date)::DATE AS period, count(*) AS events, "
        "coalesce(sum(m.goldstein), 0) AS goldstein_sum, avg(m.goldstein) AS goldstein_mean, "
        "count(*) FILTER (WHERE m.quad_class = 1) AS q1, count(*) FILTER (WHERE m.quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE m.quad_class = 3) AS q3, count(*) FILTER (WHERE m.quad_class = 4) AS q4, "
        "list(m.cluster_id ORDER BY m.date, m.cluster_id) AS cluster_ids "
        f"FROM ({sql}) m WHERE m.date IS NOT NULL GROUP BY period ORDER BY period",
        params,
    )
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
                "goldstein_mean": None if r["goldstein_mean"] is None else round(float(r["goldstein_mean"]), 4),
                "quad_class": {str(i + 1): (round(q / known, 4) if known else 0.0) for i, q in enumerate(quads)},
                "cooperation": coop,
                "conflict": conf,
                "balance": round((coop - conf) / (coop + conf), 4) if coop + conf else 0.0,
                "cluster_ids": ids if max_events_per_point is None else ids[:max_events_per_point],
            }
        )
    return out


# -- networks ------------------------------------------------------------------------------------------------------

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
    With ``max_nodes`` only the most active nodes (and edges between them) are kept.
    """
    if level not in ("actor", "country"):
        raise ValueError(f"level {level!r} is not one of actor, country")
    f = f or EventFilter()
    sql, params = _merged_sql(conn, f)
    table = sql.startswith("SELECT * FROM merged m")
    if table:  # the maintained tables: the node pairs are kept
        pairs_sql = ("SELECT p.cluster_id, p.source, p.target, p.quad_class, p.goldstein, p.source_name, "
                     "p.target_name FROM merged_pairs p WHERE p.level = ?")
        pair_params: list[Any] = [level]
        if f.since is not None:
            pairs_sql += " AND p.date >= ?"
            pair_params.append(f.since)
        if f.until is not None:
            pairs_sql += " AND p.date <= ?"
            pair_params.append(f.until)
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
        node_rows = conn.execute(
            f"WITH pairs AS (SELECT * FROM {pairs_from}) "
            "SELECT node, count(DISTINCT cluster_id) AS events, mode(name) AS name, "
            "(SELECT count(DISTINCT cluster_id) FROM pairs) AS total FROM ("
            "SELECT cluster_id, source AS node, source_name AS name FROM pairs UNION ALL "
            "SELECT cluster_id, target, target_name FROM pairs) GROUP BY node", pairs_params).fetchall()
        node_events = {node: int(n) for node, n, _, _ in node_rows}
        names = {node: name for node, _, name, _ in node_rows}
        total = int(node_rows[0][3]) if node_rows else 0
        keep = sorted(node_events, key=lambda n: (-node_events[n], n))
        if max_nodes is not None:
            keep = keep[:max_nodes]
        rows = [] if not keep else conn.execute(
            "SELECT source, target, count(*) AS events, count(*) FILTER (WHERE quad_class IN (1, 2)), "
            f"count(*) FILTER (WHERE quad_class IN (3, 4)), sum(goldstein), avg(goldstein) FROM {pairs_from} p "
            "WHERE list_contains(?, source) AND list_contains(?, target) GROUP BY source, target "
            "ORDER BY source, target", [*pairs_params, keep, keep]).fetchall()
        if not table:
            conn.unregister("communique_pairs")
    except duckdb.Error as exc:
        raise StoreError(f"cannot query the store: {exc}") from exc
    edges = [
        {
            "source": source, "target": target, "events": int(n), "cooperation": int(coop), "conflict": int(conf),
            "goldstein": round(float(g_sum or 0.0), 4), "goldstein_mean": None if g_mean is None else round(g_mean, 4),
        }
        for source, target, n, coop, conf, g_sum, g_mean in rows
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
    weights: dict[tuple[int, int], int] = {}
    for e in edges:
        i, j = index[e["source"]], index[e["target"]]
        pair = (i, j) if i < j else (j, i)
        weights[pair] = weights.get(pair, 0) + int(e["events"])
    pairs = sorted(weights)
    w = np.array([weights[p] for p in pairs], dtype=float)
    graph = igraph.Graph(n=n, edges=pairs, directed=False)
    degree = graph.degree() if n else []
    strength = [0] * n
    for (i, j), value in weights.items():
        strength[i] += value
        strength[j] += value
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


# -- event detail --------------------------------------------------------------------------------------------------

def event_detail(conn: duckdb.DuckDBPyConnection, cluster_id: int) -> dict[str, Any]:
    """Everything about one merged event: its merged row and every report behind it.

    Returns the :func:`events_page` row plus ``reports``: one per report in the order they were
    stored, each ``{"uid", "event_id", "article": {"id", "title", "published", "url", "outlet",
    "text"}, "cameo", "label", "status", "negated", "date": {"value", "precision", "basis"},
    "location", "evidence": {"sentence", "start", "end", "text"}, "trigger": {"start", "end",
    "text"}, "source": [actor], "target": [actor], "attribution": [{"seq", "source", "anonymous",
    "kind", "start", "end", "actor_id", "cites"}], "quotes": [{"start", "end", "speaker",
    "speaker_start", "speaker_end", "anonymous", "via"}], "mentions": [{"start", "end", "label",
    "actor_id"}]}`` (offsets are characters into that article's ``text``; ``quotes`` and
    ``mentions`` are the article's), and ``status_history``: ``[{"article", "published", "outlet",
    "status", "negated"}]`` in publication order.  Raises :class:`EventNotFound` for an unknown id.
    """
    rows = _query(
        conn,
        "SELECT * FROM (" + _aggregate_sql("WHERE e.cluster_id = ? ") + ") m",
        [cluster_id],
    )
    if not rows:
        raise EventNotFound(cluster_id)
    merged = _complete(conn, rows)[0]
    reports = _query(
        conn,
        "SELECT e.*, a.title, a.published, a.url, a.outlet, a.text FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? ORDER BY e.uid",
        [cluster_id],
    )
    uids = [r["uid"] for r in reports]
    aids = sorted({r["article_id"] for r in reports})
    marks_u = ", ".join("?" for _ in uids)
    marks_a = ", ".join("?" for _ in aids)
    actors: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    for r in _query(
        conn,
        "SELECT ea.event_uid, ea.role, ea.actor_id, ea.code, ac.name, ac.kind, ac.country, ac.sector, ac.title, "
        "ac.anonymous FROM event_actors ea LEFT JOIN actors ac ON ac.article_id = ea.article_id "
        f"AND ac.id = ea.actor_id WHERE ea.event_uid IN ({marks_u}) ORDER BY ea.event_uid, ea.role, ea.position",
        uids,
    ):
        actors[(r["event_uid"], r["role"])].append(
            {k: r[k] for k in ("actor_id", "name", "code", "kind", "country", "sector", "title", "anonymous")}
        )
    attributions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in _query(
        conn,
        "SELECT event_uid, seq, source, anonymous, kind, span_start AS start, span_end AS \"end\", actor_id, cites "
        f"FROM attributions WHERE event_uid IN ({marks_u}) ORDER BY event_uid, seq",
        uids,
    ):
        attributions[r.pop("event_uid")].append(r)
    quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in _query(
        conn,
        'SELECT article_id, start, "end", speaker, speaker_start, speaker_end, anonymous, via FROM quotes '
        f"WHERE article_id IN ({marks_a}) ORDER BY article_id, seq",
        aids,
    ):
        quotes[r.pop("article_id")].append(r)
    mentions: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in _query(
        conn,
        f'SELECT article_id, start, "end", label, actor_id FROM mentions WHERE article_id IN ({marks_a}) '
        "ORDER BY article_id, start",
        aids,
    ):
        mentions[r.pop("article_id")].append(r)
    out_reports = []
    for r in reports:
        text = r["text"]
        out_reports.append(
            {
                "uid": r["uid"],
                "event_id": r["id"],
                "article": {k: r[k] for k in ("title", "published", "url", "outlet", "text")} | {"id": r["article_id"]},
                "cameo": r["cameo"],
                "label": r["label"],
                "plover": r["plover"],
                "goldstein": r["goldstein"],
                "quad_class": r["quad_class"],
                "status": r["status"],
                "negated": r["negated"],
                "date": {"value": r["date"], "precision": r["date_precision"], "basis": r["date_basis"]},
                "location": None if r["location_name"] is None else {
                    "name": r["location_name"], "country": r["location_country"], "lat": r["lat"], "lon": r["lon"],
                    "geonames_id": r["geonames_id"],
                },
                "evidence": {
                    "sentence": r["evidence_sentence"], "start": r["evidence_start"], "end": r["evidence_end"],
                    "text": text[r["evidence_start"]:r["evidence_end"]],
                },
                "trigger": {
                    "start": r["trigger_start"], "end": r["trigger_end"],
                    "text": text[r["trigger_start"]:r["trigger_end"]],
                },
                "source": actors.get((r["uid"], "source"), []),
                "target": actors.get((r["uid"], "target"), []),
                "attribution": attributions.get(r["uid"], []),
                "quotes": quotes.get(r["article_id"], []),
                "mentions": mentions.get(r["article_id"], []),
            }
        )
    history = sorted(
        (
            {
                "article": r["article_id"], "published": r["published"], "outlet": r["outlet"],
                "status": r["status"], "negated": r["negated"],
            }
            for r in reports
        ),
        key=lambda h: (h["published"] is None, h["published"] or dt.date.min),
    )
    return merged | {"reports": out_reports, "status_history": history}


# -- map and overview ----------------------------------------------------------------------------------------------

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
