"""Who is the source and who the target (issue 6, section 2), round 5: kinds of fault on sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from communique import Doc, Pipeline, analyze


def _view(doc: Doc) -> list[tuple[Any, ...]]:
    iso = {a.id: a.country or a.name for a in doc.actors}
    return [(e.cameo, [iso[s] for s in e.source], [iso[t] for t in e.target]) for e in doc.events]


def _check(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _view(analyze(text, published="2025-06-14", pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the thing acted on says whose it is by a country word: a passive's subject as an active's object
    ("A Chinese fishing boat was seized by the Indonesian navy.", [("171", ["IDN"], ["CHN"])]),
    ("The Indonesian navy seized a Chinese fishing boat.", [("171", ["IDN"], ["CHN"])]),
    # ... and coordinated verbs share their object
    ("Ghanaian police arrested and charged two Nigerian traders.", [("173", ["GHA"], ["NGA"])]),
])
def test_things_with_a_country_word(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("France, along with Germany, condemned the coup.", [("111", ["FRA", "DEU"], [])]),
    ("France, together with Germany, imposed sanctions on Belarus.", [("163", ["FRA", "DEU"], ["BLR"])]),
    ("Britain imposed sanctions on Iran together with Canada.", [("163", ["GBR", "CAN"], ["IRN"])]),
    ("Kenya joined Uganda in condemning Rwanda.", [("111", ["KEN", "UGA"], ["RWA"])]),
])
def test_parties_acting_beside_the_subject(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a third party named as the possessor of a noun with "between": it acts, on both sides
    ("Egypt's mediation between Israel and Hamas resumed on Monday.", [("045", ["EGY"], ["ISR", "PSE"])]),
    ("Mediation by Qatar between Sudan and Chad resumed on Monday.", [("045", ["QAT"], ["SDN", "TCD"])]),
    # with no third party the sides are each other's
    ("Talks between Serbia and Kosovo resumed on Monday.", [("040", ["SRB"], ["XKX"])]),
])
def test_third_parties_between_two_sides(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # "X will do Y if Z does W": the threat's target is Z, also when the threat is told in a that-clause
    ("Moscow warned that it would retaliate if Finland joins NATO.", [("130", ["RUS"], ["FIN"])]),
])
def test_threat_targets_from_the_condition(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)
