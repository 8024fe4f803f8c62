"""Who is the source and who the target (issue 6, section 2), round 10: unnamed parties in argument slots (role
nouns: "the prime minister", "asylum seekers", "union members"), bans of another's act, country names the actors
stage left without an actor. Sentences of our own."""

from __future__ import annotations

from typing import Any

import pytest

from communique import Pipeline, analyze
from communique.model import Doc


def _view(doc: Doc) -> list[tuple[Any, ...]]:
    """Each event as (CAMEO code, source codes, target codes); an actor's code is its country + sector, its sector
    alone when no country is known, or its name when it has no code."""
    code = {a.id: a.code or a.name for a in doc.actors}
    return [(e.cameo, [code[s] for s in e.source], [code[t] for t in e.target]) for e in doc.events]


def _check(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    assert _view(analyze(text, published="2025-06-14", pipeline=pipeline)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a role noun with no country said is a party of its sector: refugees (REF), teachers (EDU), workers (LAB) ...
    ("Poland refused to admit asylum seekers.", [("120", ["POL"], ["REF"]), ("075", ["POL"], ["REF"])]),
    ("The Tanzanian government urged striking nurses to return to work.", [("020", ["TZAGOV"], ["LAB"])]),
    ("The governor rejected the demands of the teachers.", [("120", ["GOV"], ["EDU"])]),
    ("The court sentenced three students to prison.", [("173", ["JUD"], ["EDU"])]),
    ("Hungary pledged aid to refugees.", [("071", ["HUN"], ["REF"])]),
    ("The interior minister met union leaders on Tuesday.", [("040", ["GOV"], ["LAB"])]),
    ("French President Emmanuel Macron issued an ultimatum to Muslim leaders.", [("139", ["FRAGOV"], ["REL"])]),
    # ... also as the source of an act that had no party named for it
    ("The prime minister criticised the journalists.", [("111", ["GOV"], ["MED"])]),
    ("The defence minister praised the farmers.", [("051", ["MIL"], ["AGR"])]),
    # ... also when the tagger reads the role as a name, or in a from-phrase or an of-phrase
    ("The senator demanded that the prime minister apologize to the nurses.",
     [("100", ["LEG"], ["GOV"]), ("055", ["GOV"], ["HLH"])]),
    ("The imam demanded an immediate apology from the Prime Minister.", [("100", ["REL"], ["GOV"])]),
    ("The court ordered the arrest of two of the four men.", [("173", ["JUD"], ["CVL"])]),
    ("The authorities opened corruption investigations against dozens of banks.", [("090", ["GOV"], ["BUS"])]),
])
def test_role_nouns_fill_empty_slots(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # the country comes from the phrase itself, never from the last country named: "the prime minister" here is
    # nobody's we know
    ("Kenya hosted the summit on Monday. The prime minister criticised the journalists.",
     [("043", ["KEN"], []), ("111", ["GOV"], ["MED"])]),
    ("Ghana lies in West Africa. The president met farmers on Saturday.", [("040", ["GOV"], ["AGR"])]),
])
def test_role_countries_only_from_the_phrase(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a slot another rule filled is never changed: the named actor stays
    ("Kenyan police arrested the opposition leader Kizza Besigye.", [("173", ["KENCOP"], ["KENOPP"])]),
    # nouns that are no party here: a stance, a company of soldiers
    ("The party voiced opposition to the plan.", []),
])
def test_role_nouns_leave_filled_slots_alone(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a ban of another's act is aimed at whoever did the act: named by a by-phrase the parser hangs on the verb ...
    ("The Kenyan government banned the protests by the opposition.", [("172", ["KENGOV"], ["OPP"])]),
    ("The ministry banned the rally by the opposition party.", [("172", ["GOV"], ["OPP"])]),
    # ... or by the word before the act noun, in a passive
    # (the banned rallies are still coded with no doer, as before this round: an act with no doer named)
    ("Opposition rallies were banned by the interior ministry.", [("141", [], []), ("172", ["GOV"], ["OPP"])]),
    ("Protests by Kenyan teachers were banned by the government.",
     [("141", ["KENEDU"], []), ("172", ["GOV"], ["KENEDU"])]),
])
def test_bans_aimed_at_the_doer_of_the_act(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    # a country name the tagger read as a people, in an aimed phrase: the country
    ("China has reduced humanitarian aid to Tajikistan.", [("160", ["CHN"], ["TJK"])]),
])
def test_country_names_without_an_actor(pipeline: Pipeline, text: str, expected: list[tuple[Any, ...]]) -> None:
    _check(pipeline, text, expected)
