"""Issue 7, fourth round: peoples with collective nouns and their principal homeland, a country before a possessive
of several words, collectives joined by "and", names we do not know acting as parties, and a knowledge base's
names written with their article or underscores. Each kind with inputs of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import Pipeline, analyze, default_pipeline
from communique.model import Doc


def _codes(doc: Doc) -> list[tuple[str, str | None]]:
    return [(a.name, a.code) for a in doc.actors]


# --- peoples with a collective noun; the state most of a people live in ---------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # politicians, elders, inhabitants; the article's place agrees. A people's leading figures are its elites (ELI,
    # as the PLOVER GSR codes them); a state's politicians are a party's (Phoenix POLITICIAN ~PTY)
    ("Hausa politicians met Ibo elders in Kano.", [("Hausa politicians", "NGAELI"), ("Ibo elders", "NGAELI")]),
    ("Nigerian politicians met Yoruba leaders.", [("Nigerian politicians", "NGAPTY"), ("Yoruba leaders", "NGAELI")]),
    ("Kurdish inhabitants of the Syrian northeast protested.", [("Kurdish inhabitants", "SYRCVL")]),
    # no place said: the state most of the people live in
    ("Chechen rebels attacked a convoy.", [("Chechen rebels", "RUSREB")]),
    ("Kikuyu elders called for calm.", [("Kikuyu elders", "KENELI")]),
    # a place outside their homelands: where they live may be anywhere; no country
    ("Uighur activists protested in Istanbul.", [("Uighur activists", "OPP"), ("Turkey", "TUR")]),
    # a people of several states has no principal one: no country (round 10: the demand's source, a party by
    # its sector alone)
    ("Kurdish politicians demanded a recount.", [("Kurdish politicians", "PTY")]),
    ("Kurdish politicians in Erbil demanded a recount.", [("Kurdish politicians", "IRQELI")]),
    # opposition groups in a country are that country's opposition
    ("Opposition groups in Zimbabwe called for a strike.", [("groups", "ZWEOPP"), ("Zimbabwe", "ZWE")]),
])
def test_peoples_and_their_collectives(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- a country of several words before a possessive, a name between it and the noun --------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("South Africa's government rejected the report.", [("South Africa government", "ZAFGOV")]),
    ("The United States' military denied it.", [("United States military", "USAMIL")]),
    ("Nicaragua's Sandinista government closed the newspaper.", [("Nicaragua government", "NICGOV")]),
    ("Kenya's government closed the border.", [("Kenya government", "KENGOV")]),
])
def test_possessive_country_of_several_words(pipeline: Pipeline, text: str,
                                             expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- collectives joined by "and" ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a list of countries after the noun: one actor per country
    ("Lawmakers in Kenya and Uganda criticised the plan.",
     [("lawmaker", "KENLEG"), ("lawmaker", "UGALEG"), ("Kenya", "KEN"), ("Uganda", "UGA")]),
    # one country word before two state bodies is both's
    ("Danish media and government criticised the plan.", [("Danish media", "DNKMED"),
                                                          ("Danish government", "DNKGOV")]),
    # nor across the second noun's own determiner: whose governor or mayor is unsaid
    ("The Danish army and the mayor criticised the plan.", [("Danish army", "DNKMIL")]),
    # but never given to armed groups, rebels or civilians joined to them
    # (the clash is the troops' with the militants: no place country is made a party to it)
    ("US troops and militants clashed near Mosul.", [("US troops", "USAMIL"), ("militants", "UAF")]),
])
def test_coordinated_collectives(pipeline: Pipeline, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


# --- names we do not know, acting as parties ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Arnor is poised to renew full diplomatic relations with Gondor.", [("Arnor", None), ("Gondor", None)]),
    ("Velmora and Osterland have postponed their meeting.", [("Velmora", None), ("Osterland", None)]),
    ("Karthia signed a trade protocol with Dunmere on Thursday.", [("Karthia", None), ("Dunmere", None)]),
    # a word of our collectives stays a collective; a later bare surname stays its person's
    ("Gunmen attacked a convoy near Gao.", [("Gunmen", "UAF"), ("Mali", "MLI")]),
])
def test_unknown_names_acting_are_actors_with_no_country(pipeline: Pipeline, text: str,
                                                         expected: list[tuple[str, str | None]]) -> None:
    doc = analyze(text, pipeline=pipeline)
    assert _codes(doc) == expected
    assert all(a.country is None for a in doc.actors if a.code is None)


def test_unknown_names_events_have_parties(pipeline: Pipeline) -> None:
    doc = analyze("Arnor is poised to renew full diplomatic relations with Gondor.", pipeline=pipeline)
    names = {a.id: a.name for a in doc.actors}
    assert [([names[s] for s in e.source], [names[t] for t in e.target]) for e in doc.events] == [
        (["Arnor"], ["Gondor"])]


# --- a knowledge base's names: with their article, with underscores -------------------------------------------

def test_knowledge_names_with_article_and_underscores(tmp_path: Path) -> None:
    states = tmp_path / "states.actors"
    states.write_text("THE_NORTHERN_MARCH [NMR/WMR]\nVELMORA [VLM]\nDUKE OF STONE HAVEN [SHV]\n", "utf-8")
    pipe = default_pipeline(knowledge=(str(states),))
    doc = analyze("The Northern March welcomed ties with Velmora.", pipeline=pipe)
    assert sorted(a.code or "" for a in doc.actors) == ["NMR", "VLM", "WMR"]
    doc = analyze("Velmora warned the Duke of Stone_Haven.", pipeline=pipe)
    assert sorted(a.code or "" for a in doc.actors) == ["SHV", "VLM"]


# --- a country word before an organisation, a state's people, "anti-X", an IGO's collectives --------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The US Congress voted to ease the trade restrictions.", [("US Congress", "USALEG")]),
    # a state's people, whatever the NER called them
    ("Bosnian Serbs demanded a truce.", [("Bosnian Serbs", "BIHCVL")]),
    # against a country is not of it: no country rather than the wrong one
    ("A prominent anti-Syria journalist was killed.", []),
])
def test_countries_said_beside_organisations_and_peoples(pipeline: Pipeline, text: str,
                                                         expected: list[tuple[str, str | None]]) -> None:
    assert _codes(analyze(text, pipeline=pipeline)) == expected


def test_peoples_placed_by_their_own_phrase_first(pipeline: Pipeline) -> None:
    # the phrase says where they live; the people's other homelands among the article's places do not decide
    doc = analyze("Kurdish inhabitants of the Syrian northeast protested near Nusaybin.", pipeline=pipeline)
    assert _codes(doc)[0] == ("Kurdish inhabitants", "SYRCVL")
    # a people of two states, no place said: none (Shona live in Zimbabwe and Mozambique)
    assert _codes(analyze("Shona rebels attacked a train.", pipeline=pipeline)) == [("Shona rebels", "REB")]
