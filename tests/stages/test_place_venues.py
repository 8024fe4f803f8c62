"""A kind of place fault (issue 8, round 11), with members of our own: the nationality of those who meet somewhere
does not pull the meeting's venue to a small namesake in their own country ("U.S. officials held talks in Geneva"
is Switzerland's Geneva, not Geneva, Illinois), one nationality named or several; a local story that names the
namesake's state keeps it at home. (Also: the Soviet Union, a region of no GeoNames entry of its own.)"""

from __future__ import annotations

import pytest

from communique.knowledge.gazetteer import Gazetteer
from tests.place_marks import marked_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def country_of(gaz: Gazetteer, text: str, name: str, *marked: tuple[str, str]) -> str | None:
    return next(c for surface, c, _ in marked_places(gaz, text, *marked) if surface == name)


@pytest.mark.parametrize(
    ("text", "city", "country", "want"),
    [
        ("U.S. officials held talks in Geneva on Monday.", "Geneva", "U.S.", "CHE"),
        ("Officials from the U.S. met in Paris.", "Paris", "U.S.", "FRA"),
        ("U.S. negotiators met their counterparts in Vienna.", "Vienna", "U.S.", "AUT"),
        ("The United States held a round of talks in Athens.", "Athens", "United States", "GRC"),
        ("U.S. and Iranian diplomats met in Geneva.", "Geneva", "U.S.", "CHE"),
        ("A U.S. delegation met Irish ministers in Dublin.", "Dublin", "U.S.", "IRL"),
        ("Canada's trade minister met her British counterpart in London.", "London", "Canada", "GBR"),
        ("U.S. envoys met Taliban representatives in Doha.", "Doha", "U.S.", "QAT"),
        ("U.S. officials held talks in Brussels with NATO allies.", "Brussels", "U.S.", "BEL"),
    ],
)
def test_a_meetings_venue_is_not_pulled_home(gaz: Gazetteer, text: str, city: str, country: str, want: str) -> None:
    assert country_of(gaz, text, city, (country, "GPE"), (city, "GPE")) == want


@pytest.mark.parametrize(
    ("text", "marked", "name", "want"),
    [
        # a local story: the state named keeps the town at home
        ("Paris police in Lamar County, Texas met with residents.",
         [("Paris", "GPE"), ("Lamar County", "GPE"), ("Texas", "GPE")], "Paris", "USA"),
        ("City officials met in Athens, Georgia on Tuesday.", [("Athens", "GPE"), ("Georgia", "GPE")], "Athens", "USA"),
        # the namesake at home is the larger: it stays
        ("U.S. officials met in Toledo on Friday.", [("U.S.", "GPE"), ("Toledo", "GPE")], "Toledo", "USA"),
    ],
)
def test_a_local_venue_stays_home(gaz: Gazetteer, text: str, marked: list, name: str, want: str) -> None:
    assert country_of(gaz, text, name, *marked) == want


@pytest.mark.parametrize("name", ["Soviet Union", "USSR", "U.S.S.R."])
def test_the_soviet_union_is_placed_at_its_successor_state(gaz: Gazetteer, name: str) -> None:
    # no current GeoNames entry of its own: Russia's id, read from the gazetteer's own country entry
    text = f"Veterans recalled the {name} in speeches."
    c, russia = gaz.lookup(name), gaz.country("RUS")
    assert c is not None and russia is not None
    assert (c.country, c.geonames_id) == ("RUS", russia.geonames_id)
    assert marked_places(gaz, text, (name, "GPE")) == [(name, "RUS", "region")]
