"""Event lists: counts, pages and rows of merged events (:data:`~.filters.EVENT_COLUMNS`)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import duckdb

from .filters import EventFilter, date_bounds
from .query import _CODE3, _merged_sql, _query


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
        keyed = _key_hits(f or EventFilter())
        if keyed is not None:  # one country code: its rows in ``merged_keys`` carry the date, no pass over ``merged``
            narrow, params = keyed
        bounds = (" LIMIT ?" if limit is not None else "") + " OFFSET ?"
        page_params = [*params, *([] if limit is None else [limit]), offset]
        if not params and sql == "SELECT * FROM merged m":  # no filter: a top-N over the table and its row count
            # (a count(*) OVER () beside the ORDER BY made DuckDB sort every row: 200 ms for a million, now 2 ms)
            ids = _query(conn, "SELECT m.cluster_id, m.date FROM merged m ORDER BY m.date NULLS LAST, m.cluster_id"
                         + bounds,
                         page_params)
            total = int(_query(conn, "SELECT count(*) AS n FROM merged", [])[0]["n"])
        else:  # the matching rows once, then their count and the page
            ids = _query(conn, f"WITH hit AS MATERIALIZED ({narrow}) SELECT m.cluster_id, m.date, "
                         "(SELECT count(*) FROM hit) AS total FROM hit m ORDER BY m.date NULLS LAST, m.cluster_id"
                         + bounds, page_params)
            total = int(ids[0]["total"]) if ids else (count_events(conn, f) if offset else 0)
        wanted = [int(r["cluster_id"]) for r in ids]
        # the page's dates bound the lookup: ``merged`` is in date order, so DuckDB reads a row group or two
        dates = [r["date"] for r in ids if r["date"] is not None]
        span = "(date BETWEEN ? AND ?" + (" OR date IS NULL)" if len(dates) < len(ids) else ")") if dates \
            else "date IS NULL"
        rows = {r["cluster_id"]: r for r in _query(
            conn, "SELECT * EXCLUDE (articles, source_actors, target_actors) FROM merged "
            f"WHERE cluster_id IN ({', '.join('?' for _ in wanted)}) AND {span}",
            [*wanted, *([min(dates), max(dates)] if dates else [])])} if wanted else {}
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


def _key_hits(f: EventFilter) -> tuple[str, list[Any]] | None:
    """(cluster_id, date) of the merged events matching ``f`` from ``merged_keys`` alone, when ``f`` is an actor
    given as a three-letter code with at most dates and QuadClasses beside it; else ``None``."""
    if f.actor is None or not _CODE3.fullmatch(f.actor) \
            or set(f.model_dump(exclude_defaults=True)) - {"actor", "since", "until", "quad_class"}:
        return None
    where = ["k.key3 = ?"]
    params: list[Any] = [f.actor]
    bounds, bound_params = date_bounds(f, "k.date")
    where += bounds
    params += bound_params
    if f.quad_class:
        where.append(f"k.quad_class IN ({', '.join('?' for _ in f.quad_class)})")
        params += list(f.quad_class)
    return f"SELECT k.cluster_id, k.date FROM merged_keys k WHERE {' AND '.join(where)}", params


def event_rows(conn: duckdb.DuckDBPyConnection, f: EventFilter | None = None, *, limit: int | None = None) -> list[
    dict[str, Any]
]:
    """Every merged event matching ``f`` (at most ``limit``), as :func:`events_page` rows."""
    return list(events_page(conn, f, limit=limit)["events"])


def report_actors(conn: duckdb.DuckDBPyConnection, uids: list[int]) -> dict[tuple[int, str], list[dict[str, Any]]]:
    """The actors of the reports ``uids`` in one query: ``{(uid, role): [{"id", "actor_id", "name", "code", "kind",
    "country", "sector", "title", "anonymous"}, ...]}`` in position order (``id`` and ``actor_id`` the same)."""
    sides: dict[tuple[int, str], list[dict[str, Any]]] = defaultdict(list)
    if not uids:
        return sides
    for r in _query(
        conn,
        "SELECT ea.event_uid, ea.role, ea.actor_id, ea.code, ac.name, ac.kind, ac.country, ac.sector, ac.title, "
        "ac.anonymous FROM event_actors ea LEFT JOIN actors ac ON ac.article_id = ea.article_id "
        f"AND ac.id = ea.actor_id WHERE ea.event_uid IN ({', '.join('?' for _ in uids)}) "
        "ORDER BY ea.event_uid, ea.role, ea.position",
        uids,
    ):
        uid, role = r.pop("event_uid"), r.pop("role")
        sides[(uid, role)].append({"id": r["actor_id"], **r})
    return sides


_SIDE_KEYS = ("id", "name", "code", "country", "sector")


def _complete(conn: duckdb.DuckDBPyConnection, merged: list[dict[str, Any]],
              actors: dict[tuple[int, str], list[dict[str, Any]]] | None = None) -> list[dict[str, Any]]:
    """Add the first report's fields, actors, evidence, articles and attribution to merged rows; ``actors``: the
    first reports' actors when the caller has them (:func:`report_actors`), else they are read here."""
    if not merged:
        return []
    if "articles_json" in merged[0]:  # rows of the maintained ``merged`` table: only the evidence text is missing
        return _complete_table(merged)
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
    sides = {key: [{k: a[k] for k in _SIDE_KEYS} for a in side]
             for key, side in (report_actors(conn, uids) if actors is None else actors).items()}
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


def _complete_table(merged: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`_complete` for rows of the ``merged`` table, which hold every field (the evidence text too)."""
    out = []
    for m in merged:
        src = json.loads(m["source_json"] or "[]")
        tgt = json.loads(m["target_json"] or "[]")
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
            "evidence": m["evidence"], "attribution": m["attribution"],
            "first_article": m["first_article"], "sentence": m["sentence"], "evidence_start": m["evidence_start"],
            "evidence_end": m["evidence_end"], "source_actors": src, "target_actors": tgt,
            "plover_mode": m["plover_mode"], "plover_context": m["plover_context"],
        })
    return out


def _side_code(actor: dict[str, Any]) -> str:
    return str(actor["code"] or actor["name"] or actor["id"])
