"""A store with a known shift in relations, written row by row, shared by the signals and the dashboard tests.

:func:`stream` makes merged-event rows: four cooperation events a day between RUSGOV and SYRMIL (or as many as
``per_day`` says), ``volume`` articles a day; :func:`put` writes them into a real store, each event reported in
the first article of its day, whose text is :data:`TEXT` (evidence at characters 8..40, trigger "signed" at
15..21).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from communique.store import Store

D0 = dt.date(2025, 1, 1)


def day(i: int) -> dt.date:
    return D0 + dt.timedelta(days=i)


def ev(i: int, date: dt.date, quad: int, src: str = "RUSGOV", tgt: str = "SYRMIL", status: str = "reported",
       **kw: Any) -> dict[str, Any]:
    return {"cluster_id": i, "date": date, "quad_class": quad, "goldstein": 4.0 if quad < 3 else -5.0,
            "source": src, "target": tgt, "status": status, **kw}


def stream(per_day: dict[int, int], *, quad: int = 1, volume: float = 100.0, busy: dict[int, float] | None = None,
           days: int = 50) -> tuple[list[dict[str, Any]], dict[dt.date, float]]:
    rows = []
    for i in range(days):
        for _ in range(per_day.get(i, 4)):
            rows.append(ev(len(rows) + 1, day(i), quad))
    return rows, {day(i): (busy or {}).get(i, volume) for i in range(days)}


TEXT = "Moscow. Russia signed a pact with Syria. More."  # evidence 8..40, trigger "signed" 15..21


def put(path: Path, rows: list[dict[str, Any]], volume: dict[dt.date, float]) -> Store:
    """A real store holding ``rows`` (one report each, in the first article of its day; a row's ``cluster`` makes
    it a further report of that event, in the next article of the day) and ``volume`` articles a day."""
    store = Store.open(path)
    arts = [(f"a{d.isoformat()}-{i}", d) for d, v in volume.items() for i in range(int(v))]
    store.conn.executemany(f"INSERT INTO articles (id, published, outlet, text) VALUES (?, ?, 'Wire', '{TEXT}')", arts)
    first = {d: aid for aid, d in reversed(arts)}
    for r in rows:
        aid, uid = first[r["date"]], r["cluster_id"]
        if "cluster" in r:
            aid = aid[: aid.rindex("-")] + "-1"
        store.conn.execute(
            "INSERT INTO events (uid, article_id, id, seq, cameo, family, label, goldstein, quad_class, status,"
            " negated, date, date_precision, evidence_sentence, evidence_start, evidence_end, trigger_start,"
            " trigger_end, cluster_id) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 'day', 0, 8, 40, 15, 21, ?)",
            [uid, aid, f"e{uid}", r.get("cameo", "057"), r.get("cameo", "057")[:2], r.get("label", "Sign"),
             r["goldstein"], r["quad_class"], r["status"], bool(r.get("negated")), r["date"], r.get("cluster", uid)])
        for role in ("source", "target"):
            store.conn.execute("INSERT INTO event_actors (event_uid, article_id, actor_id, role, position, code) "
                               "VALUES (?, ?, ?, ?, 0, ?)", [uid, aid, f"{role}{uid}", role, r[role]])
    return store
