"""A kind of missed toponym (issue 8, round 11), with members of our own: the place a public body serves, named
inside the body's name ("the Ohio State Police", "Kenya Army", "Governor of Texas"; a country, state or county,
not a town: "the Chicago Police Department" stays one name), and a country named for its
currency inside an amount ("12 billion US dollars"), are places, as GeoNames-based geoparsing counts them; a
party, team, newspaper or company named after a place is not."""

from __future__ import annotations

import pytest

from communique.knowledge.gazetteer import Gazetteer
from tests.place_marks import marked_places


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize(
    ("text", "org", "want"),
    [
        ("A spokesman for the Ohio State Police said the road was closed.", "the Ohio State Police",
         [("Ohio", "USA", "state")]),
        ("The Kenya Army deployed two battalions.", "The Kenya Army", [("Kenya", "KEN", "country")]),
        ("The Manitoba Premier announced the plan.", "The Manitoba Premier", [("Manitoba", "CAN", "state")]),
        ("A letter reached the Governor of Texas on Friday.", "the Governor of Texas", [("Texas", "USA", "state")]),
        ("The U.S. Census Bureau released the figures.", "The U.S. Census Bureau", [("U.S.", "USA", "country")]),
        ("The Cook County Sheriff said two men were held.", "The Cook County Sheriff",
         [("Cook County", "USA", "county")]),
    ],
)
def test_a_public_bodys_jurisdiction_is_a_place(gaz: Gazetteer, text: str, org: str, want: list) -> None:
    assert marked_places(gaz, text, (org, "ORG")) == want


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("United Russia won the vote.", "United Russia"),
        ("The Washington Post reported the deal.", "The Washington Post"),
        ("The Texas Rangers won on Sunday.", "The Texas Rangers"),
        ("The Kidney Foundation of Canada raised funds.", "The Kidney Foundation of Canada"),
        ("Radio Free Europe broadcast the speech.", "Radio Free Europe"),
        # a town's own body keeps its name whole: the town inside it would undo the body as an actor
        ("Officers of the Chicago Police Department arrived.", "the Chicago Police Department"),
    ],
)
def test_other_names_hold_no_place(gaz: Gazetteer, text: str, org: str) -> None:
    assert marked_places(gaz, text, (org, "ORG")) == []


def test_a_currency_names_its_country(gaz: Gazetteer) -> None:
    text = "The projects are worth 12 billion US dollars in all."
    assert marked_places(gaz, text, ("12 billion US dollars", "MONEY")) == [("US", "USA", "country")]
    # a currency sign or a demonym is no toponym
    text = "The projects are worth US$12 billion, or 15 billion Canadian dollars."
    assert marked_places(gaz, text, ("US$12 billion", "MONEY"), ("15 billion Canadian dollars", "MONEY")) == []
