"""Event detail: one merged event with every report, its evidence, actors, attributions and status history."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

import duckdb

from ..errors import EventNotFound
from ..store import merged as merged_tables
from .events import _complete, report_actors
from .query import _aggregate_sql, _query

_ACTOR_KEYS = ("actor_id", "name", "code", "kind", "country", "sector", "title", "anonymous")


def event_detail(conn: duckdb.DuckDBPyConnection, cluster_id: int) -> dict[str, Any]:
    """Everything about one merged event: its merged row and every report behind it.

    Returns the :func:`events_page` row plus ``reports``: one per report in the order they were
    stored, each ``{"uid", "event_id", "article": {"id", "title", "published", "url", "outlet",
    "text"}, "cameo", "label", "status", "negated", "date": {"value", "precision", "basis"},
    "location", "evidence": {"sentence", "start", "end", "text"}, "trigger": {"start", "end",
    "text"}, "source": [actor], "target": [actor], "attribution": [{"seq", "source", "anonymous",
    "kind", "start", "end", "actor_id", "cites"}], "quotes": [{"start", "end", "speaker",
    "speaker_start", "speaker_end", "anonymous", "via", "reported_by", "reported_by_start",
    "reported_by_end"}], "mentions": [{"start", "end", "label",
    "actor_id"}]}`` (offsets are characters into that article's ``text``; ``quotes`` and
    ``mentions`` are the article's), and ``status_history``: ``[{"article", "published", "outlet",
    "status", "negated"}]`` in publication order.  Raises :class:`EventNotFound` for an unknown id.
    """
    reports = _query(conn, "SELECT * FROM events WHERE cluster_id = ? ORDER BY uid", [cluster_id])
    if not reports:
        raise EventNotFound(cluster_id)
    uids = [r["uid"] for r in reports]
    aids = sorted({r["article_id"] for r in reports})
    marks_u = ", ".join("?" for _ in uids)
    marks_a = ", ".join("?" for _ in aids)
    papers = {r["id"]: r for r in _query(
        conn, f"SELECT id, title, published, url, outlet, text FROM articles WHERE id IN ({marks_a})", aids)}
    reports = [r | {k: papers[r["article_id"]][k] for k in ("title", "published", "url", "outlet", "text")}
               for r in reports if r["article_id"] in papers]
    # every report's actors in one query: the reports' lists and the merged row's sides both come from it
    sides = report_actors(conn, uids)
    actors = {key: [{k: a[k] for k in _ACTOR_KEYS} for a in side] for key, side in sides.items()}
    if merged_tables.fresh(conn):  # the maintained row
        rows = _query(conn, "SELECT * EXCLUDE (articles, source_actors, target_actors) FROM merged "
                      "WHERE cluster_id = ?", [cluster_id])
    else:
        rows = _query(conn, "SELECT * FROM (" + _aggregate_sql("WHERE e.cluster_id = ? ") + ") m", [cluster_id])
    if not rows:
        raise EventNotFound(cluster_id)
    merged = _complete(conn, rows, sides)[0]
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
        'SELECT article_id, start, "end", speaker, speaker_start, speaker_end, anonymous, via, reported_by, '
        'reported_by_start, reported_by_end FROM quotes '
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
