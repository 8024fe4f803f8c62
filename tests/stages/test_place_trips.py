"""A kind of place fault (issue 8, round 10), with members of our own: the end of a trip by someone of the story's
country is a national capital abroad, not a small namesake at home ("the U.S. envoy flew to Paris"), unless the
story names the namesake's state."""

from __future__ import annotations

import pytest

from communique.knowledge.gazetteer import Gazetteer
from tests.place_marks import marked_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("The U.S. envoy flew to Paris on Monday.", [("U.S.", "GPE"), ("Paris", "GPE")],
         [("U.S.", "USA", "country"), ("Paris", "FRA", "city")]),
        ("The U.S. trade team travelled to Rome for talks.", [("U.S.", "GPE"), ("Rome", "GPE")],
         [("U.S.", "USA", "country"), ("Rome", "ITA", "city")]),
        ("Canada's minister arrived in London on Friday.", [("Canada", "GPE"), ("London", "GPE")],
         [("Canada", "CAN", "country"), ("London", "GBR", "city")]),
        # a local story naming the namesake's state keeps it at home
        ("Police in Lamar County, Texas said the man travelled to Paris.",
         [("Lamar County", "GPE"), ("Texas", "GPE"), ("Paris", "GPE")],
         [("Lamar County", "USA", "county"), ("Texas", "USA", "state"), ("Paris", "USA", "city")]),
        # no trip: the story's country decides as before
        ("A Texas mayor drove to Paris on Monday.", [("Texas", "GPE"), ("Paris", "GPE")],
         [("Texas", "USA", "state"), ("Paris", "USA", "city")]),
    ],
)
def test_a_trips_end_is_a_capital_abroad(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want
