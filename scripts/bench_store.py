"""Query benchmark: a store of N generated events (1,000,000 by default), the analysis queries, and the API under load.

    python scripts/bench_store.py [--events 1000000] [--db build/bench.duckdb] [--reuse]
                                  [--clients 20] [--requests 1000] [--repeat 7] [--query-threads 1]

Generation (seeded, so every run builds the same store; ``--reuse`` keeps an existing file):

* articles carry 1-8 events (geometric, mean 4), published over 2021-2025 with volume growing 40% a year
  and three month-long bursts (a war, a summit season, an election);
* actor countries follow a Zipf law (s = 1.1) over 160 ISO alpha-3 codes: the top ten (USA, RUS, CHN,
  UKR, ISR, IRN, GBR, FRA, DEU, TUR) take about half of all mentions; a quarter of the actors carry a
  sector (GOV, MIL, BUS, ...), so codes look like ``RUSMIL``; targets favour the source's region;
* CAMEO codes come from our CAMEO table with the weights event data shows: statements, consultations
  (040-046), appeals, praise and accusations dominate, force (190-195) is rarer, mass violence rare;
  Goldstein and QuadClass follow from the code;
* 12% of events are further reports of an already generated event (same code, actors and date, another
  article), so clusters of 2-5 reports exist; 2% are negated, 6% planned, 3% unconfirmed, 2% confirmed;
* 30% carry a location (a capital of one of the two countries).

Measured (each the median of ``--repeat`` cold runs after one warm-up, in one process, library calls on one
DuckDB connection with ``--query-threads`` threads; wall and CPU milliseconds, the time the process's threads
were runnable but waited for a CPU (Linux schedstat: on a loaded machine this is where wall time goes), the load
average beside them, and the wall time of a call the result cache of :mod:`communique.analysis.cache` answers): a
dyad time series (monthly, the busiest dyad), a one-year country network, a filtered event list (actor +
QuadClass + a year, first page of 50) and two more list pages. Then ``communique serve`` runs on 127.0.0.1 and
``--clients`` threads send ``--requests`` requests in all (event-list pages and dyad series in equal parts,
bounded in count and by a 10-minute limit); the script prints p50/p95/max, the load average, the server's CPU
seconds (and per request) and how long its threads waited for a CPU.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

TOP = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "TUR", "IND", "PAK", "SYR", "SAU", "JPN",
       "KOR", "PRK", "EGY", "IRQ", "AFG", "BRA", "MEX", "NGA", "ZAF", "ETH", "SDN", "LBY", "YEM", "LBN", "JOR",
       "QAT", "ARE", "POL", "BLR", "ARM", "AZE", "GEO", "KAZ", "ITA", "ESP", "CAN", "AUS", "IDN", "PHL", "VNM",
       "THA", "MMR", "BGD", "LKA", "NPL", "KEN", "SOM", "UGA", "TZA", "COD", "MLI", "NER", "TCD", "DZA", "MAR",
       "TUN", "VEN", "COL", "PER", "CHL", "ARG", "CUB", "HTI", "NLD", "BEL", "SWE", "NOR", "FIN", "DNK", "CHE",
       "AUT", "HUN", "ROU", "BGR", "SRB", "GRC", "CYP", "MDA", "LTU", "LVA", "EST", "CZE", "SVK", "HRV", "BIH",
       "ALB", "MKD", "PRT", "IRL", "ISL", "NZL", "SGP", "MYS", "KHM", "LAO", "MNG", "TWN", "UZB", "TKM", "KGZ",
       "TJK", "OMN", "KWT", "BHR", "PSE", "RWA", "BDI", "SSD", "CAF", "CMR", "GHA", "CIV", "SEN", "BFA", "GIN",
       "SLE", "LBR", "TGO", "BEN", "GAB", "COG", "AGO", "ZMB", "ZWE", "MOZ", "MWI", "MDG", "NAM", "BWA", "LSO",
       "SWZ", "ERI", "DJI", "MRT", "GMB", "GNB", "CPV", "ECU", "BOL", "PRY", "URY", "GUY", "SUR", "PAN", "CRI",
       "NIC", "HND", "SLV", "GTM", "DOM", "JAM", "TTO", "BHS", "BRB", "FJI"]
SECTORS = ["GOV", "MIL", "BUS", "OPP", "CVL", "MED", "JUD", "REB"]
CAMEO_WEIGHTS = {"01": 14, "02": 9, "03": 6, "04": 18, "05": 7, "06": 3, "07": 3, "08": 3, "09": 2, "10": 4,
                 "11": 9, "12": 4, "13": 3, "14": 3, "15": 1, "16": 2, "17": 3, "18": 2, "19": 4, "20": 0.3}
STATUS = (["reported"] * 87 + ["planned"] * 6 + ["unconfirmed"] * 3 + ["confirmed"] * 2 + ["denied"] * 2)


def generate(db: Path, n_events: int, seed: int = 7) -> None:
    import duckdb
    import pandas as pd

    from communique.knowledge.cameo import cameo_table
    from communique.store import Store

    rng = np.random.default_rng(seed)
    table = cameo_table()
    codes = [c for c in table if len(c) >= 3]
    weights = np.array([CAMEO_WEIGHTS.get(c[:2], 1) / sum(1 for d in codes if d[:2] == c[:2]) for c in codes])
    weights /= weights.sum()

    n_new = int(n_events / 1.12)
    n_dup = n_events - n_new
    # dates: growth over five years plus three bursts
    start = dt.date(2021, 1, 1)
    days = (dt.date(2025, 12, 31) - start).days + 1
    w_day = 1.4 ** (np.arange(days) / 365.0)
    for burst in (420, 900, 1400):
        w_day[burst:burst + 30] *= 3
    w_day /= w_day.sum()
    day = rng.choice(days, size=n_new, p=w_day)
    zipf = 1.0 / np.arange(1, len(TOP) + 1) ** 1.1
    zipf /= zipf.sum()
    src = rng.choice(len(TOP), size=n_new, p=zipf)
    near = np.clip(src + rng.integers(-12, 13, size=n_new), 0, len(TOP) - 1)
    far = rng.choice(len(TOP), size=n_new, p=zipf)
    tgt = np.where(rng.random(n_new) < 0.5, near, far)
    tgt = np.where(tgt == src, (src + 1) % len(TOP), tgt)
    src_sector = np.where(rng.random(n_new) < 0.25, rng.integers(0, len(SECTORS), n_new), -1)
    tgt_sector = np.where(rng.random(n_new) < 0.25, rng.integers(0, len(SECTORS), n_new), -1)
    code_idx = rng.choice(len(codes), size=n_new, p=weights)
    status = rng.choice(len(STATUS), size=n_new)
    negated = rng.random(n_new) < 0.02
    located = rng.random(n_new) < 0.30

    # duplicates: further reports of random earlier events
    dup_of = rng.integers(0, n_new, size=n_dup)
    order = np.concatenate([np.arange(n_new), dup_of])
    n = len(order)
    uid = np.arange(1, n + 1)
    cluster = np.concatenate([uid[:n_new], uid[dup_of]])
    # articles: consecutive runs of 1-8 events
    sizes = np.minimum(rng.geometric(0.25, size=n), 8)
    art_of = np.repeat(np.arange(len(sizes)), sizes)[:n]
    n_art = int(art_of.max()) + 1
    art_ids = np.array([f"b{i:07d}" for i in range(n_art)])
    seq = np.arange(n) - np.searchsorted(art_of, art_of)

    def code_of(country: np.ndarray, sector: np.ndarray) -> np.ndarray:
        base = np.array(TOP)[country]
        sect = np.where(sector >= 0, np.array(SECTORS + [""])[sector], "")
        return np.char.add(base, sect)

    s_code = code_of(src[order], src_sector[order])
    t_code = code_of(tgt[order], tgt_sector[order])
    ev_code = np.array(codes)[code_idx[order]]
    ev_date = np.array([start + dt.timedelta(days=int(d)) for d in day[order]], dtype="datetime64[D]")
    labels = {c: table[c].label for c in codes}
    gold = {c: table[c].goldstein for c in codes}
    quad = {c: table[c].quad_class for c in codes}
    plover = {c: table[c].plover for c in codes}
    capitals = {c: (c + " capital", c, float(rng.uniform(-50, 60)), float(rng.uniform(-120, 140))) for c in TOP}
    loc = np.array(TOP)[src[order]]
    has_loc = located[order]

    text_tpl = "{s} and {t} met. "
    events = pd.DataFrame({
        "uid": uid, "article_id": art_ids[art_of], "id": np.char.add("e", (seq + 1).astype(str)), "seq": seq,
        "cameo": ev_code, "family": np.array([c[:3] for c in ev_code]),
        "plover": [plover[c] for c in ev_code], "label": [labels[c] for c in ev_code],
        "goldstein": [gold[c] for c in ev_code], "quad_class": [quad[c] for c in ev_code],
        "status": np.array(STATUS)[status[order]], "negated": negated[order], "plover_mode": None,
        "plover_context": None, "date": ev_date, "date_precision": "day", "date_basis": "generated",
        "location_name": np.where(has_loc, [capitals[c][0] for c in loc], None),
        "location_country": np.where(has_loc, loc, None),
        "lat": np.where(has_loc, [capitals[c][2] for c in loc], np.nan),
        "lon": np.where(has_loc, [capitals[c][3] for c in loc], np.nan),
        "geonames_id": None, "location_key": None, "evidence_sentence": seq, "evidence_start": seq * 14,
        "evidence_end": seq * 14 + 13, "trigger_start": seq * 14 + 8, "trigger_end": seq * 14 + 11,
        "source_key": s_code, "target_key": t_code, "cluster_id": cluster,
    })
    events.loc[~has_loc, ["lat", "lon"]] = None
    per_article = np.bincount(art_of, minlength=n_art)
    pub = pd.Series(ev_date).groupby(art_of).max().to_numpy()
    outlets = np.array([f"Outlet {i}" for i in range(60)])
    articles = pd.DataFrame({
        "id": art_ids, "title": np.char.add("Generated story ", np.arange(n_art).astype(str)),
        "published": pub, "url": None,
        "outlet": outlets[rng.choice(60, size=n_art, p=(z := 1 / np.arange(1, 61)) / z.sum())],
        "source_path": None, "text": [text_tpl.format(s="Aaaaa", t="Bbbbb") * int(k) for k in per_article],
    })
    actors = pd.DataFrame({
        "article_id": np.concatenate([art_ids[art_of], art_ids[art_of]]),
        "id": np.concatenate([np.char.add("s", uid.astype(str)), np.char.add("t", uid.astype(str))]),
        "name": np.concatenate([np.array(TOP)[src[order]], np.array(TOP)[tgt[order]]]),
        "kind": "country", "code": np.concatenate([s_code, t_code]),
        "country": np.concatenate([np.array(TOP)[src[order]], np.array(TOP)[tgt[order]]]),
        "sector": None, "title": None, "anonymous": False,
    })
    event_actors = pd.DataFrame({
        "event_uid": np.concatenate([uid, uid]), "article_id": np.concatenate([art_ids[art_of], art_ids[art_of]]),
        "actor_id": actors["id"], "role": ["source"] * n + ["target"] * n, "position": 0,
        "code": np.concatenate([s_code, t_code]),
    })
    if db.exists():
        db.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    Store.open(db).close()
    conn = duckdb.connect(str(db))
    for name, frame in (("articles", articles), ("actors", actors), ("events", events),
                        ("event_actors", event_actors)):
        conn.register("frame", frame)
        cols = ", ".join(f'"{c}"' for c in frame.columns)
        conn.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM frame")
        conn.unregister("frame")
    conn.execute("DROP SEQUENCE event_uid")
    conn.execute(f"CREATE SEQUENCE event_uid START {n + 1}")
    conn.execute("CHECKPOINT")
    conn.close()
    build_merged(db)


def build_merged(db: Path) -> None:
    """Bring the store's merged-event tables up to date (rows inserted in bulk bypass ``Store.put``)."""
    import duckdb

    from communique.store import Store, merged

    Store.open(db).close()  # upgrades an older schema
    conn = duckdb.connect(str(db))
    conn.execute("SET enable_progress_bar = false")
    if not merged.fresh(conn):
        t0 = time.perf_counter()
        conn.begin()
        merged.changed(conn)  # rows inserted in bulk: a new store generation
        n = merged.rebuild(conn)
        conn.commit()
        conn.execute("CHECKPOINT")
        print(f"merged-event tables built ({n:,} merged events) in {time.perf_counter() - t0:.1f} s")
    conn.close()


def run_queue_wait(pid: int | str = "self") -> float:
    """Seconds the threads of process ``pid`` have spent runnable but waiting for a CPU (Linux
    ``/proc/PID/task/*/schedstat``, second field; 0.0 where it is missing).  Wall time minus CPU time minus this
    is time spent blocked (locks, I/O, sleeping)."""
    total = 0
    for path in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            total += int(path.read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return total / 1e9


def timed(fn, repeat: int) -> tuple[float, float, float, float]:  # type: ignore[no-untyped-def]
    """Median wall, CPU and run-queue wait milliseconds of ``repeat`` cold calls of ``fn`` (the analysis result
    cache cleared before each; CPU and wait: every thread of this process), after one warm-up; and the wall
    milliseconds of one call right after, answered from that cache when the query keeps its results (networks,
    series)."""
    from communique.analysis import cache

    fn()
    walls, cpus, waits = [], [], []
    for _ in range(repeat):
        cache.clear()
        w0, c0, q0 = time.perf_counter(), time.process_time(), run_queue_wait()
        fn()
        walls.append((time.perf_counter() - w0) * 1000)
        cpus.append((time.process_time() - c0) * 1000)
        waits.append((run_queue_wait() - q0) * 1000)
    w0 = time.perf_counter()
    fn()
    warm = (time.perf_counter() - w0) * 1000
    return statistics.median(walls), statistics.median(cpus), statistics.median(waits), warm


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=ROOT / "build" / "bench.duckdb")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--query-threads", type=int, default=1, help="DuckDB threads per query, for the library calls and "
                    "the server (communique serve's default: 1)")
    args = ap.parse_args(argv)

    import duckdb

    from communique import analysis as an

    if not (args.reuse and args.db.exists()):
        t0 = time.perf_counter()
        generate(args.db, args.events)
        print(f"generated {args.events:,} events in {time.perf_counter() - t0:.0f} s -> {args.db}")
    else:
        build_merged(args.db)
    conn = duckdb.connect(str(args.db), read_only=True)
    conn.execute(f"SET threads = {int(args.query_threads)}")
    counts = conn.execute("SELECT count(*), count(DISTINCT cluster_id), (SELECT count(*) FROM articles) "
                          "FROM events").fetchone()
    print(f"store: {counts[0]:,} reports, {counts[1]:,} merged events, {counts[2]:,} articles")
    top = conn.execute("SELECT source_key, target_key, count(*) n FROM events GROUP BY ALL ORDER BY n DESC "
                       "LIMIT 1").fetchone()
    dyad = (top[0], top[1])
    year = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    checks = [
        ("dyad time series, monthly", f"{dyad[0]}-{dyad[1]}", 200,
         lambda: an.dyad_series(conn, an.EventFilter(dyad=dyad), interval="month")),
        ("network, one year, countries", "2024", 200,
         lambda: an.network(conn, an.EventFilter(since=year[0], until=year[1]))),
        ("event list, actor+QuadClass+year", "RUS, 4, 2024", 100,
         lambda: an.events_page(conn, an.EventFilter(actor="RUS", quad_class=(4,), since=year[0], until=year[1]),
                                limit=50)),
        ("event list, dyad", f"{dyad[0]}-{dyad[1]}", 100,
         lambda: an.events_page(conn, an.EventFilter(dyad=dyad), limit=50)),
        ("event list, CAMEO 19 + a month", "19, 2025-03", 100,
         lambda: an.events_page(conn, an.EventFilter(cameo="19", since=dt.date(2025, 3, 1),
                                                     until=dt.date(2025, 3, 31)), limit=50)),
        ("event list, no filter (first page)", "", None, lambda: an.events_page(conn, an.EventFilter(), limit=50)),
    ]
    print(f"DuckDB threads per query: {args.query_threads}; 'wait ms': time runnable but waiting for a CPU")
    print(f"{'query':36} {'args':14} {'wall ms':>8} {'CPU ms':>8} {'wait ms':>8} {'kept ms':>8} {'load':>5} "
          f"{'target':>7}")
    for name, what, target, fn in checks:
        load = os.getloadavg()[0]
        ms, cpu, wait, warm = timed(fn, args.repeat)
        verdict = "" if target is None else ("ok" if ms < target else "SLOW")
        print(f"{name:36} {what:14} {ms:8.1f} {cpu:8.1f} {wait:8.1f} {warm:8.1f} {load:5.1f} "
              f"{('<' + str(target)) if target else '':>7} {verdict}")
    conn.close()
    return load_test(args, dyad)


def wait_until_serving(base: str, proc: subprocess.Popen[bytes], seconds: float) -> bool:
    """Poll ``base``/api/stats every 0.3 s until it answers 200 (True), or until ``seconds`` pass or the server
    process ``proc`` exits (False)."""
    import httpx

    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            return False
        time.sleep(0.3)


def load_test(args: argparse.Namespace, dyad: tuple[str, str]) -> int:
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from communique.cli import main; main()", "serve", "--db",
                             str(args.db), "--port", str(port), "--query-threads", str(args.query_threads)],
                            stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_serving(base, proc, 60):
            print("bench: the server did not start", file=sys.stderr)
            return 1
        t0 = time.perf_counter()
        httpx.get(base + "/api/events", params={"limit": 1}, timeout=600)  # builds the server's merged-event cache
        print(f"server warm-up (merged-event cache): {time.perf_counter() - t0:.1f} s")
        rng = np.random.default_rng(1)
        actors = TOP[:30]
        jobs: list[tuple[str, dict[str, object]]] = []
        for i in range(args.requests):
            a, b = rng.choice(actors, size=2, replace=False)
            if i % 2:
                jobs.append(("/api/series", {"dyad": [a, b], "interval": "month"}))
            else:
                jobs.append(("/api/events", {"actor": str(a), "limit": 50, "offset": int(rng.integers(0, 5)) * 50,
                                             "since": f"{int(rng.integers(2021, 2026))}-01-01"}))
        times: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + 600

        def worker(k: int) -> None:
            with httpx.Client(base_url=base, timeout=120) as client:
                for path, params in jobs[k::args.clients]:
                    if time.monotonic() > stop_at:
                        return
                    t0 = time.perf_counter()
                    try:
                        status = client.get(path, params=params).status_code
                    except httpx.HTTPError as exc:
                        status = type(exc).__name__  # type: ignore[assignment]
                    ms = (time.perf_counter() - t0) * 1000
                    with lock:
                        times.append(ms)
                        if status != 200:
                            errors.append(f"{status} {path}")

        import psutil

        load_start = os.getloadavg()[0]
        cpu0 = sum(psutil.Process(proc.pid).cpu_times()[:2])
        wait0 = run_queue_wait(proc.pid)
        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        if not times:
            print("bench: no request finished in time")
            return 1
        times.sort()
        p = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
        load = os.getloadavg()[0]
        cpu = sum(psutil.Process(proc.pid).cpu_times()[:2]) - cpu0
        wait = run_queue_wait(proc.pid) - wait0
        print(f"API, {args.clients} clients, {len(times)} requests (event pages and dyad series 1:1) in {wall:.1f} s "
              f"(load average {load_start:.1f} at start, {load:.1f} at end; server CPU {cpu:.1f} s, "
              f"{cpu * 1000 / len(times):.1f} ms a request; its threads waited {wait:.1f} s for a CPU): "
              f"p50 {p(0.5):.0f} ms, p95 {p(0.95):.0f} ms, max {times[-1]:.0f} ms, {len(times) / wall:.1f} req/s, "
              f"{len(errors)} errors {'ok' if p(0.95) < 500 else 'SLOW'}")
        return 1 if errors else 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
