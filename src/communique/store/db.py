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
by :func:`~communique.store.schema.resolved_status_sql` (the one rule every
reader uses): the latest report that says ``confirmed`` or ``denied`` (by its
article's publication date, then the time it was stored) settles it; without
one, the best by :data:`~communique.store.schema.STATUS_ORDER`: ``reported``
beats ``unconfirmed``, ``planned`` and ``hypothetical``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from ..errors import NotAStore, SchemaVersionError, StoreBusy, StoreError, one_line
from ..model import Article, Attribution, Doc, Event, Location, Span
from . import merged, roles
from .schema import SCHEMA_VERSION, migrate, schema_version
from .stories import (
    MIN_SHINGLES,
    NEAR_IDENTICAL,
    SAME_URL_OVERLAP,
    SIMHASH_BITS,
    jaccard,
    shingles,
    simhash,
    story_url,
    word_overlap,
)

__all__ = ["ON_OR_BEFORE_WINDOW", "SYMMETRIC", "SYMMETRIC_ROOTS", "AddResult", "MergeKey", "Store", "same_event"]

#: CAMEO families whose source and target may be swapped when matching reports.
SYMMETRIC: frozenset[str] = frozenset({"036", "040", "041", "043", "044", "046", "057"})

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class AddResult:
    """What :meth:`Store.put` did: ``status`` is added, replaced, superseded or skipped; ``note`` one line
    saying which stored story a version was linked to.  True when the article's findings were stored."""

    status: str
    note: str | None = None

    def __bool__(self) -> bool:
        return self.status in ("added", "replaced")


def _where(art: Article) -> str:
    return art.source_path or art.id

#: Seconds :meth:`Store.open` keeps retrying while another process holds the file.
DEFAULT_WAIT = 30.0
_DUCKDB_MAGIC = b"DUCK"


def _check_header(path: Path) -> None:
    """Refuse a file that exists but is not a DuckDB database (DuckDB's header has ``DUCK`` at byte 8)."""
    try:
        with path.open("rb") as f:
            head = f.read(12)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise NotAStore(str(path), exc.strerror or str(exc)) from None
    if not head:
        raise NotAStore(str(path), "the file is empty")
    if len(head) < 12 or head[8:12] != _DUCKDB_MAGIC:
        raise NotAStore(str(path), "not a DuckDB file")


def _is_lock_conflict(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("conflicting" in text or "could not set" in text)


def _intent(path: Path) -> Path:
    return path.with_name(path.name + ".writer-waiting")


def _writer_waiting(path: Path) -> bool:
    """Is another live process waiting to write ``path``?  (A stale note of a dead writer is removed.)"""
    note = _intent(path)
    try:
        pid = int(note.read_text().strip() or 0)
    except (OSError, ValueError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        note.unlink(missing_ok=True)
        return False
    except PermissionError:
        pass
    return True


def _connect(path: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A connection to ``path``, retrying for up to ``wait`` seconds while another process holds the file.

    Writers go first: a writer that finds the file held leaves a note (``<file>.writer-waiting`` with its
    pid) until it gets in, and readers do not start while a live writer waits, so a stream of short
    readers cannot starve an ingest."""
    import random
    import time

    start = time.monotonic()
    pause = 0.02
    noted = False
    try:
        while True:
            if not (read_only and _writer_waiting(path)):
                try:
                    return duckdb.connect(str(path), read_only=read_only)
                except duckdb.Error as exc:
                    if not _is_lock_conflict(exc):
                        raise NotAStore(str(path), str(exc)) from None
                if not read_only and not noted:
                    _intent(path).write_text(str(os.getpid()))
                    noted = True
            waited = time.monotonic() - start
            if waited >= wait:
                raise StoreBusy(str(path), waited) from None
            time.sleep(min(pause * (0.5 + random.random()), max(0.0, wait - waited)))
            pause = min(pause * 2, 0.25 if read_only else 0.05)
    finally:
        if noted:
            _intent(path).unlink(missing_ok=True)


class Store:
    """Analysed articles and their merged events in a DuckDB database.

    ``Store(conn)`` uses a connection the caller owns (and closes); the schema
    is created or upgraded on construction.  :meth:`open` and :meth:`memory`
    make a connection the store owns, which :meth:`close` closes.
    """

    _merged_deferred = 0  # > 0 inside :meth:`deferred_merged`: put() leaves the merged tables to one refresh

    def __init__(self, conn: duckdb.DuckDBPyConnection, *, owned: bool = False) -> None:
        self.conn = conn
        self._owned = owned
        self.read_only = False
        before = schema_version(conn)
        after = migrate(conn)
        if 0 < before < after:  # an upgraded store: its derived merged-event tables are recomputed once
            self._refresh_merged()

    def _refresh_merged(self) -> None:
        try:
            self.conn.begin()
            merged.refresh(self.conn)
            self.conn.commit()
        except duckdb.Error as exc:
            _rollback(self.conn)
            raise StoreError(f"cannot recompute the merged-event tables: {one_line(exc)}") from exc

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, wait: float = DEFAULT_WAIT) -> Store:
        """Open the store in the DuckDB file at ``path`` (created when missing, unless ``read_only``).

        Concurrency (see :mod:`communique.store` and the README): DuckDB lets one process write a file,
        or several read it.  ``read_only=True`` opens a reader, which shares the file with other readers;
        a writer holds it alone.  When another process holds the file, opening retries with growing
        pauses for up to ``wait`` seconds, then raises :class:`~communique.errors.StoreBusy`.  A path
        that is a folder, a text file or a damaged store raises :class:`~communique.errors.NotAStore`;
        a reader of a missing file raises :class:`~communique.errors.StoreError`.
        """
        path = Path(path)
        if path.is_dir():
            raise NotAStore(str(path), "it is a folder")
        if not path.parent.is_dir():
            raise StoreError(f"{path}: folder {path.parent} does not exist; create it first")
        if read_only and not path.exists():
            raise StoreError(f"{path}: no such database; run `communique ingest` first")
        _check_header(path)
        conn = _connect(path, read_only=read_only, wait=wait)
        try:
            if read_only:
                found = schema_version(conn)
                if found < SCHEMA_VERSION:
                    # an older store: upgrade it once with a short write connection, then read
                    conn.close()
                    cls.open(path, wait=wait).close()
                    conn = _connect(path, read_only=True, wait=wait)
                elif found > SCHEMA_VERSION:
                    raise SchemaVersionError(found, SCHEMA_VERSION)
                store = cls.__new__(cls)
                store.conn, store._owned, store.read_only = conn, True, True
                return store
            return cls(conn, owned=True)
        except duckdb.Error as exc:
            conn.close()
            raise NotAStore(str(path), str(exc)) from None
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
        already stored, or when it is an older version of a stored story (see
        :meth:`put`, which says which).  Events join or found clusters as the
        module docstring describes.  Any database failure rolls the whole
        article back and raises :class:`~communique.errors.StoreError`.
        """
        return bool(self.put(doc))

    def put(self, doc: Doc) -> AddResult:
        """Store one analysed article like :meth:`add`, linking versions of one story
        (:mod:`communique.store.stories`): a newer version of a stored story replaces it (status
        ``replaced``), an older one is only listed in ``story_versions`` (``superseded``); else
        ``added``, or ``skipped`` when the article is already stored.  All or nothing; raises
        :class:`~communique.errors.StoreError`."""
        conn = self.conn
        art = doc.article
        if self.read_only:
            raise StoreError(f"cannot add article {art.id}: the store was opened read-only")
        try:
            conn.begin()
        except duckdb.Error as exc:
            raise StoreError(f"cannot start a transaction to add article {art.id}: {one_line(exc)}") from exc
        try:
            found = conn.execute("SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM story_versions "
                                 "WHERE article_id = ?", [art.id, art.id]).fetchone()
            if found:
                conn.rollback()
                return AddResult("skipped")
            fingerprint = simhash(art.text)
            original = self._story_of(art, fingerprint)
            result = AddResult("added")
            if original is not None:
                old_id, old_published, reason = original
                newer = art.published is None or old_published is None or art.published >= old_published
                if not newer:
                    self._record_version(art.id, old_id, reason, art)
                    conn.commit()
                    return AddResult("superseded", f"{_where(art)}: an older version ({reason}) of stored article "
                                                   f"{old_id}; linked to it, nothing else stored")
                self._replace(old_id, art.id, reason)
                result = AddResult("replaced", f"{_where(art)}: a newer version ({reason}) of stored article "
                                               f"{old_id}, which it replaces")
            roles.complete_doc(conn, doc)  # what earlier news taught fills what this article left open
            self._insert(doc, fingerprint=fingerprint, story=story_url(art.url))
            roles.record_doc(conn, doc)
            if not self._merged_deferred:
                merged.refresh(conn)  # the merged-event tables follow the reports, in the same transaction
            conn.commit()
        except duckdb.Error as exc:
            _rollback(conn)
            raise StoreError(f"cannot store article {art.id}: {one_line(exc)}") from exc
        except BaseException:
            _rollback(conn)
            raise
        return result

    @contextlib.contextmanager
    def deferred_merged(self) -> Iterator[Store]:
        """Within this block :meth:`put` writes reports without refreshing the merged-event tables; they are
        brought up to date once, in one transaction, when the block ends (also when it raises).  For writing
        many articles at once: one refresh of a batch costs about what one article's did.  Meanwhile the
        tables are stale, which readers detect (:func:`communique.store.merged.fresh`) and answer from the
        reports instead (same values, slower).  Nests; raises :class:`~communique.errors.StoreError`."""
        self._merged_deferred += 1
        try:
            yield self
        finally:
            self._merged_deferred -= 1
            if not self._merged_deferred:
                self.refresh_merged()

    def refresh_merged(self) -> str:
        """Bring the merged-event tables up to date with the stored reports in one transaction; return what
        :func:`communique.store.merged.refresh` did.  Raises :class:`~communique.errors.StoreError`."""
        conn = self.conn
        try:
            conn.begin()
            done = merged.refresh(conn)
            conn.commit()
        except duckdb.Error as exc:
            _rollback(conn)
            raise StoreError(f"cannot refresh the merged-event tables: {one_line(exc)}") from exc
        except BaseException:
            _rollback(conn)
            raise
        return done

    def _story_of(self, art: Article, fingerprint: int) -> tuple[str, dt.date | None, str] | None:
        """(id, published, reason) of the stored article ``art`` is a version of, if any."""
        key = story_url(art.url)
        if key is not None:
            for old_id, old_published, old_text in self.conn.execute(
                "SELECT id, published, text FROM articles WHERE story_url = ? ORDER BY added, id", [key]
            ).fetchall():
                if word_overlap(art.text, old_text) >= SAME_URL_OVERLAP:
                    return old_id, old_published, "same URL"
        if len(shingles(art.text)) < MIN_SHINGLES:
            return None
        candidates = self.conn.execute(
            "SELECT id, published, text FROM articles WHERE simhash IS NOT NULL "
            "AND bit_count(xor(simhash, ?)) <= ? ORDER BY added, id", [fingerprint, SIMHASH_BITS]
        ).fetchall()
        if candidates:
            mine = shingles(art.text)
            for old_id, old_published, old_text in candidates:
                if jaccard(mine, shingles(old_text)) >= NEAR_IDENTICAL:
                    return old_id, old_published, "near-identical text"
        return None

    def _record_version(self, article_id: str, story_id: str, reason: str, art: Article) -> None:
        self.conn.execute(
            "INSERT INTO story_versions (article_id, story_id, reason, title, published, url, outlet, source_path) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, story_id, reason, art.title, art.published, art.url, art.outlet, art.source_path],
        )

    def _replace(self, old_id: str, new_id: str, reason: str) -> None:
        """Move stored article ``old_id`` to ``story_versions`` under ``new_id``, dropping what was found in it."""
        conn = self.conn
        row = conn.execute("SELECT id, text, title, published, url, outlet, source_path FROM articles WHERE id = ?",
                           [old_id]).fetchone()
        assert row is not None
        old = Article(id=row[0], text=row[1], title=row[2], published=row[3], url=row[4], outlet=row[5],
                      source_path=row[6])
        for table in ("attributions", "event_actors", "events", "actors", "quotes", "articles"):
            conn.execute(f"DELETE FROM {table} WHERE {'id' if table == 'articles' else 'article_id'} = ?", [old_id])
        conn.execute("UPDATE story_versions SET story_id = ? WHERE story_id = ?", [new_id, old_id])
        self._record_version(old_id, new_id, reason, old)

    def known(self, ids: Sequence[str]) -> dict[str, dt.date | None]:
        """Of ``ids``, those already stored (as articles or as versions of a stored story), with the
        ``published`` date they were stored with."""
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        try:
            rows = self.conn.execute(
                f"SELECT id, published FROM articles WHERE id IN ({marks}) UNION ALL "
                f"SELECT article_id, published FROM story_versions WHERE article_id IN ({marks})",
                [*ids, *ids],
            ).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"cannot look up stored articles: {one_line(exc)}") from exc
        return {str(r[0]): r[1] for r in rows}

    def add_all(self, docs: Iterable[Doc]) -> int:
        """Add each document in its own transaction; return how many were new."""
        return sum(1 for doc in docs if self.add(doc))

    def _insert(self, doc: Doc, *, fingerprint: int | None = None, story: str | None = None) -> None:
        """Write one analysed article: one statement per table (rows appended through Arrow), the article's
        events matched against the stored ones in one query (:meth:`_match_events`)."""
        conn = self.conn
        art = doc.article
        aid = art.id
        body, head = art.body, art.title_span
        conn.execute(
            "INSERT INTO articles (id, title, published, url, outlet, source_path, text, body_start, body_end, "
            "title_start, title_end, simhash, story_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, art.title, art.published, art.url, art.outlet, art.source_path, art.text,
             body.start if body else None, body.end if body else None,
             head.start if head else None, head.end if head else None, fingerprint, story],
        )
        self._append("actors", ("article_id", "id", "name", "kind", "code", "country", "sector", "title", "anonymous"),
                     [[aid, a.id, a.name, a.kind, a.code, a.country, a.sector, a.title, a.anonymous]
                      for a in doc.actors])
        self._append("quotes", ("article_id", "seq", "start", "end", "speaker", "speaker_start", "speaker_end",
                                "anonymous", "via"),
                     [[aid, i, q.span.start, q.span.end, q.speaker,
                       q.speaker_span.start if q.speaker_span else None,
                       q.speaker_span.end if q.speaker_span else None, q.anonymous, q.via]
                      for i, q in enumerate(doc.quotes)])
        self._append("mentions", ("article_id", "seq", "start", "end", "label", "actor_id"),
                     [[aid, i, m.span.start, m.span.end, m.label, m.actor_id] for i, m in enumerate(doc.mentions)])
        attributions: list[list[Any]] = [_attribution_row(aid, None, i, t) for i, t in enumerate(doc.attributions)]
        codes = {a.id: (a.code or a.country) for a in doc.actors}
        event_actors: list[list[Any]] = []
        events = self._event_rows(aid, doc.events, codes)
        for row, event in zip(events, doc.events, strict=True):
            uid = row[0]
            for role, ids in (("source", event.source), ("target", event.target)):
                event_actors.extend(
                    [uid, aid, actor_id, role, pos, codes.get(actor_id)] for pos, actor_id in enumerate(ids)
                )
            attributions.extend(_attribution_row(aid, uid, i, t) for i, t in enumerate(event.attribution))
        self._append("events", _EVENT_COLUMNS, events)
        self._append("event_actors", ("event_uid", "article_id", "actor_id", "role", "position", "code"),
                     event_actors)
        self._append("attributions", ("article_id", "event_uid", "seq", "source", "anonymous", "kind", "span_start",
                                      "span_end", "actor_id", "cites"), attributions)

    def _append(self, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
        """Append ``rows`` (values in ``columns`` order) to ``table`` in one statement: the rows become an
        Arrow table typed like the store's columns and DuckDB inserts it whole (``executemany`` ran one
        statement per row, the larger part of the store's time)."""
        if not rows:
            return
        import pyarrow as pa

        types = self._arrow_types(table)
        columns_of_rows = zip(*rows, strict=True)
        arrays = [pa.array(values, type=types[name]) for name, values in zip(columns, columns_of_rows, strict=True)]
        batch = pa.Table.from_arrays(arrays, names=list(columns))
        name = f"_communique_append_{table}"
        quoted = ", ".join(f'"{c}"' for c in columns)
        self.conn.register(name, batch)
        try:
            self.conn.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {name}")
        finally:
            self.conn.unregister(name)

    def _arrow_types(self, table: str) -> dict[str, Any]:
        """The Arrow type of each column of ``table`` (from DuckDB's own description, read once per store)."""
        cache: dict[str, dict[str, Any]] = self.__dict__.setdefault("_types", {})
        if table not in cache:
            cache[table] = {str(r[0]): _arrow_type(str(r[1]))
                            for r in self.conn.execute(f"DESCRIBE {table}").fetchall()}
        return cache[table]

    def _event_rows(self, aid: str, events: Sequence[Event], codes: dict[str, str | None]) -> list[list[Any]]:
        """The ``events`` rows (in :data:`_EVENT_COLUMNS` order) of one article's events, with their uids (the
        sequence's next values, in order) and clusters; stored clusters the events bridge are merged here."""
        if not events:
            return []
        conn = self.conn
        uids = sorted(int(r[0]) for r in conn.execute("SELECT nextval('event_uid') FROM range(?)",
                                                      [len(events)]).fetchall())
        keys: list[MergeKey] = []
        for event in events:
            place = event.location
            keys.append(MergeKey(
                root=event.cameo[:2], source_root=_root_key(event.source, codes),
                target_root=_root_key(event.target, codes), negated=event.negated,
                date=event.date.value if event.date else None,
                precision=event.date.precision if event.date else None, location_key=_location_key(place),
                country=place.country if place else None, family=event.cameo[:3]))
        clusters = self._match_events(aid, uids, keys)
        rows: list[list[Any]] = []
        for seq, (uid, event, key, cluster_id) in enumerate(zip(uids, events, keys, clusters, strict=True)):
            date, place = event.date, event.location
            rows.append([
                uid, aid, event.id, seq, event.cameo, key.family, event.plover, event.label, event.goldstein,
                event.quad_class, event.status, event.negated, event.plover_mode, event.plover_context,
                key.date, date.precision if date else None, date.basis if date else None,
                place.name if place else None, place.country if place else None,
                place.lat if place else None, place.lon if place else None,
                place.geonames_id if place else None, key.location_key,
                event.evidence.sentence, event.evidence.start, event.evidence.end,
                event.trigger.start, event.trigger.end,
                _side_key(event.source, codes), _side_key(event.target, codes), cluster_id,
                key.root, key.source_root, key.target_root,
            ])
        return rows

    def _match_events(self, aid: str, uids: list[int], keys: list[MergeKey]) -> list[int]:
        """The cluster of each new event (``uids[i]`` with merge key ``keys[i]``, in the article's order).

        One query fetches every stored report, from another article, in a block one of the events could
        match (same root and negation, same source and target roots, or swapped for symmetric codes); the
        events are then matched in order exactly as adding them one at a time would: an event joins every
        cluster holding a report of the same event (:func:`same_event`), those clusters merge into the one
        with the smallest id, and a later event of the article sees the merged ids.  The stored reports of
        merged clusters are relabelled with one UPDATE."""
        blocks: set[tuple[str, bool, str, str]] = set()
        for k in keys:
            if _matchable(k):
                assert k.source_root is not None and k.target_root is not None
                blocks.add((k.root, k.negated, k.source_root, k.target_root))
                if k.symmetric:
                    blocks.add((k.root, k.negated, k.target_root, k.source_root))
        stored: dict[tuple[str, bool, str, str], list[tuple[int, MergeKey]]] = {}
        if blocks:
            import pyarrow as pa

            wanted = pa.table({"root": [b[0] for b in blocks], "negated": [b[1] for b in blocks],
                               "source_root": [b[2] for b in blocks], "target_root": [b[3] for b in blocks]})
            self.conn.register("_communique_blocks", wanted)
            try:
                rows = self.conn.execute(
                    "SELECT e.uid, e.article_id, e.cluster_id, e.root, e.source_root, e.target_root, e.negated, "
                    "e.date, e.date_precision, e.location_key, e.location_country, e.family FROM events e "
                    "JOIN _communique_blocks b ON e.root = b.root AND e.negated = b.negated "
                    "AND e.source_root = b.source_root AND e.target_root = b.target_root "
                    "WHERE e.article_id <> ? ORDER BY e.uid", [aid]).fetchall()
            finally:
                self.conn.unregister("_communique_blocks")
            for r in rows:
                k = _key_of(r)
                stored.setdefault((k.root, k.negated, k.source_root, k.target_root), []).append(  # type: ignore[arg-type]
                    (int(r[2]), k))
        joined: dict[int, int] = {}  # stored cluster id -> the cluster it was merged into

        def find(c: int) -> int:
            while c in joined:
                c = joined[c]
            return c

        out: list[int] = []
        for uid, k in zip(uids, keys, strict=True):
            found: set[int] = set()
            if _matchable(k):
                assert k.source_root is not None and k.target_root is not None
                sides = {(k.source_root, k.target_root)}
                if k.symmetric:
                    sides.add((k.target_root, k.source_root))
                for s, t in sides:
                    found.update(find(c) for c, other in stored.get((k.root, k.negated, s, t), ())
                                 if same_event(k, other))
            cluster_id = min(found) if found else uid
            for c in found:
                if c != cluster_id:
                    joined[c] = cluster_id
            out.append(cluster_id)
        if joined:
            moves = [[c, find(c)] for c in sorted(joined)]
            import pyarrow as pa

            self.conn.register("_communique_moves", pa.table({"old": pa.array([m[0] for m in moves], pa.int64()),
                                                              "new": pa.array([m[1] for m in moves], pa.int64())}))
            try:
                self.conn.execute("UPDATE events SET cluster_id = m.new FROM _communique_moves m "
                                  "WHERE events.cluster_id = m.old")
            finally:
                self.conn.unregister("_communique_moves")
        return [find(c) for c in out]

    def rebuild_clusters(self) -> int:
        """Recompute every event's cluster from the stored reports alone (the merge is a view of them: no
        report is changed or lost); return the number of merged events.  The result is the one adding the
        articles in any order gives: the connected components of :func:`same_event` across articles."""
        conn = self.conn
        try:
            rows = conn.execute(
                "SELECT uid, article_id, cluster_id, root, source_root, target_root, negated, date, "
                "date_precision, location_key, location_country, family FROM events ORDER BY uid").fetchall()
            parent = {int(r[0]): int(r[0]) for r in rows}

            def find(x: int) -> int:
                while parent[x] != x:
                    parent[x] = parent[parent[x]]
                    x = parent[x]
                return x

            blocks: dict[tuple[Any, ...], list[tuple[int, str, MergeKey]]] = {}
            for r in rows:
                k = _key_of(r)
                if not k.source_root or k.target_root is None:
                    continue
                sides = (k.source_root, k.target_root)
                if k.symmetric:
                    sides = tuple(sorted(sides))  # type: ignore[assignment]
                blocks.setdefault((k.root, k.negated, sides), []).append((int(r[0]), str(r[1]), k))
            for members in blocks.values():
                for i, (u1, a1, k1) in enumerate(members):
                    for u2, a2, k2 in members[i + 1 :]:
                        if a1 != a2 and same_event(k1, k2):
                            r1, r2 = find(u1), find(u2)
                            if r1 != r2:
                                parent[max(r1, r2)] = min(r1, r2)
            conn.begin()
            conn.executemany("UPDATE events SET cluster_id = ? WHERE uid = ?",
                             [[find(u), u] for u in parent])
            merged.refresh(conn)
            conn.commit()
        except duckdb.Error as exc:
            _rollback(conn)
            raise StoreError(f"cannot rebuild the merged events: {exc}") from exc
        return len({find(u) for u in parent})

    def reports(self, cluster_id: int) -> list[dict[str, Any]]:
        """Every report of one merged event, oldest article first: ``cluster_id, uid, article_id, outlet,
        published, url, event_id, cameo, label, status, date, date_precision, location, country,
        evidence_start, evidence_end, evidence, attribution`` (offsets are characters into the article's
        text; ``attribution``: the report's sources joined by ``; ``)."""
        return self._rows("SELECT * FROM reports WHERE cluster_id = ? ORDER BY published NULLS LAST, uid",
                          [cluster_id])

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


#: CAMEO roots whose source and target may be swapped when matching reports: consult ("A met B", "B met A",
#: "A visited B", "B hosted A" are one meeting); the families in :data:`SYMMETRIC` likewise.
SYMMETRIC_ROOTS: frozenset[str] = frozenset({"04"})

#: how far apart two reported dates may lie and still be one event: a day either way for two dates of day
#: precision (time zones, "overnight"); a week before an ``on_or_before`` date ("earlier this week"); the same
#: month or year for dates known only to the month or year.
ON_OR_BEFORE_WINDOW = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class MergeKey:
    """What decides whether two reports are of one event (see :func:`same_event`)."""

    root: str
    source_root: str | None
    target_root: str | None
    negated: bool
    date: dt.date | None
    precision: str | None
    location_key: str | None
    country: str | None
    family: str = ""

    @property
    def symmetric(self) -> bool:
        return self.root in SYMMETRIC_ROOTS or self.family in SYMMETRIC


def _key_of(r: Sequence[Any]) -> MergeKey:
    return MergeKey(root=r[3], source_root=r[4], target_root=r[5], negated=bool(r[6]), date=r[7], precision=r[8],
                    location_key=r[9], country=r[10], family=r[11])


def _dates_compatible(a: MergeKey, b: MergeKey) -> bool:
    if a.date is None or b.date is None:
        return False
    pa, pb = a.precision or "day", b.precision or "day"
    if pa == "day" and pb == "day":
        return abs((a.date - b.date).days) <= 1
    if "year" in (pa, pb):
        return a.date.year == b.date.year
    if "month" in (pa, pb):
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    # an on_or_before date X holds any date in [X - 7 days, X + 1 day]
    for x, y, px in ((a, b, pa), (b, a, pb)):
        if px == "on_or_before":
            assert x.date is not None and y.date is not None
            if x.date - ON_OR_BEFORE_WINDOW <= y.date <= x.date + _ONE_DAY:
                return True
    return False


def same_event(a: MergeKey, b: MergeKey) -> bool:
    """Are two reports (of different articles) of one event?  Same CAMEO root, same negation, the same
    country-level actors on each side (either way round for :data:`SYMMETRIC_ROOTS`), compatible dates
    (:data:`ON_OR_BEFORE_WINDOW` and the module docstring), or both undated at the same place; and never two
    different known countries of the event's place."""
    if a.root != b.root or a.negated != b.negated or not a.source_root or not b.source_root:
        return False
    straight = a.source_root == b.source_root and a.target_root == b.target_root
    swapped = a.symmetric and a.source_root == b.target_root and a.target_root == b.source_root
    if not (straight or swapped) or a.target_root is None or b.target_root is None:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.date is None and b.date is None:
        return a.location_key is not None and a.location_key == b.location_key
    return _dates_compatible(a, b)


def _root_key(actor_ids: list[str], codes: dict[str, str | None]) -> str | None:
    """The sorted distinct country parts (first three letters) of one side's actor codes; ``None`` if an actor
    has no code, ``""`` for an empty side."""
    keys = [codes.get(actor_id) for actor_id in actor_ids]
    if any(k is None for k in keys):
        return None
    return "|".join(sorted({k[:3] for k in keys if k}))


def _matchable(k: MergeKey) -> bool:
    """Can a report with this key match another at all (a source, a target side, and a date or a place)?"""
    return bool(k.source_root) and k.target_root is not None and (k.date is not None or k.location_key is not None)


#: the ``events`` columns :meth:`Store._event_rows` fills, in its order
_EVENT_COLUMNS: tuple[str, ...] = (
    "uid", "article_id", "id", "seq", "cameo", "family", "plover", "label", "goldstein", "quad_class", "status",
    "negated", "plover_mode", "plover_context", "date", "date_precision", "date_basis", "location_name",
    "location_country", "lat", "lon", "geonames_id", "location_key", "evidence_sentence", "evidence_start",
    "evidence_end", "trigger_start", "trigger_end", "source_key", "target_key", "cluster_id", "root", "source_root",
    "target_root")

_ARROW_TYPES = {"VARCHAR": "string", "INTEGER": "int32", "BIGINT": "int64", "DOUBLE": "float64",
                "BOOLEAN": "bool_", "DATE": "date32", "SMALLINT": "int16", "FLOAT": "float32"}


def _arrow_type(duck: str) -> Any:
    """The Arrow type holding a DuckDB column type's values (TIMESTAMP as microseconds; anything else a string)."""
    import pyarrow as pa

    if duck.startswith("TIMESTAMP"):
        return pa.timestamp("us")
    return getattr(pa, _ARROW_TYPES.get(duck, "string"))()
