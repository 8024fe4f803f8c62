"""The collectives finder as a package (``stages/actors/find/collectives``): each module's pure functions on
parses of our own sentences, asserting whole results."""

from __future__ import annotations

from typing import Any

from communique import Pipeline, analyze
from communique.stages.actors.find.collectives import context, forces, owners, phrase, unnamed


def _parsed(pipeline: Pipeline, text: str) -> tuple[Any, list[Any]]:
    doc = analyze(text, pipeline=pipeline)
    return doc.nlp, doc.places


def _token(sdoc: Any, word: str) -> Any:
    return next(t for t in sdoc if t.text == word)


def test_phrase_lists_every_country_of_the_phrase(pipeline: Pipeline) -> None:
    sdoc, places = _parsed(pipeline, "Lawmakers in Kenya and Uganda rejected the tax.")
    assert phrase.own_phrase_countries(_token(sdoc, "Lawmakers"), places) == ["KEN", "UGA"]
    sdoc, places = _parsed(pipeline, "Officials of Peru met on Monday.")
    assert phrase.own_phrase_countries(_token(sdoc, "Officials"), places) == ["PER"]


def test_owners_read_a_possessive(pipeline: Pipeline) -> None:
    sdoc, places = _parsed(pipeline, "South Africa's government denied the report.")
    pos = next(t.i for t in sdoc if t.tag_ == "POS")
    assert owners._owner_before_possessive(sdoc, pos, places, None) == ("ZAF", 0)


def test_forces_deployed_and_weapons_used(pipeline: Pipeline) -> None:
    sdoc, _ = _parsed(pipeline, "Chile deployed troops and launched drones at the ships.")
    assert forces._own_forces(_token(sdoc, "troops")) is True
    assert forces._as_instrument(_token(sdoc, "drones")) is True
    sdoc, _ = _parsed(pipeline, "Chilean drones struck the ships.")
    assert forces._as_instrument(_token(sdoc, "drones")) is False


def test_context_places_protesters_by_their_clause(pipeline: Pipeline) -> None:
    sdoc, places = _parsed(pipeline, "Protesters gathered outside the parliament in Lima on Monday.")
    assert context._clause_place_country(_token(sdoc, "Protesters"), places) == "PER"


def test_find_unnamed_whole_result(pipeline: Pipeline) -> None:
    doc = analyze("Peruvian police and Bolivian soldiers detained gunmen near the border.", pipeline=pipeline)
    found = unnamed.find_unnamed(doc.nlp, [], doc.places)
    assert [(f.name, f.country, f.sector, f.kind, doc.text[f.span.start : f.span.end]) for f in found] == [
        ("Peruvian police", "PER", "COP", "organization", "Peruvian police"),
        ("Bolivian soldiers", "BOL", "MIL", "group", "Bolivian soldiers"),
        ("gunmen", None, "UAF", "group", "gunmen"),
    ]


def test_a_collective_joined_by_and_is_no_sector_word_of_the_next(pipeline: Pipeline) -> None:
    # "Peruvian police and Bolivian soldiers": before, the soldiers' walk read "police" as a sector word and
    # "Peruvian" as a country, making two false "police soldier" actors over the whole phrase
    for text, expected in [
        ("Kenyan police and Ugandan troops patrolled the border.", [("Kenyan police", "KENCOP"),
                                                                    ("Ugandan troops", "UGAMIL")]),
        ("Israeli soldiers and Palestinian police exchanged fire.", [("Israeli soldiers", "ISRMIL"),
                                                                     ("Palestinian police", "PSECOP")]),
        ("Senior Kenyan police officials denied the report.", [("Kenyan police officials", "KENCOP")]),
    ]:
        assert [(a.name, a.code) for a in analyze(text, pipeline=pipeline).actors] == expected
