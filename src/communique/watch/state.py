"""The watcher's memory, kept in the store (tables ``watch_sources`` and ``watch_seen``, schema v3).

Because it lives in the same DuckDB file as the events, a restarted watcher knows every source's HTTP
validators (ETag, Last-Modified) and every article URL it has seen, and an article is stored and its URL
marked seen in one place. An item is marked seen only once it is settled: stored, a duplicate (its content
hash, the article id, is already stored), or failed for good (a 4xx, robots.txt, no text). A time-out or a
5xx leaves it unseen, so the next poll tries again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

#: outcomes recorded in ``watch_seen.outcome``
OUTCOMES = ("stored", "duplicate", "failed")


@dataclass
class Validators:
    etag: str | None = None
    last_modified: str | None = None


class WatchState:
    """Reads and writes the watch tables through ``conn`` (a DuckDB connection of a migrated store)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def validators(self, url: str) -> Validators:
        row = self.conn.execute("SELECT etag, last_modified FROM watch_sources WHERE url = ?", [url]).fetchone()
        return Validators(*row) if row else Validators()

    def polled(self, url: str, *, status: int | None, validators: Validators | None = None,
               error: str | None = None, stored: int = 0) -> None:
        """Record one poll of source ``url``: HTTP ``status`` (None when no answer), new validators (kept
        when ``None``), the one-line ``error`` if any, and how many articles it brought into the store."""
        v = validators or self.validators(url)
        self.conn.execute(
            "INSERT INTO watch_sources (url, etag, last_modified, last_polled, last_status, last_error, polls, stored) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
            "last_modified = excluded.last_modified, last_polled = excluded.last_polled, "
            "last_status = excluded.last_status, last_error = excluded.last_error, "
            "polls = watch_sources.polls + 1, stored = watch_sources.stored + excluded.stored",
            [url, v.etag, v.last_modified, dt.datetime.now(dt.UTC).replace(tzinfo=None), status, error, stored])

    def seen(self, urls: list[str]) -> set[str]:
        """Which of ``urls`` (canonical) are settled already."""
        if not urls:
            return set()
        rows = self.conn.execute("SELECT url FROM watch_seen WHERE url IN (SELECT unnest(?))", [urls]).fetchall()
        return {r[0] for r in rows}

    def mark(self, url: str, *, outcome: str, article_id: str | None = None, reason: str | None = None,
             source: str | None = None) -> None:
        """Record one settled URL (see :meth:`mark_many`)."""
        self.mark_many([(url, outcome, article_id, reason, source)])

    def mark_many(self, rows: list[tuple[str, str, str | None, str | None, str | None]]) -> None:
        """Record settled URLs in one statement: ``(url, outcome, article_id, reason, source)`` each, outcome one
        of :data:`OUTCOMES`. A URL recorded before keeps its first record."""
        if not rows:
            return
        bad = [r[1] for r in rows if r[1] not in OUTCOMES]
        if bad:
            raise ValueError(f"unknown outcome {bad[0]!r}")
        cols = list(zip(*rows, strict=True))
        self.conn.execute(
            "INSERT INTO watch_seen (url, outcome, article_id, reason, source) "
            "SELECT DISTINCT ON (u) u, o, a, r, s FROM (SELECT unnest(?) AS u, unnest(?) AS o, unnest(?) AS a, "
            "unnest(?) AS r, unnest(?) AS s) ON CONFLICT (url) DO NOTHING",
            [list(c) for c in cols])

    def stored_ids(self, ids: list[str]) -> set[str]:
        """Which article ids (content hashes) are already in the store."""
        if not ids:
            return set()
        rows = self.conn.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in rows}

    def sources(self) -> list[dict[str, Any]]:
        """Every source polled so far, as dicts (``url, etag, last_modified, last_polled, last_status,
        last_error, polls, stored``)."""
        cur = self.conn.execute("SELECT * FROM watch_sources ORDER BY url")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
