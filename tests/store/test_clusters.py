"""One event, many reports: articles of different outlets analysed by the real pipeline and merged by the store
(:mod:`communique.store.db.clusters`), and the merge decision on keys of our own (sentences of our own)."""

from __future__ import annotations

import datetime as dt

from communique import Pipeline, analyze
from communique.store import Store
from communique.store.db.clusters import MergeKey, same_event

ATTACK = "Jihadist fighters attacked a Malian army base in Boulkessi on Sunday, the army said."


def _store(pipeline: Pipeline, articles: list[tuple[str, str, str]]) -> Store:
    s = Store.memory()
    for day, outlet, text in articles:
        s.add(analyze(text, published=day, outlet=outlet, pipeline=pipeline))
    return s


def _merged(s: Store) -> list[tuple[str, str, str, str, int, int]]:
    return sorted((e["cameo"], e["source"], e["target"], str(e["date"]), e["corroboration"], e["outlets"])
                  for e in s.events(all_statuses=True))


def test_two_outlets_wording_one_attack_differently_give_one_event(pipeline: Pipeline) -> None:
    s = _store(pipeline, [
        ("2025-03-10", "Sahel Wire", ATTACK),
        ("2025-03-10", "Niger Courier", "Suspected militants ambushed Malian soldiers near Boulkessi on Sunday, "
                                        "the army said."),
    ])
    assert _merged(s) == [("190", "UAF", "MLIMIL", "2025-03-09", 2, 2)]
    assert s.rebuild_clusters() == 1


def test_two_attacks_of_the_same_sides_on_different_days_give_two_events(pipeline: Pipeline) -> None:
    s = _store(pipeline, [
        ("2025-03-10", "Sahel Wire", ATTACK),
        ("2025-03-21", "Desert Times", ATTACK.replace("Sunday", "Thursday")),
    ])
    assert _merged(s) == [("190", "UAF", "MLIMIL", "2025-03-09", 1, 1), ("190", "UAF", "MLIMIL", "2025-03-20", 1, 1)]
    assert s.rebuild_clusters() == 2


def _key(date: str, *, root: str = "19", source: str = "UAF", target: str = "MLI", precision: str = "day",
         place: str | None = None, country: str | None = None, negated: bool = False) -> MergeKey:
    return MergeKey(root=root, source_root=source, target_root=target, negated=negated,
                    date=dt.date.fromisoformat(date), precision=precision, location_key=place, country=country,
                    family=root + "0")


def test_merge_decision_by_kind() -> None:
    monday = _key("2025-03-10")
    # one event: the same day, a day either way (time zones), a date "on or before" within a week
    assert same_event(monday, _key("2025-03-10"))
    assert same_event(monday, _key("2025-03-11"))
    assert same_event(monday, _key("2025-03-14", precision="on_or_before"))
    assert same_event(monday, _key("2025-03-01", precision="month"))
    # two events: other days, another action family, a denied one against a reported one, other sides,
    # places in two countries
    assert not same_event(monday, _key("2025-03-13"))
    assert not same_event(monday, _key("2025-03-10", root="18"))
    assert not same_event(monday, _key("2025-03-10", negated=True))
    assert not same_event(monday, _key("2025-03-10", target="NER"))
    assert not same_event(_key("2025-03-10", country="MLI"), _key("2025-03-10", country="NER"))
    # a meeting is one whichever side hosts it; an attack is not
    assert same_event(_key("2025-03-10", root="04", source="FRA", target="DEU"),
                      _key("2025-03-10", root="04", source="DEU", target="FRA"))
    assert not same_event(_key("2025-03-10", source="FRA", target="DEU"),
                          _key("2025-03-10", source="DEU", target="FRA"))


# -- places: two towns of one country are two events; a town and its country or state are compatible -------------

KANO_RAID = "Gunmen attacked a police station in {place} on Tuesday, killing three officers, police said."


def test_two_attacks_in_two_cities_of_one_country_on_one_day_give_two_events(pipeline: Pipeline) -> None:
    s = _store(pipeline, [
        ("2025-06-11", "Lake Chad Post", KANO_RAID.format(place="Kano")),
        ("2025-06-11", "Sahel Wire", KANO_RAID.format(place="Maiduguri")),
    ])
    assert [row[4] for row in _merged(s)] == [1, 1]
    assert s.rebuild_clusters() == 2


def test_an_attack_in_a_city_and_one_in_its_country_on_one_day_give_one_event(pipeline: Pipeline) -> None:
    s = _store(pipeline, [
        ("2025-06-11", "Lake Chad Post", KANO_RAID.format(place="Kano")),
        ("2025-06-11", "Sahel Wire", KANO_RAID.format(place="Nigeria")),
    ])
    assert [row[4:] for row in _merged(s)] == [(2, 2)]
    assert s.rebuild_clusters() == 1


KANO, MAIDUGURI, IKEJA, LAGOS = "geonames:2335204", "geonames:2331447", "geonames:2338313", "geonames:2332459"
NIGERIA, KANO_STATE, BORNO_STATE = "geonames:2328926", "geonames:2335196", "geonames:2346794"


def test_merge_decision_by_place() -> None:
    def at(place: str | None) -> MergeKey:
        return _key("2025-06-10", place=place, country="NGA" if place else None)

    # two resolved towns far apart: two events, whichever way round
    assert not same_event(at(KANO), at(MAIDUGURI))
    assert not same_event(at(MAIDUGURI), at(LAGOS))
    # a city and its suburb (about 15 km): one event may be placed at either
    assert same_event(at(LAGOS), at(IKEJA))
    # a town and its country, or its own state: compatible; a town and another state: not
    assert same_event(at(KANO), at(NIGERIA))
    assert same_event(at(NIGERIA), at(MAIDUGURI))
    assert same_event(at(KANO), at(KANO_STATE))
    assert same_event(at(BORNO_STATE), at(MAIDUGURI))
    assert not same_event(at(KANO_STATE), at(MAIDUGURI))
    # a place unknown on one side, or a name the gazetteer did not resolve: compatible
    assert same_event(at(KANO), at(None))
    assert same_event(at(KANO), at("name:dala market|NGA"))
