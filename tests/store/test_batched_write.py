"""The batched write path gives the store, row for row, that writing one event at a time gave.

:class:`OneByOne` keeps the earlier write path (a sequence value, a cluster-matching query, an INSERT and an
UPDATE per event; ``executemany`` per table) as the reference; both stores take the same seeded, generated
articles (many reports of few events, so clusters form, grow and merge, symmetric codes swapped, negations,
undated reports at one place, re-reports inside one article) and every table must come out identical.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from communique.model import (
    Actor,
    Article,
    Attribution,
    Doc,
    Event,
    EventDate,
    Evidence,
    Location,
    Mention,
    Quote,
    Span,
)
from communique.store import Store
from communique.store.db import (
    MergeKey,
    _attribution_row,
    _key_of,
    _location_key,
    _root_key,
    _side_key,
    same_event,
)

TABLES = {
    "articles": "id",
    "actors": "article_id, id",
    "quotes": "article_id, seq",
    "mentions": "article_id, seq",
    "events": "uid",
    "event_actors": "event_uid, role, position",
    "attributions": "article_id, event_uid NULLS FIRST, seq",
    "actor_roles": "article_id, name_key, observed",
    "story_versions": "article_id",
}


class OneByOne(Store):
    """The store as it wrote before batching (kept here only as the reference)."""

    def _insert(self, doc: Doc, *, fingerprint: int | None = None, story: str | None = None,
                position: int | None = None) -> None:
        # ``position`` (an article's place in a put_many batch, round 8) only orders ``added``; one at a time
        # there is no batch, so it is never given here
        assert position is None
        conn = self.conn
        art = doc.article
        aid = art.id
        body, head = art.body, art.title_span
        conn.execute(
            "INSERT INTO articles (id, title, published, url, outlet, source_path, text, body_start, body_end, "
            "title_start, title_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [aid, art.title, art.published, art.url, art.outlet, art.source_path, art.text,
             body.start if body else None, body.end if body else None,
             head.start if head else None, head.end if head else None],
        )
        if doc.actors:
            conn.executemany(
                "INSERT INTO actors (article_id, id, name, kind, code, country, sector, title, anonymous) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[aid, a.id, a.name, a.kind, a.code, a.country, a.sector, a.title, a.anonymous] for a in doc.actors])
        if doc.quotes:
            conn.executemany(
                'INSERT INTO quotes (article_id, seq, start, "end", speaker, speaker_start, speaker_end, '
                "anonymous, via) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[aid, i, q.span.start, q.span.end, q.speaker, q.speaker_span.start if q.speaker_span else None,
                  q.speaker_span.end if q.speaker_span else None, q.anonymous, q.via]
                 for i, q in enumerate(doc.quotes)])
        if doc.mentions:
            conn.executemany(
                'INSERT INTO mentions (article_id, seq, start, "end", label, actor_id) VALUES (?, ?, ?, ?, ?, ?)',
                [[aid, i, m.span.start, m.span.end, m.label, m.actor_id] for i, m in enumerate(doc.mentions)])
        attributions = [_attribution_row(aid, None, i, t) for i, t in enumerate(doc.attributions)]
        codes = {a.id: (a.code or a.country) for a in doc.actors}
        event_actors: list[list[Any]] = []
        for seq, ev in enumerate(doc.events):
            uid = self._one_event(aid, seq, ev, codes)
            for role, ids in (("source", ev.source), ("target", ev.target)):
                event_actors.extend([uid, aid, x, role, pos, codes.get(x)] for pos, x in enumerate(ids))
            attributions.extend(_attribution_row(aid, uid, i, t) for i, t in enumerate(ev.attribution))
        if event_actors:
            conn.executemany("INSERT INTO event_actors (event_uid, article_id, actor_id, role, position, code) "
                             "VALUES (?, ?, ?, ?, ?, ?)", event_actors)
        if attributions:
            conn.executemany("INSERT INTO attributions (article_id, event_uid, seq, source, anonymous, kind, "
                             "span_start, span_end, actor_id, cites) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                             attributions)
        conn.execute("UPDATE articles SET simhash = ?, story_url = ? WHERE id = ?", [fingerprint, story, aid])

    def _one_event(self, aid: str, seq: int, ev: Event, codes: dict[str, str | None]) -> int:
        conn = self.conn
        row = conn.execute("SELECT nextval('event_uid')").fetchone()
        assert row is not None
        uid = int(row[0])
        place = ev.location
        key = MergeKey(root=ev.cameo[:2], source_root=_root_key(ev.source, codes),
                       target_root=_root_key(ev.target, codes), negated=ev.negated,
                       date=ev.date.value if ev.date else None, precision=ev.date.precision if ev.date else None,
                       location_key=_location_key(place), country=place.country if place else None,
                       family=ev.cameo[:3])
        clusters: list[int] = []
        if key.source_root and key.target_root is not None and (key.date is not None or key.location_key):
            sql = ("SELECT uid, article_id, cluster_id, root, source_root, target_root, negated, date, "
                   "date_precision, location_key, location_country, family FROM events WHERE article_id <> ? "
                   "AND root = ? AND negated = ? AND ((source_root = ? AND target_root = ?)")
            params: list[Any] = [aid, key.root, key.negated, key.source_root, key.target_root]
            if key.symmetric:
                sql += " OR (source_root = ? AND target_root = ?)"
                params += [key.target_root, key.source_root]
            rows = conn.execute(sql + ")", params).fetchall()
            clusters = sorted({int(r[2]) for r in rows if same_event(key, _key_of(r))})
        cluster_id = min(clusters) if clusters else uid
        others = [c for c in clusters if c != cluster_id]
        if others:
            conn.execute(f"UPDATE events SET cluster_id = ? WHERE cluster_id IN ({', '.join('?' for _ in others)})",
                         [cluster_id, *others])
        date = ev.date
        values = [uid, aid, ev.id, seq, ev.cameo, ev.cameo[:3], ev.plover, ev.label, ev.goldstein, ev.quad_class,
                  ev.status, ev.negated, ev.plover_mode, ev.plover_context, key.date,
                  date.precision if date else None, date.basis if date else None,
                  place.name if place else None, place.country if place else None, place.lat if place else None,
                  place.lon if place else None, place.geonames_id if place else None, key.location_key,
                  ev.evidence.sentence, ev.evidence.start, ev.evidence.end, ev.trigger.start, ev.trigger.end,
                  _side_key(ev.source, codes), _side_key(ev.target, codes), cluster_id]
        conn.execute(
            "INSERT INTO events (uid, article_id, id, seq, cameo, family, plover, label, goldstein, quad_class, "
            "status, negated, plover_mode, plover_context, date, date_precision, date_basis, location_name, "
            "location_country, lat, lon, geonames_id, location_key, evidence_sentence, evidence_start, "
            "evidence_end, trigger_start, trigger_end, source_key, target_key, cluster_id) "
            "VALUES (" + ", ".join("?" for _ in values) + ")", values)
        conn.execute("UPDATE events SET root = ?, source_root = ?, target_root = ? WHERE uid = ?",
                     [key.root, key.source_root, key.target_root, uid])
        return uid


PLACES = [Location("Kharkiv", "UKR", 49.99, 36.23, 706483), Location("Ankara", "TUR", 39.92, 32.85, 323786),
          Location("Somewhere", None, None, None, None)]
CODES = ["190", "195", "040", "042", "036", "057", "111", "1121", "043"]
COUNTRIES = [("RUS", "MIL"), ("UKR", None), ("TUR", "GOV"), ("FRA", None), (None, None)]


def generated(n: int, seed: int) -> list[Doc]:
    """``n`` articles whose events draw from a few codes, dyads and days: many reports of one event."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    for k in range(n):
        words = [rng.choice(["talks", "strike", "aid", "visit", "said", "officials", "border", "drones"])
                 for _ in range(rng.randint(12, 60))]
        text = " ".join(words) + f" Report {k} {rng.random()}."
        actors = []
        for i in range(rng.randint(1, 4)):
            country, sector = rng.choice(COUNTRIES)
            code = country + sector if country and sector else country
            actors.append(Actor(f"a{i + 1}", f"actor {i}", rng.choice(["person", "country", "group"]), code=code,
                                country=country, sector=sector, anonymous=rng.random() < 0.1))
        mentions = [Mention(Span(i, i + 3), "ORG", rng.choice(actors).id) for i in range(0, rng.randint(0, 12) * 4, 4)]
        quotes = [Quote(Span(0, 5), speaker=actors[0].id, speaker_span=Span(6, 9), anonymous=False)] \
            if rng.random() < 0.4 else []
        said = Attribution("officials", True, "source", Span(1, 4), None)
        events = []
        for j in range(rng.randint(0, 6)):
            src = rng.sample([a.id for a in actors], rng.randint(0 if rng.random() < 0.1 else 1, min(2, len(actors))))
            tgt = rng.sample([a.id for a in actors], rng.randint(0, min(2, len(actors))))
            when = None if rng.random() < 0.25 else dt.date(2024, 3, rng.randint(1, 15))
            precision = rng.choice(["day", "day", "day", "month", "on_or_before"])
            events.append(Event(
                id=f"e{j + 1}", cameo=rng.choice(CODES), plover=None, label="x", goldstein=rng.choice([None, -2.5]),
                quad_class=rng.choice([None, 1, 4]), source=src, target=tgt,
                evidence=Evidence(0, 0, 10), trigger=Span(2, 6),
                date=EventDate(when, precision, "test") if when else None,
                location=rng.choice([None, *PLACES]), negated=rng.random() < 0.1,
                attribution=[said] if rng.random() < 0.5 else []))
        art = Article(f"art-{seed}-{k:04d}", text, f"title {k}", dt.date(2024, 3, rng.randint(1, 9)),
                      None, rng.choice([None, "Reuters", "AP"]))
        docs.append(Doc(art, actors=actors, events=events, mentions=mentions, quotes=quotes,
                        attributions=[said] if rng.random() < 0.3 else []))
    return docs


def tables(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table, order in TABLES.items():
        cols = [r[0] for r in store.conn.execute(f"DESCRIBE {table}").fetchall() if r[0] not in ("added",)]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out[table] = store.conn.execute(f"SELECT {quoted} FROM {table} ORDER BY {order}").fetchall()
    return out


@pytest.mark.parametrize("seed", [1, pytest.param(2, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow)])
def test_batched_store_equals_one_event_at_a_time(seed: int) -> None:
    docs = generated(120, seed)
    batched, reference = Store.memory(), OneByOne.memory()
    for doc in docs:
        assert batched.put(doc) == reference.put(doc)
    got, want = tables(batched), tables(reference)
    assert sum(len(v) for v in want.values()) > 1000
    clusters = {r[30] for r in want["events"]}
    assert len(clusters) < len(want["events"]) - 20  # reports did merge, so the comparison means something
    for table in TABLES:
        assert got[table] == want[table], table
    assert batched.events(all_statuses=True) == reference.events(all_statuses=True)


def bridge() -> list[Doc]:
    """Two stored clusters (days 1 and 5), then an article whose first event joins the day-5 cluster and whose
    second (on or before day 5) bridges both: the first event must end in the merged cluster too."""
    actors = [Actor("a1", "Russia", "country", code="RUS", country="RUS"),
              Actor("a2", "Ukraine", "country", code="UKR", country="UKR")]

    def ev(eid: str, day: int, precision: str = "day") -> Event:
        return Event(id=eid, cameo="190", plover=None, label="x", goldstein=None, quad_class=None, source=["a1"],
                     target=["a2"], evidence=Evidence(0, 0, 5), trigger=Span(0, 3),
                     date=EventDate(dt.date(2024, 3, day), precision, "test"))  # type: ignore[arg-type]

    def doc(aid: str, *events: Event) -> Doc:
        return Doc(Article(aid, f"text of {aid}", None, dt.date(2024, 3, 9)), actors=list(actors), events=list(events))

    return [doc("one", ev("e1", 1)), doc("two", ev("e1", 5)), doc("three", ev("e1", 5), ev("e2", 5, "on_or_before"))]


def test_a_later_event_merging_clusters_moves_the_earlier_events_of_its_article() -> None:
    batched, reference = Store.memory(), OneByOne.memory()
    for d in bridge():
        batched.put(d)
        reference.put(d)
    want = reference.conn.execute("SELECT article_id, id, cluster_id FROM events ORDER BY uid").fetchall()
    assert want == [("one", "e1", 1), ("two", "e1", 1), ("three", "e1", 1), ("three", "e2", 1)]
    assert tables(batched) == tables(reference)


def test_batched_clusters_are_the_rebuilt_ones() -> None:
    store = Store.memory()
    for doc in generated(80, 7):
        store.put(doc)
    before = store.conn.execute("SELECT uid, cluster_id FROM events ORDER BY uid").fetchall()
    store.rebuild_clusters()
    assert store.conn.execute("SELECT uid, cluster_id FROM events ORDER BY uid").fetchall() == before
