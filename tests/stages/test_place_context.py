"""A story's context against namesakes (issue 8, round 7): each quoted input, then other members of its kind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from communique.knowledge.gazetteer import Gazetteer

sys.path.insert(0, str(Path(__file__).parents[1]))
from place_marks import marked_places  # noqa: E402


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def places(gaz: Gazetteer, text: str, *marked: tuple[str, str]) -> list[tuple[str, str | None, str]]:
    return marked_places(gaz, text, *marked)


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a division of the story's country with no people does not outweigh a city of 410,000 elsewhere
        (
            "Israeli air strikes killed 12 people in Gaza on Tuesday, health officials said.",
            [("Israeli", "NORP"), ("Gaza", "GPE")],
            [("Gaza", "PSE", "city")],
        ),
        (
            "Israeli troops withdrew from Gaza, the army said.",
            [("Israeli", "NORP"), ("Gaza", "GPE")],
            [("Gaza", "PSE", "city")],
        ),
        # the Mozambican province when the story is Mozambique's
        (
            "Floods hit Gaza province in southern Mozambique.",
            [("Gaza province", "GPE"), ("Mozambique", "GPE")],
            [("Gaza province", "MOZ", "state"), ("Mozambique", "MOZ", "country")],
        ),
        (
            "Flooding in Gaza displaced thousands, Mozambican officials said.",
            [("Gaza", "GPE"), ("Mozambican", "NORP")],
            [("Gaza", "MOZ", "state")],
        ),
    ],
)
def test_a_city_against_a_namesake_division(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a name two countries share is the one whose capital the story names
        (
            "Protesters in Brazzaville marched against the government of Congo.",
            [("Brazzaville", "GPE"), ("Congo", "GPE")],
            [("Brazzaville", "COG", "city"), ("Congo", "COG", "country")],
        ),
        (
            "The president of Congo spoke to reporters in Brazzaville.",
            [("Congo", "GPE"), ("Brazzaville", "GPE")],
            [("Congo", "COG", "country"), ("Brazzaville", "COG", "city")],
        ),
        (
            "Rebels in eastern Congo attacked a village, officials in Kinshasa said.",
            [("Congo", "GPE"), ("Kinshasa", "GPE")],
            [("Congo", "COD", "country"), ("Kinshasa", "COD", "city")],
        ),
        # both capitals named: the larger, as with no capital
        (
            "Envoys from Brazzaville and Kinshasa met to discuss Congo.",
            [("Brazzaville", "GPE"), ("Kinshasa", "GPE"), ("Congo", "GPE")],
            [("Brazzaville", "COG", "city"), ("Kinshasa", "COD", "city"), ("Congo", "COD", "country")],
        ),
        # a capital never pulls a town to its country: Paris beside Washington stays France's
        (
            "Officials in Washington and Paris discussed the deal.",
            [("Washington", "GPE"), ("Paris", "GPE")],
            [("Washington", "USA", "city"), ("Paris", "FRA", "city")],
        ),
    ],
)
def test_a_shared_country_name_goes_with_the_capital_named(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # wire datelines after a sentence or a byline, the dash optional, whatever the tagger called them
        (
            "The law gives the Guard a supporting role. WASHINGTON (AP) - The president renewed his attack.",
            [("Guard", "ORG"), ("WASHINGTON", "ORG")],
            [("WASHINGTON", "USA", "city")],
        ),
        (
            "By Jane Roe and John Doe, Associated Press NAIROBI (AP) \u2014 Kenya's parliament voted on Friday.",
            [("Jane Roe", "PERSON"), ("John Doe", "PERSON"), ("NAIROBI", "ORG"), ("Kenya", "GPE")],
            [("NAIROBI", "KEN", "city"), ("Kenya", "KEN", "country")],
        ),
        # a large city tagged as an organisation, listed before a place or after "the cities of"
        (
            "Airlines want direct flights between Harare and London again.",
            [("Harare", "ORG"), ("London", "GPE")],
            [("Harare", "ZWE", "city"), ("London", "GBR", "city")],
        ),
        (
            "Matches were shifted from Osaka to the cities of Kobe and Kyoto.",
            [("Osaka", "GPE"), ("Kobe", "ORG"), ("Kyoto", "ORG")],
            [("Osaka", "JPN", "city"), ("Kobe", "JPN", "city"), ("Kyoto", "JPN", "city")],
        ),
        # ... or before a place's noun
        (
            "The former president appeared in a Durban court on Friday.",
            [("Durban", "ORG")],
            [("Durban", "ZAF", "city")],
        ),
        (
            "Work will start soon to improve Tijuana's sewage system.",
            [("Tijuana", "ORG")],
            [("Tijuana", "MEX", "city")],
        ),
        # not before a person's noun or a verb
        ("The judge rejected the plea made by Tyler's attorney.", [("Tyler", "ORG")], []),
        ("The White House announced new tariffs.", [("The White House", "ORG")], []),
    ],
)
def test_places_the_tagger_called_organisations(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want
