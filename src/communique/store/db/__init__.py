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

The package: :mod:`.connection` (opening a file), :mod:`.writes` (:meth:`Store.put` and the rows it writes),
:mod:`.clusters` (the merge rules above), :mod:`.reads` (merged events, reports, articles); every name is
importable from ``communique.store.db`` as before.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

import duckdb

from ...errors import NotAStore, SchemaVersionError, StoreError
from .. import merged
from ..schema import SCHEMA_VERSION, migrate, schema_version
from ..transactions import transaction
from .clusters import _ONE_DAY as _ONE_DAY
from .clusters import ON_OR_BEFORE_WINDOW, SYMMETRIC, SYMMETRIC_ROOTS, MergeKey, same_event
from .clusters import _dates_compatible as _dates_compatible
from .clusters import _key_of as _key_of
from .clusters import _location_key as _location_key
from .clusters import _matchable as _matchable
from .clusters import _root_key as _root_key
from .clusters import _side_key as _side_key
from .connection import _DUCKDB_MAGIC as _DUCKDB_MAGIC
from .connection import DEFAULT_WAIT as DEFAULT_WAIT
from .connection import _check_header, _connect
from .connection import _intent as _intent
from .connection import _is_lock_conflict as _is_lock_conflict
from .connection import _rollback as _rollback
from .connection import _writer_waiting as _writer_waiting
from .reads import NOT_HAPPENED as NOT_HAPPENED
from .reads import ReadMixin
from .reads import _actor_match as _actor_match
from .writes import _ARROW_TYPES as _ARROW_TYPES
from .writes import _EVENT_COLUMNS as _EVENT_COLUMNS
from .writes import AddResult, WriteMixin
from .writes import _arrow_type as _arrow_type
from .writes import _attribution_row as _attribution_row
from .writes import _where as _where

__all__ = ["ON_OR_BEFORE_WINDOW", "SYMMETRIC", "SYMMETRIC_ROOTS", "AddResult", "MergeKey", "Store", "same_event"]


class Store(WriteMixin, ReadMixin):
    """Analysed articles and their merged events in a DuckDB database.

    ``Store(conn)`` uses a connection the caller owns (and closes); the schema
    is created or upgraded on construction.  :meth:`open` and :meth:`memory`
    make a connection the store owns, which :meth:`close` closes.
    """

    def __init__(self, conn: duckdb.DuckDBPyConnection, *, owned: bool = False) -> None:
        self.conn = conn
        self._owned = owned
        self.read_only = False
        before = schema_version(conn)
        after = migrate(conn)
        if 0 < before < after:  # an upgraded store: its derived merged-event tables are recomputed once
            self._refresh_merged()

    def _refresh_merged(self) -> None:
        with transaction(self.conn, "cannot recompute the merged-event tables"):
            merged.refresh(self.conn)

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


