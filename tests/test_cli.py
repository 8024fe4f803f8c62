"""The command line, in-process: analyse, ingest (idempotent), query; bad input named and survived."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app

ARTICLE = """Kenya and Ethiopia Agree to Reopen Border Crossing

Kenyan Foreign Minister Amina Wanjiru met Ethiopian Foreign Minister Dawit Bekele in Nairobi on Monday to discuss \
the reopening of the Moyale border crossing.

Bekele praised Kenya for its patience, the Kenyan Foreign Ministry said in a statement on Tuesday.
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    p = tmp_path / "kenya.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_analyze_json(runner: CliRunner, article: Path, pipeline: object) -> None:
    res = runner.invoke(app, ["analyze", str(article), "--published", "2024-04-10"])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["document"]["title"] == "Kenya and Ethiopia Agree to Reopen Border Crossing"
    assert d["document"]["published"] == "2024-04-10"
    actors = {a["id"]: (a["name"], a["code"]) for a in d["actors"]}
    events = [(e["cameo"], [actors[i] for i in e["source"]], [actors[i] for i in e["target"]], e["date"]["value"],
               e["location"]["name"] if e["location"] else None) for e in d["events"]]
    assert events == [
        ("040", [("Amina Wanjiru", "KENGOV")], [("Dawit Bekele", "ETHGOV")], "2024-04-08", "Nairobi"),
        ("051", [("Dawit Bekele", "ETHGOV")], [("Kenya", "KEN")], "2024-04-09", "Nairobi"),
    ]


def test_analyze_table(runner: CliRunner, article: Path, pipeline: object) -> None:
    res = runner.invoke(app, ["analyze", str(article), "--published", "2024-04-10", "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "Amina Wanjiru" in res.stdout and "Events" in res.stdout and "KENGOV" in res.stdout


def test_bad_inputs_named_others_kept(runner: CliRunner, article: Path, tmp_path: Path, pipeline: object) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks resumed".encode("latin-1"))
    args = ["analyze", str(article), str(tmp_path / "missing.txt"), str(tmp_path / "empty.txt"),
            str(tmp_path / "bin.txt"), str(tmp_path / "latin.txt"), "--published", "2024-04-10"]
    res = runner.invoke(app, args)
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("communique:")]
    assert errors == [
        f"communique: {tmp_path / 'missing.txt'}: no such file or folder",
        f"communique: {tmp_path / 'empty.txt'}: empty: no article text to analyse",
        f"communique: {tmp_path / 'bin.txt'}: binary file, not text: give a .txt, .html, .jsonl, .rss or .xml article",
        f"communique: {tmp_path / 'latin.txt'}: not valid UTF-8 (bad byte at offset 3); re-save the file as UTF-8",
    ]
    assert json.loads(res.stdout)["document"]["title"] == "Kenya and Ethiopia Agree to Reopen Border Crossing"


def test_nothing_readable_exits_2(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["analyze", str(tmp_path / "missing.txt")])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"communique: {tmp_path / 'missing.txt'}: no such file or folder"


def test_bad_date(runner: CliRunner, article: Path) -> None:
    res = runner.invoke(app, ["analyze", str(article), "--published", "17/11/2025"])
    assert res.exit_code == 2
    assert res.stderr.strip() == "communique: --published: cannot parse date '17/11/2025'; use YYYY-MM-DD"


def test_ingest_is_idempotent_and_events_query(runner: CliRunner, article: Path, tmp_path: Path,
                                               pipeline: object) -> None:
    db = tmp_path / "c.duckdb"
    first = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--published", "2024-04-10"])
    assert first.exit_code == 0, first.output
    assert "ingested 1 article(s), 0 already stored, 0 error(s)" in first.stderr
    again = runner.invoke(app, ["ingest", str(article), "--db", str(db), "--published", "2024-04-10"])
    assert "ingested 0 article(s), 1 already stored, 0 error(s)" in again.stderr
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "json"])
    rows = json.loads(res.stdout)
    assert [(r["cameo"], r["source"], r["target"], r["date"], r["corroboration"]) for r in rows] == [
        ("040", "KENGOV", "ETHGOV", "2024-04-08", 1), ("051", "ETHGOV", "KEN", "2024-04-09", 1)]
    res = runner.invoke(app, ["events", "--db", str(db), "--actor", "ETH", "--cameo", "05", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(res.stdout)))
    assert [(r["cameo"], r["source"], r["target"]) for r in table] == [("051", "ETHGOV", "KEN")]
    res = runner.invoke(app, ["events", "--db", str(db), "--dyad", "ETH", "KEN", "--since", "2024-04-09",
                              "--format", "json"])
    assert [r["cameo"] for r in json.loads(res.stdout)] == ["051"]
    res = runner.invoke(app, ["events", "--db", str(db)])
    assert res.exit_code == 0 and "Events (2)" in res.stdout


def test_events_without_db(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 2
    assert "no such database" in res.stderr


def test_one_event_many_reports(runner: CliRunner, tmp_path: Path, pipeline: object) -> None:
    wire = tmp_path / "wire.jsonl"
    records = [
        {"title": "Ghana and Togo Leaders Meet", "outlet": "Coast Wire", "published": "2024-08-07",
         "text": "Ghanaian President Kofi Mensah met Togolese President Yao Agbeko in Lome on Tuesday to discuss "
                 "border security."},
        {"title": "Mensah in Lome for Security Talks", "outlet": "Sahel Daily", "published": "2024-08-07",
         "text": "Togolese President Yao Agbeko met Ghanaian President Kofi Mensah in Lome on Tuesday, officials "
                 "said, as the two neighbours tighten border controls."},
        {"title": "Benin Recalls Envoy", "outlet": "Coast Wire", "published": "2024-08-08",
         "text": "Benin recalled its ambassador from Niamey on Wednesday."},
    ]
    wire.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    res = runner.invoke(app, ["ingest", str(wire), "--db", str(db)])
    assert "ingested 3 article(s)" in res.stderr
    rows = json.loads(runner.invoke(app, ["events", "--db", str(db), "--format", "json"]).stdout)
    assert [(r["cameo"], r["date"], r["location"], r["corroboration"], r["outlets"]) for r in rows] == [
        ("040", "2024-08-06", "Lomé", 2, 2), ("161", "2024-08-07", None, 1, 1)]


def test_knowledge_file_option(runner: CliRunner, tmp_path: Path, pipeline: object) -> None:
    art = tmp_path / "a.txt"
    art.write_text("Wanjiru met Bekele in Nairobi on Monday.", encoding="utf-8")
    kb = tmp_path / "people.tsv"
    kb.write_text("# name\taliases\tcountry\tsector\tkind\tfrom\tto\nAmina Wanjiru\tWanjiru\tKEN\tGOV\tperson\t"
                  "2020-01-01\t\nDawit Bekele\tBekele\tETH\tGOV\tperson\t2020-01-01\t\n", encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["analyze", str(art), "--published", "2024-04-10"]).stdout)
    known = json.loads(runner.invoke(app, ["analyze", str(art), "--published", "2024-04-10", "--kb", str(kb)]).stdout)
    # the small model does not see "Wanjiru" as a name: the unknown subject is a party with no country, no more;
    # the knowledge file gives both their full names and countries
    assert [(a["name"], a["code"]) for a in plain["actors"]] == [("Wanjiru", None), ("Bekele", None)]
    assert [(a["name"], a["code"]) for a in known["actors"]] == [("Amina Wanjiru", "KENGOV"),
                                                                ("Dawit Bekele", "ETHGOV")]
    assert [(e["cameo"], e["source"], e["target"]) for e in known["events"]] == [("040", ["a1"], ["a2"])]
    res = runner.invoke(app, ["analyze", str(art), "--kb", str(tmp_path / "none.tsv")])
    assert res.exit_code == 2 and "no such knowledge file" in res.stderr


def test_events_leave_out_what_did_not_happen(runner: CliRunner, tmp_path: Path, pipeline: object) -> None:
    src = tmp_path / "georgia.txt"
    src.write_text("Russian forces did not attack any Georgian positions, the ministry said. Should Washington "
                   "impose new sanctions, Tehran would suspend talks with the IAEA, Foreign Minister Abbas "
                   "Araghchi said.\n", encoding="utf-8")
    db = tmp_path / "c.duckdb"
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db), "--published", "2025-06-14"]).exit_code == 0
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "json"])
    assert [(r["cameo"], r["source"], r["target"], r["status"], r["negated"]) for r in json.loads(res.stdout)] == [
        ("134", "IRNGOV", "USAGOV", "reported", False)]  # the threat was made; nothing else happened (capitals
    # standing for their states are the governments, CAMEO's convention)
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "json", "--all-statuses"])
    assert sorted((r["cameo"], r["status"], r["negated"]) for r in json.loads(res.stdout)) == [
        ("134", "reported", False), ("163", "hypothetical", False), ("164", "hypothetical", False),
        ("190", "reported", True)]
