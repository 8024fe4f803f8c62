"""The merged-event tables: refreshed incrementally they equal a rebuild from the reports, and queries over
them give the same results as queries computing merged events from the reports."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import analysis as an
from communique.analysis import cache
from communique.model import Actor, Article, Doc, Event, EventDate, Evidence, Location, Span
from communique.store import Store, merged, rollups

sys.path.insert(0, str(Path(__file__).parents[1]))
from synthetic import build, docs  # noqa: E402

D = dt.date


def table_rows(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    return {
        "merged": conn.execute("SELECT * FROM merged ORDER BY cluster_id").fetchall(),
        "merged_actors": conn.execute("SELECT * FROM merged_actors ORDER BY event_uid, role, position").fetchall(),
        "merged_members": conn.execute("SELECT * FROM merged_members ORDER BY uid").fetchall(),
        "merged_pairs": conn.execute("SELECT * FROM merged_pairs ORDER BY ALL").fetchall(),
        "merged_dyads": conn.execute("SELECT * FROM merged_dyads ORDER BY ALL").fetchall(),
        # the rollups (per month, per dyad day) follow every write as a rebuild would make them
        **{t: conn.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in rollups.TABLES},
    }


def from_reports(conn: Any) -> dict[str, list[tuple[Any, ...]]]:
    """What the tables must hold: a rebuild from the reports alone (rolled back)."""
    conn.begin()
    merged.rebuild(conn)
    rows = table_rows(conn)
    conn.rollback()
    return rows


FILTERS: list[dict[str, Any]] = [
    {}, {"actor": "UKR"}, {"actor": "ukraine"}, {"actor": "Sergei Volkov"}, {"country": "syr"},
    {"dyad": ("RUS", "SYR")}, {"dyad": ("RUS", "SYR"), "directed": True}, {"dyad": ("syria", "RUS")},
    {"cameo": "04"}, {"plover": "assault"}, {"quad_class": (3, 4)}, {"since": D(2025, 1, 3), "until": D(2025, 2, 9)},
    {"place": "damascus"}, {"location_country": "UKR"}, {"status": ("reported", "confirmed")},
    {"status": ("negated",)}, {"min_corroboration": 2}, {"outlet": "wire b"}, {"outlet": "Wire A", "cameo": "04"},
    {"actor": "RUS", "quad_class": (1,), "since": D(2025, 1, 1)},
]


def results(conn: Any) -> list[Any]:
    """Every query of the analysis library, for every filter."""
    out: list[Any] = []
    for values in FILTERS:
        f = an.EventFilter(**values)
        out.append(an.events_page(conn, f, limit=3, offset=1))
        out.append(an.event_rows(conn, f))
        out.append(an.count_events(conn, f))
        out.append(an.dyad_series(conn, f, interval="week"))
        out.append(an.places(conn, f))
        for level in ("country", "actor"):
            out.append(an.network(conn, f, level=level))  # type: ignore[arg-type]
    out += [an.event_detail(conn, r["cluster_id"]) for r in an.event_rows(conn)]
    out.append(an.stats(conn))
    return out


def test_tables_follow_every_write() -> None:
    with Store.memory() as store:
        assert not merged.fresh(store.conn)  # nothing built yet: readers compute from the reports
        for doc in docs():
            store.add(doc)
            assert merged.fresh(store.conn)
            assert table_rows(store.conn) == from_reports(store.conn)
        assert len(table_rows(store.conn)["merged"]) == 6


@pytest.mark.parametrize("on_file", [False, True])
def test_queries_over_the_tables_equal_queries_over_the_reports(
    on_file: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store.open(tmp_path / "s.duckdb") if on_file else Store.memory()
    with store:
        build(store)
        assert merged.fresh(store.conn)
        new = results(store.conn)
        monkeypatch.setattr(merged, "fresh", lambda conn: False)
        monkeypatch.setattr(cache, "_limit", [0])  # computed again, not the results kept for this generation
        old = results(store.conn)
    assert new == old
    assert new[1] and new[5]["nodes"]


def test_kept_results_follow_the_generation(tmp_path: Path) -> None:
    """A network or series of a store file is kept per generation: the same call returns an equal copy (changing
    it changes nothing kept); a write makes the next call compute anew, seeing the new reports."""
    from communique.analysis import networks

    cache.clear()
    cache.configure(cache.MAX_ENTRIES)
    computed: list[int] = []
    compute = networks._network

    def counted(*args: Any) -> Any:
        computed.append(1)
        return compute(*args)

    networks._network = counted  # type: ignore[assignment]
    try:
        with_a_file(tmp_path, computed)
    finally:
        networks._network = compute  # type: ignore[assignment]


def with_a_file(tmp_path: Path, computed: list[int]) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        a1, a2, a3 = docs()
        store.add(a1)
        store.add(a2)
        f = an.EventFilter()
        first = an.network(store.conn, f)
        first["nodes"].clear()
        series = an.dyad_series(store.conn, f, interval="week")
        series[0]["cluster_ids"].append(-1)
        assert an.network(store.conn, f) == an.network(store.conn, f) and an.network(store.conn, f)["nodes"]
        assert len(computed) == 1  # computed once for this generation
        assert -1 not in an.dyad_series(store.conn, f, interval="week")[0]["cluster_ids"]
        before = an.network(store.conn, f)["events"]
        store.add(a3)
        after = an.network(store.conn, f)
        assert len(computed) == 2
        cache.configure(0)
        try:
            assert after == an.network(store.conn, f)  # what a computation gives now
            assert an.dyad_series(store.conn, f, interval="week") == \
                an.dyad_series(store.conn, f, interval="week")
        finally:
            cache.configure(cache.MAX_ENTRIES)
        assert after["events"] > before


def test_clusters_merged_by_a_later_report_and_a_replaced_story() -> None:
    """A report joining two clusters removes one of them; a newer version of a story removes the old reports."""
    with Store.memory() as store:
        a1, a2, a3 = docs()
        a2.article.url = "https://example.org/news/visit"
        store.add(a3)
        store.add(a2)
        store.add(a1)
        assert table_rows(store.conn) == from_reports(store.conn)
        newer = Doc(Article("a2v2", a2.article.text + " Updated.", title="Story a2", published=D(2025, 1, 9),
                            outlet="Wire B", url="https://example.org/news/visit"))
        newer.actors, newer.events = a2.actors, a2.events
        assert store.put(newer).status == "replaced"
        assert merged.refresh(store.conn) == "fresh"
        assert table_rows(store.conn) == from_reports(store.conn)
        assert store.rebuild_clusters() == 6
        assert merged.fresh(store.conn) and table_rows(store.conn) == from_reports(store.conn)


def test_a_parquet_load_leaves_the_tables_fresh(tmp_path: Path) -> None:
    """Every write path keeps the tables: ``put`` and ``rebuild_clusters`` above, a Parquet load here (the Dask
    ingest stores through ``Store.add``: tests/scale/test_ingest.py compares its tables with a single run's)."""
    from communique.store.parquet import dump, load

    with Store.memory() as source:
        build(source)
        dump(source.conn, tmp_path / "dump")
        with Store.memory() as target:
            load(target.conn, tmp_path / "dump")
            assert merged.fresh(target.conn)
            assert table_rows(target.conn) == from_reports(target.conn) == table_rows(source.conn)


def test_renumbered_clusters_are_rebuilt() -> None:
    with Store.memory() as store:
        build(store)
        store.conn.execute("UPDATE events SET cluster_id = cluster_id + 1000")  # a writer that bypasses refresh
        assert not merged.fresh(store.conn)
        assert an.count_events(store.conn) == 6  # still answered, from the reports
        assert merged.refresh(store.conn) == "rebuilt"
        assert table_rows(store.conn) == from_reports(store.conn)


def test_an_update_in_place_makes_the_tables_stale_until_refreshed() -> None:
    """A write that changes a report's status and date leaves the count, largest uid and cluster ids of ``events``
    as they were; the write counter it advances makes the tables stale, readers answer from the reports, and the
    next refresh recomputes the clusters it listed (or everything, when it listed none)."""
    with Store.memory() as store:
        build(store)
        conn = store.conn
        first = an.event_rows(conn)[0]
        cluster, before = first["cluster_id"], merged.generation(conn)
        assert merged.fresh(conn) and first["status"] != "denied"

        conn.begin()
        conn.execute("UPDATE events SET status = 'denied', date = DATE '2020-02-03', date_precision = 'day' "
                     "WHERE cluster_id = ?", [cluster])
        merged.changed(conn, [cluster])
        conn.commit()
        assert merged.generation(conn) == before + 1
        assert not merged.fresh(conn)  # the fingerprint alone would call the tables fresh here
        row = an.event_detail(conn, cluster)  # answered from the reports meanwhile
        assert (row["status"], row["date"]) == ("denied", D(2020, 2, 3))
        denied = an.event_rows(conn, an.EventFilter(status=("denied",), until=D(2020, 12, 31)))
        assert [r["cluster_id"] for r in denied] == [cluster]

        assert store.refresh_merged() == "updated"
        assert merged.fresh(conn) and table_rows(conn) == from_reports(conn)
        assert conn.execute("SELECT status, date FROM merged WHERE cluster_id = ?", [cluster]).fetchall() == [
            ("denied", D(2020, 2, 3))]

        conn.begin()
        conn.execute("UPDATE events SET location_name = 'Aleppo' WHERE cluster_id = ?", [cluster])
        merged.changed(conn)  # which clusters: not said
        conn.commit()
        assert not merged.fresh(conn)
        assert store.refresh_merged() == "rebuilt"
        assert merged.fresh(conn) and table_rows(conn) == from_reports(conn)
        assert an.event_detail(conn, cluster)["location"] == "Aleppo"


def test_every_write_advances_the_generation(tmp_path: Path) -> None:
    """put (added, replaced), rebuild_clusters and a Parquet load each advance it; a skipped article does not."""
    from communique.store.parquet import dump, load

    with Store.memory() as store:
        a1, a2, a3 = docs()
        seen = [merged.generation(store.conn)]
        for doc in (a1, a2, a3):
            assert store.put(doc).status == "added"
            seen.append(merged.generation(store.conn))
        assert store.put(a1).status == "skipped"
        seen.append(merged.generation(store.conn))
        store.rebuild_clusters()
        seen.append(merged.generation(store.conn))
        assert seen == [0, 1, 2, 3, 3, 4] and merged.fresh(store.conn)
        dump(store.conn, tmp_path / "dump")
        with Store.memory() as target:
            load(target.conn, tmp_path / "dump")
            assert merged.generation(target.conn) == 1 and merged.fresh(target.conn)


# -- property: any articles in any order ---------------------------------------------------------------------------

CODES = {"RUS": "Russia", "SYR": "Syria", "UKR": "Ukraine", "USAGOV": "Washington", "IGOUNO": "United Nations"}
PLACES = [None, Location("Damascus", "SYR", 33.5, 36.3, 170654), Location("Kyiv", "UKR", 50.4, 30.5, 703448)]

event_st = st.fixed_dictionaries({
    "cameo": st.sampled_from(["042", "043", "057", "112", "190", "195"]),
    "source": st.lists(st.sampled_from(sorted(CODES)), min_size=1, max_size=2, unique=True),
    "target": st.lists(st.sampled_from([*sorted(CODES), "?"]), min_size=1, max_size=2, unique=True),
    "day": st.one_of(st.none(), st.integers(0, 4)),
    "precision": st.sampled_from(["day", "day", "month", "on_or_before"]),
    "place": st.integers(0, len(PLACES) - 1),
    "status": st.sampled_from(["reported", "confirmed", "denied", "planned", "unconfirmed"]),
    "negated": st.booleans(),
})
article_st = st.lists(event_st, min_size=0, max_size=3)


def make_doc(n: int, events: list[dict[str, Any]]) -> Doc:
    text = " ".join(f"Sentence {i} of story {n}." for i in range(max(1, len(events))))
    doc = Doc(Article(f"p{n}", text, title=f"Story {n}", published=D(2025, 1, 1 + n % 20), outlet=f"Outlet {n % 3}"))
    actors: dict[str, Actor] = {}

    def actor(code: str) -> str:
        if code not in actors:
            if code == "?":
                actors[code] = Actor(f"x{len(actors)}", "a spokesman", "person")
            else:
                actors[code] = Actor(f"c{len(actors)}", CODES[code], "country", code=code, country=code[:3])
        return actors[code].id

    for i, e in enumerate(events):
        start = text.index(f"Sentence {i} ")
        doc.events.append(Event(
            id=f"e{i + 1}", cameo=e["cameo"], plover=None, label=e["cameo"], source=[actor(c) for c in e["source"]],
            target=[actor(c) for c in e["target"]], evidence=Evidence(i, start, start + 10),
            trigger=Span(start, start + 8), goldstein=float(len(e["cameo"])), quad_class=1 + i % 4,
            date=None if e["day"] is None else EventDate(D(2025, 3, 1 + e["day"]), e["precision"], "test"),
            location=PLACES[e["place"]], status=e["status"], negated=e["negated"],
        ))
    doc.actors = list(actors.values())
    return doc


@pytest.mark.slow  # minutes on 2 busy cores: run apart (./run test -m slow)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_st, min_size=1, max_size=7))
def test_incremental_tables_equal_a_rebuild(articles: list[list[dict[str, Any]]]) -> None:
    with Store.memory() as store:
        for n, events in enumerate(articles):
            store.add(make_doc(n, events))
            assert merged.fresh(store.conn)
        assert table_rows(store.conn) == from_reports(store.conn)
        new = [an.event_rows(store.conn), an.dyad_series(store.conn, an.EventFilter(dyad=("RUS", "SYR"))),
               an.network(store.conn, level="actor"), an.count_events(store.conn, an.EventFilter(country="UKR"))]
        store.conn.execute("DELETE FROM merged_state")
        old = [an.event_rows(store.conn), an.dyad_series(store.conn, an.EventFilter(dyad=("RUS", "SYR"))),
               an.network(store.conn, level="actor"), an.count_events(store.conn, an.EventFilter(country="UKR"))]
        assert new == old


# -- one status rule for every reader ------------------------------------------------------------------------------

def reference_status(reports: list[tuple[int, str, dt.date | None, Any]]) -> str | None:
    """The rule written out: the latest report (publication date, undated oldest; then time stored; then uid)
    saying confirmed or denied decides, else the best status by STATUS_ORDER."""
    from communique.store.schema import STATUS_ORDER

    decisive = [r for r in reports if r[1] in ("confirmed", "denied")]
    if decisive:
        return max(decisive, key=lambda r: (r[2] is not None, r[2] or dt.date.min, r[3], r[0]))[1]
    ranks = [STATUS_ORDER.index(r[1]) for r in reports if r[1] in STATUS_ORDER]
    return STATUS_ORDER[min(ranks)] if ranks else None


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article_st, min_size=1, max_size=6), st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=6,
                                                              max_size=6))
def test_every_reader_resolves_status_by_one_rule(articles: list[list[dict[str, Any]]],
                                                  days: list[int | None]) -> None:
    """The ``clusters`` view (``Store.events``), the merged tables and the analysis computing from the reports
    give every merged event the same status, the one :func:`resolved_status_sql` defines; publication dates
    out of storing order (and missing ones) make the latest confirmation or denial differ from the last
    stored."""
    with Store.memory() as store:
        for n, events in enumerate(articles):
            doc = make_doc(n, events)
            doc.article.published = None if days[n] is None else D(2025, 2, 10 - days[n])
            store.add(doc)
        conn = store.conn
        reports: dict[int, list[tuple[int, str, dt.date | None, Any]]] = {}
        for uid, cluster, status, published, added in conn.execute(
            "SELECT e.uid, e.cluster_id, e.status, a.published, a.added FROM events e "
            "JOIN articles a ON a.id = e.article_id"
        ).fetchall():
            reports.setdefault(cluster, []).append((uid, status, published, added))
        want = {c: reference_status(r) for c, r in reports.items()}
        view = dict(conn.execute("SELECT cluster_id, status FROM clusters").fetchall())
        table = dict(conn.execute("SELECT cluster_id, status FROM merged").fetchall())
        listed = {r["cluster_id"]: r["status"] for r in store.events(all_statuses=True)}
        conn.execute("DELETE FROM merged_state")  # the analysis computes from the reports
        computed = {r["cluster_id"]: r["status"] for r in an.event_rows(conn)}
        assert view == table == listed == computed == want


def test_a_later_denial_outranks_an_earlier_confirmation_everywhere() -> None:
    """Confirmed on the 10th, denied on the 11th (stored first): the event is denied for every reader."""
    with Store.memory() as store:
        confirm = make_doc(0, [{"cameo": "190", "source": ["RUS"], "target": ["UKR"], "day": 1, "precision": "day",
                                "place": 0, "status": "confirmed", "negated": False}])
        deny = make_doc(1, [{"cameo": "190", "source": ["RUS"], "target": ["UKR"], "day": 1, "precision": "day",
                             "place": 0, "status": "denied", "negated": False}])
        confirm.article.published, deny.article.published = D(2025, 3, 10), D(2025, 3, 11)
        store.add(deny)
        store.add(confirm)
        conn = store.conn
        assert conn.execute("SELECT count(*) FROM clusters").fetchone() == (1,)
        assert conn.execute("SELECT status FROM clusters").fetchone() == ("denied",)
        assert [r["status"] for r in an.event_rows(conn)] == ["denied"]
        assert [r["status"] for r in store.events(all_statuses=True)] == ["denied"]
        assert an.count_events(conn, an.EventFilter(status=("confirmed",))) == 0


def test_fresh_known_answers_without_asking_the_store() -> None:
    """Inside ``fresh_known`` the given answer stands (a server that owns the file knows it); outside, the store
    is asked again."""
    with Store.open(":memory:") as store:
        store.conn.execute("DELETE FROM merged_state")  # stale tables
        assert not merged.fresh(store.conn)
        with merged.fresh_known(True):
            assert merged.fresh(store.conn)
            with merged.fresh_known(False):
                assert not merged.fresh(store.conn)
            assert merged.fresh(store.conn)
        assert not merged.fresh(store.conn)
