"""Opening a store file: the header check, the writer-first retry while another process holds the file, and
the rollback that never raises."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from ...errors import NotAStore, StoreBusy
from ..transactions import _rollback as _rollback

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
