"""Dask ingest gives the single-process store record for record, and resumes a killed run without duplicates or
gaps."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from communique import api
from communique.scale import ingest_dask, partitions
from communique.settings import Settings
from communique.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"



@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example articles plus a second, shorter report of two of them (their first two paragraphs under
    another headline: the same events, but not a version of the same story), so that events merge across
    articles and cluster ids depend on the order articles are stored in."""
    folder = tmp_path_factory.mktemp("inputs")
    for f in sorted((EXAMPLES / "articles").iterdir()):
        shutil.copy(f, folder / f.name)
    for name in ("2024-06-13-egypt-libya-cairo-talks.txt", "2025-02-24-iran-saudi-riyadh-visit.txt"):
        title, body = (EXAMPLES / "articles" / name).read_text(encoding="utf-8").split("\n", 1)
        lead = "\n\n".join(body.strip().split("\n\n")[:2])
        second = f"Second report: {title}\n\n{lead}\n\nOther outlets carried the news later in the day.\n"
        (folder / f"{name[:11]}zz-{name[11:]}").write_text(second, "utf-8")
    return folder


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every base table (timestamps left out) and the merged events, sorted: a whole exported store."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, list[tuple[Any, ...]]] = {}
        tables = [r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_name <> 'schema_version' ORDER BY 1").fetchall()]
        for t in tables:
            cols = [r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "AND data_type NOT LIKE 'TIMESTAMP%' ORDER BY ordinal_position", [t]).fetchall()]
            names = ", ".join(f'"{c}"' for c in cols)
            out[t] = conn.execute(f'SELECT {names} FROM "{t}" ORDER BY ALL').fetchall()
        out["merged_events"] = conn.execute("SELECT * FROM merged_events ORDER BY cluster_id").fetchall()
        return out
    finally:
        conn.close()


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory, inputs: Path) -> dict[str, list[tuple[Any, ...]]]:
    db = tmp_path_factory.mktemp("single") / "s.duckdb"
    with Store.open(db) as store:
        report = api.ingest([inputs], store=store, pipeline=api.default_pipeline(on_error="skip", workers=1))
    assert report.added >= 9 and not report.errors
    snap = snapshot(db)
    assert len(snap["events"]) > 10 and len(snap["merged_events"]) < len(snap["events"])  # some reports merge
    return snap


@pytest.fixture()
def thread_client() -> Any:
    """A one-worker, one-thread cluster inside this process (the model is already loaded here): quick."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_partitions_are_stable_and_named_by_content() -> None:
    errors: list[Any] = []
    items = list(api.read_inputs([EXAMPLES / "articles", EXAMPLES / "missing.txt"]))
    first = [(p.name, [a.id for a in p.articles]) for p in partitions(items, 3, errors)]
    again = [(p.name, [a.id for a in p.articles]) for p in partitions(items, 3, [])]
    assert first == again and [len(ids) for _, ids in first][:-1] == [3] * (len(first) - 1)
    assert [n[:6] for n, _ in first] == [f"{i:06d}" for i in range(len(first))]
    assert len(errors) == 1 and "missing.txt" in str(errors[0])


def test_dask_store_equals_single_process_store(single: dict[str, Any], thread_client: Any, inputs: Path,
                                                tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    with Store.open(db) as store:
        report = ingest_dask([inputs], store=store, client=thread_client, work_dir=tmp_path / "parts",
                             settings=Settings(on_error="skip"), partition_size=2)
    assert report.added == len(single["articles"]) and report.skipped == 0 and not report.errors
    assert snapshot(db) == single
    # a second run finds every partition done and adds nothing
    with Store.open(db) as store:
        again = ingest_dask([inputs], store=store, client=thread_client, work_dir=tmp_path / "parts",
                            partition_size=2)
    assert (again.added, again.skipped) == (0, len(single["articles"])) and snapshot(db) == single


def test_interrupted_run_resumes_to_the_same_store(single: dict[str, Any], thread_client: Any, inputs: Path,
                                                   tmp_path: Path) -> None:
    db, parts = tmp_path / "r.duckdb", tmp_path / "parts"
    seen: list[int] = []

    def die_after_two(n: int) -> None:
        seen.append(n)
        if len(seen) == 2:
            raise KeyboardInterrupt  # as if killed right after the second partition was merged

    with Store.open(db) as store, pytest.raises(KeyboardInterrupt):
        ingest_dask([inputs], store=store, client=thread_client, work_dir=parts, partition_size=2,
                    progress=die_after_two)
    markers = sorted(parts.glob("*.done"))
    assert len(markers) == 2
    markers[-1].unlink()  # killed between storing the partition and writing its marker
    with Store.open(db) as store:
        assert 0 < len(store.article_ids()) < len(single["articles"])
        report = ingest_dask([inputs], store=store, client=thread_client, work_dir=parts, partition_size=2)
    # partition 0 done; partition 1 merged again (its two articles already stored); the rest new
    assert (report.added, report.skipped, report.errors) == (len(single["articles"]) - 4, 4, [])
    assert snapshot(db) == single


@pytest.mark.slow
def test_local_cluster_of_two_processes_and_a_killed_cli_run(single: dict[str, Any], inputs: Path,
                                                             tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("communique")
    db = tmp_path / "c.duckdb"
    done = subprocess.run([str(exe), "ingest", str(inputs), "--db", str(db), "--dask-workers", "2",
                           "--partition-size", "2"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert snapshot(db) == single
    # killed mid-way (SIGKILL to the whole process group once a partition is merged), then run again
    db2 = tmp_path / "k.duckdb"
    cmd = [str(exe), "ingest", str(inputs), "--db", str(db2), "--dask-workers", "2", "--partition-size", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    parts = db2.with_name(db2.name + ".parts")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and len(list(parts.glob("*.done"))) < 3:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    n_done = len(list(parts.glob("*.done")))
    assert 3 <= n_done < len(single["articles"]), n_done
    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert snapshot(db2) == single
    shutil.rmtree(parts)

