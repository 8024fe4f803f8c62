"""The event store: analysed articles in DuckDB, with reports of one event merged.

One event, many reports
-----------------------
Several articles often report the same event.  Every stored event (one report)
carries a ``cluster_id``; the reports sharing one make up one *merged event*.
When an article is added, each of its events joins the cluster of an already
stored event (a *match*) when all of these hold:

* the match comes from a **different article**;
* both have the same CAMEO **family**: the first three digits of the code
  (``195`` and ``1951`` agree, ``190`` and ``193`` do not);
* both have the same **set of source actor codes** and the same set of target
  actor codes.  An actor's code is ``Actor.code``, falling back to
  ``Actor.country``; an event with an actor that has neither, or with no source
  actor at all, never merges.  For the symmetric families in :data:`SYMMETRIC`
  (consult, meet, negotiate, sign an agreement, ...) source and target may be
  swapped;
* both are negated or both are not (``did not attack`` is not ``attacked``);
* their **dates** are at most one day apart, or both have no date and the same
  known **location** (same GeoNames id, else the same name and country).

An event matching several clusters merges them all into the one with the
smallest id, so the clusters are the connected components of the match
relation and do not depend on the order articles were added in (their ids do).
Two events of one article never match each other, but both may join a cluster
through a third article.

A merged event reports: the code, label, actors and evidence of its first
report; the best date (day precision before month, year, ...; then the
earliest); the first known location; ``corroboration``, the number of distinct
articles, and ``outlets``, the number of distinct named outlets; and one status
by :data:`~communique.store.schema.STATUS_ORDER`: if any report is
``confirmed`` the event is confirmed, else ``denied`` beats ``reported``, which
beats ``unconfirmed``, ``planned`` and ``hypothetical``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import Article, Attribution, Doc, Event, Location, Span
from .schema import migrate

__all__ = ["SYMMETRIC", "Store"]

#: CAMEO families whose source and target may be swapped when matching reports.
SYMMETRIC: frozenset[str] = frozenset({"036", "040", "041", "043", "044", "046", "057"})

_ONE_DAY = dt.timedelta(days=1)


class Store:
    """Analysed articles and their merged events in a DuckDB database.

    ``Store(conn)`` uses a connection the caller owns (and closes); the schema
    is created or upgraded on construction.  :meth:`open` and :meth:`memory`
    make a connection the store owns, which :meth:`close` closes.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, *, owned: bool = False) -> None:
        self.conn = conn
        self._owned = owned
        migrate(conn)

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (creating if need be) the store in the DuckDB file at ``path``."""
        path = Path(path)
        if not path.parent.is_dir():
            raise StoreError(f"{path}: folder {path.parent} does not exist; create it first")
        try:
            conn = duckdb.connect(str(path))
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store: {exc}") from exc
        try:
            return cls(conn, owned=True)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def memory(cls) -> Store:
        """A new, empty store held in memory."""
        return cls(duckdb.connect(":memory:"), owned=True)

    def close(self) -> None:
        """Close the connection if the store opened it; a connection passed in is left to its owner."""
        if self._owned:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    # writing -------------------------------------------------------------------------------------

    def add(self, doc: Doc) -> bool:
        """Store one analysed article and everything found in it, all or nothing.

        Returns ``False``, storing nothing, when an article with the same id is
        already stored.  Events join or found clusters as the module docstring
        describes.  Any database failure rolls the whole article back and
        raises :class:`~communique.errors.StoreError`.
        """
        conn = self.conn
        try:
            conn.begin()
        except duckdb.Error as exc:
            raise StoreError(f"cannot start a transaction to add article {doc.article.id}: {exc}") from exc
        try:
            found = conn.execute("SELECT 1 FROM articles WHERE id = ?", [doc.article.id]).fetchone()
            if found:
                conn.rollback()
                return False
            self._insert(doc)
            conn.commit()
        except duckdb.Error as exc:
            _rollback(conn)
            raise StoreError(f"cannot store article {doc.article.id}: {exc}") from exc
        except BaseException:
            _rollback(conn)
            raise
        return True

    def add_all(self, docs: Iterable[Doc]) -> int:
        """Add each document in its own transaction; return how many were new."""
        return sum(1 for doc in docs if self.add(doc))

    def _insert(self, doc: Doc) -> None:
        conn = self.conn
        art = doc.article
        aid = art.id
        body, head = art.body, art.title_span
        conn.execute(
            "INSERT INTO articles (id, title, published, url, outlet, source_path, text, body_start, body_end, "
            "title_start, title_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, art.title, art.published, art.url, art.outlet, art.source_path, art.text,
             body.start if body else None, body.end if body else None,
             head.start if head else None, head.end if head else None],
        )
        if doc.actors:
            conn.executemany(
                "INSERT INTO actors (article_id, id, name, kind, code, country, sector, title, anonymous) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[aid, a.id, a.name, a.kind, a.code, a.country, a.sector, a.title, a.anonymous] for a in doc.actors],
            )
        if doc.quotes:
            conn.executemany(
                'INSERT INTO quotes (article_id, seq, start, "end", speaker, speaker_start, speaker_end, '
                "anonymous, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [
                        aid,
                        i,
                        q.span.start,
                        q.span.end,
                        q.speaker,
                        q.speaker_span.start if q.speaker_span else None,
                        q.speaker_span.end if q.speaker_span else None,
                        q.anonymous,
                        q.via,
                    ]
                    for i, q in enumerate(doc.quotes)
                ],
            )
        attributions: list[list[Any]] = [_attribution_row(aid, None, i, t) for i, t in enumerate(doc.attributions)]
        codes = {a.id: (a.code or a.country) for a in doc.actors}
        event_actors: list[list[Any]] = []
        for seq, event in enumerate(doc.events):
            uid = self._insert_event(aid, seq, event, codes)
            for role, ids in (("source", event.source), ("target", event.target)):
                event_actors.extend(
                    [uid, aid, actor_id, role, pos, codes.get(actor_id)] for pos, actor_id in enumerate(ids)
                )
            attributions.extend(_attribution_row(aid, uid, i, t) for i, t in enumerate(event.attribution))
        if event_actors:
            conn.executemany(
                "INSERT INTO event_actors (event_uid, article_id, actor_id, role, position, code) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                event_actors,
            )
        if attributions:
            conn.executemany(
                "INSERT INTO attributions (article_id, event_uid, seq, source, anonymous, kind, span_start, "
                "span_end, actor_id, cites) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                attributions,
            )

    def _insert_event(self, aid: str, seq: int, event: Event, codes: dict[str, str | None]) -> int:
        conn = self.conn
        row = conn.execute("SELECT nextval('event_uid')").fetchone()
        assert row is not None
        uid = int(row[0])
        family = event.cameo[:3]
        source_key = _side_key(event.source, codes)
        target_key = _side_key(event.target, codes)
        when = event.date.value if event.date else None
        place = event.location
        location_key = _location_key(place)
        clusters = self._matching_clusters(
            aid,
            family=family,
            source_key=source_key,
            target_key=target_key,
            negated=event.negated,
            when=when,
            location_key=location_key,
        )
        cluster_id = min(clusters) if clusters else uid
        others = [c for c in clusters if c != cluster_id]
        if others:
            marks = ", ".join("?" for _ in others)
            conn.execute(f"UPDATE events SET cluster_id = ? WHERE cluster_id IN ({marks})", [cluster_id, *others])
        date = event.date
        conn.execute(
            "INSERT INTO events (uid, article_id, id, seq, cameo, family, plover, label, goldstein, quad_class, "
            "status, negated, plover_mode, plover_context, date, date_precision, date_basis, location_name, "
            "location_country, lat, lon, geonames_id, location_key, evidence_sentence, evidence_start, "
            "evidence_end, trigger_start, trigger_end, source_key, target_key, cluster_id) "
            "VALUES (" + ", ".join("?" for _ in range(31)) + ")",
            [
                uid,
                aid,
                event.id,
                seq,
                event.cameo,
                family,
                event.plover,
                event.label,
                event.goldstein,
                event.quad_class,
                event.status,
                event.negated,
                event.plover_mode,
                event.plover_context,
                when,
                date.precision if date else None,
                date.basis if date else None,
                place.name if place else None,
                place.country if place else None,
                place.lat if place else None,
                place.lon if place else None,
                place.geonames_id if place else None,
                location_key,
                event.evidence.sentence,
                event.evidence.start,
                event.evidence.end,
                event.trigger.start,
                event.trigger.end,
                source_key,
                target_key,
                cluster_id,
            ],
        )
        return uid

    def _matching_clusters(
        self,
        aid: str,
        *,
        family: str,
        source_key: str | None,
        target_key: str | None,
        negated: bool,
        when: dt.date | None,
        location_key: str | None,
    ) -> list[int]:
        if not source_key or target_key is None:
            return []
        if when is None and location_key is None:
            return []
        sql = (
            "SELECT DISTINCT cluster_id FROM events WHERE article_id <> ? AND family = ? AND negated = ? "
            "AND ((source_key = ? AND target_key = ?)"
        )
        params: list[Any] = [aid, family, negated, source_key, target_key]
        if family in SYMMETRIC:
            sql += " OR (source_key = ? AND target_key = ?)"
            params += [target_key, source_key]
        sql += ")"
        if when is not None:
            sql += " AND date BETWEEN ? AND ?"
            params += [when - _ONE_DAY, when + _ONE_DAY]
        else:
            sql += " AND date IS NULL AND location_key = ?"
            params.append(location_key)
        return sorted(int(r[0]) for r in self.conn.execute(sql, params).fetchall())

    # reading -------------------------------------------------------------------------------------

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
            raise StoreError(f"cannot list the stored articles: {exc}") from exc

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, text included, or ``None``."""
        try:
            row = self.conn.execute(
                "SELECT id, text, title, published, url, outlet, source_path, body_start, body_end, title_start, "
                "title_end FROM articles WHERE id = ?",
                [article_id],
            ).fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read article {article_id}: {exc}") from exc
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
            raise StoreError(f"cannot count the store's contents: {exc}") from exc
        assert row is not None
        return dict(zip(("articles", "events", "clusters", "actors", "quotes"), (int(v) for v in row), strict=True))

    def _rows(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, list(params))
            names = [d[0] for d in cursor.description or ()]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"cannot query the store: {exc}") from exc


#: Statuses of events that did not (or not yet) happen: left out of counts and lists unless asked for.
NOT_HAPPENED: tuple[str, ...] = ("planned", "hypothetical", "denied")


def _side_key(actor_ids: list[str], codes: dict[str, str | None]) -> str | None:
    """The sorted, de-duplicated codes of one side of an event; ``None`` if an actor has no code."""
    keys = [codes.get(actor_id) for actor_id in actor_ids]
    if any(k is None for k in keys):
        return None
    return "|".join(sorted({k for k in keys if k is not None}))


def _location_key(place: Location | None) -> str | None:
    if place is None:
        return None
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    if place.name:
        return f"name:{place.name.casefold()}|{place.country or ''}"
    return None


def _actor_match(ea: str, ac: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching an event actor row by code prefix or by name, and its parameters."""
    return (
        f"(starts_with(upper({ea}.code), upper(?)) OR lower({ac}.name) = lower(?))",
        [value, value],
    )


def _attribution_row(aid: str, uid: int | None, seq: int, t: Attribution) -> list[Any]:
    return [
        aid,
        uid,
        seq,
        t.source,
        t.anonymous,
        t.kind,
        t.span.start if t.span else None,
        t.span.end if t.span else None,
        t.actor_id,
        t.cites,
    ]


def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
    try:
        conn.rollback()
    except duckdb.Error:
        pass
