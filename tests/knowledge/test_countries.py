from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.knowledge.countries import (
    Country,
    capital_of,
    countries,
    country_name,
    is_capital,
    resolve_country,
)


def test_united_states_record() -> None:
    assert countries()["USA"] == Country(
        iso3="USA",
        iso2="US",
        name="United States",
        demonyms=("American",),
        capital="Washington, D.C.",
        aliases=("US", "U.S.", "USA", "U.S.A.", "America", "United States of America"),
    )


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("United States", "USA"),
        ("the U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("Americans", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("Russian Federation", "RUS"),
        ("Russians", "RUS"),
        ("Russia's", "RUS"),
        ("Russia\u2019s", "RUS"),
        ("RUSSIA", "RUS"),
        ("Syrian", "SYR"),
        ("Iranian", "IRN"),
        ("Israeli", "ISR"),
        ("Türkiye", "TUR"),
        ("Turkish", "TUR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Gaza", "PSE"),
        ("Palestinians", "PSE"),
        ("Emirati", "ARE"),
        ("UAE", "ARE"),
        ("Saudi", "SAU"),
        ("Saudis", "SAU"),
        ("Chinese", "CHN"),
        ("Congolese", "COD"),
        ("the Netherlands", "NLD"),
        ("Niger", "NER"),
        ("Kosovo", "XKX"),
    ],
)
def test_resolve_country(text: str, iso3: str) -> None:
    assert resolve_country(text) == iso3


@pytest.mark.parametrize("text", ["Kurdish", "us", "in", "IS", "the", "", "Korea", "Moscow", "Hamas"])
def test_resolve_country_rejects(text: str) -> None:
    assert resolve_country(text) is None


def test_names_and_capitals() -> None:
    assert [country_name("PSE"), capital_of("RUS"), capital_of("ATA")] == ["Palestine", "Moscow", None]
    with pytest.raises(KeyError, match="unknown ISO alpha-3 country code 'XXX'"):
        country_name("XXX")
    with pytest.raises(KeyError):
        capital_of("XXX")


@pytest.mark.parametrize(
    ("city", "iso3"),
    [
        ("Moscow", "RUS"),
        ("Washington", "USA"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Tehran", "IRN"),
        ("Moscow's", "RUS"),
        ("Springfield", None),
    ],
)
def test_is_capital(city: str, iso3: str | None) -> None:
    assert is_capital(city) == iso3


def test_every_capital_resolves_to_some_country() -> None:
    assert all(is_capital(c.capital) is not None for c in countries().values() if c.capital)


def test_a_first_build_equals_the_cached_index() -> None:
    """A build with the cache cleared gives the same table; its time is a figure of scripts/bench_knowledge.py."""
    from communique.knowledge import countries as module

    cached = dict(countries())
    module._index.cache_clear()
    rebuilt = countries()
    assert rebuilt == cached and len(rebuilt) > 240
    assert rebuilt["RUS"].name == cached["RUS"].name and resolve_country("Russia") == "RUS"


@given(st.text())
def test_resolve_country_never_raises(text: str) -> None:
    assert resolve_country(text) is None or resolve_country(text) in countries()


@given(st.sampled_from(sorted(countries())), st.sampled_from(["{}", "the {}", "{}'s", "{}\u2019s"]))
def test_every_name_round_trips(iso3: str, template: str) -> None:
    assert resolve_country(template.format(country_name(iso3))) == iso3
