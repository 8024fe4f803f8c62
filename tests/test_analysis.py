"""The analysis library: filters, dyad time series, networks and event detail over a store with known answers."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from communique import analysis as an
from communique.errors import EventNotFound
from communique.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import build  # noqa: E402

D = dt.date


@pytest.fixture()
def store() -> Store:
    with Store.memory() as s:
        yield build(s)


def keys(store: Store, **filters: object) -> list[tuple[str, str | None, str | None]]:
    rows = an.event_rows(store.conn, an.EventFilter(**filters))
    return [(r["cameo"], r["source"], r["target"]) for r in rows]


ALL = [("042", "RUS", "SYR"), ("057", "SYR", "RUS"), ("195", "RUS", "UKR"), ("112", "UKR", "RUS"),
       ("190", "RUS", "UKR"), ("042", "SYR", "RUS")]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ALL),
        ({"actor": "UKR"}, [ALL[2], ALL[3], ALL[4]]),
        ({"actor": "ukraine"}, [ALL[2], ALL[3], ALL[4]]),
        ({"country": "syr"}, [ALL[0], ALL[1], ALL[5]]),
        ({"dyad": ("RUS", "SYR")}, [ALL[0], ALL[1], ALL[5]]),
        ({"dyad": ("RUS", "SYR"), "directed": True}, [ALL[0]]),
        ({"dyad": ("SYR", "RUS"), "directed": True}, [ALL[1], ALL[5]]),
        ({"cameo": "04"}, [ALL[0], ALL[5]]),
        ({"cameo": "19"}, [ALL[2], ALL[4]]),
        ({"plover": "assault"}, [ALL[2], ALL[4]]),
        ({"quad_class": (3, 4)}, [ALL[2], ALL[3], ALL[4]]),
        ({"since": D(2025, 1, 3), "until": D(2025, 2, 9)}, [ALL[1], ALL[2]]),
        ({"place": "damascus"}, [ALL[0]]),
        ({"location_country": "UKR"}, [ALL[2]]),
        ({"status": ("reported", "confirmed")}, [ALL[0], ALL[1], ALL[2], ALL[3]]),
        ({"status": ("negated",)}, [ALL[4]]),
        ({"status": ("planned", "hypothetical", "denied")}, [ALL[5]]),
        ({"min_corroboration": 2}, [ALL[0]]),
        ({"outlet": "wire b"}, [ALL[0]]),
        ({"outlet": "Wire A", "cameo": "04"}, [ALL[0], ALL[5]]),
        ({"actor": "RUSGOV"}, []),
    ],
)
def test_filters(store: Store, filters: dict[str, object], expected: list[tuple[str, str, str]]) -> None:
    assert keys(store, **filters) == expected
    assert an.count_events(store.conn, an.EventFilter(**filters)) == len(expected)


@pytest.mark.parametrize(
    "bad",
    [
        {"country": "RUSSIA"}, {"cameo": "04'; DROP TABLE events; --"}, {"quad_class": (5,)}, {"status": ("rumoured",)},
        {"since": D(2025, 2, 1), "until": D(2025, 1, 1)}, {"min_corroboration": 0}, {"actor": ""},
        {"dyad": ("RUS", "")}, {"unknown": 1}, {"plover": "CONSULT; DELETE"},
    ],
)
def test_bad_filters_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        an.EventFilter(**bad)


def test_injection_through_text_filters_matches_nothing(store: Store) -> None:
    for field in ("actor", "place", "outlet"):
        assert keys(store, **{field: "x' OR 1=1 --"}) == []
    assert keys(store, dyad=("RUS' OR '1'='1", "SYR")) == []
    assert store.count()["clusters"] == 6


def test_merged_rows_agree_with_the_store(store: Store) -> None:
    mine = an.event_rows(store.conn)
    theirs = store.events(all_statuses=True)
    assert [{k: r[k] for k in theirs[0]} for r in mine] == theirs


def test_pages(store: Store) -> None:
    page = an.events_page(store.conn, an.EventFilter(), limit=2, offset=2)
    assert page["total"] == 6 and page["offset"] == 2 and page["limit"] == 2
    assert [(r["cameo"], r["source"]) for r in page["events"]] == [("195", "RUS"), ("112", "UKR")]
    assert an.events_page(store.conn, an.EventFilter(), limit=2, offset=10) == {
        "total": 6, "offset": 10, "limit": 2, "events": []}
    first = page["events"][0]
    assert first["evidence"] == "Russia attacked Ukraine near Kharkiv."
    assert first["source_actors"] == [{"id": "r", "name": "Russia", "code": "RUS", "country": "RUS", "sector": None}]
    assert first["attribution"] == "the Kremlin" and first["first_article"] == "a3"


def test_dyad_series_monthly(store: Store) -> None:
    series = an.dyad_series(store.conn, an.EventFilter(dyad=("RUS", "SYR")), interval="month")
    ids = [r["cluster_id"] for r in an.event_rows(store.conn, an.EventFilter(dyad=("RUS", "SYR")))]
    assert series == [
        {"period": D(2025, 1, 1), "events": 2, "goldstein_sum": 9.9, "goldstein_mean": 4.95,
         "quad_class": {"1": 1.0, "2": 0.0, "3": 0.0, "4": 0.0}, "cooperation": 2, "conflict": 0, "balance": 1.0,
         "cluster_ids": ids[:2]},
        {"period": D(2025, 3, 1), "events": 1, "goldstein_sum": 1.9, "goldstein_mean": 1.9,
         "quad_class": {"1": 1.0, "2": 0.0, "3": 0.0, "4": 0.0}, "cooperation": 1, "conflict": 0, "balance": 1.0,
         "cluster_ids": ids[2:]},
    ]


def test_dyad_series_weekly_and_daily(store: Store) -> None:
    f = an.EventFilter(dyad=("RUS", "UKR"))
    weekly = an.dyad_series(store.conn, f, interval="week")
    assert [(p["period"], p["events"], p["goldstein_sum"], p["balance"]) for p in weekly] == [
        (D(2025, 2, 3), 1, -10.0, -1.0), (D(2025, 2, 10), 2, -12.0, -1.0)]
    assert weekly[1]["quad_class"] == {"1": 0.0, "2": 0.0, "3": 0.5, "4": 0.5}
    daily = an.dyad_series(store.conn, an.EventFilter(dyad=("RUS", "UKR"), status=("reported",)), interval="day")
    assert [(p["period"], p["events"]) for p in daily] == [(D(2025, 2, 9), 1), (D(2025, 2, 10), 1)]
    with pytest.raises(ValueError, match="interval"):
        an.dyad_series(store.conn, f, interval="year")  # type: ignore[arg-type]


def test_country_network(store: Store) -> None:
    net = an.network(store.conn, an.EventFilter(since=D(2025, 1, 1), until=D(2025, 12, 31)))
    assert net["events"] == 6 and net["communities"] >= 1
    assert net["edges"] == [
        {"source": "RUS", "target": "SYR", "events": 1, "cooperation": 1, "conflict": 0, "goldstein": 1.9,
         "goldstein_mean": 1.9},
        {"source": "RUS", "target": "UKR", "events": 2, "cooperation": 0, "conflict": 2, "goldstein": -20.0,
         "goldstein_mean": -10.0},
        {"source": "SYR", "target": "RUS", "events": 2, "cooperation": 2, "conflict": 0, "goldstein": 9.9,
         "goldstein_mean": 4.95},
        {"source": "UKR", "target": "RUS", "events": 1, "cooperation": 0, "conflict": 1, "goldstein": -2.0,
         "goldstein_mean": -2.0},
    ]
    nodes = {n["id"]: n for n in net["nodes"]}
    assert [n["id"] for n in net["nodes"]] == ["RUS", "SYR", "UKR"]
    assert (nodes["RUS"]["events"], nodes["SYR"]["events"], nodes["UKR"]["events"]) == (6, 3, 3)
    assert nodes["RUS"]["betweenness"] == 1.0 and nodes["SYR"]["betweenness"] == 0.0
    assert nodes["RUS"]["degree"] == 2 and nodes["RUS"]["strength"] == 6
    assert an.network(store.conn, an.EventFilter(), max_nodes=1)["edges"] == []


def test_actor_network_labels_by_name(store: Store) -> None:
    net = an.network(store.conn, an.EventFilter(actor="SYR"), level="actor")
    assert sorted(n["label"] for n in net["nodes"]) == ["RUS (Russia)", "SYR (Syria)"]


def test_event_detail(store: Store) -> None:
    visit = an.event_rows(store.conn, an.EventFilter(min_corroboration=2))[0]
    detail = an.event_detail(store.conn, visit["cluster_id"])
    assert {k: detail[k] for k in visit} == visit
    assert [r["article"]["id"] for r in detail["reports"]] == ["a1", "a2"]
    first, second = detail["reports"]
    assert first["evidence"] == {"sentence": 0, "start": 0, "end": 33, "text": "Russia visited Syria in Damascus."}
    assert first["trigger"] == {"start": 7, "end": 14, "text": "visited"}
    assert first["article"]["text"][first["trigger"]["start"]:first["trigger"]["end"]] == "visited"
    assert [a["name"] for a in first["source"]] == ["Russia"] and [a["code"] for a in first["target"]] == ["SYR"]
    assert second["attribution"] == [{"seq": 0, "source": "sources", "anonymous": True, "kind": "source",
                                      "start": None, "end": None, "actor_id": None, "cites": None}]
    assert first["quotes"] == [{"start": 0, "end": 6, "speaker": "r", "speaker_start": None, "speaker_end": None,
                                "anonymous": False, "via": None, "reported_by": None, "reported_by_start": None,
                                "reported_by_end": None}]
    assert [(m["start"], m["end"], m["actor_id"]) for m in first["mentions"]][:2] == [(0, 6, "r"), (15, 20, "s")]
    assert detail["status_history"] == [
        {"article": "a1", "published": D(2025, 1, 3), "outlet": "Wire A", "status": "reported", "negated": False},
        {"article": "a2", "published": D(2025, 1, 4), "outlet": "Wire B", "status": "unconfirmed", "negated": False},
    ]
    with pytest.raises(EventNotFound, match="no stored event has id 999"):
        an.event_detail(store.conn, 999)


def test_examples_store_agrees_with_store_events(example_db: Path) -> None:
    with Store.open(example_db) as s:
        mine = an.event_rows(s.conn)
        theirs = s.events(all_statuses=True)
        assert len(mine) == len(theirs) > 40
        assert [{k: r[k] for k in theirs[0]} for r in mine] == theirs
        net = an.network(s.conn)
        assert {"RUS", "UKR", "TUR", "IRQ"} <= {n["id"] for n in net["nodes"]}


@pytest.mark.parametrize(("since", "until", "whole", "parts"), [
    (None, None, (None, None), []),
    (D(2024, 1, 1), D(2024, 12, 31), (D(2024, 1, 1), D(2024, 12, 1)), []),
    (D(2024, 1, 15), D(2024, 1, 20), None, [(D(2024, 1, 15), D(2024, 1, 20))]),
    (D(2024, 3, 10), None, (D(2024, 4, 1), None), [(D(2024, 3, 10), D(2024, 3, 31))]),
    (None, D(2024, 3, 10), (None, D(2024, 2, 1)), [(D(2024, 3, 1), D(2024, 3, 10))]),
    (D(2024, 1, 31), D(2024, 3, 1), (D(2024, 2, 1), D(2024, 2, 1)), [(D(2024, 1, 31), D(2024, 1, 31)),
                                                                    (D(2024, 3, 1), D(2024, 3, 1))]),
    (D(9999, 12, 5), None, None, [(D(9999, 12, 5), D(9999, 12, 31))]),
    (None, D(1, 1, 5), None, [(D(1, 1, 1), D(1, 1, 5))]),
])
def test_a_period_splits_into_whole_months_and_days(since: D | None, until: D | None, whole: object,
                                                     parts: list[tuple[D, D]]) -> None:
    """The network reads whole months from the monthly rollups and the rest day by day: every day of the period
    exactly once, at the ends of the calendar too."""
    from communique.analysis.networks import _month_split

    assert _month_split(since, until) == (whole, parts)


def test_goldstein_means_agree_one_by_one_and_in_columns() -> None:
    """The mean of a sum over its count rounds half to even on the exact quotient, in both forms."""
    from communique.analysis.filters import goldstein_columns, goldstein_mean

    totals, ns = [-24.1, 4.3 + 4.4 + 1.0, None, 0.1 + 0.2, -0.3], [16, 3, 0, 2, 4]
    assert [goldstein_mean(t, n) for t, n in zip(totals, ns, strict=True)] == [-1.5062, 3.2333, None, 0.15, -0.075]
    assert goldstein_columns(totals, ns) == ([-24.1, 9.7, 0.0, 0.3, -0.3], [-1.5062, 3.2333, None, 0.15, -0.075])
