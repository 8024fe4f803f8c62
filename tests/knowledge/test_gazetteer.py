"""The offline gazetteer: lookups, disambiguation, caching."""

from __future__ import annotations

import collections
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from communique.knowledge.gazetteer import Candidate, Gazetteer, normalise
from communique.knowledge.gazetteer import cache as gz  # the module whose _build the cache tests replace
from communique.knowledge.gazetteer.index import _Keys


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def look(gaz: Gazetteer, name: str, **kw: Any) -> Candidate:
    found = gaz.lookup(name, **kw)
    assert found is not None, name
    return found


def test_default_is_shared_per_process(gaz: Gazetteer) -> None:
    assert Gazetteer.default() is gaz
    assert len(gaz) > 230_000


def test_damascus(gaz: Gazetteer) -> None:
    assert look(gaz, "Damascus") == Candidate(
        name="Damascus",
        country="SYR",
        lat=33.5102,
        lon=36.29128,
        geonames_id=170654,
        feature="city",
        population=1569394,
        capital=True,
        admin1="13",
    )


def test_country_name_beats_city(gaz: Gazetteer) -> None:
    syria = look(gaz, "Syria")
    assert (syria.name, syria.country, syria.feature, syria.geonames_id) == ("Syria", "SYR", "country", 163843)
    assert look(gaz, "Lebanon").feature == "country"  # not Lebanon, Tennessee
    assert look(gaz, "Jordan").country == "JOR"


def test_aliases_and_possessives(gaz: Gazetteer) -> None:
    for name in ("U.S.", "US", "the United States", "America", "USA"):
        assert look(gaz, name).country == "USA", name
    assert look(gaz, "Britain").country == "GBR"
    assert look(gaz, "Syria's").country == "SYR"
    assert look(gaz, "Russia\u2019s").country == "RUS"
    assert gaz.country_code("U.K.") == "GBR"
    assert gaz.country_code("Paris") is None


def test_demonyms(gaz: Gazetteer) -> None:
    assert gaz.demonym("Syrian") == "SYR"
    assert gaz.demonym("Russian") == "RUS"
    assert gaz.demonym("Damascus") is None


@pytest.mark.parametrize(
    ("name", "context", "expected"),
    [
        ("Paris", (), ("FRA", 2988507)),
        ("Paris", ("USA",), ("USA", 4717560)),  # Paris, Texas: the largest American Paris
        ("Paris", ("USA", "FRA"), ("FRA", 2988507)),  # both in context: the capital
        ("Tripoli", (), ("LBY", 2210247)),
        ("Tripoli", ("LBN",), ("LBN", 266826)),
        ("Georgia", (), ("GEO", 614540)),
        ("Georgia", ("USA",), ("USA", 4197000)),
        ("Georgia", ("USA", "GEO"), ("GEO", 614540)),
        ("Washington", (), ("USA", 4140963)),  # the capital, not the state
        ("New York", (), ("USA", 5128581)),
        ("Texas", ("USA",), ("USA", 4736286)),
    ],
)
def test_disambiguation(gaz: Gazetteer, name: str, context: tuple[str, ...], expected: tuple[str, int]) -> None:
    got = look(gaz, name, context_countries=context)
    assert got is not None
    assert (got.country, got.geonames_id) == expected


def test_alternate_names_count_less_than_primary_names(gaz: Gazetteer) -> None:
    # 'Centreville' is also an old name of a larger California city
    assert (look(gaz, "Centreville", context_countries=("USA",)).admin1) == "VA"
    assert look(gaz, "Bombay").name == "Mumbai"
    assert look(gaz, "Kiev").name == "Kyiv"


def test_qualified_lookup(gaz: Gazetteer) -> None:
    assert look(gaz, "Paris", country="USA", admin1="KY").geonames_id == 4303602
    assert look(gaz, "Paris", country="ATA").country == "FRA"  # no Paris there: ignored


def test_own_regions_and_sites(gaz: Gazetteer) -> None:
    assert look(gaz, "Hmeimim air base") == Candidate(
        name="Hmeimim Air Base", country="SYR", lat=35.4011, lon=35.9486, geonames_id=None, feature="site"
    )
    assert (look(gaz, "the Middle East").name, look(gaz, "the Middle East").feature) == ("Middle East", "region")
    assert look(gaz, "Gaza Strip").country == "PSE"
    assert look(gaz, "West Bank").country == "PSE"
    africa = look(gaz, "Africa")
    assert (africa.feature, africa.country, africa.geonames_id) == ("continent", None, 6255146)


def test_diacritics_are_optional(gaz: Gazetteer) -> None:
    assert look(gaz, "Sao Paulo").geonames_id == look(gaz, "São Paulo").geonames_id == 3448439


def test_unknown(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwxzvbnm") is None
    assert gaz.lookup("") is None
    assert gaz.candidates("Qwxzvbnm") == []


def test_candidates_are_ranked(gaz: Gazetteer) -> None:
    found = gaz.candidates("Tripoli")
    assert [c.country for c in found[:2]] == ["LBY", "LBN"]


def test_by_id(gaz: Gazetteer) -> None:
    assert gaz.by_id(170654) == look(gaz, "Damascus")
    assert gaz.by_id(1) is None


def test_by_id_is_the_linear_scan_of_the_ids(gaz: Gazetteer) -> None:
    """The sorted-id search finds what ``gid.index`` finds: every 997th entry, the first of two entries sharing an
    id, no entry for 0 (our own places without an id), for an absent id or one past either end."""
    gid = list(gaz._ix.gid)
    shared = [i for i, n in collections.Counter(gid).items() if i and n > 1]
    assert shared, "the index has two entries with one id (test it)"
    present = set(gid)
    for i in [*gid[::997], *shared, 0, 1, -5, max(gid) + 1]:
        assert gaz.by_id(i) == (gaz._entry(gid.index(i)) if i and i in present else None), i


def test_place_and_location(gaz: Gazetteer) -> None:
    from communique.model import Location, Place, Span

    c = look(gaz, "Damascus")
    assert c.place(Span(3, 11)) == Place(Span(3, 11), "Damascus", "SYR", 33.5102, 36.29128, 170654, "city")
    assert c.location(Span(3, 11)) == Location("Damascus", "SYR", 33.5102, 36.29128, 170654, Span(3, 11))


def test_normalise() -> None:
    assert normalise("  The  Gaza\nStrip ") == "gaza strip"
    assert normalise("Syria's") == "syria"
    assert normalise("ÜBER") == "über"


def test_cache_dir_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COMMUNIQUE_CACHE", str(tmp_path))
    assert gz.cache_dir() == tmp_path


def test_reads_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a tiny hand-made index stands in for the real build: the cache is read, not rebuilt
    ix = gz._Index()
    i = ix.add("Testville", "SYR", 1.0, 2.0, 42, 1000, "city")
    ix.key("Testville", i)
    (tmp_path / gz._cache_name()).write_bytes(pickle.dumps(ix.state()))
    monkeypatch.setattr(gz, "_build", lambda: pytest.fail("rebuilt despite the cache"))
    g = Gazetteer(cache=tmp_path)
    assert g.lookup("testville") == Candidate("Testville", "SYR", 1.0, 2.0, 42, "city", 1000)


def test_writes_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ix = gz._Index()
    ix.key("Nowhere", ix.add("Nowhere", None, None, None, None, 0, "region"))
    monkeypatch.setattr(gz, "_build", lambda: ix)
    g = Gazetteer(cache=tmp_path / "sub")
    assert g.lookup("nowhere") == Candidate("Nowhere", None, None, None, None, "region")
    assert (tmp_path / "sub" / gz._cache_name()).is_file()


def test_build_keeps_versions_in_use_and_removes_stale_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # worktrees or installs on other gazetteer versions share the cache folder: a build deletes only our own
    # files no process has loaded for two weeks and dead temporary files, never a version in use or a stranger
    import os
    import time

    old = time.time() - gz.STALE_CACHE_SECONDS - 60
    in_use = tmp_path / "gazetteer-geonamescache0-localis0-aaaaaaaaaaaa.pickle"
    stale = tmp_path / "gazetteer-geonamescache0-localis0-bbbbbbbbbbbb.pickle"
    dead_tmp = tmp_path / "gazetteer-x1.tmp"
    live_tmp = tmp_path / "gazetteer-x2.tmp"
    stranger = tmp_path / "labels-old.pickle"
    for f in (in_use, stale, dead_tmp, live_tmp, stranger):
        f.write_bytes(b"x")
    for f in (stale, dead_tmp, stranger):
        os.utime(f, (old, old))
    ix = gz._Index()
    ix.key("Nowhere", ix.add("Nowhere", None, None, None, None, 0, "region"))
    monkeypatch.setattr(gz, "_build", lambda: ix)
    Gazetteer(cache=tmp_path)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([in_use.name, live_tmp.name, stranger.name, gz._cache_name()])
    # loading a build marks it in use
    mine = tmp_path / gz._cache_name()
    os.utime(mine, (old, old))
    monkeypatch.setattr(gz, "_build", lambda: pytest.fail("rebuilt despite the cache"))
    Gazetteer(cache=tmp_path)
    assert time.time() - mine.stat().st_mtime < 60


@settings(max_examples=300, deadline=None)
@given(name=st.text(max_size=40), context=st.lists(st.sampled_from(["USA", "SYR", "", "xx"]), max_size=3))
def test_lookup_never_raises(gaz: Gazetteer, name: str, context: list[str]) -> None:
    got = gaz.lookup(name, context_countries=context)
    assert got is None or isinstance(got, Candidate)


def test_context_does_not_shrink_a_capital_to_a_village(gaz: Gazetteer) -> None:
    assert look(gaz, "Cairo", context_countries=("USA",)).country == "EGY"
    assert look(gaz, "Moscow", context_countries=("USA",)).country == "RUS"
    assert look(gaz, "London", context_countries=("CAN",)).country == "CAN"  # London, Ontario is no village


@settings(max_examples=200, deadline=None)
@given(
    mapping=st.dictionaries(
        st.text(alphabet=st.characters(blacklist_characters="\0"), max_size=12),
        st.one_of(st.integers(0, 10**6), st.lists(st.integers(0, 10**6), min_size=2, max_size=4).map(tuple)),
        max_size=30,
    ),
    probe=st.text(max_size=12),
)
def test_compact_keys_answer_like_the_dict(mapping: dict, probe: str) -> None:
    keys = _Keys(mapping)
    assert len(keys) == len(mapping)
    assert all(keys.get(k) == v for k, v in mapping.items())
    assert keys.get(probe) == mapping.get(probe)


def test_remembered_lookups_equal_fresh_ones(gaz: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.knowledge.gazetteer import lookup as lk

    names = ["Paris", "Georgia", "Democratic Republic of Congo", "Hodeida", "Nowhere-at-all", "Paris", "Georgia"]
    want = [gaz._find_ids(n) for n in names]
    monkeypatch.setattr(lk, "_IDS_MEMO_SIZE", 3)  # the memo fills and starts afresh on the way
    gaz._ids_of.clear()
    assert [gaz._ids(n) for n in names] == want
    assert len(gaz._ids_of) <= 3
    assert [gaz.lookup(n) for n in names] == [
        gaz._entry(gaz._ranked(w, (), normalise(n))[0]) if w else None for n, w in zip(names, want, strict=True)
    ]
