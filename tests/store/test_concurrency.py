"""The store while it grows: a real writer subprocess with concurrent readers; SIGKILL then resume gives
the same store as an uninterrupted run, table by table; spawned workers end with their parent."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from communique.store import Store

COUNTRIES = ["Kenya", "Ethiopia", "Russia", "Turkey", "Japan", "Brazil", "France", "Ukraine", "Egypt", "Iran",
             "India", "Mexico", "Nigeria", "Chile", "Poland", "Sweden"]
NOUNS = ["officials", "troops", "diplomats", "police", "protesters", "ministers", "negotiators", "rebels"]
VERBS = ["met", "accused", "praised", "attacked", "criticised", "visited", "thanked", "warned"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

WRITER = """
import sys
from communique import api
n = int(sys.argv[3])  # articles per store write and per parser batch, so analysis and writes interleave
pipe = api.default_pipeline(on_error="skip", workers=1, batch_size=n)
for o in api.ingest_stream([sys.argv[1]], store=sys.argv[2], pipeline=pipe, batch_size=n, wait=120):
    print(o.status, o.where, o.error or "", flush=True)
"""

READER = """
import sys, time, json
from pathlib import Path
from communique.store import Store
from communique.errors import CommuniqueError
stop = Path(sys.argv[2])
while True:
    last = stop.exists()
    try:
        with Store.open(sys.argv[1], read_only=True, wait=120) as s:
            n = s.count()["articles"]
            ids = {r["id"] for r in s.articles()}
            rows = s.events()
            dangling = [a for r in rows for a in r["articles"] if a not in ids]
        print(json.dumps({"articles": n, "events": len(rows), "dangling": len(dangling)}), flush=True)
    except CommuniqueError as exc:
        print(json.dumps({"error": str(exc)}), flush=True)
    if last:
        break
    time.sleep(0.02)
"""


def corpus(folder: Path, n: int, seed: int = 7) -> Path:
    """``n`` distinct short reports (random sentences, so no two are versions of one story)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        sentences = []
        for _ in range(6):
            a, b = rng.sample(COUNTRIES, 2)
            sentences.append(f"{a}n {rng.choice(NOUNS)} {rng.choice(VERBS)} {b} on {rng.choice(DAYS)}.".replace(
                "Kenyan", "Kenyan").replace("Russian", "Russian"))
        (folder / f"2024-03-{i % 28 + 1:02d}-report-{i:03d}.txt").write_text(
            f"Report {i}\n\n" + " ".join(sentences) + f" The report number is {i}.", encoding="utf-8")
    return folder


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1"}


def test_readers_during_a_writer(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 24)
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    stop = tmp_path / "stop"
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop)], stdout=subprocess.PIPE,
                                text=True, env=_env()) for _ in range(3)]
    writer = subprocess.run([sys.executable, "-c", WRITER, str(src), str(db), "4"], capture_output=True, text=True,
                            env=_env(), timeout=300)
    stop.touch()
    outputs = [r.communicate(timeout=120)[0] for r in readers]
    assert writer.returncode == 0, writer.stderr[-2000:]
    assert [line.split()[0] for line in writer.stdout.splitlines()] == ["added"] * 24
    seen_between = False
    for out in outputs:
        reads: list[dict[str, Any]] = [json.loads(line) for line in out.splitlines()]
        assert reads and all("error" not in r for r in reads), [r for r in reads if "error" in r][:3]
        counts = [r["articles"] for r in reads]
        assert counts == sorted(counts) and counts[-1] == 24  # never goes back, ends complete
        assert all(c % 4 == 0 for c in counts)  # a batch is seen whole or not at all
        assert all(r["dangling"] == 0 for r in reads)  # every event's articles are there in the same read
        seen_between = seen_between or any(0 < c < 24 for c in counts)
    assert seen_between, "no reader got in between the writer's batches"


def _canonical(db: Path) -> dict[str, Any]:
    """Every table, with the store-internal event uids replaced by (article, event id)."""
    with Store.open(db, read_only=True) as s:
        q = s.conn.execute

        def rows(sql: str) -> list[tuple[Any, ...]]:
            return sorted(q(sql).fetchall(), key=repr)

        uid = "(SELECT article_id || '/' || id FROM events e WHERE e.uid = {col})"
        clusters: dict[int, set[str]] = {}
        for cluster, key in q("SELECT cluster_id, article_id || '/' || id FROM events").fetchall():
            clusters.setdefault(cluster, set()).add(key)
        return {
            "articles": rows("SELECT id, title, published, url, outlet, source_path, text, simhash, story_url "
                             "FROM articles"),
            "actors": rows("SELECT * FROM actors"),
            "events": rows("SELECT * EXCLUDE (uid, cluster_id) FROM events"),
            "clusters": sorted(sorted(c) for c in clusters.values()),
            "event_actors": rows(f"SELECT {uid.format(col='ea.event_uid')}, * EXCLUDE (event_uid) "
                                 "FROM event_actors ea"),
            "attributions": rows(f"SELECT {uid.format(col='t.event_uid')}, * EXCLUDE (event_uid) "
                                 "FROM attributions t"),
            "quotes": rows("SELECT * FROM quotes"),
            "story_versions": rows("SELECT * EXCLUDE (added) FROM story_versions"),
            "schema_version": rows("SELECT version FROM schema_version"),
        }


def _run_until(src: Path, db: Path, *, added: int | None, extra_delay: float = 0.0) -> int:
    """Run the writer; SIGKILL it once ``added`` new articles were reported (plus ``extra_delay`` s)."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(src), str(db), "2"], stdout=subprocess.PIPE,
                            text=True, env=_env())
    assert proc.stdout is not None
    n = 0
    for line in proc.stdout:
        if line.startswith("added"):
            n += 1
        if added is not None and n >= added:
            time.sleep(extra_delay)
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=300)
    return n


def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 20, seed=11)  # a kill can land a batch late: room for three
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"
    assert _run_until(src, whole, added=None) == 20
    for added, delay in ((1, 0.0), (2, 0.3), (1, 0.05)):  # after a batch, during analysis, mid-write
        _run_until(src, resumed, added=added, extra_delay=delay)
        with Store.open(resumed, read_only=True) as s:
            assert s.count()["articles"] < 20  # killed before the end
    _run_until(src, resumed, added=None)
    a, b = _canonical(whole), _canonical(resumed)
    for table in a:
        assert a[table] == b[table], table
    assert len(a["articles"]) == 20


def _children(pid: int) -> set[int]:
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux only")
def test_workers_end_with_their_parent(tmp_path: Path) -> None:
    src = corpus(tmp_path / "in", 200, seed=3)  # more than a batch per worker: workers start
    exe = Path(sys.executable).with_name("communique")
    proc = subprocess.Popen([str(exe), "ingest", str(src), "--db", str(tmp_path / "s.duckdb"), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    kids: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(kids) < 2 and proc.poll() is None:
        kids = _children(proc.pid)
        time.sleep(0.1)
    assert len(kids) >= 2, "the workers never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{k}").exists() for k in kids):
        time.sleep(0.1)
    alive = [k for k in kids if Path(f"/proc/{k}").exists()
             and "Z" not in (Path(f"/proc/{k}/stat").read_text().rsplit(")", 1)[1].split()[:1] or [""])]
    assert alive == []
