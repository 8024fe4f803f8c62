"""API soak: many requests from concurrent clients on loopback while articles are ingested, with errors,
latency percentiles and the server's memory over time.

    python scripts/soak_api.py [--db build/soak.duckdb] [--events 100000] [--requests 10000] [--clients 20]
                               [--texts examples/articles] [--sample 5] [--no-ingest]

* The store: ``--db``; when the file is missing, a store of ``--events`` generated reports is made with
  ``scripts/bench_store.py``'s generator (the same skew of actors and dates).
* ``communique serve`` runs on 127.0.0.1 with an operator token (``COMMUNIQUE_TOKEN``), so that one
  writer thread can ingest over HTTP while it serves: DuckDB lets one process write a file, so ingest
  through the server is how a served store grows (README "Reliability").  The writer posts the ``.txt``
  articles of ``--texts`` in a loop until the readers are done, each with a line naming its round, so
  every post is a new article (a near-identical text: later rounds replace earlier versions of the
  story, which exercises removal as well as addition).
* ``--clients`` threads send ``--requests`` GET requests in all: event-list pages with filters (35%),
  dyad time series (35%), one-year networks (10%), event details (10%), the map (5%) and stats (5%).
* Every ``--sample`` seconds the server's resident memory (RSS, psutil) is recorded.

Printed: requests, errors (any status other than 200, and 404 only for an event that a merge removed;
transport errors), p50/p90/p95/p99/max latency overall and per endpoint, requests per second, the
ingest's posts and outcomes, RSS over time and by quarter of the run, the load average at start and end.
Exit status 1 when a request failed.  Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "soak-operator-token-0123456789"
ACTORS = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "TUR", "IND", "PAK", "SYR", "SAU"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def jobs(n: int, seed: int = 3) -> list[tuple[str, str, dict[str, Any]]]:
    """``n`` requests (kind, path, params) in the mix described in the module docstring."""
    import random

    rng = random.Random(seed)
    out: list[tuple[str, str, dict[str, Any]]] = []
    for _ in range(n):
        r = rng.random()
        a, b = rng.sample(ACTORS, 2)
        year = rng.randint(2021, 2025)
        if r < 0.35:
            out.append(("events", "/api/events", {"actor": a, "since": f"{year}-01-01", "limit": 50,
                                                  "offset": 50 * rng.randint(0, 4)}))
        elif r < 0.70:
            out.append(("series", "/api/series", {"dyad": [a, b], "interval": "month"}))
        elif r < 0.80:
            out.append(("network", "/api/network", {"since": f"{year}-01-01", "until": f"{year}-12-31"}))
        elif r < 0.90:
            out.append(("detail", "/api/events/{id}", {}))
        elif r < 0.95:
            out.append(("map", "/api/map", {"since": f"{year}-01-01"}))
        else:
            out.append(("stats", "/api/stats", {}))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "build" / "soak.duckdb")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=10_000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--texts", type=Path, default=ROOT / "examples" / "articles")
    ap.add_argument("--sample", type=float, default=5.0)
    ap.add_argument("--no-ingest", action="store_true", help="no writer: readers only (tells memory that grows "
                    "with the store from memory that grows with requests)")
    args = ap.parse_args(argv)

    import httpx
    import psutil

    sys.path.insert(0, str(Path(__file__).parent))
    import bench_store  # the store generator and the server start-up wait

    if not args.db.exists():
        t0 = time.perf_counter()
        bench_store.generate(args.db, args.events)
        print(f"generated a store of {args.events:,} reports in {time.perf_counter() - t0:.0f} s -> {args.db}")
    texts = [p.read_text("utf-8") for p in sorted(args.texts.glob("*.txt"))]
    if not texts:
        print(f"soak: no .txt articles in {args.texts}", file=sys.stderr)
        return 2
    load_start = os.getloadavg()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "COMMUNIQUE_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-c", "from communique.cli import main; main()", "serve", "--db",
                             str(args.db), "--port", str(port)], stdout=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    server = psutil.Process(proc.pid)
    rss: list[tuple[float, float]] = []
    done = threading.Event()
    try:
        if not bench_store.wait_until_serving(base, proc, 120):
            print("soak: the server did not start", file=sys.stderr)
            return 1
        ids = [e["cluster_id"] for e in httpx.get(base + "/api/events", params={"limit": 500},
                                                   timeout=600).json()["events"]]
        t_start = time.monotonic()

        def sampler() -> None:
            while not done.is_set():
                try:
                    rss.append((time.monotonic() - t_start, server.memory_info().rss / 2**20))
                except psutil.Error:
                    return
                done.wait(args.sample)

        posts: dict[str, int] = defaultdict(int)
        post_times: list[float] = []

        def writer() -> None:
            n = 0
            with httpx.Client(base_url=base, timeout=600,
                              headers={"Authorization": f"Bearer {TOKEN}"}) as client:
                while not done.is_set():
                    text = texts[n % len(texts)] + f"\n\nSoak round {n // len(texts) + 1}.\n"
                    n += 1
                    t0 = time.perf_counter()
                    try:
                        r = client.post("/api/ingest", json={"text": text, "title": f"Soak {n}"})
                        outcome = ("added" if r.json().get("added") else "not added") if r.status_code == 201 \
                            else f"HTTP {r.status_code}"
                    except httpx.HTTPError as exc:
                        outcome = type(exc).__name__
                    post_times.append(time.perf_counter() - t0)
                    posts[outcome] += 1

        times: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        gone = [0]
        lock = threading.Lock()
        work = jobs(args.requests)

        def reader(k: int) -> None:
            with httpx.Client(base_url=base, timeout=600) as client:
                for i, (kind, path, params) in enumerate(work[k::args.clients]):
                    if kind == "detail":
                        path = f"/api/events/{ids[(k + i * args.clients) % len(ids)]}"
                    t0 = time.perf_counter()
                    try:
                        status: Any = client.get(path, params=params).status_code
                    except httpx.HTTPError as exc:
                        status = type(exc).__name__
                    ms = (time.perf_counter() - t0) * 1000
                    with lock:
                        times[kind].append(ms)
                        if kind == "detail" and status == 404:
                            gone[0] += 1
                        elif status != 200:
                            errors.append(f"{status} {path} {params} after {ms:.0f} ms")

        threads = [threading.Thread(target=sampler, daemon=True),
                   threading.Thread(target=(lambda: None) if args.no_ingest else writer, daemon=True)]
        readers = [threading.Thread(target=reader, args=(k,)) for k in range(args.clients)]
        for t in threads + readers:
            t.start()
        for t in readers:
            t.join()
        wall = time.monotonic() - t_start
        done.set()
        threads[1].join(timeout=600)
        rss.append((time.monotonic() - t_start, server.memory_info().rss / 2**20))
    finally:
        done.set()
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    every = [ms for values in times.values() for ms in values]
    print(f"soak: {len(every):,} requests from {args.clients} clients in {wall:.0f} s ({len(every) / wall:.1f} req/s) "
          f"{'with no writer' if args.no_ingest else 'while ingesting'}; load average {load_start[0]:.1f} at start, "
          f"{os.getloadavg()[0]:.1f} at end")
    print(f"errors: {len(errors)}" + (f" ({'; '.join(errors[:5])})" if errors else "")
          + f"; event details answered 404 after a merge removed them: {gone[0]}")
    print(f"{'endpoint':10} {'n':>6} {'p50 ms':>8} {'p90 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, values in sorted(times.items()) + [("all", every)]:
        print(f"{kind:10} {len(values):6d} {percentile(values, 0.5):8.0f} {percentile(values, 0.9):8.0f} "
              f"{percentile(values, 0.95):8.0f} {percentile(values, 0.99):8.0f} {max(values):8.0f}")
    print(f"ingest: {sum(posts.values())} posts ({', '.join(f'{k} {v}' for k, v in sorted(posts.items()))}), "
          f"median {statistics.median(post_times) if post_times else 0:.1f} s a post")
    print("server RSS (MB) over time: " + ", ".join(f"{t:.0f}s {m:.0f}" for t, m in rss))
    if len(rss) >= 4:
        quarter = max(1, len(rss) // 4)
        print(f"RSS: first quarter mean {statistics.mean(m for _, m in rss[:quarter]):.0f} MB, "
              f"last quarter mean {statistics.mean(m for _, m in rss[-quarter:]):.0f} MB, "
              f"max {max(m for _, m in rss):.0f} MB")
        parts = [rss[i * len(rss) // 4:(i + 1) * len(rss) // 4] for i in range(4)]
        print("RSS by quarter of the run (mean / max MB): " + ", ".join(
            f"Q{i + 1} {statistics.mean(m for _, m in q):.0f} / {max(m for _, m in q):.0f}"
            for i, q in enumerate(parts)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
