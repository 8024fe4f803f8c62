"""`communique events` arguments and --db targets: each bad one a one-line error, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.store import Store


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    p = tmp_path / "s.duckdb"
    Store.open(p).close()
    return p


@pytest.mark.parametrize(("args", "message"), [
    (["--limit", "-1"], "--limit must be between 0 and 1,000,000,000, not -1"),
    (["--limit", "99999999999999999999999999"], "--limit must be between 0 and 1,000,000,000, not 9999"),
    (["--since", "2015-01-01' OR 1=1 --"], "--since: cannot parse date \"2015-01-01' OR 1=1 --\"; use YYYY-MM-DD"),
    (["--until", "2025-11-17 garbage"], "--until: cannot parse date '2025-11-17 garbage'; use YYYY-MM-DD"),
    (["--since", "2025-02-01", "--until", "2025-01-01"], "--since 2025-02-01 is after --until 2025-01-01"),
    (["--actor", ""], "--actor: give an actor code (RUS) or name, not an empty string"),
    (["--actor", "   "], "--actor: give an actor code (RUS) or name, not an empty string"),
    (["--dyad", "RUS", ""], "--dyad: give an actor code (RUS) or name, not an empty string"),
    (["--cameo", "04' OR 1=1"], "--cameo must be 1 to 4 digits of a CAMEO code (e.g. 04, 190), not \"04' OR 1=1\""),
    (["--format", "xml"], "--format must be table, json or csv, not 'xml'"),
])
def test_bad_event_arguments(db: Path, args: list[str], message: str) -> None:
    from communique.cli import app

    res = CliRunner().invoke(app, ["events", "--db", str(db), *args])
    assert res.exit_code == 2, res.output
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"communique: {message}"), res.stderr
    assert res.exception is None or isinstance(res.exception, SystemExit)


def _truncated(tmp_path: Path) -> Path:
    good = tmp_path / "good.duckdb"
    Store.open(good).close()
    bad = tmp_path / "truncated.duckdb"
    bad.write_bytes(good.read_bytes()[:3000])
    return bad


@pytest.mark.parametrize(("make", "message"), [
    (lambda t: (t / "notes.txt").write_text("just some notes\n") and t / "notes.txt", "not a DuckDB file"),
    (lambda t: t, "it is a folder"),
    (lambda t: (t / "empty.duckdb").write_bytes(b"") or t / "empty.duckdb", "the file is empty"),
    (_truncated, "not a communique store"),
])
def test_db_that_is_not_a_store(tmp_path: Path, make: object, message: str) -> None:
    from communique.cli import app

    path = make(tmp_path)  # type: ignore[operator]
    for command in (["events"], ["ingest", str(tmp_path / "missing.txt")]):
        res = CliRunner().invoke(app, [*command, "--db", str(path)])
        assert res.exit_code == 2, res.output
        lines = res.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"communique: {path}:") and message in lines[0], res.stderr
        assert res.exception is None or isinstance(res.exception, SystemExit)


def test_limit_zero_and_queries_are_parameterised(db: Path) -> None:
    from communique.cli import app

    for args in (["--limit", "0"], ["--actor", "x' OR '1'='1"], ["--dyad", "'; DROP TABLE events; --", "RUS"]):
        res = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "json", *args])
        assert res.exit_code == 0 and res.stdout.strip() == "[]", res.output
    assert Store.open(db, read_only=True).count()["events"] == 0


def test_ingest_crash_leaves_a_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique import api
    from communique.cli import app

    def broken(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        yield api.Outcome("added", "a.txt", "x")
        yield api.Outcome("failed", "b.txt", error=api.ArticleFailed("b.txt", "stage 'x' failed: ValueError()"))
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(api, "ingest_stream", broken)
    monkeypatch.setattr(api, "default_pipeline", lambda **kw: None)
    res = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.duckdb")])
    assert res.stderr.splitlines() == [
        "communique: b.txt: stage 'x' failed: ValueError()",
        "communique: internal error: RuntimeError: disk on fire second line",
        f"crashed; ingested 1 article(s), 0 already stored, 1 error(s) -> {tmp_path / 's.duckdb'}",
    ]
    assert res.exit_code == 1 and "Traceback" not in res.output


def test_ctrl_c_leaves_a_summary_and_no_traceback(tmp_path: Path) -> None:
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    rng = random.Random(9)
    src = tmp_path / "in"
    src.mkdir()
    words = ["officials", "met", "in", "Cairo", "talks", "border", "agreed", "ministers", "troops", "said", "police"]
    for i in range(400):
        (src / f"{i:03d}.txt").write_text(" ".join(rng.choice(words) for _ in range(60)) + f". Report {i}.",
                                          encoding="utf-8")
    db = tmp_path / "s.duckdb"
    exe = Path(sys.executable).with_name("communique")
    proc = subprocess.Popen([str(exe), "ingest", str(src), "--db", str(db)], stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 240
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None and not stored:
        time.sleep(0.5)
        try:
            with Store.open(db, read_only=True, wait=5) as s:
                stored = s.count()["articles"]
        except Exception:  # noqa: BLE001 - not there yet
            pass
    assert stored, "ingest stored nothing in time"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("interrupted; ingested ") and last.endswith(f"-> {db}"), err
    with Store.open(db, read_only=True) as s:
        assert s.count()["articles"] >= stored
