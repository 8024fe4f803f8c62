"""The whole store as Parquet files partitioned by month, and back.

:func:`dump` writes every table of the store (not the ``schema_version`` and ``status_rank``
bookkeeping, nor the merged-event tables of :mod:`communique.store.merged`, which :func:`load`
rebuilds) under ``OUT/<table>/`` as Hive-partitioned Parquet, ``month=YYYY-MM`` (or
``month=undated``), plus ``OUT/manifest.json`` (schema version, row counts).  The month is

* ``events``: the event's date;
* tables keyed by an event (``event_actors``, ``attributions`` of an event): that event's date;
* ``articles`` and the other tables keyed by an article (``actors``, ``quotes``, ``mentions``, an
  article's own ``attributions``): the article's publication date;
* a table with neither is written unpartitioned (``month=all``).

The files read as they are with DuckDB (``read_parquet('OUT/events/**/*.parquet',
hive_partitioning=true)``), pandas/pyarrow (``pandas.read_parquet('OUT/events')``), Dask
(``dask.dataframe.read_parquet``) or Spark (``spark.read.parquet``).

:func:`load` reads such a folder into an **empty** store of the same schema version and sets the
event id sequence past the largest id, so new articles keep merging with the loaded events.

Errors: :class:`~communique.errors.ImportConflict` when the store is not empty or the folder is
not a dump of this schema version; :class:`~communique.errors.StoreError` for database failures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from ..errors import ExportError, ImportConflict, StoreError
from . import merged, rollups
from .schema import schema_version
from .transactions import transaction

__all__ = ["dump", "load", "store_tables"]

#: Bookkeeping, and the merged-event tables (derived from the reports; rebuilt after a load).
_SKIP = frozenset({"schema_version", "status_rank", "merged", "merged_actors", "merged_members", "merged_state",
                   "store_generation", "merged_dirty",
                   "merged_pairs", "merged_dyads", *rollups.TABLES})


def store_tables(conn: duckdb.DuckDBPyConnection) -> list[str]:
    """The data tables of the store (base tables, sorted), without the bookkeeping ones."""
    rows = conn.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_schema = current_schema() ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows if r[0] not in _SKIP]


def _columns(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema() "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def _month_sql(table: str, columns: list[str]) -> str:
    month_of = "coalesce(strftime({}, '%Y-%m'), 'undated')"
    if table == "events":
        return f"SELECT t.*, {month_of.format('t.date')} AS month FROM events t"
    if "event_uid" in columns and "article_id" in columns:
        return (
            f"SELECT t.*, CASE WHEN t.event_uid IS NULL THEN {month_of.format('a.published')} "
            f"ELSE {month_of.format('e.date')} END AS month FROM {table} t "
            "LEFT JOIN events e ON e.uid = t.event_uid LEFT JOIN articles a ON a.id = t.article_id"
        )
    if "event_uid" in columns:
        return (
            f"SELECT t.*, {month_of.format('e.date')} AS month FROM {table} t "
            "LEFT JOIN events e ON e.uid = t.event_uid"
        )
    if table == "articles":
        return f"SELECT t.*, {month_of.format('t.published')} AS month FROM articles t"
    if "article_id" in columns:
        return (
            f"SELECT t.*, {month_of.format('a.published')} AS month FROM {table} t "
            "LEFT JOIN articles a ON a.id = t.article_id"
        )
    return f"SELECT t.*, 'all' AS month FROM {table} t"


def dump(conn: duckdb.DuckDBPyConnection, out: str | Path) -> dict[str, int]:
    """Write the whole store under the folder ``out`` (created; must be empty or missing); return row counts."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(str(out), "the folder must be missing or empty")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(str(out), exc.strerror or str(exc)) from exc
    counts: dict[str, int] = {}
    try:
        for table in store_tables(conn):
            columns = _columns(conn, table)
            target = out / table
            sql = _month_sql(table, columns)
            path = str(target).replace("'", "''")
            conn.execute(f"COPY ({sql} ORDER BY month) TO '{path}' (FORMAT parquet, PARTITION_BY (month))")
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
    except duckdb.Error as exc:
        raise StoreError(f"cannot export the store to {out}: {exc}") from exc
    manifest = {"format": "communique-parquet", "schema_version": schema_version(conn), "tables": counts}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    return counts


def load(conn: duckdb.DuckDBPyConnection, folder: str | Path) -> dict[str, int]:
    """Read a :func:`dump` folder into the empty store behind ``conn``; return row counts per table."""
    folder = Path(folder)
    manifest_path = folder / "manifest.json"
    try:
        manifest: dict[str, Any] = json.loads(manifest_path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        problem = f"not a communique Parquet export (no readable manifest.json: {exc})"
        raise ImportConflict(str(folder), problem) from exc
    version = schema_version(conn)
    if manifest.get("format") != "communique-parquet" or manifest.get("schema_version") != version:
        raise ImportConflict(
            str(folder), f"export of schema version {manifest.get('schema_version')}, the store is at {version}"
        )
    tables = store_tables(conn)
    nonempty = [t for t in tables if (conn.execute(f"SELECT count(*) FROM {t}").fetchone() or (0,))[0]]
    if nonempty:
        raise ImportConflict(str(folder), f"the store already holds data (table {nonempty[0]}); load into a new store")
    counts: dict[str, int] = {}
    with transaction(conn, f"cannot import {folder}"):
        for table in tables:
            if table not in manifest.get("tables", {}):
                continue
            files = sorted((folder / table).glob("**/*.parquet"))
            if not files:
                counts[table] = 0
                continue
            columns = ", ".join(f'"{c}"' for c in _columns(conn, table))
            pattern = str(folder / table / "**" / "*.parquet").replace("'", "''")
            conn.execute(
                f"INSERT INTO {table} ({columns}) SELECT {columns} "
                f"FROM read_parquet('{pattern}', hive_partitioning=true)"
            )
            row = conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        top = conn.execute("SELECT coalesce(max(uid), 0) FROM events").fetchone()
        start = int(top[0]) + 1 if top else 1
        conn.execute("DROP SEQUENCE IF EXISTS event_uid")
        conn.execute(f"CREATE SEQUENCE event_uid START {start}")
        merged.changed(conn)
        merged.rebuild(conn)
    return counts
