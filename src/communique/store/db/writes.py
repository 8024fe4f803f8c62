"""Writing articles: :meth:`Store.put` and what it calls (story versions, the rows of every table appended
through Arrow, the merged-event tables refreshed in the same transaction)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Self

import duckdb

from ...errors import StoreError, one_line
from ...model import Article, Attribution, Doc, Event
from .. import merged, roles
from ..stories import (
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
from ..transactions import transaction
from .clusters import ClusterMixin, MergeKey, _location_key, _root_key, _side_key


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


class WriteMixin(ClusterMixin):
    """The writing half of :class:`~communique.store.db.Store`."""

    read_only: bool
    #: inside :meth:`put_many`: the rows of the tables it appends once per batch (table -> columns, rows)
    _pending: dict[str, tuple[Sequence[str], list[list[Any]]]] | None = None
    _merged_deferred = 0  # > 0 inside :meth:`deferred_merged`: put() leaves the merged tables to one refresh
    #: inside :meth:`put_many`: replaced articles whose rows in the batched tables are deleted once, at its end
    _gone: list[str] | None = None
    #: inside :meth:`put_many`: the ids stored as articles or story versions (before the batch, and by it so far)
    _stored_ids: set[str] | None = None
    #: inside :meth:`put_many`: does ``actor_roles`` hold any row (``False``: no stored role can fill an actor)
    _roles_known: bool | None = None

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
        with transaction(conn, f"cannot store article {art.id}",
                         begin_failure=f"cannot start a transaction to add article {art.id}") as tx:
            result = self._put_one(doc)
            if result.status == "skipped":
                tx.rollback()
                return result
            if result.status == "superseded":
                return result  # only listed among the story's versions: no report written
            merged.changed(conn, ())  # a new store generation: reports were added (and removed), none changed
            if not self._merged_deferred:
                merged.refresh(conn)  # the merged-event tables follow the reports, in the same transaction
        return result

    def put_many(self, docs: Sequence[Doc]) -> list[AddResult]:
        """Store analysed articles as :meth:`put` does one after another, in one transaction: the same rows,
        the same statuses (in ``docs`` order), the same store generation.  Faster: the rows of ``actors``,
        ``quotes``, ``mentions``, ``event_actors`` and ``attributions`` (which no later article's storing
        reads) are appended once per table for the whole batch, not once per article, and the batch pays one
        commit.  ``articles`` and ``events`` rows are written article by article, since the next article's
        story and event matching read them; each article's ``added`` is the transaction's start plus its
        position in microseconds, so ``added`` orders them as separate transactions would.

        All or nothing: when any article fails, nothing of the batch is stored and
        :class:`~communique.errors.StoreError` is raised (store them one by one with :meth:`put` to keep the
        others)."""
        if not docs:
            return []
        if self.read_only:
            raise StoreError(f"cannot add {len(docs)} articles: the store was opened read-only")
        conn = self.conn
        first = docs[0].article.id
        with transaction(conn, f"cannot store the batch of {len(docs)} articles from {first}",
                         begin_failure=f"cannot start a transaction to add {len(docs)} articles") as tx:
            self._pending = {}
            self._gone = []
            # which articles are stored already: one lookup for the batch; those this batch stores (articles or
            # versions) are added as it goes, so a repeat later in the batch is skipped as put() would skip it
            self._stored_ids = set(self.known(sorted({d.article.id for d in docs})))
            self._roles_known = roles.any_roles(conn)
            try:
                results = [self._put_one(doc, position=i) for i, doc in enumerate(docs)]
                self._flush()
                self._delete_gone()
            finally:
                self._pending = None
                self._gone = None
                self._stored_ids = None
                self._roles_known = None
            writes = sum(1 for r in results if r.status in ("added", "replaced"))
            if not writes and not any(r.status == "superseded" for r in results):
                tx.rollback()
                return results
            if writes:
                merged.changed(conn, (), writes=writes)  # one generation per article stored, as put() counts
                if not self._merged_deferred:
                    merged.refresh(conn)
        return results

    def _put_one(self, doc: Doc, *, position: int | None = None) -> AddResult:
        """The body of :meth:`put` inside the caller's transaction (``position``: the article's place in a
        :meth:`put_many` batch)."""
        conn = self.conn
        art = doc.article
        if self._stored_ids is not None:  # in put_many: the batch's one lookup, and what it stored so far
            if art.id in self._stored_ids:
                return AddResult("skipped")
            self._stored_ids.add(art.id)  # stored as an article or listed as a version (or failing the batch)
        # fetchall, not fetchone: a result left unread keeps DuckDB's connection busy, and the batch's Arrow
        # appends (``register``) then fail when a skipped article ends the batch
        elif conn.execute("SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM story_versions "
                          "WHERE article_id = ? LIMIT 1", [art.id, art.id]).fetchall():
            return AddResult("skipped")
        fingerprint = simhash(art.text)
        original = self._story_of(art, fingerprint)
        result = AddResult("added")
        if original is not None:
            old, reason = original
            old_id, old_published = old.id, old.published
            newer = art.published is None or old_published is None or art.published >= old_published
            if not newer:
                self._record_version(art.id, old_id, reason, art)
                return AddResult("superseded", f"{_where(art)}: an older version ({reason}) of stored article "
                                               f"{old_id}; linked to it, nothing else stored")
            self._replace(old, art.id, reason)
            result = AddResult("replaced", f"{_where(art)}: a newer version ({reason}) of stored article "
                                           f"{old_id}, which it replaces")
        if self._roles_known is not False:  # no stored role: nothing to fill (put_many knows; put() asks)
            roles.complete_doc(conn, doc)  # what earlier news taught fills what this article left open
        self._insert(doc, fingerprint=fingerprint, story=story_url(art.url), position=position)
        if roles.record_doc(conn, doc) and self._roles_known is not None:
            self._roles_known = True
        return result

    @contextlib.contextmanager
    def deferred_merged(self) -> Iterator[Self]:
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
        with transaction(self.conn, "cannot refresh the merged-event tables"):
            done = merged.refresh(self.conn)
        return done

    def _story_of(self, art: Article, fingerprint: int) -> tuple[Article, str] | None:
        """(the stored article, reason) that ``art`` is a version of, if any."""
        key = story_url(art.url)
        if key is not None:
            for row in self.conn.execute(
                f"SELECT {_STORED} FROM articles WHERE story_url = ? ORDER BY added, id", [key]
            ).fetchall():
                if word_overlap(art.text, row[1]) >= SAME_URL_OVERLAP:
                    return _stored(row), "same URL"
        mine = shingles(art.text)
        if len(mine) < MIN_SHINGLES:
            return None
        candidates = self.conn.execute(
            f"SELECT {_STORED} FROM articles WHERE simhash IS NOT NULL "
            "AND bit_count(xor(simhash, ?)) <= ? ORDER BY added, id", [fingerprint, SIMHASH_BITS]
        ).fetchall()
        for row in candidates:
            if jaccard(mine, shingles(row[1])) >= NEAR_IDENTICAL:
                return _stored(row), "near-identical text"
        return None

    def _record_version(self, article_id: str, story_id: str, reason: str, art: Article) -> None:
        self.conn.execute(
            "INSERT INTO story_versions (article_id, story_id, reason, title, published, url, outlet, source_path) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, story_id, reason, art.title, art.published, art.url, art.outlet, art.source_path],
        )

    def _replace(self, old: Article, new_id: str, reason: str) -> None:
        """Move stored article ``old`` to ``story_versions`` under ``new_id``, dropping what was found in it.

        Inside :meth:`put_many` its rows in the batched tables (which no later article's storing reads) are
        dropped from the batch's pending rows when this batch stored it, else deleted once for the batch at its
        end (:meth:`_delete_gone`); its ``events`` and ``articles`` rows go at once, since the next article's
        story and event matching read them."""
        conn = self.conn
        old_id = old.id
        if self._pending is not None and self._gone is not None:
            for columns, rows in self._pending.values():
                at = list(columns).index("article_id")
                rows[:] = [r for r in rows if r[at] != old_id]
            self._gone.append(old_id)
            tables: tuple[str, ...] = ("events", "articles")
        else:
            tables = (*_BATCHED, "events", "articles")
        for table in tables:
            conn.execute(f"DELETE FROM {table} WHERE {'id' if table == 'articles' else 'article_id'} = ?", [old_id])
        conn.execute("UPDATE story_versions SET story_id = ? WHERE story_id = ?", [new_id, old_id])
        self._record_version(old_id, new_id, reason, old)

    def _delete_gone(self) -> None:
        """Delete the rows of the articles :meth:`put_many`'s batch replaced from the batched tables, one
        statement per table."""
        if not self._gone:
            return
        gone, self._gone = sorted(set(self._gone)), []
        for table in _BATCHED:
            self.conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [gone])

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

    def _insert(self, doc: Doc, *, fingerprint: int | None = None, story: str | None = None,
                position: int | None = None) -> None:
        """Write one analysed article: one statement per table (rows appended through Arrow; inside
        :meth:`put_many` kept for the batch's one statement per table), the article's events matched against
        the stored ones in one query (:meth:`_match_events`).  ``position``: the article's place in a batch,
        added in microseconds to ``added`` (the transaction's start, shared by the batch)."""
        conn = self.conn
        art = doc.article
        aid = art.id
        body, head = art.body, art.title_span
        added = "DEFAULT" if position is None else "CAST(current_timestamp AS TIMESTAMP) + to_microseconds(?)"
        conn.execute(
            "INSERT INTO articles (id, title, published, url, outlet, source_path, text, body_start, body_end, "
            f"title_start, title_end, simhash, story_url, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            f"{added})",
            [aid, art.title, art.published, art.url, art.outlet, art.source_path, art.text,
             body.start if body else None, body.end if body else None,
             head.start if head else None, head.end if head else None, fingerprint, story,
             *(() if position is None else (position,))],
        )
        self._append("actors", ("article_id", "id", "name", "kind", "code", "country", "sector", "title", "anonymous"),
                     [[aid, a.id, a.name, a.kind, a.code, a.country, a.sector, a.title, a.anonymous]
                      for a in doc.actors])
        self._append("quotes", ("article_id", "seq", "start", "end", "speaker", "speaker_start", "speaker_end",
                                "anonymous", "via", "reported_by", "reported_by_start", "reported_by_end"),
                     [[aid, i, q.span.start, q.span.end, q.speaker,
                       q.speaker_span.start if q.speaker_span else None,
                       q.speaker_span.end if q.speaker_span else None, q.anonymous, q.via, q.reported_by,
                       q.reported_by_span.start if q.reported_by_span else None,
                       q.reported_by_span.end if q.reported_by_span else None]
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
        if self._pending is not None and table in _BATCHED:
            kept = self._pending.setdefault(table, (columns, []))
            assert tuple(kept[0]) == tuple(columns)
            kept[1].extend(rows)
            return
        self._write(table, columns, rows)

    def _flush(self) -> None:
        """Write the rows :meth:`put_many` kept so far, one statement per table."""
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        for table in _BATCHED:
            if table in pending:
                self._write(table, *pending[table])

    def _write(self, table: str, columns: Sequence[str], rows: list[list[Any]]) -> None:
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


#: the ``articles`` columns :meth:`Store._story_of` reads of a stored article (:func:`_stored` makes it whole)
_STORED = "id, text, title, published, url, outlet, source_path"


def _stored(row: Sequence[Any]) -> Article:
    return Article(id=row[0], text=row[1], title=row[2], published=row[3], url=row[4], outlet=row[5],
                   source_path=row[6])


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


#: the tables :meth:`Store.put_many` appends once per batch: no later article's storing reads them (a replaced
#: article's rows are written out before they are deleted), and each is appended to by this path alone; with
#: ``events`` and ``articles``, every table a replaced story's rows are deleted from (one list for both)
_BATCHED: tuple[str, ...] = ("actors", "quotes", "mentions", "event_actors", "attributions")

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
