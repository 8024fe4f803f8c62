"""The DuckDB store: storing analysed articles, merging reports of one event, querying, exporting."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.errors import SchemaVersionError, StoreError
from communique.model import (
    Actor,
    Article,
    Attribution,
    Doc,
    Event,
    EventDate,
    Evidence,
    Location,
    Quote,
    Span,
)
from communique.store import SCHEMA_VERSION, SYMMETRIC, Store, migrate, schema_version, to_csv, to_json

D = dt.date

KHARKIV = Location("Kharkiv", "UKR", 49.99, 36.23, 706483)
ANKARA = Location("Ankara", "TUR", 39.92, 32.85, 323786)
PARIS = Location("Paris", "FRA", 48.85, 2.35, 2988507)


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part))


def event(
    text: str,
    eid: str,
    cameo: str,
    label: str,
    sentence: str,
    trigger: str,
    source: list[str],
    target: list[str],
    when: dt.date | None,
    *,
    place: Location | None = None,
    status: Any = "reported",
    attribution: list[Attribution] | None = None,
    negated: bool = False,
    plover: str | None = None,
    goldstein: float | None = None,
    quad_class: int | None = None,
) -> Event:
    s = span(text, sentence)
    return Event(
        id=eid,
        cameo=cameo,
        plover=plover,
        label=label,
        goldstein=goldstein,
        quad_class=quad_class,
        source=source,
        target=target,
        evidence=Evidence(text[: s.start].count(". "), s.start, s.end),
        trigger=span(text, trigger),
        date=EventDate(when, "day", "test") if when else None,
        location=place,
        status=status,
        attribution=attribution or [],
        negated=negated,
    )


def reuters() -> Doc:
    text = (
        "Russian forces struck Kharkiv with drones on Saturday, Ukrainian officials said. "
        "The strikes damaged a power station."
    )
    actors = [
        Actor("a1", "Russian forces", "group", code="RUSMIL", country="RUS", sector="MIL"),
        Actor("a2", "Ukraine", "country", code="UKR", country="UKR"),
        Actor("a3", "Ukrainian officials", "organization", code="UKRGOV", country="UKR", sector="GOV"),
    ]
    said = Attribution("Ukrainian officials", False, "official", span(text, "Ukrainian officials"), "a3")
    events = [
        event(
            text,
            "e1",
            "195",
            "Employ aerial weapons",
            "Russian forces struck Kharkiv with drones on Saturday, Ukrainian officials said.",
            "struck",
            ["a1"],
            ["a2"],
            D(2024, 3, 9),
            place=KHARKIV,
            attribution=[said],
            plover="ASSAULT",
            goldstein=-10.0,
            quad_class=4,
        )
    ]
    article = Article("a-reuters", text, "Russia strikes Kharkiv", D(2024, 3, 10), "https://r.example/1", "Reuters")
    return Doc(article, actors=actors, events=events, attributions=[said])


def ap() -> Doc:
    text = (
        "Kyiv confirmed that Russia's military hit Kharkiv with Shahed drones on Sunday. "
        '"The attack was deliberate," the mayor said.'
    )
    actors = [
        Actor("b1", "Russia's military", "group", code="RUSMIL", country="RUS", sector="MIL"),
        Actor("b2", "Kyiv", "country", country="UKR"),  # no code: its country stands in
        Actor("b3", "the mayor", "person", code="UKRGOV", country="UKR", title="mayor"),
    ]
    kyiv = Attribution("Kyiv", False, "official", span(text, "Kyiv"), "b2")
    events = [
        event(
            text,
            "e1",
            "1951",
            "Employ precision-guided aerial munitions",
            "Kyiv confirmed that Russia's military hit Kharkiv with Shahed drones on Sunday.",
            "hit",
            ["b1"],
            ["b2"],
            D(2024, 3, 10),
            place=KHARKIV,
            status="confirmed",
            attribution=[kyiv],
            plover="ASSAULT",
            goldstein=-10.0,
            quad_class=4,
        )
    ]
    quote = Quote(span(text, "The attack was deliberate"), "b3", span(text, "the mayor"), False)
    article = Article("b-ap", text, None, D(2024, 3, 10), None, "Associated Press", "/in/ap.txt")
    return Doc(article, actors=actors, events=events, quotes=[quote])


def reuters_later() -> Doc:
    text = (
        "Moscow denied that its army bombed Kharkiv on Saturday. "
        "Turkey's foreign minister will meet Ukraine's president in Ankara on Monday."
    )
    actors = [
        Actor("c1", "its army", "group", code="RUSMIL", country="RUS", sector="MIL"),
        Actor("c2", "Kharkiv", "country", code="UKR", country="UKR"),
        Actor("c3", "Turkey's foreign minister", "person", code="TURGOV", country="TUR"),
        Actor("c4", "Ukraine's president", "person", code="UKRGOV", country="UKR"),
        Actor("c5", "Moscow", "country", code="RUSGOV", country="RUS"),
    ]
    moscow = Attribution("Moscow", False, "official", span(text, "Moscow"), "c5")
    events = [
        event(
            text,
            "e1",
            "195",
            "Employ aerial weapons",
            "Moscow denied that its army bombed Kharkiv on Saturday.",
            "bombed",
            ["c1"],
            ["c2"],
            D(2024, 3, 9),
            place=KHARKIV,
            status="denied",
            attribution=[moscow],
        ),
        event(
            text,
            "e2",
            "040",
            "Consult",
            "Turkey's foreign minister will meet Ukraine's president in Ankara on Monday.",
            "meet",
            ["c3"],
            ["c4"],
            D(2024, 3, 11),
            place=ANKARA,
            status="planned",
            goldstein=1.0,
            quad_class=1,
        ),
    ]
    article = Article("c-reuters2", text, "Moscow denies strike", D(2024, 3, 11), None, "Reuters")
    return Doc(article, actors=actors, events=events)


def bbc() -> Doc:
    text = (
        "Ukraine's president met Turkey's foreign minister in Ankara on Tuesday. "
        "Separately, French police arrested a protester in Paris."
    )
    actors = [
        Actor("d1", "Ukraine's president", "person", code="UKRGOV", country="UKR"),
        Actor("d2", "Turkey's foreign minister", "person", code="TURGOV", country="TUR"),
        Actor("d3", "French police", "organization", code="FRACOP", country="FRA"),
        Actor("d4", "a protester", "person", anonymous=True),
    ]
    events = [
        event(
            text,
            "e1",
            "040",
            "Consult",
            "Ukraine's president met Turkey's foreign minister in Ankara on Tuesday.",
            "met",
            ["d1"],
            ["d2"],
            D(2024, 3, 12),
            place=ANKARA,
            goldstein=1.0,
            quad_class=1,
        ),
        event(
            text,
            "e2",
            "173",
            "Arrest, detain",
            "Separately, French police arrested a protester in Paris.",
            "arrested",
            ["d3"],
            ["d4"],
            D(2024, 3, 12),
            place=PARIS,
            goldstein=-5.0,
            quad_class=4,
        ),
    ]
    article = Article("d-bbc", text, "Ukraine and Turkey talk", D(2024, 3, 12), None, "BBC")
    return Doc(article, actors=actors, events=events)


def all_docs() -> list[Doc]:
    return [reuters(), ap(), reuters_later(), bbc()]


STRIKE = {
    "cluster_id": 1,
    "event_id": "e1",
    "date": D(2024, 3, 9),
    "date_precision": "day",
    "cameo": "195",
    "label": "Employ aerial weapons",
    "plover": "ASSAULT",
    "goldstein": -10.0,
    "quad_class": 4,
    "source": "RUSMIL",
    "target": "UKR",
    "location": "Kharkiv",
    "country": "UKR",
    "lat": 49.99,
    "lon": 36.23,
    "status": "denied",  # Kyiv confirmed on the 10th, Moscow denied on the 11th: the latest word stands
    "negated": False,
    "corroboration": 3,
    "outlets": 2,
    "articles": ["a-reuters", "b-ap", "c-reuters2"],
    "evidence": "Russian forces struck Kharkiv with drones on Saturday, Ukrainian officials said.",
    "attribution": "Ukrainian officials; Kyiv; Moscow",
}
MEETING = {
    "cluster_id": 4,
    "event_id": "e2",
    "date": D(2024, 3, 11),
    "date_precision": "day",
    "cameo": "040",
    "label": "Consult",
    "plover": None,
    "goldstein": 1.0,
    "quad_class": 1,
    "source": "TURGOV",
    "target": "UKRGOV",
    "location": "Ankara",
    "country": "TUR",
    "lat": 39.92,
    "lon": 32.85,
    "status": "reported",
    "negated": False,
    "corroboration": 2,
    "outlets": 2,
    "articles": ["c-reuters2", "d-bbc"],
    "evidence": "Turkey's foreign minister will meet Ukraine's president in Ankara on Monday.",
    "attribution": None,
}
ARREST = {
    "cluster_id": 6,
    "event_id": "e2",
    "date": D(2024, 3, 12),
    "date_precision": "day",
    "cameo": "173",
    "label": "Arrest, detain",
    "plover": None,
    "goldstein": -5.0,
    "quad_class": 4,
    "source": "FRACOP",
    "target": "a protester",
    "location": "Paris",
    "country": "FRA",
    "lat": 48.85,
    "lon": 2.35,
    "status": "reported",
    "negated": False,
    "corroboration": 1,
    "outlets": 1,
    "articles": ["d-bbc"],
    "evidence": "Separately, French police arrested a protester in Paris.",
    "attribution": None,
}


@pytest.fixture
def store() -> Store:
    s = Store.memory()
    for doc in all_docs():
        assert s.add(doc) is True
    return s


def test_merged_events(store: Store) -> None:
    assert store.events(all_statuses=True) == [STRIKE, MEETING, ARREST]
    assert store.events() == [MEETING, ARREST]  # by default only what happened: the strike was denied


def test_count(store: Store) -> None:
    assert store.count() == {"articles": 4, "events": 6, "clusters": 3, "actors": 15, "quotes": 1}


def test_add_is_idempotent(store: Store) -> None:
    before = store.count()
    assert [store.add(doc) for doc in all_docs()] == [False, False, False, False]
    assert store.count() == before
    assert store.events(all_statuses=True) == [STRIKE, MEETING, ARREST]


def test_add_all_counts_new_articles() -> None:
    s = Store.memory()
    assert s.add_all([reuters(), ap()]) == 2
    assert s.add_all(all_docs()) == 2


def test_articles(store: Store) -> None:
    assert store.articles() == [
        {
            "id": "a-reuters",
            "title": "Russia strikes Kharkiv",
            "published": D(2024, 3, 10),
            "url": "https://r.example/1",
            "outlet": "Reuters",
            "source_path": None,
            "events": 1,
        },
        {
            "id": "b-ap",
            "title": None,
            "published": D(2024, 3, 10),
            "url": None,
            "outlet": "Associated Press",
            "source_path": "/in/ap.txt",
            "events": 1,
        },
        {
            "id": "c-reuters2",
            "title": "Moscow denies strike",
            "published": D(2024, 3, 11),
            "url": None,
            "outlet": "Reuters",
            "source_path": None,
            "events": 2,
        },
        {
            "id": "d-bbc",
            "title": "Ukraine and Turkey talk",
            "published": D(2024, 3, 12),
            "url": None,
            "outlet": "BBC",
            "source_path": None,
            "events": 2,
        },
    ]
    assert store.article_ids() == ["a-reuters", "b-ap", "c-reuters2", "d-bbc"]
    assert store.article("b-ap") == ap().article
    assert store.article("nope") is None


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("RUS", [STRIKE]),  # prefix of RUSMIL
        ("rusmil", [STRIKE]),
        ("UKR", [STRIKE, MEETING]),  # UKR, UKRGOV; Kyiv's code falls back to its country
        ("UKRGOV", [MEETING]),
        ("kyiv", [STRIKE]),  # a name, any case
        ("A Protester", [ARREST]),
        ("Moscow", []),  # an attribution's actor, not a source or target
        ("USA", []),
    ],
)
def test_actor_filter(store: Store, actor: str, expected: list[dict[str, Any]]) -> None:
    assert store.events(all_statuses=True, actor=actor) == expected


@pytest.mark.parametrize(
    ("dyad", "expected"),
    [
        (("RUS", "UKR"), [STRIKE]),
        (("UKR", "RUS"), [STRIKE]),
        (("TURGOV", "UKRGOV"), [MEETING]),
        (("UKR", "TUR"), [MEETING]),
        (("RUS", "TUR"), []),
        (("FRA", "a protester"), [ARREST]),
    ],
)
def test_dyad_filter(store: Store, dyad: tuple[str, str], expected: list[dict[str, Any]]) -> None:
    assert store.events(all_statuses=True, dyad=dyad) == expected


def test_date_cameo_and_limit_filters(store: Store) -> None:
    assert store.events(all_statuses=True, since=D(2024, 3, 10)) == [MEETING, ARREST]
    assert store.events(all_statuses=True, until=D(2024, 3, 11)) == [STRIKE, MEETING]
    assert store.events(all_statuses=True, since=D(2024, 3, 11), until=D(2024, 3, 11)) == [MEETING]
    assert store.events(all_statuses=True, cameo="19") == [STRIKE]
    assert store.events(all_statuses=True, cameo="04") == [MEETING]
    assert store.events(all_statuses=True, cameo="1951") == []  # the merged event carries its first report's code
    assert store.events(all_statuses=True, limit=2) == [STRIKE, MEETING]
    assert store.events(all_statuses=True, actor="UKR", since=D(2024, 3, 10), cameo="0", limit=5) == [MEETING]


def test_hostile_filter_values_are_parameters(store: Store) -> None:
    assert store.events(all_statuses=True, actor="x' OR 1=1 --") == []
    assert store.events(all_statuses=True, cameo="%") == []
    assert store.count()["articles"] == 4


def test_clusters_view(store: Store) -> None:
    rows = store.conn.execute("SELECT * FROM clusters ORDER BY cluster_id").fetchall()
    assert rows == [
        (1, 3, 3, 2, "denied", D(2024, 3, 9), D(2024, 3, 10)),
        (4, 2, 2, 2, "reported", D(2024, 3, 11), D(2024, 3, 12)),
        (6, 1, 1, 1, "reported", D(2024, 3, 12), D(2024, 3, 12)),
    ]


def _clusters(s: Store) -> set[frozenset[tuple[str, str]]]:
    rows = s.conn.execute("SELECT cluster_id, article_id, id FROM events").fetchall()
    groups: dict[int, set[tuple[str, str]]] = {}
    for cluster, article, eid in rows:
        groups.setdefault(cluster, set()).add((article, eid))
    return {frozenset(g) for g in groups.values()}


@pytest.mark.slow  # minutes on 2 busy cores: run apart (./run test -m slow)
def test_clusters_do_not_depend_on_order() -> None:
    expected = {
        frozenset({("a-reuters", "e1"), ("b-ap", "e1"), ("c-reuters2", "e1")}),
        frozenset({("c-reuters2", "e2"), ("d-bbc", "e1")}),
        frozenset({("d-bbc", "e2")}),
    }
    for order in itertools.permutations(range(4)):
        s = Store.memory()
        docs = all_docs()
        for i in order:
            s.add(docs[i])
        assert _clusters(s) == expected, order


# --- the merge rule, one condition at a time --------------------------------------------------------

NEW_YEAR = D(2024, 1, 1)


def simple(
    aid: str,
    cameo: str = "190",
    when: dt.date | None = NEW_YEAR,
    *,
    source: str | None = "ISRMIL",
    target: str | None = "PSE",
    status: Any = "reported",
    outlet: str | None = None,
    place: Location | None = None,
    negated: bool = False,
    events: int = 1,
) -> Doc:
    text = "Soldiers fought militants."
    actors = [Actor("s", "Soldiers", "group", code=source), Actor("t", "militants", "group", code=target)]
    evs = [
        event(
            text,
            f"e{i}",
            cameo,
            "Use conventional military force",
            text,
            "fought",
            ["s"],
            ["t"],
            when,
            status=status,
            place=place,
            negated=negated,
        )
        for i in range(events)
    ]
    return Doc(Article(aid, text, outlet=outlet), actors=actors, events=evs)


def cluster_sizes(s: Store) -> list[int]:
    return sorted(row["corroboration"] for row in s.events(all_statuses=True))


@pytest.mark.parametrize(
    ("second", "merged"),
    [
        (simple("b"), True),
        (simple("b", "1901"), True),  # same family
        (simple("b", "193"), True),  # same CAMEO root (19, fight): "attacked" and "fired on"
        (simple("b", "173"), False),  # another root
        (simple("b", when=D(2024, 1, 2)), True),  # one day later
        (simple("b", when=D(2023, 12, 31)), True),  # one day earlier
        (simple("b", when=D(2024, 1, 3)), False),  # two days
        (simple("b", when=None), False),  # one dated, one not
        (simple("b", source="ISRGOV"), True),  # the same country: "Israel" and "Israeli forces"
        (simple("b", source="EGYMIL"), False),
        (simple("b", source="PSE", target="ISRMIL"), False),  # 190 is not symmetric
        (simple("b", source=None), False),  # an actor without a code never merges
        (simple("b", negated=True), False),
    ],
)
def test_merge_rule(second: Doc, merged: bool) -> None:
    s = Store.memory()
    s.add(simple("a"))
    s.add(second)
    assert cluster_sizes(s) == ([2] if merged else [1, 1])


def test_symmetric_codes_merge_either_way() -> None:
    assert SYMMETRIC == {"036", "040", "041", "043", "044", "046", "057"}
    s = Store.memory()
    s.add(simple("a", "0431"))
    s.add(simple("b", "043", source="PSE", target="ISRMIL"))
    assert cluster_sizes(s) == [2]


def test_undated_reports_merge_only_at_the_same_place() -> None:
    gaza = Location("Gaza", "PSE", 31.5, 34.47, None)
    s = Store.memory()
    s.add(simple("a", when=None, place=gaza))
    s.add(simple("b", when=None, place=Location("gaza", "PSE", None, None, None)))
    s.add(simple("c", when=None, place=Location("Rafah", "PSE", None, None, None)))
    s.add(simple("d", when=None))
    s.add(simple("e", when=None))
    assert cluster_sizes(s) == [1, 1, 1, 2]


def test_events_of_one_article_do_not_merge_with_each_other() -> None:
    s = Store.memory()
    s.add(simple("a", events=2))
    assert cluster_sizes(s) == [1, 1]
    s.add(simple("b"))  # matches both: the three reports become one event
    assert cluster_sizes(s) == [2]
    assert s.count()["clusters"] == 1


def test_bridging_report_merges_clusters() -> None:
    s = Store.memory()
    s.add(simple("a", when=D(2024, 1, 1)))
    s.add(simple("c", when=D(2024, 1, 3)))
    assert cluster_sizes(s) == [1, 1]
    s.add(simple("b", when=D(2024, 1, 2)))
    rows = s.events(all_statuses=True)
    assert [(r["cluster_id"], r["articles"], r["date"]) for r in rows] == [(1, ["a", "c", "b"], D(2024, 1, 1))]


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["reported", "confirmed", "denied"], "denied"),  # the latest confirmation or denial stands
        (["denied", "reported", "confirmed"], "confirmed"),
        (["reported", "denied"], "denied"),
        (["denied", "reported"], "denied"),
        (["unconfirmed", "reported"], "reported"),
        (["planned", "unconfirmed"], "unconfirmed"),
        (["hypothetical", "planned"], "planned"),
        (["hypothetical"], "hypothetical"),
    ],
)
def test_status_upgrade(statuses: list[str], expected: str) -> None:
    s = Store.memory()
    for i, status in enumerate(statuses):
        s.add(simple(f"a{i}", status=status))
    assert [(r["status"], r["corroboration"]) for r in s.events(all_statuses=True)] == [(expected, len(statuses))]
    assert len(s.events()) == (expected not in ("denied", "planned", "hypothetical"))


def test_negated_events_are_left_out_unless_asked_for() -> None:
    s = Store.memory()
    s.add(simple("a", negated=True))
    s.add(simple("b", "193"))
    assert [(r["cameo"], r["negated"]) for r in s.events()] == [("193", False)]
    assert [(r["cameo"], r["negated"]) for r in s.events(all_statuses=True)] == [("190", True), ("193", False)]


def test_outlets_count_distinct_named_outlets() -> None:
    s = Store.memory()
    for aid, outlet in [("a", "Reuters"), ("b", "Reuters"), ("c", "AFP"), ("d", None)]:
        s.add(simple(aid, outlet=outlet))
    assert [(r["corroboration"], r["outlets"]) for r in s.events(all_statuses=True)] == [(4, 2)]


# --- transactions, files, schema ------------------------------------------------------------------


def test_failed_add_stores_nothing() -> None:
    s = Store.memory()
    broken = reuters()
    broken.events.append(broken.events[0])  # a repeated event id violates a key
    with pytest.raises(StoreError, match="a-reuters"):
        s.add(broken)
    assert s.count() == {"articles": 0, "events": 0, "clusters": 0, "actors": 0, "quotes": 0}
    assert s.add(reuters()) is True  # the connection is usable afterwards
    assert s.count()["events"] == 1


def test_interrupted_add_stores_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    s = Store.memory()
    s.add(reuters())

    def interrupt(*args: Any, **kwargs: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(s, "_event_rows", interrupt)
    with pytest.raises(KeyboardInterrupt):
        s.add(ap())
    monkeypatch.undo()
    assert s.count()["articles"] == 1
    assert s.article("b-ap") is None
    assert s.add(ap()) is True


def test_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as s:
        for doc in all_docs():
            s.add(doc)
    with Store.open(str(path)) as s:
        assert s.events(all_statuses=True) == [STRIKE, MEETING, ARREST]
        assert s.add(reuters()) is False
        assert schema_version(s.conn) == SCHEMA_VERSION


def test_open_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "events.duckdb")


def test_store_on_a_caller_connection_leaves_it_open() -> None:
    conn = duckdb.connect()
    s = Store(conn)
    s.add(reuters())
    s.close()
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert Store(conn).count()["articles"] == 1  # opening again migrates nothing
    conn.close()


def test_migrate_is_idempotent_and_refuses_newer_schemas() -> None:
    conn = duckdb.connect()
    assert schema_version(conn) == 0
    assert migrate(conn) == SCHEMA_VERSION
    assert migrate(conn) == SCHEMA_VERSION
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", [SCHEMA_VERSION + 1])
    with pytest.raises(SchemaVersionError, match="upgrade communique"):
        Store(conn)


# --- export -----------------------------------------------------------------------------------------


def test_to_json(store: Store) -> None:
    rows = json.loads(to_json(store.events(all_statuses=True, cameo="173")))
    assert rows == [{**ARREST, "date": "2024-03-12"}]
    assert to_json([]) == "[]"


def test_to_csv(store: Store) -> None:
    out = io.StringIO()
    assert to_csv(store.events(all_statuses=True, actor="TUR"), out) == 1
    assert out.getvalue().splitlines() == [
        "cluster_id,event_id,date,date_precision,cameo,label,plover,goldstein,quad_class,source,target,"
        "location,country,lat,lon,status,corroboration,outlets,articles,evidence,attribution,negated",
        "4,e2,2024-03-11,day,040,Consult,,1.0,1,TURGOV,UKRGOV,Ankara,TUR,39.92,32.85,reported,2,2,"
        "c-reuters2;d-bbc,Turkey's foreign minister will meet Ukraine's president in Ankara on Monday.,,false",
    ]
    empty = io.StringIO()
    assert to_csv([], empty) == 0 and empty.getvalue() == ""
    assert to_csv([], empty, columns=["a", "b"]) == 0 and empty.getvalue() == "a,b\r\n"


# --- hypothesis: whatever the text, it comes back exactly -------------------------------------------

nasty = st.one_of(
    st.text(),
    st.sampled_from(["'); DROP TABLE articles; --", '"quoted"', "O'Brien", "\\x00", "e\u0301\U0001f600", "%_"]),
)


_shared = Store.memory()  # one store for all examples: undated, placeless events never merge
_ids = itertools.count()


@settings(max_examples=60, deadline=None)
@given(
    title=st.one_of(st.none(), nasty),
    text=nasty.filter(bool),
    outlet=st.one_of(st.none(), nasty),
    data=st.data(),
)
def test_article_round_trip(title: str | None, text: str, outlet: str | None, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    article = Article(f"id-{next(_ids)}", text, title, D(2020, 2, 29), text[:20], outlet, title)
    actor = Actor("x", text, "person", code=title)
    ev = Event("e1", "010", None, title or "", None, None, ["x"], [], Evidence(0, start, end), Span(start, end))
    assert _shared.add(Doc(article, actors=[actor], events=[ev])) is True
    assert _shared.article(article.id) == article
    # (found by actor name)
    [row] = [r for r in _shared.events(all_statuses=True, actor=text) if r["articles"] == [article.id]]
    assert row["evidence"] == text[start:end]
    assert row["label"] == (title or "")


# --- the merge as a rebuildable view; reports; date windows (provenance) ------------------------------


def test_rebuild_gives_the_clusters_insertion_gives_and_loses_no_report() -> None:
    s = Store.memory()
    for doc in all_docs():
        s.add(doc)
    before = _clusters(s)
    counts = s.count()
    s.conn.execute("UPDATE events SET cluster_id = uid")  # a damaged or stale merge
    assert len(_clusters(s)) == counts["events"]
    assert s.rebuild_clusters() == 3
    assert _clusters(s) == before and s.count() == counts


def test_reports_list_every_report_with_outlet_date_and_evidence(store: Store) -> None:
    rows = store.reports(1)
    assert [(r["article_id"], r["outlet"], r["published"], r["status"], r["evidence"], r["attribution"])
            for r in rows] == [
        ("a-reuters", "Reuters", D(2024, 3, 10), "reported",
         "Russian forces struck Kharkiv with drones on Saturday, Ukrainian officials said.", "Ukrainian officials"),
        ("b-ap", "Associated Press", D(2024, 3, 10), "confirmed",
         "Kyiv confirmed that Russia's military hit Kharkiv with Shahed drones on Sunday.", "Kyiv"),
        ("c-reuters2", "Reuters", D(2024, 3, 11), "denied", "Moscow denied that its army bombed Kharkiv on Saturday.",
         "Moscow"),
    ]
    assert store.reports(999) == []


def _dated(aid: str, when: dt.date, precision: str, *, place: Location | None = None) -> Doc:
    doc = simple(aid, when=when, place=place)
    doc.events[0].date = EventDate(when, precision, "test")  # type: ignore[arg-type]
    return doc


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ((D(2024, 1, 5), "on_or_before"), (D(2024, 1, 1), "day"), True),  # "earlier this week"
        ((D(2024, 1, 5), "on_or_before"), (D(2023, 12, 28), "day"), False),  # more than a week before
        ((D(2024, 1, 5), "on_or_before"), (D(2024, 1, 7), "day"), False),  # after it
        ((D(2024, 1, 1), "month"), (D(2024, 1, 20), "day"), True),
        ((D(2024, 1, 1), "month"), (D(2024, 2, 1), "day"), False),
        ((D(2024, 1, 1), "year"), (D(2024, 7, 4), "day"), True),
    ],
)
def test_date_windows(first: tuple[dt.date, str], second: tuple[dt.date, str], merged: bool) -> None:
    s = Store.memory()
    s.add(_dated("a", *first))
    s.add(_dated("b", *second))
    assert cluster_sizes(s) == ([2] if merged else [1, 1])


def test_places_in_two_countries_are_two_events() -> None:
    s = Store.memory()
    s.add(simple("a", place=KHARKIV))
    s.add(simple("b", place=PARIS))
    s.add(simple("c", place=Location("Kharkiv", "UKR", None, None, None)))  # same country, named only
    assert cluster_sizes(s) == [1, 2]


def test_visit_and_host_are_one_meeting_either_way_round() -> None:
    s = Store.memory()
    s.add(simple("a", "042", source="TURGOV", target="UKRGOV"))  # Turkey's minister visited Ukraine
    s.add(simple("b", "043", source="UKRGOV", target="TURGOV"))  # Ukraine hosted Turkey's minister
    s.add(simple("c", "193", source="UKRGOV", target="TURGOV"))  # fighting is never symmetric
    assert cluster_sizes(s) == [1, 2]
