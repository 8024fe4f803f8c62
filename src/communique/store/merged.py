"""The merged-event tables: one row per cross-article merged event, kept up to date as articles are stored.

The merged events are defined by the reports in ``events`` (see :mod:`communique.store.db`); computing
them for every query costs a scan and an aggregation of every report (seconds for a million reports).
These tables hold the result, so queries (:mod:`communique.analysis`) read one row per merged event:

``merged``
    one row per cluster: ``cluster_id``, ``first_uid`` (its first report), ``cameo``, ``label``, ``plover``,
    ``goldstein``, ``quad_class`` (the first report's), ``date``, ``date_precision`` (the best date: day
    precision before month, year, on_or_before, then the earliest, then the first report), ``location``,
    ``country``, ``lat``, ``lon``, ``geonames_id`` (the first report with a place), ``status`` (the best by
    :data:`~communique.store.schema.STATUS_ORDER`), ``negated`` (any report), ``corroboration`` (distinct
    articles), ``reports``; the first report's ``event_id``, ``first_article``, ``sentence``,
    ``evidence_start``/``evidence_end`` (characters into that article's text), ``plover_mode``,
    ``plover_context``, ``source_actors``/``target_actors`` (lists of ``{id, name, code, country,
    sector}`` by position); ``outlets`` (distinct named outlets), ``articles`` (ids in the order they
    first reported it), ``attribution`` (distinct cited sources, first cited first, joined by ``; ``);
    ``evidence`` (the first report's evidence text, cut from its article, so an event page reads no article).
``merged_actors``
    one row per actor of every report (``event_actors`` with its ``actors`` row): ``cluster_id``,
    ``event_uid``, ``role`` ('source' | 'target'), ``position``, ``actor_id``, ``code``, ``name``,
    ``country``, ``sector``; ``code_key``/``country_key`` (upper case) and ``name_key`` (lower case) for
    matching; ``is_first`` (the report is its cluster's first); ``node_actor`` and ``node_country`` (the
    actor's node in the actor and country networks, see :func:`communique.analysis.network`).
``merged_members``
    ``uid``, ``cluster_id``, ``article_id``, ``outlet`` of every report as the tables last saw it.
``merged_pairs``
    the network's links: for ``level`` 'country' and 'actor', one row per (``source``, ``target``) node pair
    of a cluster's first report (self-links left out), with ``source_name``/``target_name`` (the smallest
    actor name behind each node) and the cluster's ``date``, ``quad_class`` and ``goldstein``; rows in
    level and date order, so a one-year network reads one stretch of one table.
``merged_dyads``
    ``cluster_id``, ``source3``, ``target3``: the distinct pairs of the first three letters of a source
    code and of a target code of the same report, over every report of the cluster (the dyad filter on
    three-letter codes, e.g. USA-RUS, which matches code prefixes); rows in code order.
``merged_dyads`` also carries the merged event's ``date``, ``goldstein`` and ``quad_class``; the rollups of
:mod:`communique.store.rollups` (networks per month, dyad series per day) are kept with these tables.
``merged_state``
    one row: ``reports``, ``max_uid``, ``cluster_sum`` of ``events`` and the store's ``generation`` when the
    tables were last brought up to date.  :func:`fresh` compares it with ``events`` and with
    ``store_generation``; a reader uses the tables only when both agree, and otherwise computes the merged
    events from the reports (same values, slower).
``store_generation``, ``merged_dirty``
    the write counter: every transaction that writes the reports (``events``, ``event_actors``, ``actors``,
    ``articles``, ``attributions``) calls :func:`changed`, which advances ``store_generation`` and lists in
    ``merged_dirty`` the clusters whose reports it changed in place (an UPDATE of a status or a date, which
    the count, largest uid and sum of cluster ids of ``events`` cannot see).  :func:`generation` reads it: it
    keys caches of query results.

:func:`refresh` brings the tables up to date after writes, in the writer's transaction: it recomputes
only the clusters that new reports joined, that lost reports or that :func:`changed` listed, reading them
by index, and falls back
to :func:`rebuild` when ``events`` changed in a way it cannot follow (clusters renumbered without it,
rows loaded in bulk).  Errors: ``duckdb.Error`` propagates to the caller, which rolls its transaction
back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import duckdb

from . import rollups
from .schema import resolved_status_sql

__all__ = ["AGGREGATE_COLUMNS", "aggregate_sql", "changed", "fresh", "fresh_known", "generation", "rebuild", "refresh"]

_PRECISION_RANK = (
    "CASE e.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2 "
    "WHEN 'on_or_before' THEN 3 ELSE 4 END"
)

#: Columns of :func:`aggregate_sql` and of the ``merged`` table, in order.
AGGREGATE_COLUMNS: tuple[str, ...] = (
    "cluster_id", "first_uid", "cameo", "label", "plover", "goldstein", "quad_class", "date", "date_precision",
    "location", "country", "lat", "lon", "geonames_id", "status", "negated", "corroboration", "reports",
)

#: The country node of an actor row ``ea`` (event_actors) with its actor ``ac``: the actor's country, else the
#: first three letters of a three- or six-letter code that is not an IGO/NGO/MNC/UNO code.
NODE_COUNTRY = (
    "coalesce(upper(ac.country), CASE WHEN length(ea.code) IN (3, 6) AND regexp_matches(ea.code, "
    "'^[A-Za-z]{3}') AND NOT regexp_matches(upper(ea.code), '^(IGO|NGO|MNC|UNO)') "
    "THEN upper(substr(ea.code, 1, 3)) END)"
)
#: The actor node: the upper-case code, else the actor's name, else its id.
NODE_ACTOR = "coalesce(upper(ea.code), ac.name, ea.actor_id)"


def aggregate_sql(hit: str = "") -> str:
    """SQL of the per-cluster aggregate of the reports in ``events e`` joined with their ``articles a``
    (columns :data:`AGGREGATE_COLUMNS`; the status by :func:`~communique.store.schema.resolved_status_sql`);
    ``hit`` is spliced in before ``GROUP BY`` (a join or a ``WHERE`` clause restricting the reports)."""
    date_key = f"{{'n': e.date IS NULL, 'p': {_PRECISION_RANK}, 'd': e.date, 'u': e.uid}}"
    place_key = "{'n': e.location_name IS NULL, 'u': e.uid}"
    return (
        "SELECT e.cluster_id, min(e.uid) AS first_uid, "
        "arg_min_null(e.cameo, e.uid) AS cameo, arg_min_null(e.label, e.uid) AS label, "
        "arg_min_null(e.plover, e.uid) AS plover, arg_min_null(e.goldstein, e.uid) AS goldstein, "
        "arg_min_null(e.quad_class, e.uid) AS quad_class, "
        f"arg_min_null(e.date, {date_key}) AS date, arg_min_null(e.date_precision, {date_key}) AS date_precision, "
        f"arg_min_null(e.location_name, {place_key}) AS location, "
        f"arg_min_null(e.location_country, {place_key}) AS country, "
        f"arg_min_null(e.lat, {place_key}) AS lat, arg_min_null(e.lon, {place_key}) AS lon, "
        f"arg_min_null(e.geonames_id, {place_key}) AS geonames_id, "
        f"{resolved_status_sql()} AS status, "
        "bool_or(e.negated) AS negated, count(DISTINCT e.article_id) AS corroboration, count(*) AS reports "
        f"FROM events e JOIN articles a ON a.id = e.article_id {hit}GROUP BY e.cluster_id"
    )


_ACTOR_COLUMNS = (
    "cluster_id, event_uid, role, position, actor_id, code, name, country, sector, code_key, name_key, country_key, "
    "is_first, node_actor, node_country"
)


def _actor_rows_sql(where: str) -> str:
    """``merged_actors`` rows (without ``cluster_id`` and ``is_first``, which depend on the cluster) of the
    ``event_actors ea`` rows selected by ``where``, joined with their ``actors ac`` row."""
    return (
        "SELECT ea.event_uid, ea.role, ea.position, ea.actor_id, ea.code, ac.name, ac.country, ac.sector, "
        "upper(ea.code) AS code_key, lower(ac.name) AS name_key, upper(ac.country) AS country_key, "
        f"{NODE_ACTOR} AS node_actor, {NODE_COUNTRY} AS node_country "
        "FROM event_actors ea LEFT JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id "
        f"WHERE {where}"
    )


def _merged_sql(cond: str, attr_cond: str = "TRUE", first_cond: str = "TRUE", art_cond: str = "TRUE") -> str:
    """SQL of ``merged`` rows for the clusters selected by ``cond`` (a condition on ``cluster_id`` used on
    ``events e``, ``merged_members mm``, ``merged_actors ma`` and, through ``t.event_uid``, ``attributions
    t``), with parameters in this order: ``cond``'s, ``art_cond``'s (on the reports' ``articles a``,
    which may only narrow the rows to the clusters' articles), ``cond``'s three more times, ``attr_cond``'s
    (on ``attributions t``, likewise), ``art_cond``'s again (on the first reports' ``articles a``, whose text
    gives the ``evidence``) and ``first_cond``'s (on the first reports ``events f``, likewise); from ``events``,
    ``articles`` and the other merged tables."""
    sides = (
        "list({{'id': ma.actor_id, 'name': ma.name, 'code': ma.code, 'country': ma.country, 'sector': ma.sector}} "
        "ORDER BY ma.position) FILTER (WHERE ma.role = '{}')"
    )
    return (
        f"WITH agg AS ({aggregate_sql('WHERE ' + cond.format('e') + ' AND ' + art_cond + ' ')}), "
        "rep AS (SELECT cluster_id, list(article_id ORDER BY first_uid) AS ids, count(DISTINCT outlet) AS outlets "
        "FROM (SELECT cluster_id, article_id, any_value(outlet) AS outlet, min(uid) AS first_uid "
        f"FROM merged_members mm WHERE {cond.format('mm')} GROUP BY cluster_id, article_id) GROUP BY cluster_id), "
        f"sides AS (SELECT ma.cluster_id, {sides.format('source')} AS src, {sides.format('target')} AS tgt "
        f"FROM merged_actors ma WHERE ma.is_first AND {cond.format('ma')} GROUP BY ma.cluster_id), "
        "cited AS (SELECT cluster_id, string_agg(source, '; ' ORDER BY first_seen) AS sources FROM ("
        "SELECT mm.cluster_id, t.source, min(mm.uid * 100000 + t.seq) AS first_seen FROM attributions t "
        f"JOIN merged_members mm ON mm.uid = t.event_uid WHERE {cond.format('mm')} AND {attr_cond} "
        "GROUP BY mm.cluster_id, t.source) GROUP BY cluster_id) "
        "SELECT agg.*, f.id, f.article_id, f.evidence_sentence, f.evidence_start, f.evidence_end, f.plover_mode, "
        "f.plover_context, rep.outlets, NULL, cited.sources, NULL, NULL, to_json(coalesce(rep.ids, [])), "
        "to_json(coalesce(sides.src, [])), to_json(coalesce(sides.tgt, [])), "
        "substring(a.text, f.evidence_start + 1, f.evidence_end - f.evidence_start) "
        f"FROM agg JOIN events f ON f.uid = agg.first_uid JOIN articles a ON a.id = f.article_id AND {art_cond} "
        "LEFT JOIN rep ON rep.cluster_id = agg.cluster_id "
        "LEFT JOIN sides ON sides.cluster_id = agg.cluster_id LEFT JOIN cited ON cited.cluster_id = agg.cluster_id "
        f"WHERE {first_cond}"
    )


def _pairs_sql(cond: str) -> str:
    """``merged_pairs`` rows of the clusters selected by ``cond`` (as in :func:`_merged_sql`; its
    parameters twice): for each level, each (source node, target node) of the cluster's first report
    with the names the network shows, and the merged event's date, QuadClass and Goldstein."""
    parts = []
    for level in ("country", "actor"):
        parts.append(
            f"SELECT cluster_id, date, quad_class, goldstein, '{level}' AS level, s_{level} AS source, "
            f"t_{level} AS target, min(s_name) AS source_name, min(t_name) AS target_name FROM j "
            f"WHERE s_{level} IS NOT NULL AND t_{level} IS NOT NULL AND s_{level} <> t_{level} "
            f"GROUP BY cluster_id, date, quad_class, goldstein, s_{level}, t_{level}"
        )
    return (
        f"WITH m AS (SELECT cluster_id, date, quad_class, goldstein FROM merged mg WHERE {cond.format('mg')}), "
        "s AS (SELECT ma.cluster_id, ma.role, ma.node_actor, ma.node_country, ma.name FROM merged_actors ma "
        f"WHERE ma.is_first AND {cond.format('ma')}), "
        "j AS (SELECT m.*, a.node_actor AS s_actor, a.node_country AS s_country, a.name AS s_name, "
        "b.node_actor AS t_actor, b.node_country AS t_country, b.name AS t_name FROM m "
        "JOIN s a ON a.cluster_id = m.cluster_id AND a.role = 'source' "
        "JOIN s b ON b.cluster_id = m.cluster_id AND b.role = 'target') "
        + " UNION ALL ".join(parts)
    )


def _dyads_sql(cond: str) -> str:
    """``merged_dyads`` rows of the clusters selected by ``cond`` (its parameters once): the distinct
    (first three letters of a source code, of a target code) of the same report, over every report, with the
    merged event's ``date``, ``goldstein`` and ``quad_class`` (read from ``merged``, written first)."""
    return (
        "SELECT d.*, m.date, m.goldstein, m.quad_class FROM ("
        "SELECT DISTINCT s.cluster_id, substr(s.code_key, 1, 3) AS source3, substr(t.code_key, 1, 3) AS target3 "
        "FROM merged_actors s JOIN merged_actors t ON t.event_uid = s.event_uid AND t.role = 'target' "
        "AND length(t.code_key) >= 3 "
        f"WHERE s.role = 'source' AND length(s.code_key) >= 3 AND {cond.format('s')}) d "
        "JOIN merged m ON m.cluster_id = d.cluster_id"
    )


_FINGERPRINT = "SELECT count(*), coalesce(max(uid), 0), coalesce(sum(cluster_id), 0) FROM events"


def _fingerprint(conn: duckdb.DuckDBPyConnection) -> tuple[int, int, int]:
    row = conn.execute(_FINGERPRINT).fetchall()[0]
    return int(row[0]), int(row[1]), int(row[2])


def _state_generation(conn: duckdb.DuckDBPyConnection) -> int | None:
    rows = conn.execute("SELECT generation FROM merged_state").fetchall()
    return int(rows[0][0]) if rows else None


def _state(conn: duckdb.DuckDBPyConnection) -> tuple[int, int, int] | None:
    rows = conn.execute("SELECT reports, max_uid, cluster_sum FROM merged_state").fetchall()
    return (int(rows[0][0]), int(rows[0][1]), int(rows[0][2])) if rows else None


#: What :func:`fresh` answers without a query inside :func:`fresh_known` (None: ask the store).
_KNOWN: ContextVar[bool | None] = ContextVar("communique_merged_fresh", default=None)


@contextmanager
def fresh_known(value: bool) -> Iterator[None]:
    """Within this block (this thread or asyncio task), :func:`fresh` answers ``value`` without reading the store.

    For a process that holds the store file and writes it only through :class:`~communique.store.Store` (which
    keeps the merged tables fresh in every write transaction), such as ``communique serve``: it asks
    :func:`fresh` once per store generation and passes the answer here, sparing each request the fingerprint
    of ``events`` (a scan of a million reports costs about 4 ms of CPU)."""
    token = _KNOWN.set(value)
    try:
        yield
    finally:
        _KNOWN.reset(token)


def fresh(conn: duckdb.DuckDBPyConnection) -> bool:
    """Do the merged tables describe ``events`` as it is now?  (False on a store without them.)  They do when
    ``events`` has the count, largest uid and sum of cluster ids they were built from and no write was recorded
    since (:func:`changed`).  Inside :func:`fresh_known` the answer given there, without a query."""
    known = _KNOWN.get()
    if known is not None:
        return known
    try:
        rows = conn.execute(
            "SELECT s.reports = f.n AND s.max_uid = f.m AND s.cluster_sum = f.c AND s.generation = g.generation "
            "FROM merged_state s, store_generation g, "
            "(SELECT count(*) AS n, coalesce(max(uid), 0) AS m, coalesce(sum(cluster_id), 0) AS c FROM events) f"
        ).fetchall()
    except duckdb.CatalogException:
        return False
    return bool(rows and rows[0][0])


def generation(conn: duckdb.DuckDBPyConnection) -> int:
    """The store's write counter (advanced by :func:`changed` in every write transaction); 0 for a store without
    one.  Two reads that see the same generation see the same reports."""
    try:
        rows = conn.execute("SELECT generation FROM store_generation").fetchall()
    except duckdb.CatalogException:
        return 0
    return int(rows[0][0]) if rows else 0


def changed(conn: duckdb.DuckDBPyConnection, clusters: Iterable[int] | None = None, *, writes: int = 1) -> None:
    """Record a write of the reports, in the writer's transaction: advance the store's generation, and list
    ``clusters`` as changed in place so that the next :func:`refresh` recomputes them.

    ``clusters``: the ids of the clusters whose reports were updated in place (status, date, place, actors);
    an empty list when the write only added reports or removed an article's (:func:`refresh` finds those by
    uid and count); ``None`` when unknown, so that the next refresh rebuilds every table.  Until that refresh
    :func:`fresh` is False and readers compute merged events from the reports.  ``writes``: how many writes
    this records at once (the generation advances by as many; :meth:`Store.put_many` stores a batch)."""
    conn.execute("UPDATE store_generation SET generation = generation + ?", [writes])
    if clusters is None:
        conn.execute("INSERT INTO merged_dirty VALUES (NULL)")
        return
    ids = sorted({int(c) for c in clusters})
    if ids:
        conn.execute("INSERT INTO merged_dirty SELECT unnest(?::BIGINT[])", [ids])


def _save_state(conn: duckdb.DuckDBPyConnection, state: tuple[int, int, int]) -> None:
    conn.execute("DELETE FROM merged_state")
    conn.execute("DELETE FROM merged_dirty")
    conn.execute("INSERT INTO merged_state (reports, max_uid, cluster_sum, generation) VALUES (?, ?, ?, ?)",
                 [*state, generation(conn)])


def rebuild(conn: duckdb.DuckDBPyConnection) -> int:
    """Recompute the merged tables from every report; return the number of merged events.

    Rows are written in date order (``merged``, ``merged_pairs``) and code order (``merged_actors``,
    ``merged_dyads``), which lets DuckDB skip whole row groups when a query bounds the date or an actor
    code.  Runs in the caller's transaction if
    one is open."""
    for table in ("merged", "merged_actors", "merged_members", "merged_pairs", "merged_dyads", "merged_state"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("INSERT INTO merged_members SELECT e.uid, e.cluster_id, e.article_id, a.outlet FROM events e "
                 "JOIN articles a ON a.id = e.article_id ORDER BY e.uid")
    conn.execute(
        f"INSERT INTO merged_actors SELECT e.cluster_id, r.event_uid, r.role, r.position, r.actor_id, r.code, "
        "r.name, r.country, r.sector, r.code_key, r.name_key, r.country_key, "
        "r.event_uid = f.first_uid, r.node_actor, r.node_country "
        f"FROM ({_actor_rows_sql('TRUE')}) r JOIN events e ON e.uid = r.event_uid "
        "JOIN (SELECT cluster_id, min(uid) AS first_uid FROM events GROUP BY cluster_id) f "
        "ON f.cluster_id = e.cluster_id "
        "ORDER BY r.code_key NULLS LAST, r.event_uid")
    conn.execute(f"INSERT INTO merged SELECT * FROM ({_merged_sql('TRUE')}) ORDER BY date NULLS LAST, cluster_id")
    conn.execute(f"INSERT INTO merged_pairs SELECT * FROM ({_pairs_sql('TRUE')}) "
                 "ORDER BY level, date NULLS LAST, cluster_id, source, target")
    conn.execute(f"INSERT INTO merged_dyads SELECT * FROM ({_dyads_sql('TRUE')}) ORDER BY source3, target3, cluster_id")
    rollups.rebuild(conn)
    _save_state(conn, _fingerprint(conn))
    return int(conn.execute("SELECT count(*) FROM merged").fetchall()[0][0])


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _ints(rows: Iterable[Sequence[Any]], i: int = 0) -> set[int]:
    return {int(r[i]) for r in rows}


def refresh(conn: duckdb.DuckDBPyConnection) -> str:
    """Bring the merged tables up to date with ``events``; return what was done: ``"fresh"`` (nothing to
    do), ``"updated"`` (the clusters new or removed reports touched were recomputed) or ``"rebuilt"``.

    Call it after writing reports, inside the same transaction, so that readers see the reports and
    their merged events together.  New reports are those with a ``uid`` above the last one seen (uids
    come from a sequence); removed reports are found when the count does not add up; a cluster id
    changed on a report that is neither new nor in a cluster a new report joined (a renumbering) is
    caught by the checksum of cluster ids and answered with :func:`rebuild`.  Clusters :func:`changed` listed
    are recomputed too; a write it recorded without a list (``None``) is answered with :func:`rebuild`."""
    state = _state(conn)
    now = _fingerprint(conn)
    dirty = [r[0] for r in conn.execute("SELECT cluster_id FROM merged_dirty").fetchall()]
    if state == now and not dirty and _state_generation(conn) == generation(conn):
        return "fresh"
    if state is None or None in dirty:  # no tables yet, or a write that could not say what it changed
        rebuild(conn)
        return "rebuilt"
    reports, max_uid, _ = state
    new = conn.execute("SELECT uid, cluster_id FROM events WHERE uid > ?", [max_uid]).fetchall()
    affected = _ints(new, 1) | {int(c) for c in dirty}
    if now[0] != reports + len(new):  # reports were removed (a story replaced by a newer version)
        gone = conn.execute(
            "SELECT m.uid, m.cluster_id FROM merged_members m ANTI JOIN events e ON e.uid = m.uid"
        ).fetchall()
        affected |= _ints(gone, 1)
        if gone:
            uids = sorted(_ints(gone))
            conn.execute(f"DELETE FROM merged_members WHERE uid IN ({_marks(uids)})", uids)
            conn.execute(f"DELETE FROM merged_actors WHERE event_uid IN ({_marks(uids)})", uids)
    renew = _ints(new)
    if dirty:  # reports changed in place: their actor rows are read again too
        ids = sorted({int(c) for c in dirty})
        renew |= _ints(conn.execute(f"SELECT uid FROM events WHERE cluster_id IN ({_marks(ids)})", ids).fetchall())
        conn.execute(f"DELETE FROM merged_actors WHERE cluster_id IN ({_marks(ids)})", ids)
    if affected:
        _update(conn, affected, sorted(renew))
    row = conn.execute("SELECT count(*), coalesce(sum(cluster_id), 0) FROM merged_members").fetchall()[0]
    if (int(row[0]), int(row[1])) != (now[0], now[2]):  # cluster ids changed elsewhere: start again
        rebuild(conn)
        return "rebuilt"
    _save_state(conn, now)
    return "updated"




def _append(conn: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table`` in one statement, through an Arrow table typed
    like the table's columns (``executemany`` ran one statement per row)."""
    import pyarrow as pa

    from .db import _arrow_type

    # read each time: a store being migrated may change a table's columns (DESCRIBE costs about a millisecond)
    types = {str(r[0]): _arrow_type(str(r[1])) for r in conn.execute(f"DESCRIBE {table}").fetchall()}
    arrays = [pa.array(list(values), type=types[name]) for name, values in zip(columns, zip(*rows, strict=True),
                                                                              strict=True)]
    name = f"_communique_merged_{table}"
    quoted = ", ".join(f'"{c}"' for c in columns)
    conn.register(name, pa.Table.from_arrays(arrays, names=list(columns)))
    try:
        conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {name}")
    finally:
        conn.unregister(name)


def _update(conn: duckdb.DuckDBPyConnection, affected: set[int], new_uids: list[int]) -> None:
    """Recompute the clusters ``affected`` (current ids of clusters new reports joined or reports left)."""
    ids = sorted(affected)
    members = conn.execute(
        f"SELECT uid, cluster_id, article_id FROM events WHERE cluster_id IN ({_marks(ids)})", ids).fetchall()
    uids = sorted(_ints(members))
    if uids:  # the clusters these reports were in before (merged into the new ones) go too
        affected |= _ints(conn.execute(
            f"SELECT DISTINCT cluster_id FROM merged_members WHERE uid IN ({_marks(uids)})", uids).fetchall())
    ids = sorted(affected)
    marks = _marks(ids)
    cluster_of = {int(u): int(c) for u, c, _ in members}
    first: dict[int, int] = {}
    for u, c in sorted(cluster_of.items()):
        first.setdefault(c, u)
    # members, with each report's outlet
    aids = sorted({str(a) for _, _, a in members})
    outlet = dict(conn.execute(f"SELECT id, outlet FROM articles WHERE id IN ({_marks(aids)})", aids).fetchall()) \
        if aids else {}
    conn.execute(f"DELETE FROM merged_members WHERE cluster_id IN ({marks})", ids)
    if uids:
        conn.execute(f"DELETE FROM merged_members WHERE uid IN ({_marks(uids)})", uids)
    if members:
        _append(conn, "merged_members", ("uid", "cluster_id", "article_id", "outlet"),
                [[int(u), int(c), a, outlet.get(a)] for u, c, a in members])
    # actors: the rows already held (the actors of a report never change) and the new reports' rows
    held = conn.execute(
        "SELECT event_uid, role, position, actor_id, code, name, country, sector, code_key, name_key, country_key, "
        f"node_actor, node_country FROM merged_actors WHERE cluster_id IN ({marks})", ids).fetchall()
    fresh_rows: list[Any] = []
    if new_uids:
        fresh_rows = conn.execute(
            f"SELECT * FROM ({_actor_rows_sql(f'ea.event_uid IN ({_marks(new_uids)})')}) "
            "ORDER BY event_uid, role, position", new_uids).fetchall()
    known = {int(r[0]) for r in held}
    rows = [r for r in held if int(r[0]) in cluster_of] + [r for r in fresh_rows if int(r[0]) not in known]
    conn.execute(f"DELETE FROM merged_actors WHERE cluster_id IN ({marks})", ids)
    if rows:
        _append(conn, "merged_actors", tuple(c.strip() for c in _ACTOR_COLUMNS.split(",")),
                [[cluster_of[int(r[0])], *r[:11], int(r[0]) == first[cluster_of[int(r[0])]], r[11], r[12]]
                 for r in rows])
    before = rollups.touched(conn, ids)  # the months and dyad days these clusters' old rows counted in
    for table in ("merged", "merged_pairs", "merged_dyads", "merged_keys"):
        conn.execute(f"DELETE FROM {table} WHERE cluster_id IN ({marks})", ids)
    cond = "{}.cluster_id IN (" + marks + ")"
    firsts = sorted(first.values())
    if not firsts:  # every affected cluster is gone
        rollups.recompute(conn, before, ({}, set()))
        return
    # constant lists on indexed columns, so that no table is scanned whole
    sql = _merged_sql(cond, f"t.event_uid IN ({_marks(uids)})", f"f.uid IN ({_marks(firsts)})",
                      f"a.id IN ({_marks(aids)})")
    conn.execute(f"INSERT INTO merged {sql}", ids + aids + ids * 3 + uids + aids + firsts)
    conn.execute(f"INSERT INTO merged_pairs {_pairs_sql(cond)}", ids * 2)
    conn.execute(f"INSERT INTO merged_dyads {_dyads_sql(cond)}", ids)
    conn.execute(f"INSERT INTO merged_keys {rollups.keys_sql(cond.format('ma'))}", ids)
    rollups.recompute(conn, before, rollups.touched(conn, ids))
