"""Towns the tagger called people, found by the words around them (issue 8, round 8): each kind with its own
sentences, and the look-alikes that stay people."""

from __future__ import annotations

import re

import pytest

from communique.knowledge.gazetteer import Gazetteer
from communique.stages.place import extract


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def places(gaz: Gazetteer, text: str, *marked: tuple[str, str]) -> list[tuple[str, str | None, str]]:
    ents, pos = [], 0
    for surface, label in marked:
        m = re.compile(re.escape(surface)).search(text, pos)
        assert m, surface
        ents.append((m.start(), m.end(), label))
        pos = m.end()
    return [(text[p.span.start : p.span.end], p.country, p.feature) for p in extract(text, ents, gaz)]


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
