"""Towns the tagger called people, found by the words around them (issue 8, round 8): each kind with its own
sentences, and the look-alikes that stay people."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from communique.knowledge.gazetteer import Gazetteer
from communique.stages.place import datelines

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
        # the end or start of a journey: a town of 1,000 people or more
        (
            "Instead of driving to Castlegar, residents can now apply at the new office.",
            [("Castlegar", "PERSON")],
            [("Castlegar", "CAN", "city")],
        ),
        (
            "The couple moved back to Cirencester after the war.",
            [("Cirencester", "PERSON")],
            [("Cirencester", "GBR", "city")],
        ),
        (
            "Hundreds of families fled from Owerri when the fighting began.",
            [("Owerri", "PERSON")],
            [("Owerri", "NGA", "city")],
        ),
        # a person's home town in apposition
        (
            "Tom Brown, of Cirencester, was fined 200 pounds.",
            [("Tom Brown", "PERSON"), ("Cirencester", "PERSON")],
            [("Cirencester", "GBR", "city")],
        ),
        # not a journey: words to a person, something handed to one
        ("The minister spoke to Castlegar on Friday.", [("Castlegar", "PERSON")], []),
        ("The award went to Castlegar, who scored twice.", [("Castlegar", "PERSON")], []),
        # "of" not in apposition
        ("A friend of Castlegar said he was innocent.", [("Castlegar", "PERSON")], []),
    ],
)
def test_a_town_tagged_as_a_person(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # after at/from/to: a town of 20,000 people or more (it had needed 100,000)
        (
            "The comedy tour comes to Grantham next month.",
            [("Grantham", "ORG")],
            [("Grantham", "GBR", "city")],
        ),
        (
            "The injured cyclist was seen at Dewsbury on Sunday.",
            [("Dewsbury", "PERSON")],
            [("Dewsbury", "GBR", "city")],
        ),
        # a person after "according to", "a resemblance to", "lost to": a city only if it is a large one
        ("According to Dewsbury, the team was impressed.", [("Dewsbury", "PERSON")], []),
        ("His resemblance to Kettering was striking.", [("Kettering", "PERSON")], []),
        # still not a village after "at" ("at Smith's" is no town of 1,000)
        ("The meeting was held at Coggeshall on Friday.", [("Coggeshall", "ORG")], []),
    ],
)
def test_a_town_after_a_preposition(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a large city in capitals before the story's first word, no dash
        ("OKLAHOMA CITY The first buses of striking teachers arrived on Monday.", ["OKLAHOMA CITY"]),
        ("Some text.\nSAN ANTONIO Coaches gathered for the final.", ["SAN ANTONIO"]),
        # a dateline's date in capitals with its year, and a doubled comma
        ("TIJUANA & SAN DIEGO,, MARCH 29, 2018 -- Work on the pipes began.", ["TIJUANA", "SAN DIEGO"]),
        # a region's abbreviation before a wire's dashes; a state's abbreviation even after a place we do not know
        ("PLEASANTON, Calif.--(BUSINESS WIRE)--A maker of sensors said", ["PLEASANTON", "Calif."]),
        ("FORT NOWHERE, Wash. - Soldiers trained on Monday.", ["Wash."]),
        ("FORT NOWHERE, Smith - Soldiers trained on Monday.", []),
        # a headline's word in capitals, or a small town's name, is no dateline
        ("BREAKING Officials said the bridge was closed.", []),
        ("SPEAKING Officials said the bridge was closed.", []),
        # not inside a line
        ("The team from SAN ANTONIO Spurs won.", []),
    ],
)
def test_datelines_in_capitals_without_a_dash(gaz: Gazetteer, text: str, want: list[str]) -> None:
    assert [text[s:e] for s, e, _ in sorted(datelines(text, gaz))] == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a place in the possessive inside what the tagger called an organisation or a person
        (
            "Peru's Energy Minister resigned on Friday.",
            [("Peru's Energy Minister", "ORG")],
            [("Peru", "PER", "country")],
        ),
        (
            "Leeds’s Central Library will close for a year.",
            [("Leeds’s Central Library", "ORG")],
            [("Leeds", "GBR", "city")],
        ),
        (
            "Ontario's Progressive Conservatives won the vote.",
            [("Ontario's Progressive Conservatives", "ORG")],
            [("Ontario", "CAN", "state")],
        ),
        # a person's or a small town's name stays whole: a given name, a village
        ("Mary's Bakery sold out by noon.", [("Mary's Bakery", "ORG")], []),
        ("Jordan's Furniture opened a store.", [("Jordan's Furniture", "ORG")], []),
        ("Coggeshall's Village Hall was full.", [("Coggeshall's Village Hall", "ORG")], []),
    ],
)
def test_a_place_in_the_possessive_inside_a_name(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


@pytest.mark.parametrize(
    ("text", "marked", "want"),
    [
        # a lower-case word the tagger took into a known place's name
        (
            "Cooler currents in the Atlantic equatorial belt were recorded in May.",
            [("Atlantic equatorial", "LOC")],
            [("Atlantic", None, "sea")],
        ),
        # two countries with the list's comma missing
        (
            "Youth unemployment is high in Cyprus, Greece Italy or Spain.",
            [("Cyprus", "GPE"), ("Greece Italy", "GPE"), ("Spain", "GPE")],
            [("Cyprus", "CYP", "country"), ("Greece", "GRC", "country"), ("Italy", "ITA", "country"),
             ("Spain", "ESP", "country")],
        ),
        # not a small town's name that is a word ("Grand"), nor two words of which one is no country
        ("They met at Grand and State where the trains stop.", [("Grand and State where", "GPE")], []),
        ("Fans gathered in New Jersey Devils colours.", [("New Jersey Devils colours", "GPE")], []),
    ],
)
def test_a_place_with_a_word_too_many(gaz: Gazetteer, text: str, marked: list, want: list) -> None:
    assert places(gaz, text, *marked) == want


def test_country_adjectives_are_demonyms_and_english_names_england(gaz: Gazetteer) -> None:
    from communique.stages.place import region_adjective

    assert [gaz.demonym(w) for w in ("Bosnian", "Serbs", "Philippines")] == ["BIH", "SRB", None]
    assert [region_adjective(w) for w in ("English", "European", "Central Americans", "Texan")] == [
        "England", "Europe", "Central America", None,
    ]
