"""Daily series aggregated inside the store (DuckDB ``GROUP BY``), so that signals scale to millions of events.

:func:`communique.signals.series.build` counts merged events row by row in Python; here the same counts come
from one SQL query over the store's tables, and only ``(unit, channel, day, events, summed Goldstein)``
rows reach Python. The merged event is the one :meth:`communique.store.Store.events` returns (same rules,
written out for the few fields the series needs):

* **status**: the ``clusters`` view's (a later confirmation or denial decides, else the best by
  ``status_rank``); the event counts when that status is reported, unconfirmed or confirmed and no report
  of it is negated;
* **date**: the best-dated report's (day precision before month, month before year, ...; then the
  earliest, then the first stored);
* **QuadClass, Goldstein, sides**: the first report's (lowest ``uid``); a side's codes are its actors'
  codes (an actor without one shows its name, as in ``merged_events``) and only CAMEO-style codes count
  (upper case, no spaces, not a bare sector such as ``GOV``; see :func:`communique.signals.series.units`).

Tests check that :func:`series_from_store` equals ``build(store.events(), ...)`` on generated stores.
Only units that can raise a signal are kept: those with at least ``min_events`` events within some
``span`` consecutive days (an increase needs that many; a decrease needs at least five events expected
over at most ``span`` days, which a unit that never had ``min_events`` events in ``span`` days does not
have). Errors: :class:`~communique.errors.StoreError` naming the query that failed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import numpy as np

from ..errors import StoreError, one_line
from .series import BARE_PATTERN, HAPPENED, LEVELS, Series

_PRECISION = ("CASE r.date_precision WHEN 'day' THEN 0 WHEN 'month' THEN 1 WHEN 'year' THEN 2 "
              "WHEN 'on_or_before' THEN 3 ELSE 4 END")

# One row per merged event that happened: cluster_id, uid (its first report), date, quad_class, goldstein.
_MERGED = f"""
happened AS (
    SELECT cluster_id FROM clusters WHERE status IN ({", ".join(f"'{s}'" for s in sorted(HAPPENED))})
),
reports AS (
    SELECT r.cluster_id, r.uid, r.date, r.quad_class, r.goldstein,
           row_number() OVER (PARTITION BY r.cluster_id ORDER BY r.uid) AS first_rank,
           row_number() OVER (PARTITION BY r.cluster_id
                              ORDER BY r.date IS NULL, {_PRECISION}, r.date, r.uid) AS date_rank,
           bool_or(coalesce(r.negated, false)) OVER (PARTITION BY r.cluster_id) AS negated
    FROM events r
    WHERE r.cluster_id IN (SELECT cluster_id FROM happened)
),
merged AS (
    SELECT f.cluster_id, f.uid, d.date, f.quad_class, f.goldstein
    FROM reports f JOIN reports d ON d.cluster_id = f.cluster_id AND d.date_rank = 1
    WHERE f.first_rank = 1 AND NOT f.negated AND d.date IS NOT NULL AND f.quad_class IN (1, 2, 3, 4)
          AND d.date >= $first AND d.date <= $last
),
sides AS (
    SELECT ea.event_uid, ea.role, trim(c.code) AS code
    FROM event_actors ea
    LEFT JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id,
    unnest(string_split(coalesce(ea.code, ac.name, ea.actor_id), ';')) AS c(code)
    WHERE ea.event_uid IN (SELECT uid FROM merged)
),
codes AS (
    SELECT DISTINCT event_uid, role,
           CASE WHEN $country AND list_contains($countries, left(code, 3)) THEN left(code, 3) ELSE code END AS code
    FROM sides
    WHERE code <> '' AND upper(code) = code AND lower(code) <> code AND NOT contains(code, ' ')
          AND NOT regexp_full_match(code, $bare)
),
units AS (
    SELECT DISTINCT s.event_uid AS uid, least(s.code, t.code) || '–' || greatest(s.code, t.code) AS unit
    FROM codes s JOIN codes t ON t.event_uid = s.event_uid AND s.role = 'source' AND t.role = 'target'
    WHERE NOT $single
    UNION
    SELECT DISTINCT event_uid AS uid, code AS unit FROM codes WHERE $single
),
unit_events AS (
    SELECT u.unit, CASE WHEN m.quad_class <= 2 THEN 'cooperation' ELSE 'conflict' END AS channel, m.date,
           m.cluster_id, coalesce(m.goldstein, 0.0) AS goldstein
    FROM units u JOIN merged m ON m.uid = u.uid
)
"""


def _params(level: str, first: dt.date | None, last: dt.date | None) -> dict[str, Any]:
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; one of {', '.join(LEVELS)}")
    from ..knowledge.countries import countries

    return {"first": first or dt.date(1, 1, 1), "last": last or dt.date(9999, 12, 31),
            "country": level == "country", "single": level == "actor_single", "countries": sorted(countries()),
            "bare": BARE_PATTERN}


def _query(conn: Any, what: str, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    try:
        return conn.execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"cannot aggregate {what} for signals: {one_line(exc)}") from exc


def daily_counts(conn: Any, *, level: str = "country", first: dt.date | None = None,
                 last: dt.date | None = None) -> list[tuple[str, str, dt.date, int, float]]:
    """``(unit, channel, day, events, summed Goldstein)`` for every unit, channel and day with events that
    happened, dated ``first`` .. ``last`` (inclusive; None: unbounded), ordered by unit, channel, day."""
    sql = (f"WITH {_MERGED} SELECT unit, channel, date, count(*)::INTEGER, sum(goldstein)::DOUBLE "
           "FROM unit_events GROUP BY ALL ORDER BY unit, channel, date")
    return _query(conn, "daily counts", sql, _params(level, first, last))


def daily_volume(conn: Any, *, first: dt.date | None = None) -> dict[dt.date, float]:
    """Articles per publication day (from ``first`` on when given)."""
    sql = "SELECT published, count(*) FROM articles WHERE published IS NOT NULL AND published >= $first GROUP BY 1"
    rows = _query(conn, "the article volume", sql, {"first": first or dt.date(1, 1, 1)})
    return {d: float(n) for d, n in rows}


def series_from_counts(counts: Iterable[tuple[str, str, dt.date, int, float]], volume: dict[dt.date, float], *,
                       first: dt.date | None = None, last: dt.date | None = None, min_events: int = 1,
                       span: int = 3) -> Series:
    """A :class:`Series` (numpy arrays, no ``events``) from :func:`daily_counts` rows and the volume, every day
    from ``first`` (default: the earliest day of either) to ``last`` (the latest), keeping units with at
    least ``min_events`` events within some ``span`` consecutive days."""
    counts = list(counts)
    dates = [r[2] for r in counts] + list(volume)
    if not dates:
        return Series([], [])
    start, end = first or min(dates), last or max(dates)
    n = max((end - start).days + 1, 0)
    days = [start + dt.timedelta(days=i) for i in range(n)]
    series = Series(days, [float(volume.get(d, 0.0)) for d in days])
    grouped: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
    for unit, ch, day, k, gold in counts:
        i = (day - start).days
        if 0 <= i < n:
            grouped[(unit, ch)].append((i, k, gold))
    for key, cells in grouped.items():
        c = np.zeros(n, dtype=np.int64)
        g = np.zeros(n)
        idx = np.fromiter((i for i, _, _ in cells), dtype=np.int64, count=len(cells))
        c[idx] = [k for _, k, _ in cells]
        g[idx] = [x for _, _, x in cells]
        if min_events > 1:
            w = min(span, n)
            cum = np.concatenate([[0], np.cumsum(c)])
            if (cum[w:] - cum[:-w]).max() < min_events:
                continue
        series.counts[key] = c
        series.goldstein[key] = g
    return series


def series_from_store(conn: Any, *, level: str = "country", first: dt.date | None = None, min_events: int = 1,
                      span: int = 3) -> Series:
    """The series of :func:`communique.signals.series.build` over a store's merged events, aggregated in
    DuckDB (from ``first`` on when given; ``events`` left empty: see :func:`cluster_ids`)."""
    volume = daily_volume(conn, first=first)
    return series_from_counts(daily_counts(conn, level=level, first=first), volume, first=first,
                              min_events=min_events, span=span)


def cluster_ids(conn: Any, windows: Sequence[tuple[str, str, dt.date, dt.date]], *,
                level: str = "country") -> dict[tuple[str, str, dt.date, dt.date], list[Any]]:
    """For each ``(unit, channel, first day, last day)``, the cluster ids of its merged events in those days,
    by date then cluster id."""
    if not windows:
        return {}
    params = _params(level, min(w[2] for w in windows), max(w[3] for w in windows))
    params["windows"] = [{"unit": u, "channel": c, "lo": a, "hi": b} for u, c, a, b in windows]
    sql = (f"WITH {_MERGED}, w AS (SELECT unnest($windows, recursive := true)) "
           "SELECT w.unit, w.channel, w.lo, w.hi, list(e.cluster_id ORDER BY e.date, e.cluster_id) "
           "FROM w JOIN unit_events e ON e.unit = w.unit AND e.channel = w.channel AND e.date BETWEEN w.lo AND w.hi "
           "GROUP BY ALL")
    return {(u, c, a, b): list(ids) for u, c, a, b, ids in _query(conn, "the events of signals", sql, params)}


EVENT_FIELDS = ("cluster_id", "date", "cameo", "label", "source", "target", "status", "corroboration", "evidence",
                "date_precision")
#: the first report's provenance: the article it came from and character offsets into that article's stored text
#: (``articles.text``; ``evidence`` above is ``text[evidence_start:evidence_end]``), and every reporting article
EVIDENCE_FIELDS = ("goldstein", "quad_class", "article_id", "evidence_start", "evidence_end", "trigger_start",
                   "trigger_end", "published", "outlet", "url", "title", "articles")


def event_rows(conn: Any, ids: Sequence[Any]) -> dict[Any, dict[str, Any]]:
    """The merged events (``merged_events`` view) of ``ids``, as ``{cluster_id: {EVENT_FIELDS + EVIDENCE_FIELDS}}``
    with ISO dates: the evidence of each is its first report's sentence, with the article (``article_id``,
    ``published``, ``outlet``, ``url``, ``title``) and the character offsets into ``articles.text`` of the
    evidence and the trigger; ``articles`` lists every article that reported the event, first report first."""
    if not ids:
        return {}
    fields = EVENT_FIELDS + EVIDENCE_FIELDS
    sql = ("WITH first AS (SELECT cluster_id, min(uid) AS uid FROM events "
           "WHERE cluster_id IN (SELECT unnest($ids)) GROUP BY cluster_id) "
           f"SELECT {', '.join('m.' + f for f in EVENT_FIELDS)}, m.goldstein, m.quad_class, f.article_id, "
           "f.evidence_start, f.evidence_end, f.trigger_start, f.trigger_end, a.published, a.outlet, a.url, "
           "a.title, m.articles "
           "FROM merged_events m JOIN first u ON u.cluster_id = m.cluster_id JOIN events f ON f.uid = u.uid "
           "JOIN articles a ON a.id = f.article_id")
    out = {}
    for row in _query(conn, "the events of signals", sql, {"ids": list(ids)}):
        d = dict(zip(fields, row, strict=True))
        for key in ("date", "published"):
            if isinstance(d[key], dt.date):
                d[key] = d[key].isoformat()
        d["articles"] = list(d["articles"] or [])
        out[d["cluster_id"]] = d
    return out
