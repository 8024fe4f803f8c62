"""The whole store as month-partitioned Parquet: export, import into an empty store, same answers."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from communique import analysis as an
from communique.cli import app
from communique.errors import ImportConflict
from communique.store import Store
from communique.store.parquet import dump, load, store_tables

sys.path.insert(0, str(Path(__file__).parents[1]))
from synthetic import build, docs  # noqa: E402


def table_rows(conn: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    return sorted(conn.execute(f"SELECT * EXCLUDE (added) FROM {table}" if table == "articles"
                               else f"SELECT * FROM {table}").fetchall(), key=repr)


def test_round_trip(tmp_path: Path) -> None:
    with Store.memory() as s:
        build(s)
        counts = dump(s.conn, tmp_path / "dump")
        assert counts["events"] == 7 and counts["articles"] == 3 and counts["mentions"] > 0
        months = sorted(p.name for p in (tmp_path / "dump" / "events").iterdir())
        assert months == ["month=2025-01", "month=2025-02", "month=2025-03"]
        with Store.memory() as t:
            assert load(t.conn, tmp_path / "dump") == counts
            for table in store_tables(s.conn):
                assert table_rows(t.conn, table) == table_rows(s.conn, table), table
            assert an.event_rows(t.conn) == an.event_rows(s.conn)
            assert an.network(t.conn) == an.network(s.conn)
            # new reports still merge with loaded events, and new ids do not collide
            again = docs()[1]
            again.article = dataclasses.replace(again.article, id="a4")
            t.add(again)
            visit = an.event_rows(t.conn, an.EventFilter(min_corroboration=2))
            assert [r["articles"] for r in visit] == [["a1", "a2", "a4"]]


def test_readable_as_is(tmp_path: Path) -> None:
    with Store.memory() as s:
        build(s)
        dump(s.conn, tmp_path / "d")
    df = pd.read_parquet(tmp_path / "d" / "events")
    assert len(df) == 7 and sorted(df.cameo.unique()) == ["042", "057", "112", "190", "195"]
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM read_parquet('{tmp_path}/d/events/**/*.parquet', hive_partitioning=true) "
                    "WHERE month = '2025-02'").fetchone()
    assert n == (3,)
    assert json.loads((tmp_path / "d" / "manifest.json").read_text())["format"] == "communique-parquet"


def test_refusals(tmp_path: Path) -> None:
    with Store.memory() as s:
        build(s)
        dump(s.conn, tmp_path / "d")
        with pytest.raises(ImportConflict, match="already holds data"):
            load(s.conn, tmp_path / "d")
        with pytest.raises(ImportConflict, match="not a communique Parquet export"):
            load(s.conn, tmp_path)


def test_cli_dump_and_load(example_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["dump", "--db", str(example_db), "--out", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["load", str(tmp_path / "d"), "--db", str(tmp_path / "copy.duckdb")])
    assert result.exit_code == 0, result.output
    with Store.open(example_db) as a, Store.open(tmp_path / "copy.duckdb") as b:
        assert b.events() == a.events()
    again = runner.invoke(app, ["dump", "--db", str(example_db), "--out", str(tmp_path / "d")])
    assert again.exit_code == 2 and "must be missing or empty" in again.output
