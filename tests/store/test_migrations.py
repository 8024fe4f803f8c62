"""Migrations from the first released schema (version 1) to the current one keep every row and answer queries."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from communique import analysis as an
from communique.store import SCHEMA_VERSION, Store, schema_version
from communique.store.schema import MIGRATIONS

sys.path.insert(0, str(Path(__file__).parents[1]))
from synthetic import docs  # noqa: E402


def _v1_store(path: Path) -> None:
    """A store written by a communique that knew only schema version 1, with one article in it."""
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TIMESTAMP NOT NULL "
                 "DEFAULT current_timestamp)")
    for statement in MIGRATIONS[0][1]:
        conn.execute(statement)
    conn.execute("INSERT INTO schema_version (version) VALUES (1)")
    conn.execute("INSERT INTO articles (id, title, published, outlet, text) VALUES "
                 "('old1', 'Old story', DATE '2024-05-01', 'Old Wire', 'Russia visited Syria.')")
    conn.execute("INSERT INTO actors VALUES ('old1', 'r', 'Russia', 'country', 'RUS', 'RUS', NULL, NULL, false), "
                 "('old1', 's', 'Syria', 'country', 'SYR', 'SYR', NULL, NULL, false)")
    conn.execute(
        "INSERT INTO events (uid, article_id, id, seq, cameo, family, plover, label, goldstein, quad_class, status, "
        "negated, date, date_precision, date_basis, evidence_sentence, evidence_start, evidence_end, trigger_start, "
        "trigger_end, source_key, target_key, cluster_id) VALUES (nextval('event_uid'), 'old1', 'e1', 0, '042', "
        "'042', 'CONSULT', 'Make a visit', 1.9, 1, 'reported', false, DATE '2024-04-30', 'day', 'test', 0, 0, 21, "
        "7, 14, 'RUS', 'SYR', 1)"
    )
    conn.execute("INSERT INTO event_actors VALUES (1, 'old1', 'r', 'source', 0, 'RUS'), "
                 "(1, 'old1', 's', 'target', 0, 'SYR')")
    conn.close()


def test_upgrade_from_version_1(tmp_path: Path) -> None:
    path = tmp_path / "v1.duckdb"
    _v1_store(path)
    with Store.open(path) as store:
        assert schema_version(store.conn) == SCHEMA_VERSION
        versions = [r[0] for r in store.conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
        assert versions == list(range(1, SCHEMA_VERSION + 1))
        rows = an.event_rows(store.conn)
        assert [(r["cameo"], r["source"], r["target"], r["evidence"], r["outlets"]) for r in rows] == [
            ("042", "RUS", "SYR", "Russia visited Syria.", 1)]
        assert store.events()[0]["evidence"] == "Russia visited Syria."
        detail = an.event_detail(store.conn, rows[0]["cluster_id"])
        assert detail["reports"][0]["mentions"] == []  # version 1 stored no mentions
        store.add(docs()[0])
        assert store.count()["articles"] == 2
        assert store.conn.execute("SELECT count(*) FROM mentions").fetchone()[0] > 0
        new_uids = store.conn.execute("SELECT min(uid) FROM events WHERE article_id = 'a1'").fetchone()[0]
        assert new_uids == 2
    with Store.open(path) as again:  # opening an upgraded store changes nothing
        assert schema_version(again.conn) == SCHEMA_VERSION and again.count()["events"] == 3


def _v11_store(path: Path) -> None:
    """A store written by a communique that knew schema versions 1 to 11, with one quote in it."""
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TIMESTAMP NOT NULL "
                 "DEFAULT current_timestamp)")
    for version, statements in MIGRATIONS:
        if version > 11:
            break
        for statement in statements:
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    conn.execute("INSERT INTO articles (id, title, published, outlet, text) VALUES "
                 "('old1', 'Old story', DATE '2024-05-01', 'Old Wire', 'Ruiz said: \"No deal.\"')")
    conn.execute("INSERT INTO quotes VALUES ('old1', 0, 12, 20, 'r', 0, 4, false, NULL)")
    conn.close()


def test_quotes_reported_by_from_version_11(tmp_path: Path) -> None:
    # v13 adds who the reporter has a quote from: old quotes keep every column, with no outer source
    from communique.model import Actor, Article, Doc, Quote, Span

    path = tmp_path / "v11.duckdb"
    _v11_store(path)
    text = "Senator Ana Ruiz said Tomas Berg had called the merger \u201ca disaster waiting to happen.\u201d"
    quote = Quote(Span(56, 84), "a2", Span(22, 32), False, reported_by="a1", reported_by_span=Span(8, 16))
    doc = Doc(Article("new1", text, None, None, None, "New Wire", None),
              actors=[Actor("a1", "Ana Ruiz", "person"), Actor("a2", "Tomas Berg", "person")], quotes=[quote])
    with Store.open(path) as store:
        assert schema_version(store.conn) == SCHEMA_VERSION >= 13
        store.add(doc)
        rows = store.conn.execute(
            'SELECT article_id, start, "end", speaker, speaker_start, speaker_end, anonymous, via, reported_by, '
            "reported_by_start, reported_by_end FROM quotes ORDER BY article_id").fetchall()
    assert text[56:84] == "a disaster waiting to happen" and text[8:16] == "Ana Ruiz"
    assert rows == [("new1", 56, 84, "a2", 22, 32, False, None, "a1", 8, 16),
                    ("old1", 12, 20, "r", 0, 4, False, None, None, None, None)]
