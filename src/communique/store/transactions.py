"""One transaction of the store: begin, commit, and a rollback on any failure, with the failure re-raised as one
:class:`~communique.errors.StoreError` line (the store's writers, its migrations and the Parquet import use it)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import duckdb

from ..errors import StoreError, one_line

__all__ = ["Transaction", "transaction"]


class Transaction:
    """The open transaction of a :func:`transaction` block; :meth:`rollback` ends it early (the block then
    commits nothing)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection) -> None:
        self.conn = conn
        self.open = True

    def rollback(self) -> None:
        """Undo everything the block wrote so far; the block's end then commits nothing."""
        self.open = False
        _rollback(self.conn)


@contextlib.contextmanager
def transaction(conn: duckdb.DuckDBPyConnection, failure: str, *, begin_failure: str | None = None) -> Iterator[
    Transaction
]:
    """Run the block in one transaction on ``conn``: committed when the block ends (unless it called
    :meth:`Transaction.rollback`), rolled back when it raises.

    A ``duckdb.Error`` (from ``BEGIN``, the block or ``COMMIT``) becomes :class:`~communique.errors.StoreError`
    ``"{failure}: {the error on one line}"`` (``begin_failure`` instead of ``failure`` for ``BEGIN``, when
    given); any other exception is re-raised after the rollback."""
    try:
        conn.begin()
    except duckdb.Error as exc:
        raise StoreError(f"{begin_failure or failure}: {one_line(exc)}") from exc
    tx = Transaction(conn)
    try:
        yield tx
        if tx.open:
            tx.open = False
            conn.commit()
    except duckdb.Error as exc:
        _rollback(conn)
        raise StoreError(f"{failure}: {one_line(exc)}") from exc
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, if any (a failure to do so is not reported: there is nothing to undo)."""
    try:
        conn.rollback()
    except duckdb.Error:
        pass
