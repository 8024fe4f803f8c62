"""Reading the store: merged events (the ``merged_events`` view), reports, articles and counts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb

from ...errors import StoreError, one_line
from ...model import Article, Span

#: Statuses of events that did not (or not yet) happen: left out of counts and lists unless asked for.
NOT_HAPPENED: tuple[str, ...] = ("planned", "hypothetical", "denied")


def _actor_match(ea: str, ac: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching an event actor row by code prefix or by name, and its parameters."""
    return (
        f"(starts_with(upper({ea}.code), upper(?)) OR lower({ac}.name) = lower(?))",
        [value, value],
    )


class ReadMixin:
    """The reading half of :class:`~communique.store.db.Store`."""

    conn: duckdb.DuckDBPyConnection

    def reports(self, cluster_id: int) -> list[dict[str, Any]]:
        """Every report of one merged event, oldest article first: ``cluster_id, uid, article_id, outlet,
        published, url, event_id, cameo, label, status, date, date_precision, location, country,
        evidence_start, evidence_end, evidence, attribution`` (offsets are characters into the article's
        text; ``attribution``: the report's sources joined by ``; ``)."""
        return self._rows("SELECT * FROM reports WHERE cluster_id = ? ORDER BY published NULLS LAST, uid",
                          [cluster_id])

    def events(
        self,
        *,
        actor: str | None = None,
        dyad: tuple[str, str] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        cameo: str | None = None,
        limit: int | None = None,
        all_statuses: bool = False,
    ) -> list[dict[str, Any]]:
        """Merged events, one row per cluster, ordered by date (undated last), then cluster id.

        By default only events that happened as far as the reports say: a merged status of ``planned``,
        ``hypothetical`` or ``denied``, or a negated event ("did not attack"), is left out;
        ``all_statuses=True`` keeps them (see the ``status`` and ``negated`` keys).

        ``actor`` keeps events in which some report has a source or target
        actor whose code starts with ``actor`` (``"RUS"`` matches ``RUSMIL``;
        case-insensitive) or whose name equals it, ignoring case.  ``dyad=(a, b)``
        keeps events some report of which has a source matching ``a`` and a
        target matching ``b``, or the other way round.  ``since`` and ``until``
        bound the merged event's date (inclusive; undated events are dropped
        when either is given).  ``cameo`` is a prefix of the merged event's code.

        Each row has the keys ``cluster_id, event_id, date, date_precision,
        cameo, label, plover, goldstein, quad_class, source, target, location,
        country, lat, lon, status, corroboration, outlets, articles, evidence,
        attribution, negated`` (``source``/``target``: the first report's actor codes
        joined by ``;``, an actor with no code or country showing its name;
        ``articles``: ids in the order they reported the event; ``evidence``:
        the first report's evidence sentence; ``attribution``: the distinct
        sources cited by any report, joined by ``; ``).
        """
        where: list[str] = []
        params: list[Any] = []
        if actor is not None:
            clause, args = _actor_match("ea", "ac", actor)
            where.append(
                "EXISTS (SELECT 1 FROM events e JOIN event_actors ea ON ea.event_uid = e.uid "
                "LEFT JOIN actors ac ON ac.article_id = ea.article_id AND ac.id = ea.actor_id "
                f"WHERE e.cluster_id = m.cluster_id AND {clause})"
            )
            params += args
        if dyad is not None:
            a, b = dyad
            parts: list[str] = []
            for first, second in ((a, b), (b, a)):
                for role, name in (("source", first), ("target", second)):
                    clause, args = _actor_match("ea", "ac", name)
                    parts.append(
                        "EXISTS (SELECT 1 FROM event_actors ea LEFT JOIN actors ac ON ac.article_id = ea.article_id "
                        f"AND ac.id = ea.actor_id WHERE ea.event_uid = e.uid AND ea.role = ? AND {clause})"
                    )
                    params += [role, *args]
            where.append(
                "EXISTS (SELECT 1 FROM events e WHERE e.cluster_id = m.cluster_id AND "
                f"(({parts[0]} AND {parts[1]}) OR ({parts[2]} AND {parts[3]})))"
            )
        if since is not None:
            where.append("m.date >= ?")
            params.append(since)
        if until is not None:
            where.append("m.date <= ?")
            params.append(until)
        if cameo is not None:
            where.append("starts_with(m.cameo, ?)")
            params.append(cameo)
        if not all_statuses:
            where.append(f"m.status NOT IN ({', '.join(repr(x) for x in NOT_HAPPENED)}) AND NOT m.negated")
        # every report of a cluster agrees on negation (clusters never mix them)
        sql = ("SELECT * FROM (SELECT m.*, (SELECT bool_or(e.negated) FROM events e WHERE e.cluster_id = m.cluster_id)"
               " AS negated FROM merged_events m) m")
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY m.date NULLS LAST, m.cluster_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return self._rows(sql, params)

    def articles(self) -> list[dict[str, Any]]:
        """Stored articles without their text: ``id, title, published, url, outlet, source_path, events``,
        ordered by publication date (undated last), then id."""
        return self._rows(
            "SELECT a.id, a.title, a.published, a.url, a.outlet, a.source_path, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events "
            "FROM articles a ORDER BY a.published NULLS LAST, a.id",
            [],
        )

    def article_ids(self) -> list[str]:
        """The ids of all stored articles, sorted."""
        try:
            return [str(r[0]) for r in self.conn.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"cannot list the stored articles: {one_line(exc)}") from exc

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, text included, or ``None``."""
        try:
            row = self.conn.execute(
                "SELECT id, text, title, published, url, outlet, source_path, body_start, body_end, title_start, "
                "title_end FROM articles WHERE id = ?",
                [article_id],
            ).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read article {article_id}: {one_line(exc)}") from exc
        if row is None:
            return None
        return Article(
            id=row[0], text=row[1], title=row[2], published=row[3], url=row[4], outlet=row[5], source_path=row[6],
            body=None if row[7] is None else Span(row[7], row[8]),
            title_span=None if row[9] is None else Span(row[9], row[10]),
        )

    def count(self) -> dict[str, int]:
        """How many ``articles``, ``events`` (reports), ``clusters`` (merged events), ``actors`` and ``quotes``."""
        try:
            row = self.conn.execute(
                "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
                "(SELECT count(DISTINCT cluster_id) FROM events), (SELECT count(*) FROM actors), "
                "(SELECT count(*) FROM quotes)"
            ).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"cannot count the store's contents: {one_line(exc)}") from exc
        assert row is not None
        return dict(zip(("articles", "events", "clusters", "actors", "quotes"), (int(v) for v in row), strict=True))

    def _rows(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, list(params))
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"cannot query the store: {one_line(exc)}") from exc
