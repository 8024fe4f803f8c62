"""Results of the costly queries (networks, dyad time series) kept per store generation.

A result is kept under the store file, its generation (:func:`communique.store.merged.generation`, which every
write transaction advances) and the call's arguments, so it is returned again only while the store holds the
same reports; a write makes every entry of the file stale.  In-memory stores are not cached.  At most
:data:`MAX_ENTRIES` results are kept, the least recently used dropped first; :func:`configure` changes the bound
(0 turns the cache off, as ``communique serve`` does: it keeps the JSON of its answers instead).

Callers get their own copy of a kept result (its lists and dicts copied one level down), never the kept one.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import duckdb

from ..store import merged as merged_tables

__all__ = ["MAX_ENTRIES", "clear", "configure", "kept"]

#: Results kept at most (a one-year country network of a million reports is about 2 MB of Python objects).
MAX_ENTRIES = 16

_LOCK = threading.Lock()
_ENTRIES: OrderedDict[tuple[Any, Hashable], Any] = OrderedDict()
_limit = [MAX_ENTRIES]

T = TypeVar("T")


def configure(max_entries: int) -> None:
    """Keep at most ``max_entries`` results (0: none) and drop what exceeds it."""
    if max_entries < 0:
        raise ValueError(f"max_entries {max_entries} must not be negative")
    with _LOCK:
        _limit[0] = max_entries
        while len(_ENTRIES) > max_entries:
            _ENTRIES.popitem(last=False)


def clear() -> None:
    """Drop every kept result."""
    with _LOCK:
        _ENTRIES.clear()


def _store_key(conn: duckdb.DuckDBPyConnection) -> tuple[tuple[str, int, int], int] | None:
    """((file, inode, change time), generation) of the store behind ``conn``; ``None`` for an in-memory store.
    The inode and change time tell a file written anew at the same path from the one a result came from."""
    rows = conn.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    path = rows[0][0] if rows else None
    if not path:
        return None
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (str(path), st.st_ino, st.st_ctime_ns), merged_tables.generation(conn)


def kept(conn: duckdb.DuckDBPyConnection, key: Hashable, compute: Callable[[], T], copy: Callable[[T], T]) -> T:
    """``copy`` of the result kept for ``key`` at the store's current generation, else ``compute()`` (kept, and
    returned as a copy too).  The generation is read before the query runs, so a kept result is never older
    than its key."""
    if not _limit[0]:
        return compute()
    try:
        store = _store_key(conn)
    except duckdb.Error:
        store = None
    if store is None:
        return compute()
    full = (store, key)
    with _LOCK:
        if full in _ENTRIES:
            _ENTRIES.move_to_end(full)
            return copy(_ENTRIES[full])
    result = compute()
    with _LOCK:
        _ENTRIES[full] = result
        _ENTRIES.move_to_end(full)
        stale = [k for k in _ENTRIES if k[0][0] == store[0] and k[0][1] != store[1]]
        for k in stale:
            del _ENTRIES[k]
        while len(_ENTRIES) > _limit[0]:
            _ENTRIES.popitem(last=False)
    return copy(result)
