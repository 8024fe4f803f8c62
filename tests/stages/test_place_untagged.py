"""Kinds of place faults (issue 8, round 10), each with members of our own: places the tagger gave no name at all
or the wrong one -- a division named with its word ("the Benue State commissioner"), a country as a compound's
first part ("the U.S.-led coalition", "Iran-backed militias") and a country's name inside words the tagger passed
over ("the first Ghana Trade Fair")."""

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
        ("The Benue State commissioner for health spoke.", [], [("Benue State", "NGA", "state")]),
        ("Troops returned to Maiduguri Borno State on Friday.", [("Maiduguri", "GPE")],
         [("Maiduguri", "NGA", "city"), ("Borno State", "NGA", "state")]),
        ("Officials of Kaduna State met the governor.", [], [("Kaduna State", "NGA", "state")]),
        # a university is no division
        ("She studied at Ohio State University.", [], []),
        # a name that is no division's
        ("The Golden State Warriors won.", [], []),
    ],
)
def test_a_division_named_with_its_word_the_tagger_left_out(
    gaz: Gazetteer, text: str, marked: list, want: list
) -> None:
    assert marked_places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("Members of the U.S.-led coalition gathered in Berlin.", [("Berlin", "GPE")],
         [("U.S.", "USA", "country"), ("Berlin", "DEU", "city")]),
        ("Iran-backed militias fired rockets.", [], [("Iran", "IRN", "country")]),
        ("A California-based firm filed suit.", [], [("California", "USA", "state")]),
        # a person's entity running over the name is cut before it
        ("By Jane Doe US-based Alcoa said so.", [("Jane Doe US", "PERSON")], [("US", "USA", "country")]),
        # a given name or a common word leads no compound to a place
        ("A Smith-led panel met.", [], []),
        ("The state-run media said so.", [], []),
        # a demonym is not a place
        ("The Saudi-led coalition struck.", [("Saudi", "NORP")], []),
    ],
)
def test_a_place_as_a_compounds_first_part(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("The minister opened the first Ghana Trade Fair in Lagos.", [("Lagos", "GPE")],
         [("Ghana", "GHA", "country"), ("Lagos", "NGA", "city")]),
        ("The envoy of Peru to the Holy See Maria Lopez spoke.", [("Peru", "GPE"), ("Maria Lopez", "PERSON")],
         [("Peru", "PER", "country"), ("Holy See", "VAT", "country")]),
        # inside an organisation's entity it stays the organisation's
        ("The Bank of Ghana raised rates.", [("The Bank of Ghana", "ORG")], []),
        # a given name that is a country's is no country
        ("Jordan Smith scored twice.", [], []),
    ],
)
def test_a_country_the_tagger_passed_over(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want
