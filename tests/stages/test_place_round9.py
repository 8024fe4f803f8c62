"""Kinds of place faults (issue 8, round 9), each with members of our own: a name the tagger cut before a particle
("Deir" of "Deir ez-Zor"), a division named with its word ("Punjab province", "Enugu State") or qualifying a name
the tagger called a person ("Valencia, Carabobo state"; "Deal, Kent"), a city listed beside provinces ("Ontario and
Quebec"), and a populous county with no country of the story to choose ("Police in Kent")."""

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
        ("Government forces advanced towards Palmyra and Deir ez-Zor.", [("Palmyra", "PERSON"), ("Deir", "PROPN")],
         [("Palmyra", "SYR", "city"), ("Deir ez-Zor", "SYR", "city")]),
        ("Troops retook Deir ez-Zor on Monday.", [("Deir", "PROPN"), ("Zor", "PROPN")],
         [("Deir ez-Zor", "SYR", "city")]),
        ("The ferry sailed from Dar es Salaam at dawn.", [("Dar", "PERSON")], [("Dar es Salaam", "TZA", "city")]),
        # a hyphenated name split in two
        ("Tourism in Gilgit-Baltistan grew.", [("Gilgit", "ORG"), ("Baltistan", "PROPN")],
         [("Gilgit-Baltistan", "PAK", "state")]),
        ("Floods hit Baden-Württemberg overnight.", [("Baden", "GPE"), ("Württemberg", "GPE")],
         [("Baden-Württemberg", "DEU", "state")]),
        # a person's name with a particle is none
        ("The poet Omar el Sharif spoke.", [("Omar", "PERSON")], []),
    ],
)
def test_a_name_cut_before_its_particle_is_grown(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("The governor of Punjab province resigned.", [("Punjab", "NORP")], [("Punjab", "PAK", "state")]),
        ("Clashes spread across Helmand province.", [("Helmand", "PERSON")], [("Helmand", "AFG", "state")]),
        ("An ex-governor of Enugu State and the Rivers State governor held talks.",
         [("Enugu State", "ORG"), ("the Rivers State", "ORG")],
         [("Enugu State", "NGA", "state"), ("Rivers State", "NGA", "state")]),
        # a nationality before "state" is none ("the Islamic State" group)
        ("Fighters of the Islamic State fled.", [("Islamic", "NORP")], []),
    ],
)
def test_a_division_named_with_its_word(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("Valencia, Carabobo state, was without power.", [("Valencia", "PERSON"), ("Carabobo", "GPE")],
         [("Valencia", "VEN", "city"), ("Carabobo", "VEN", "state")]),
        ("Rain fell on Padstow, Cornwall, and Sidmouth, Devon.",
         [("Padstow", "ORG"), ("Cornwall", "GPE"), ("Sidmouth", "PERSON"), ("Devon", "GPE")],
         [("Padstow", "GBR", "city"), ("Cornwall", "GBR", "county"), ("Sidmouth", "GBR", "city"),
          ("Devon", "GBR", "county")]),
        ("The race moves to Deal, Kent, in June.", [("Deal", "PERSON"), ("Kent", "PERSON")],
         [("Deal", "GBR", "city"), ("Kent", "GBR", "county")]),
    ],
)
def test_a_qualifier_makes_a_person_s_name_a_place(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("Voters in Ontario and Quebec went to the polls.", [("Ontario", "GPE"), ("Quebec", "GPE")],
         [("Ontario", "CAN", "state"), ("Quebec", "CAN", "state")]),
        ("Officials from Quebec, Ontario and Alberta met.", [("Quebec", "GPE"), ("Ontario", "GPE"), ("Alberta", "GPE")],
         [("Quebec", "CAN", "state"), ("Ontario", "CAN", "state"), ("Alberta", "CAN", "state")]),
        # a city alone stays a city; a capital listed with states stays the capital
        ("He flew from Quebec to Toronto.", [("Quebec", "GPE"), ("Toronto", "GPE")],
         [("Quebec", "CAN", "city"), ("Toronto", "CAN", "city")]),
        ("Protests in Maryland, Virginia and Washington grew.",
         [("Maryland", "GPE"), ("Virginia", "GPE"), ("Washington", "GPE")],
         [("Maryland", "USA", "state"), ("Virginia", "USA", "state"), ("Washington", "USA", "city")]),
    ],
)
def test_a_city_listed_beside_states_is_the_state(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        ("Police in Kent said the driver had died.", [("Kent", "GPE")], [("Kent", "GBR", "county")]),
        ("Floods cut roads across Essex.", [("Essex", "GPE")], [("Essex", "GBR", "county")]),
        # a metropolis or a large city keeps its name; a story's country still decides
        ("Fans filled the stadium in Barcelona.", [("Barcelona", "GPE")], [("Barcelona", "ESP", "city")]),
        ("Students rallied at the university in Kent, Ohio.", [("Kent", "GPE"), ("Ohio", "GPE")],
         [("Kent", "USA", "city"), ("Ohio", "USA", "state")]),
    ],
)
def test_a_populous_county_with_no_country_to_choose(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert marked_places(gaz, text, *marked) == want
